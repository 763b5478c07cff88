//! A learned cue detector. The reporting verbs of `data/cues.txt` cover speech; newsroom prose
//! also attributes stances and acts with any verb ("Sanders voiced his disapproval of ...",
//! "Putin chides Turkey"), too many for a list. An averaged perceptron over hashed features of
//! a word and its neighbours says which lowercase words outside quotation marks start such
//! cues; two more say where a cue ends ("has long [opposed]") and where its content ends.
//! The extractor turns such a cue, with the subject before it, into a statement
//! (`Extractor::by_learned_cue`), and tries it too where a listed cue's own rules find none.
//!
//! The weights are `data/cue_weights.txt`, rebuilt from PolNeAR train by
//! `cargo run --release --example train_cues -- ../shared/gold/polnear/train` (see
//! `training.rs`). The file holds weights by feature slot, no text.

use std::sync::OnceLock;

use super::speakers::lowercase;
use super::text::Token;

/// The weights, one per slot of the hashing trick: a feature's slot is the top [`BITS`] bits of
/// its hash (features that share a slot share a weight, in training as here).
#[derive(Debug)]
pub struct CueModel {
    weights: Vec<f32>,
    /// No weight is set: the model is off.
    empty: bool,
}

/// Bits of a feature's slot: 2^20 weights (4 MiB). Loose F1 on the held-out quarter of train
/// was 0.669 with 2^18 slots and 0.673 with 2^20, against 0.676 with exact feature hashes.
pub const BITS: u32 = 20;

/// The slot of a feature hash.
pub fn slot(h: u64) -> usize {
    (h >> (64 - BITS)) as usize
}

/// Score above which a candidate starts a cue. Below the perceptron's zero: on a quarter of
/// PolNeAR train held out (trained on the rest), -1 found more statements at nearly the same
/// precision (loose F1 0.677 → 0.683, strict 0.522 → 0.524, measured with exact feature
/// hashes before the slots).
pub const START: f32 = -1.0;
/// A candidate whose word alone weighs less than this is no cue, whatever its neighbours
/// (most function words and common nouns): scoring it in full costs a score's worth of
/// lookups, and on the held-out quarter of train skipping those moved no figure by more than
/// 0.001.
const SKIP: f32 = -1.0;
/// Score above which a word goes on with a cue, or with its content.
pub const THRESHOLD: f32 = 0.0;

impl CueModel {
    /// The model compiled into the binary, or, for training experiments, the weights file
    /// named by `WHOSAID_CUE_WEIGHTS` (an unreadable or malformed file is reported and the
    /// bundled weights are used).
    pub fn get() -> &'static CueModel {
        static MODEL: OnceLock<CueModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            if let Some(path) = std::env::var_os("WHOSAID_CUE_WEIGHTS") {
                match std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| CueModel::parse(&t))
                {
                    Ok(m) => return m,
                    Err(e) => eprintln!(
                        "whosaid: WHOSAID_CUE_WEIGHTS={}: {e}; using the bundled cue weights",
                        std::path::Path::new(&path).display()
                    ),
                }
            }
            CueModel::parse(include_str!("data/cue_weights.txt"))
                .expect("bundled cue weights are valid (checked by a unit test)")
        })
    }

    /// Reads `SLOT WEIGHT` lines (hexadecimal slot); `#` starts a comment line.
    pub fn parse(text: &str) -> Result<CueModel, String> {
        let mut weights = vec![0f32; 1 << BITS];
        let mut empty = true;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("cue weights, line {}: expected 'SLOT WEIGHT'", n + 1);
            let (h, w) = line.split_once(' ').ok_or_else(bad)?;
            let h = usize::from_str_radix(h, 16).map_err(|_| bad())?;
            let w: f32 = w.trim().parse().map_err(|_| bad())?;
            *weights.get_mut(h).ok_or_else(bad)? = w;
            empty = false;
        }
        Ok(CueModel { weights, empty })
    }

    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// The score of token `i` of a sentence as the start of a cue (`keys` from [`keys`]).
    pub fn score(&self, keys: &[Key], i: usize) -> f32 {
        let w = self.weight(mix(1, keys[i].word));
        // A word the model learned is no cue ("the", "of") is not looked at any further.
        if w < SKIP {
            return f32::MIN;
        }
        self.total(|hs| features(keys, i, |h| hs.push(h)))
    }

    fn weight(&self, h: u64) -> f32 {
        self.weights[slot(h)]
    }

    /// The sum of the weights of the features that `run` reports (at most [`MAX_FEATURES`]),
    /// in the order reported.
    fn total(&self, run: impl FnOnce(&mut Hashes)) -> f32 {
        let mut hs = Hashes::default();
        run(&mut hs);
        hs.hashes[..hs.len]
            .iter()
            .map(|&h| self.weight(h))
            .fold(0.0, |s, w| s + w)
    }

    /// The end (token index, exclusive) of the cue starting at token `c0`: it runs on over
    /// the words the model adds to it ("have [supported]", "voted [to] [endorse]").
    pub fn cue_end(&self, keys: &[Key], c0: usize) -> usize {
        let mut j = c0 + 1;
        while j < keys.len()
            && j - c0 < MAX_CUE_TOKENS
            && keys[j].continues
            && self.total(|hs| more_features(keys, c0, j, |h| hs.push(h))) > THRESHOLD
        {
            j += 1;
        }
        j
    }

    /// Does token `j` go on with content that starts at token `k`? What the model's third
    /// part learned of where the content of a stance or act ends ("voiced [his disapproval of
    /// the ruling] on Monday").
    pub fn content_goes_on(&self, keys: &[Key], k: usize, j: usize) -> bool {
        self.total(|hs| content_features(keys, k, j, |h| hs.push(h))) > THRESHOLD
    }
}

/// Features of one decision at most: the 18 of [`features`] and the 4 that
/// [`more_features`] and [`content_features`] add.
const MAX_FEATURES: usize = 24;

/// The feature hashes of one decision.
#[derive(Default)]
struct Hashes {
    hashes: [u64; MAX_FEATURES],
    len: usize,
}

impl Hashes {
    fn push(&mut self, h: u64) {
        // The feature functions report a fixed number of features, below the bound.
        if let Some(slot) = self.hashes.get_mut(self.len) {
            *slot = h;
            self.len += 1;
        }
    }
}

/// Tokens in one learned cue at most.
pub const MAX_CUE_TOKENS: usize = 6;

/// Is token `t` one the model judges: a word outside quotation marks that starts with a
/// lowercase letter (capitalised cues are the sentence's first word, which the verb list
/// covers, or names)?
pub fn candidate(body: &str, t: &Token) -> bool {
    t.word
        && !t.quoted
        && body[t.start..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// What the features need of one token, hashed once per sentence.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The lowercase word, its last three and last two characters, its shape.
    word: u64,
    s3: u64,
    s2: u64,
    shape: u64,
    quoted: bool,
    /// ".", "!" or "?".
    stop: bool,
    /// A word outside quotation marks (can continue a cue).
    continues: bool,
}

impl Key {
    /// Can this token continue a cue: a word outside quotation marks?
    pub fn continues(&self) -> bool {
        self.continues
    }
}

/// Beyond either end of the sentence.
const EDGE: Key = Key {
    word: 0x5bd1_e995,
    s3: 0x5bd1_e995,
    s2: 0x5bd1_e995,
    shape: 0x5bd1_e995,
    quoted: false,
    stop: false,
    continues: false,
};

/// The keys of a sentence's tokens.
pub fn keys(body: &str, toks: &[Token]) -> Vec<Key> {
    toks.iter()
        .map(|t| {
            let w = t.text(body);
            let lw = lowercase(w);
            let lw = &*lw;
            Key {
                word: fnv(lw.as_bytes()),
                s3: fnv(suffix(lw, 3).as_bytes()),
                s2: fnv(suffix(lw, 2).as_bytes()),
                shape: shape(w),
                quoted: t.quoted,
                stop: matches!(w, "." | "!" | "?"),
                continues: t.word && !t.quoted,
            }
        })
        .collect()
}

/// FNV-1a, 64 bits: stable across platforms and versions, so the weights file stays valid.
fn fnv(s: &[u8]) -> u64 {
    s.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A feature's hash: its template and a part, mixed (SplitMix64's finaliser).
fn mix(template: u64, part: u64) -> u64 {
    let mut z = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ part;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A feature of two parts.
fn mix2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(template, a), b)
}

/// Word shape: capitalised, all capitals, digit, lowercase, else the text itself.
fn shape(w: &str) -> u64 {
    let Some(c) = w.chars().next() else { return 0 };
    if c.is_uppercase() {
        if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
            1
        } else {
            2
        }
    } else if c.is_numeric() {
        3
    } else if c.is_alphabetic() {
        4
    } else {
        fnv(w.as_bytes())
    }
}

/// The last `n` characters of `w`.
fn suffix(w: &str, n: usize) -> &str {
    let k = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[k..]
}

fn key_at(keys: &[Key], j: isize) -> &Key {
    usize::try_from(j)
        .ok()
        .and_then(|j| keys.get(j))
        .unwrap_or(&EDGE)
}

/// Calls `f` with the hash of each feature of token `i`: the word, its suffixes and shape,
/// the two words on each side and their shapes, and a few pairs of these.
pub fn features(keys: &[Key], i: usize, mut f: impl FnMut(u64)) {
    let i = i as isize;
    let (k, p, n, pp, nn) = (
        key_at(keys, i),
        key_at(keys, i - 1),
        key_at(keys, i + 1),
        key_at(keys, i - 2),
        key_at(keys, i + 2),
    );
    f(mix(0, 0));
    f(mix(1, k.word));
    f(mix(2, k.s3));
    f(mix(3, k.s2));
    f(mix(4, k.shape));
    f(mix(5, p.word));
    f(mix(6, n.word));
    f(mix(7, pp.word));
    f(mix(8, nn.word));
    f(mix(9, p.shape));
    f(mix(10, n.shape));
    f(mix2(11, p.word, k.word));
    f(mix2(12, k.word, n.word));
    f(mix(13, u64::from(k.quoted)));
    f(mix2(14, k.s3, n.word));
    f(mix2(15, p.shape, k.s3));
    f(mix2(16, pp.shape, p.shape));
    if i == 0 || p.stop {
        f(mix(17, 0));
    }
}

/// Calls `f` with the hash of each feature of token `j` continuing the cue that starts at
/// token `c0`: the features of `j` in a namespace of their own, with the cue's first word and
/// length.
pub fn more_features(keys: &[Key], c0: usize, j: usize, mut f: impl FnMut(u64)) {
    let gap = (j - c0).min(MAX_CUE_TOKENS) as u64;
    features(keys, j, |h| f(mix(100, h)));
    f(mix(40, keys[c0].word));
    f(mix(41, gap));
    f(mix2(42, keys[c0].word, keys[j].word));
    f(mix2(43, keys[j - 1].word, keys[j].word));
}

/// Calls `f` with the hash of each feature of token `j` going on with content that starts at
/// token `k`: the features of `j` in a namespace of their own, how far it is from `k`, and
/// the word before it.
pub fn content_features(keys: &[Key], k: usize, j: usize, mut f: impl FnMut(u64)) {
    let d = j - k;
    let bucket: u64 = match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        _ => 8,
    };
    features(keys, j, |h| f(mix(200, h)));
    f(mix(50, bucket));
    f(mix2(51, bucket, keys[j].word));
    f(mix2(52, keys[j - 1].word, keys[j].word));
    f(mix(
        53,
        u64::from(keys[j].quoted) * 2 + u64::from(keys[j - 1].quoted),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_weights_parse() {
        let m = CueModel::parse(include_str!("data/cue_weights.txt")).unwrap();
        assert!(m.weights.iter().filter(|w| **w != 0.0).count() > 1000);
    }

    #[test]
    fn bad_weight_lines_are_refused() {
        assert!(CueModel::parse("zz 1.0").is_err());
        assert!(CueModel::parse("ab").is_err());
        assert!(
            CueModel::parse("fffffff 1.0").is_err(),
            "a slot out of range"
        );
        assert!(CueModel::parse("# comment\n\nab 0.5\n").is_ok());
    }

    #[test]
    fn features_do_not_depend_on_case_beyond_the_shape() {
        let feats = |s: &str| {
            let toks = super::super::text::tokens(s, (0, s.len()), &[]);
            let mut f = Vec::new();
            features(&keys(s, &toks), 1, |h| f.push(h));
            f
        };
        let plain = feats("Smith voiced concern");
        // The same shape (lowercase): the same features.
        assert_eq!(feats("Smith vOICED cONCERN"), plain);
        // A capitalised word: only its shape feature differs.
        let cap = feats("Smith Voiced concern");
        let differ = cap.iter().zip(&plain).filter(|(x, y)| x != y).count();
        assert_eq!(differ, 1);
        // Other words, other features.
        assert_ne!(feats("Smith voiced support"), plain);
    }

    #[test]
    fn the_bundled_model_finds_a_stance_outside_the_verb_list() {
        let body = "The senator voiced his disapproval of the ruling on Monday.";
        let a = crate::model::Article {
            body: body.into(),
            ..Default::default()
        };
        let st = super::super::Extractor::default().extract(&a);
        assert_eq!(st.len(), 1, "{st:?}");
        assert!(
            st[0].quote.contains("disapproval of the ruling"),
            "{:?}",
            st[0].quote
        );
        assert_eq!(st[0].speaker_mention.as_deref(), Some("The senator"));
    }
}
