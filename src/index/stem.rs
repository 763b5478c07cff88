//! The last step of the `en` analyzer: British/American spelling folded by the bundled rules (see
//! `spelling`), then the English stem, remembered per thread. News text repeats a small
//! vocabulary, so nearly every word is a look-up instead of a new stemming run and a new string.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::spelling::Spelling;

/// Distinct words remembered per thread before the memo starts again (a few MB at most).
const MAX_WORDS: usize = 50_000;

thread_local! {
    /// One memo per thread for every field and analyzer: Tantivy clones the analyzer for each
    /// field of each segment writer, and a memo apiece would learn the same words many times.
    static MEMO: RefCell<Memo> = RefCell::new(Memo::new());
}

/// Folds spelling and stems, as `SpellingFolder` with the bundled rules and then Tantivy's
/// English `Stemmer` would.
#[derive(Clone)]
pub struct FoldStem;

impl TokenFilter for FoldStem {
    type Tokenizer<T: Tokenizer> = FoldStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldStemFilter<T> {
        FoldStemFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct FoldStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FoldStemFilter<T> {
    type TokenStream<'a> = FoldStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// Each word's folded stem, and the steps that make one.
struct Memo {
    rules: std::sync::Arc<Spelling>,
    /// Tantivy's stemmer behind a tokenizer that yields its input as one token.
    stemmer: TextAnalyzer,
    seen: FxHashMap<String, String>,
}

impl Memo {
    fn new() -> Memo {
        Memo {
            rules: Spelling::bundled(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            seen: FxHashMap::default(),
        }
    }

    /// Replaces `word` by its folded stem.
    fn apply(&mut self, word: &mut String) {
        if let Some(stem) = self.seen.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let folded = self.rules.fold(word).unwrap_or_else(|| word.clone());
        let mut st = self.stemmer.token_stream(&folded);
        let stem = if st.advance() {
            st.token().text.clone()
        } else {
            folded.clone()
        };
        drop(st);
        if self.seen.len() >= MAX_WORDS {
            self.seen.clear();
        }
        self.seen
            .insert(std::mem::replace(word, stem.clone()), stem);
    }
}

pub struct FoldStemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for FoldStemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let word = &mut self.tail.token_mut().text;
        MEMO.with(|m| m.borrow_mut().apply(word));
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
    use crate::index::spelling::SpellingFolder;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn words(an: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut st = an.token_stream(text);
        let mut out = Vec::new();
        while st.advance() {
            out.push(st.token().text.clone());
        }
        out
    }

    #[test]
    fn remembered_stems_are_the_stemmers_own() {
        let text = "Defence spending rises; the organisations criticised defense spending, \
                    favouring programmes. Running runners ran; running again. NATO's allies";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(SpellingFolder(Spelling::bundled()))
            .filter(Stemmer::new(Language::English))
            .build();
        let mut memo = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(FoldStem)
            .build();
        let want = words(&mut plain, text);
        // Twice: the second pass reads every word from the memo.
        assert_eq!(words(&mut memo, text), want);
        assert_eq!(words(&mut memo, text), want);
        assert!(want.contains(&"defens".to_string()), "{want:?}");
    }
}
