//! Training of the learned cue detector ([`super::learned`]) on a PolNeAR split, for
//! `examples/train_cues.rs`. Three averaged perceptrons share one weight table, each in a
//! namespace of feature hashes of its own:
//! - where a cue starts: each lowercase word outside quotation marks is an example, a cue when
//!   an attribution of the split's first annotator (by file name, as the scorer reads it) has
//!   its cue start there;
//! - where such a cue ends: each later word, up to the first that is not in it;
//! - where its content ends, when the content follows the cue in its sentence: each word after
//!   the content's first, up to the first that is not in it.
//!
//! Four passes in a fixed shuffled order: the output is the same on every run.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::Extractor;
use super::learned;

const EPOCHS: usize = 4;
/// Weights smaller than this are left out of the file (they hardly move a score).
const MIN_WEIGHT: f32 = 1.0;

type Examples = Vec<(Vec<u64>, bool)>;

/// A gold attribution's cue (first piece, bytes) and its content's first piece (bytes).
struct GoldCue {
    cue: (usize, usize),
    content: (usize, usize),
}

/// Trains on the split at `split` (with `text/` and `attributions/`) and returns the weights
/// file's text. Progress goes to standard error.
pub fn train_cue_model(split: &Path) -> Result<String, String> {
    let ex = Extractor::default();
    let list = |d: &Path| -> Result<Vec<String>, String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        v.sort();
        Ok(v)
    };
    let texts = list(&split.join("text"))?;
    let anns = list(&split.join("attributions"))?;
    let (mut starts, mut more, mut content) = (Examples::new(), Examples::new(), Examples::new());
    let mut docs = 0;
    for name in texts.iter().filter(|n| n.ends_with(".txt")) {
        let stem = &name[..name.len() - 4];
        let Some(ann) = anns.iter().find(|a| {
            a.strip_suffix(".ann")
                .and_then(|a| a.strip_prefix(&format!("{stem}_")))
                .is_some_and(|rest| !rest.contains('_'))
        }) else {
            continue;
        };
        let tp = split.join("text").join(name);
        let body = std::fs::read_to_string(&tp).map_err(|e| format!("{}: {e}", tp.display()))?;
        let gold = gold_cues(&body, &split.join("attributions").join(ann))?;
        examples(&ex, &body, &gold, &mut starts, &mut more, &mut content);
        docs += 1;
    }
    eprintln!(
        "train_cues: {docs} articles; {} candidate cue starts ({} cues), {} cue-end and {} content-end examples",
        starts.len(),
        starts.iter().filter(|e| e.1).count(),
        more.len(),
        content.len()
    );
    // The three parts' features are in namespaces of their own, but may share a slot: their
    // weights add up, as the model reads only one table.
    let mut table: FxHashMap<usize, f32> = FxHashMap::default();
    for part in [
        perceptron(&starts, "cue starts"),
        perceptron(&more, "cue ends"),
        perceptron(&content, "content ends"),
    ] {
        for (i, v) in part {
            *table.entry(i).or_default() += v;
        }
    }
    let mut kept: Vec<(usize, f32)> = table.into_iter().collect();
    kept.sort_by_key(|(i, _)| *i);
    let mut text = String::from(
        "# Learned cue detector weights (src/extract/learned.rs): SLOT WEIGHT.\n\
         # Rebuilt by: cargo run --release --example train_cues -- ../shared/gold/polnear/train\n",
    );
    for (h, v) in &kept {
        text.push_str(&format!("{h:05x} {v:.2}\n"));
    }
    eprintln!("train_cues: {} weights", kept.len());
    Ok(text)
}

/// The examples of one article.
fn examples(
    ex: &Extractor,
    body: &str,
    gold: &[GoldCue],
    starts: &mut Examples,
    more: &mut Examples,
    content: &mut Examples,
) {
    let by_start: FxHashMap<usize, &GoldCue> = gold.iter().map(|g| (g.cue.0, g)).collect();
    for s in ex.sentences(body) {
        let toks = &s.toks;
        let keys = learned::keys(body, toks);
        for (i, t) in toks.iter().enumerate() {
            if !learned::candidate(body, t) {
                continue;
            }
            let g = by_start.get(&t.start);
            let mut f = Vec::with_capacity(18);
            learned::features(&keys, i, |h| f.push(h));
            starts.push((f, g.is_some()));
            let Some(g) = g else { continue };
            let mut j = i + 1;
            while j < toks.len() && j - i < learned::MAX_CUE_TOKENS && keys[j].continues() {
                let inside = toks[j].start < g.cue.1;
                let mut f = Vec::with_capacity(22);
                learned::more_features(&keys, i, j, |h| f.push(h));
                more.push((f, inside));
                if !inside {
                    break;
                }
                j += 1;
            }
            // The content, when it starts after the cue in this sentence.
            let (a, b) = g.content;
            if a < g.cue.1 || a >= s.span.1 {
                continue;
            }
            let Some(k) = toks.iter().position(|t| t.start >= a && t.start < b) else {
                continue;
            };
            for (j, t) in toks.iter().enumerate().skip(k + 1) {
                let inside = t.start < b;
                let mut f = Vec::with_capacity(22);
                learned::content_features(&keys, k, j, |h| f.push(h));
                content.push((f, inside));
                if !inside {
                    break;
                }
            }
        }
    }
}

/// An averaged perceptron over `examples` (feature hashes, folded into slots): the weights of
/// at least [`MIN_WEIGHT`], by slot.
fn perceptron(examples: &[(Vec<u64>, bool)], what: &str) -> Vec<(usize, f32)> {
    let n = 1usize << learned::BITS;
    // w, and the sum of updates weighted by when they happened.
    let (mut w, mut u) = (vec![0f32; n], vec![0f64; n]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut c = 1f64;
    for epoch in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0usize;
        for &k in &order {
            let (feats, y) = &examples[k];
            let y = if *y { 1.0f32 } else { -1.0 };
            let s: f32 = feats.iter().map(|&h| w[learned::slot(h)]).sum();
            if y * s <= 0.0 {
                wrong += 1;
                for &h in feats {
                    w[learned::slot(h)] += y;
                    u[learned::slot(h)] += f64::from(y) * c;
                }
            }
            c += 1.0;
        }
        eprintln!(
            "train_cues: {what}, pass {} of {EPOCHS}: {wrong} mistakes",
            epoch + 1
        );
    }
    (0..n)
        .map(|i| (i, (f64::from(w[i]) - u[i] / c) as f32))
        .filter(|(_, v)| v.abs() >= MIN_WEIGHT)
        .collect()
}

/// The cue and content (first pieces, bytes) of each attribution with a content, from a BRAT
/// `.ann` file (whose offsets count code points).
fn gold_cues(body: &str, ann: &Path) -> Result<Vec<GoldCue>, String> {
    let text = std::fs::read_to_string(ann).map_err(|e| format!("{}: {e}", ann.display()))?;
    let mut spans: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    let mut rels: Vec<(&str, &str)> = Vec::new();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(what)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            // "Cue 12 20;25 30": the first piece.
            let mut nums = what.split([' ', ';']).skip(1).map(str::parse::<usize>);
            if let (Some(Ok(a)), Some(Ok(b))) = (nums.next(), nums.next()) {
                spans.insert(id, (a, b));
            }
        } else if id.starts_with('E') {
            let args: Vec<(&str, &str)> = what
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .collect();
            let cue = args.iter().find(|(r, _)| *r == "Cue").map(|a| a.1);
            let content = args.iter().find(|(r, _)| *r == "Content").map(|a| a.1);
            if let (Some(c), Some(t)) = (cue, content) {
                rels.push((c, t));
            }
        }
    }
    // Code points to bytes.
    let bytes: Vec<usize> = body
        .char_indices()
        .map(|(b, _)| b)
        .chain([body.len()])
        .collect();
    let to_bytes = |(a, b): (usize, usize)| Some((*bytes.get(a)?, *bytes.get(b)?));
    Ok(rels
        .into_iter()
        .filter_map(|(c, t)| {
            Some(GoldCue {
                cue: to_bytes(*spans.get(c)?)?,
                content: to_bytes(*spans.get(t)?)?,
            })
        })
        .collect())
}
