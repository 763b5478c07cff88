//! Fixed sets of lowercase ASCII words (determiners, generic nouns, ...), hashed on first use:
//! the extractor asks them several times per token, and a list of a hundred words read front
//! to back on every question was a measurable part of its time.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::lexicon::{MAX_CUE_WORD, ascii_lower};

/// A fixed set of lowercase ASCII words.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    fn set(&self) -> &FxHashSet<&'static str> {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
    }

    /// Is `w`, exactly as written, one of the words? A word longer than [`MAX_CUE_WORD`] is
    /// none (the test below holds the sets to that length).
    pub fn contains(&self, w: &str) -> bool {
        w.len() <= MAX_CUE_WORD && self.set().contains(w)
    }

    /// Is `w` one of the words, ignoring ASCII case (as `eq_ignore_ascii_case` would)?
    pub fn contains_ci(&self, w: &str) -> bool {
        let mut buf = [0u8; MAX_CUE_WORD];
        ascii_lower(w, &mut buf).is_some_and(|lw| self.set().contains(lw))
    }

    #[cfg(test)]
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SETS: &[(&str, &WordSet)] = &[
        ("DETERMINERS", &super::super::speakers::DETERMINERS),
        ("SPEAKER_NOUNS", &super::super::speakers::SPEAKER_NOUNS),
        ("ORG_HEADS", &super::super::speakers::ORG_HEADS),
        ("ABBREVIATIONS", &super::super::text::ABBREVIATIONS),
        ("CLAUSE_OPENERS", &super::super::CLAUSE_OPENERS),
        ("LEAD_TO_CUE", &super::super::speakers::LEAD_TO_CUE),
        ("PARTY_MEMBERS", &super::super::speakers::PARTY_MEMBERS),
        ("NUMBERED_NOUNS", &super::super::speakers::NUMBERED_NOUNS),
        ("SENTENCE_ADVERBS", &super::super::SENTENCE_ADVERBS),
    ];

    #[test]
    fn sets_hold_short_lowercase_ascii_words() {
        for (name, s) in SETS {
            for w in s.words() {
                assert!(
                    w.len() <= MAX_CUE_WORD && w.is_ascii() && *w == w.to_ascii_lowercase(),
                    "{name}: {w:?}"
                );
            }
        }
    }

    #[test]
    fn lookups_match_a_scan_of_the_list() {
        static S: WordSet = WordSet::new(&["the", "u.s", "a"]);
        for w in [
            "the",
            "The",
            "THE",
            "u.s",
            "U.S",
            "a",
            "A",
            "th",
            "thee",
            "",
            "ça",
            "théâtre",
        ] {
            assert_eq!(S.contains(w), S.words().contains(&w), "{w:?}");
            assert_eq!(
                S.contains_ci(w),
                S.words().iter().any(|x| x.eq_ignore_ascii_case(w)),
                "{w:?}"
            );
        }
        let long = "x".repeat(100);
        assert!(!S.contains(&long) && !S.contains_ci(&long));
    }
}
