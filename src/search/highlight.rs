//! What matched, shown: the query's words found in a quote (adjacent words merged, so a phrase is
//! one highlight), and the fragments of the quote to show.

use rustc_hash::FxHashMap;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;

/// Quotes up to this many characters are shown whole.
pub const WHOLE_QUOTE_CHARS: usize = 300;
/// Characters of context on each side of a match in a fragment of a long quote.
const AROUND: usize = 90;
/// Fragments shown of a long quote.
const MAX_FRAGMENTS: usize = 3;

/// The analyzed words a query looks for in some fields.
#[derive(Clone)]
pub struct Highlighter {
    analyzer: Option<TextAnalyzer>,
    /// Each word looked for, and whether it counts alone (true) or only inside a phrase.
    terms: FxHashMap<(Field, String), bool>,
}

/// Highlights of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Byte ranges of the words (and phrases) that matched.
    pub highlights: Vec<[usize; 2]>,
    /// Byte ranges to show: the whole text when short, else the parts around the matches.
    pub fragments: Vec<[usize; 2]>,
}

impl Highlighter {
    /// The words `query` looks for; `pairs` maps each word-pair field to the field whose words
    /// it pairs, so that a pair term marks its two words there, as a phrase would.
    pub fn new(
        analyzer: Option<TextAnalyzer>,
        query: &dyn Query,
        pairs: &[(Field, Field)],
    ) -> Highlighter {
        let mut terms: FxHashMap<(Field, String), bool> = FxHashMap::default();
        query.query_terms(&mut |t, in_phrase| {
            let value = t.value();
            let Some(s) = value.as_str() else {
                return;
            };
            match pairs.iter().find(|(p, _)| *p == t.field()) {
                Some((_, base)) => {
                    for w in s.split(crate::index::pairs::JOIN) {
                        terms.entry((*base, w.to_string())).or_default();
                    }
                }
                None => *terms.entry((t.field(), s.to_string())).or_default() |= !in_phrase,
            }
        });
        Highlighter { analyzer, terms }
    }

    /// Does the query look for any words in this field?
    pub fn has_terms(&self, field: Field) -> bool {
        self.terms.keys().any(|(f, _)| *f == field)
    }

    /// Byte ranges of `text` whose words the query looks for in `field`; neighbouring matched
    /// words separated only by spaces or punctuation make one range.
    pub fn ranges(&mut self, field: Field, text: &str) -> Vec<[usize; 2]> {
        if !self.has_terms(field) {
            return Vec::new();
        }
        let Some(an) = self.analyzer.as_mut() else {
            return Vec::new();
        };
        // Runs of matched words: [start, end, words, any word that counts alone].
        let mut runs: Vec<(usize, usize, usize, bool)> = Vec::new();
        let mut prev_matched = false;
        let mut key = (field, String::new());
        let mut st = an.token_stream(text);
        while st.advance() {
            let t = st.token();
            key.1.clear();
            key.1.push_str(&t.text);
            let hit = self.terms.get(&key).copied();
            if let Some(alone) = hit {
                match runs.last_mut() {
                    Some(last)
                        if prev_matched
                            && text
                                .get(last.1..t.offset_from)
                                .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric)) =>
                    {
                        last.1 = t.offset_to;
                        last.2 += 1;
                        last.3 |= alone;
                    }
                    _ => runs.push((t.offset_from, t.offset_to, 1, alone)),
                }
            }
            prev_matched = hit.is_some();
        }
        // A word that only belongs to a phrase is not highlighted on its own.
        runs.into_iter()
            .filter(|r| r.2 > 1 || r.3)
            .map(|r| [r.0, r.1])
            .collect()
    }

    /// Highlights and fragments of a quote.
    pub fn marks(&mut self, field: Field, quote: &str) -> Marks {
        let highlights = self.ranges(field, quote);
        let fragments = fragments(quote, &highlights);
        Marks {
            highlights,
            fragments,
        }
    }
}

/// The nearest char boundary at or before `i`, moved back to a word start when one is near.
fn left_edge(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    if i == 0 {
        return 0;
    }
    let ws = s[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(p, c)| p + c.len_utf8());
    match ws {
        Some(after) if i - after < 20 => after,
        _ => i,
    }
}

/// The nearest char boundary at or after `i`, moved on to a word end when one is near.
fn right_edge(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    match s[i..].find(char::is_whitespace) {
        Some(ws) if ws < 20 => i + ws,
        _ => i,
    }
}

/// Which parts of a text to show: all of it up to [`WHOLE_QUOTE_CHARS`]; otherwise up to
/// [`MAX_FRAGMENTS`] windows around the matches (the first ones), or the opening when nothing in
/// it matched.
pub fn fragments(text: &str, highlights: &[[usize; 2]]) -> Vec<[usize; 2]> {
    if text.chars().count() <= WHOLE_QUOTE_CHARS {
        return vec![[0, text.len()]];
    }
    if highlights.is_empty() {
        return vec![[0, right_edge(text, 2 * AROUND)]];
    }
    let mut out: Vec<[usize; 2]> = Vec::new();
    for &[s, e] in highlights {
        let from = left_edge(text, s.saturating_sub(AROUND));
        let to = right_edge(text, e + AROUND);
        match out.last_mut() {
            Some(last) if from <= last[1] => last[1] = last[1].max(to),
            _ => {
                if out.len() == MAX_FRAGMENTS {
                    break;
                }
                out.push([from, to]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::StatementIndex;

    fn marks(query: &str, text: &str) -> Marks {
        let idx = StatementIndex::create_in_ram().unwrap();
        let q = crate::search::query::build(&idx, query, &Default::default()).unwrap();
        let mut h = Highlighter::new(idx.analyzer(), &*q, &idx.pair_fields());
        h.marks(idx.field("quote"), text)
    }

    #[test]
    fn phrases_highlight_as_one_range() {
        let text = "We think NATO membership is not realistic.";
        let m = marks("\"NATO membership\"", text);
        assert_eq!(m.highlights, vec![[9, 24]]);
        assert_eq!(&text[9..24], "NATO membership");
        assert_eq!(m.fragments, vec![[0, text.len()]]);
    }

    #[test]
    fn a_phrase_looked_up_as_a_word_pair_highlights_as_one_range() {
        let text = "Health is fine, but health care costs rise; care matters.";
        let m = marks("\"health care\"", text);
        assert_eq!(m.highlights, vec![[20, 31]]);
        assert_eq!(&text[20..31], "health care");
    }

    #[test]
    fn words_of_a_phrase_alone_are_not_highlighted() {
        let m = marks(
            "\"mutual defence clause\"",
            "The clause is vague; mutual defence clause.",
        );
        assert_eq!(m.highlights, vec![[21, 42]]);
    }

    #[test]
    fn folded_spellings_highlight() {
        let text = "Our defence spending will rise.";
        let m = marks("defense", text);
        assert_eq!(m.highlights, vec![[4, 11]]);
    }

    #[test]
    fn long_quotes_show_fragments_around_each_match() {
        let filler = "and so on and so forth ".repeat(20);
        let text = format!("Sanctions first. {filler} then sanctions again. {filler} the end.");
        let m = marks("sanctions", &text);
        assert_eq!(m.highlights.len(), 2);
        assert_eq!(m.fragments.len(), 2);
        for (f, h) in m.fragments.iter().zip(&m.highlights) {
            assert!(f[0] <= h[0] && h[1] <= f[1]);
            assert!(f[1] - f[0] < text.len() / 2);
        }
        // Nothing matched in the quote: its opening is shown.
        let m = marks("speaker:nobody", &text);
        assert!(m.highlights.is_empty());
        assert_eq!(m.fragments[0][0], 0);
    }
}
