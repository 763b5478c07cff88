//! Word pairs: the `pairs` tokenizer turns the words of the `en` analyzer into one token per two
//! adjacent common words ("health care" → `health care`), so that such a two-word phrase is one
//! term of a `*_pairs` field and is found, ranked and pruned like a single word (Elasticsearch's
//! `index_phrases` does this for every pair). Only pairs of common words are kept: a phrase with a
//! rarer word is quick to match by positions, since its rarer word's documents are few, and
//! leaving its pairs out keeps most of the pair vocabulary out of the index. Which phrases are
//! looked up as pairs is `search::query`'s business.

use std::sync::Arc;

use rustc_hash::FxHashSet;
use tantivy::tokenizer::{BoxTokenStream, TextAnalyzer, Token, TokenStream, Tokenizer};

/// The common words, as written (`index_schema/common_words.txt`, made by `common_words.py`).
pub const COMMON_WORDS: &str = include_str!("../../index_schema/common_words.txt");

/// The analyzed forms of the common words.
pub fn common_words(words: &mut TextAnalyzer) -> Arc<FxHashSet<String>> {
    let mut set = FxHashSet::default();
    for line in COMMON_WORDS.lines().filter(|l| !l.starts_with('#')) {
        let mut st = words.token_stream(line);
        while st.advance() {
            set.insert(st.token().text.clone());
        }
    }
    Arc::new(set)
}

/// Joins the two words of a pair token. The `en` analyzer's words never hold a space.
pub const JOIN: char = ' ';

/// Pairs of adjacent common words from an inner analyzer. Words are adjacent when their
/// positions follow each other, which is what a phrase query asks of them; a word the analyzer
/// dropped (an overlong one) breaks the pair, as it breaks the phrase.
#[derive(Clone)]
pub struct PairTokenizer {
    words: TextAnalyzer,
    /// Analyzed words that pair.
    common: Arc<FxHashSet<String>>,
}

impl PairTokenizer {
    pub fn new(words: TextAnalyzer, common: Arc<FxHashSet<String>>) -> Self {
        PairTokenizer { words, common }
    }
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream<'a> {
        PairStream {
            words: self.words.token_stream(text),
            common: &self.common,
            prev: None,
            token: Token::default(),
        }
    }
}

/// The pairs of one text.
pub struct PairStream<'a> {
    words: BoxTokenStream<'a>,
    common: &'a FxHashSet<String>,
    /// The last common word read: its text, start offset and position.
    prev: Option<(String, usize, usize)>,
    token: Token,
}

impl TokenStream for PairStream<'_> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let cur = self.words.token();
            if !self.common.contains(&cur.text) {
                self.prev = None;
                continue;
            }
            let paired = match &mut self.prev {
                Some((text, from, pos)) => {
                    let adjacent = cur.position == *pos + 1;
                    if adjacent {
                        self.token.text.clear();
                        self.token.text.push_str(text);
                        self.token.text.push(JOIN);
                        self.token.text.push_str(&cur.text);
                        self.token.offset_from = *from;
                        self.token.offset_to = cur.offset_to;
                        self.token.position = *pos;
                        self.token.position_length = 2;
                    }
                    text.clear();
                    text.push_str(&cur.text);
                    *from = cur.offset_from;
                    *pos = cur.position;
                    adjacent
                }
                None => {
                    self.prev = Some((cur.text.clone(), cur.offset_from, cur.position));
                    false
                }
            };
            if paired {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer};

    fn pairs(text: &str) -> Vec<(String, usize, usize, usize)> {
        let words = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(10))
            .filter(LowerCaser)
            .build();
        let common = ["health", "care", "now", "an", "long", "day", "nato"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let mut t = TextAnalyzer::from(PairTokenizer::new(words, Arc::new(common)));
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let k = s.token();
            out.push((k.text.clone(), k.offset_from, k.offset_to, k.position));
        }
        out
    }

    #[test]
    fn adjacent_words_pair_up_with_their_offsets() {
        assert_eq!(
            pairs("Health care, now!"),
            vec![
                ("health care".to_string(), 0, 11, 0),
                ("care now".to_string(), 7, 16, 1)
            ]
        );
    }

    #[test]
    fn a_word_outside_the_common_words_breaks_the_chain() {
        assert_eq!(
            pairs("health care reform now"),
            vec![("health care".to_string(), 0, 11, 0)]
        );
    }

    #[test]
    fn the_bundled_common_words_hold_the_everyday_words_of_news() {
        let mut en = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build();
        let common = common_words(&mut en);
        assert!(common.len() > 1500, "{}", common.len());
        for w in ["the", "said", "health", "care", "white", "house"] {
            assert!(common.contains(w), "{w}");
        }
        assert!(!common.contains("hegseth"));
    }

    #[test]
    fn one_word_makes_no_pair_and_a_dropped_word_breaks_the_chain() {
        assert!(pairs("NATO").is_empty());
        assert!(pairs("").is_empty());
        // "extraordinarily" is over the 10-byte limit: "an" and "long" are not adjacent.
        assert_eq!(
            pairs("an extraordinarily long day"),
            vec![("long day".to_string(), 19, 27, 2)]
        );
    }
}
