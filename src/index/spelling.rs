//! British/American spelling folding: a Tantivy token filter driven by
//! `index_schema/spelling.txt`, run after lowercasing and ASCII folding and before the stemmer,
//! at index and at query time alike.

use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::error::{Error, Result};

/// The rules file, compiled in.
pub const SPELLING_TXT: &str = include_str!("../../index_schema/spelling.txt");

/// Stem letters a suffix rule needs before the suffix ("rise" and "noise" are left alone).
const MIN_STEM: usize = 3;

/// Shortest token any rule can change (checked by a test against the rules file).
const MIN_TOKEN: usize = 4;

/// Parsed folding rules.
#[derive(Debug)]
pub struct Spelling {
    whole: FxHashMap<String, String>,
    contains: AhoCorasick,
    contains_to: Vec<String>,
    /// Longest suffix first.
    suffix: Vec<(String, String)>,
}

impl Spelling {
    /// Parses the rules file format (see `index_schema/spelling.txt`).
    pub fn parse(text: &str) -> Result<Spelling> {
        let mut whole = FxHashMap::default();
        let mut contains = Vec::new();
        let mut suffix = Vec::new();
        let mut section = "";
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = match s {
                    "whole" => "whole",
                    "contains" => "contains",
                    "suffix" => "suffix",
                    other => {
                        return Err(Error::Schema(format!(
                            "spelling.txt line {}: unknown section [{other}]",
                            n + 1
                        )));
                    }
                };
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(from), Some(to), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(Error::Schema(format!(
                    "spelling.txt line {}: expected two words, got {line:?}",
                    n + 1
                )));
            };
            let pair = (from.to_string(), to.to_string());
            match section {
                "whole" => {
                    whole.insert(pair.0, pair.1);
                }
                "contains" => contains.push(pair),
                "suffix" => suffix.push(pair),
                _ => {
                    return Err(Error::Schema(format!(
                        "spelling.txt line {}: rule before any [section]",
                        n + 1
                    )));
                }
            }
        }
        suffix.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
        let contains_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(contains.iter().map(|(f, _)| f))
            .map_err(|e| Error::Schema(format!("spelling.txt: {e}")))?;
        Ok(Spelling {
            whole,
            contains: contains_ac,
            contains_to: contains.into_iter().map(|(_, t)| t).collect(),
            suffix,
        })
    }

    /// The bundled rules, parsed once.
    pub fn bundled() -> Arc<Spelling> {
        static RULES: OnceLock<Arc<Spelling>> = OnceLock::new();
        RULES
            .get_or_init(|| {
                Arc::new(Spelling::parse(SPELLING_TXT).expect("bundled spelling.txt parses"))
            })
            .clone()
    }

    /// The folded form of a lowercase token, or `None` when it is left as it is.
    pub fn fold(&self, token: &str) -> Option<String> {
        // No rule applies to words this short ("four", "rise"): most tokens stop here.
        if token.len() < MIN_TOKEN {
            return None;
        }
        if let Some(to) = self.whole.get(token) {
            return Some(to.clone());
        }
        let mut out: Option<String> = None;
        if let Some(m) = self.contains.find(token) {
            let mut s = String::with_capacity(token.len());
            s.push_str(&token[..m.start()]);
            s.push_str(&self.contains_to[m.pattern().as_usize()]);
            s.push_str(&token[m.end()..]);
            out = Some(s);
        }
        let cur = out.as_deref().unwrap_or(token);
        for (from, to) in &self.suffix {
            if cur.len() >= from.len() + MIN_STEM && cur.ends_with(from.as_str()) {
                let stem = &cur[..cur.len() - from.len()];
                if stem.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Some(format!("{stem}{to}"));
                }
            }
        }
        out
    }
}

/// Token filter applying [`Spelling::fold`].
#[derive(Clone)]
pub struct SpellingFolder(pub Arc<Spelling>);

impl TokenFilter for SpellingFolder {
    type Tokenizer<T: Tokenizer> = SpellingFolderFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SpellingFolderFilter<T> {
        SpellingFolderFilter {
            rules: self.0,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
pub struct SpellingFolderFilter<T> {
    rules: Arc<Spelling>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for SpellingFolderFilter<T> {
    type TokenStream<'a> = SpellingFolderStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SpellingFolderStream {
            rules: &self.rules,
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct SpellingFolderStream<'a, T> {
    rules: &'a Spelling,
    tail: T,
}

impl<T: TokenStream> TokenStream for SpellingFolderStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if let Some(f) = self.rules.fold(&self.tail.token().text) {
            self.tail.token_mut().text = f;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        Spelling::bundled().fold(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn british_and_american_meet() {
        for (uk, us) in [
            ("defence", "defense"),
            ("defences", "defenses"),
            ("organisation", "organization"),
            ("organisations", "organizations"),
            ("favour", "favor"),
            ("unfavourable", "unfavorable"),
            ("centre", "center"),
            ("centred", "centered"),
            ("criticised", "criticized"),
            ("emphasising", "emphasizing"),
            ("analyse", "analyze"),
            ("travelled", "traveled"),
            ("programme", "program"),
            ("labour", "labor"),
            ("kilometres", "kilometers"),
            ("manoeuvres", "maneuvers"),
        ] {
            assert_eq!(fold(uk), fold(us), "{uk} / {us}");
        }
    }

    #[test]
    fn short_and_unrelated_words_are_left_alone() {
        for w in [
            "rise", "wise", "noise", "four", "hour", "filled", "nato", "the",
        ] {
            assert_eq!(fold(w), w);
        }
    }

    #[test]
    fn no_rule_is_shorter_than_the_fast_path() {
        let rules = Spelling::parse(SPELLING_TXT).unwrap();
        assert!(rules.whole.keys().all(|w| w.len() >= MIN_TOKEN));
        assert!(rules.contains.patterns_len() > 0);
        assert!(rules.contains.min_pattern_len() >= MIN_TOKEN);
        assert!(
            rules
                .suffix
                .iter()
                .all(|(f, _)| f.len() + MIN_STEM >= MIN_TOKEN)
        );
    }

    #[test]
    fn bad_rules_are_reported_with_their_line() {
        let e = Spelling::parse("[contains]\nonly-one\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        assert!(Spelling::parse("a b\n").is_err());
        assert!(Spelling::parse("[nope]\n").is_err());
    }
}
