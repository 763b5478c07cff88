//! Query-time synonyms and speaker aliases from `index_schema/synonyms.toml`.

use std::sync::OnceLock;

use serde::Deserialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::error::{Error, Result};
use crate::model::name_key;

/// The synonyms file, compiled in.
pub const SYNONYMS_TOML: &str = include_str!("../../index_schema/synonyms.toml");

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    group: Vec<GroupSpec>,
    #[serde(default)]
    speaker: Vec<SpeakerSpec>,
}

#[derive(Debug, Deserialize)]
struct GroupSpec {
    terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct SpeakerSpec {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Synonym groups and speaker aliases.
#[derive(Debug)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
    speakers: Vec<Vec<String>>,
    /// The terms analyzed, once (the analyzer is the index's, the same for every query).
    phrases: OnceLock<Vec<Phrase>>,
}

/// An analyzed synonym term: group, index in the group, words, case-sensitive.
type Phrase = (usize, usize, Vec<Tok>, bool);

/// One use of a synonym group in a query.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Used {
    /// The words of the query that matched.
    pub matched: String,
    /// Everything searched for in their place.
    pub terms: Vec<String>,
}

/// A term that only matches when typed the same way: a short acronym.
fn case_sensitive(term: &str) -> bool {
    let letters: Vec<char> = term.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase())
}

#[derive(Debug)]
struct Tok {
    text: String,
    from: usize,
    to: usize,
}

fn tokens(an: &mut TextAnalyzer, s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut st = an.token_stream(s);
    while st.advance() {
        let t = st.token();
        out.push(Tok {
            text: t.text.clone(),
            from: t.offset_from,
            to: t.offset_to,
        });
    }
    out
}

impl Synonyms {
    /// Parses the file format of `index_schema/synonyms.toml`.
    pub fn parse(text: &str) -> Result<Synonyms> {
        let f: File =
            toml::from_str(text).map_err(|e| Error::Schema(format!("synonyms.toml: {e}")))?;
        Ok(Synonyms {
            groups: f
                .group
                .into_iter()
                .map(|g| g.terms)
                .filter(|t| t.len() >= 2)
                .collect(),
            speakers: f
                .speaker
                .into_iter()
                .map(|s| std::iter::once(s.name).chain(s.aliases).collect())
                .collect(),
            phrases: OnceLock::new(),
        })
    }

    /// The bundled file, parsed once.
    pub fn bundled() -> &'static Synonyms {
        static S: OnceLock<Synonyms> = OnceLock::new();
        S.get_or_init(|| Synonyms::parse(SYNONYMS_TOML).expect("bundled synonyms.toml parses"))
    }

    /// All names a `--speaker` value stands for: itself, plus the name and aliases of the
    /// speaker entry it names.
    pub fn speaker_names(&self, value: &str) -> Vec<String> {
        let key = name_key(value);
        for names in &self.speakers {
            if names.iter().any(|n| name_key(n) == key) {
                return names.clone();
            }
        }
        vec![value.to_string()]
    }

    /// Rewrites a query so that each synonym it names also searches for the others:
    /// `Article 5 nato` → `("Article 5" OR "collective defence" …) ("NATO" OR …)`.
    pub fn expand(&self, an: &mut TextAnalyzer, query: &str) -> (String, Vec<Used>) {
        let phrases = self.phrases.get_or_init(|| {
            self.groups
                .iter()
                .enumerate()
                .flat_map(|(g, terms)| terms.iter().enumerate().map(move |(i, t)| (g, i, t)))
                .map(|(g, i, t)| (g, i, tokens(an, t), case_sensitive(t)))
                .filter(|(_, _, toks, _)| !toks.is_empty())
                .collect()
        });
        let mut out = String::with_capacity(query.len() * 2);
        let mut used = Vec::new();
        let mut rest = query;
        while !rest.is_empty() {
            // A quoted phrase: replaced only when it is a synonym term as a whole.
            if let Some(inner_start) = rest.strip_prefix('"') {
                let end = inner_start.find('"').map(|e| e + 2).unwrap_or(rest.len());
                let seg = &rest[..end];
                let closed = end <= rest.len() && seg.len() >= 2 && seg.ends_with('"');
                let modified = rest[end..].starts_with(['~', '^']);
                let inner = if closed { &seg[1..seg.len() - 1] } else { "" };
                let toks = tokens(an, inner);
                let hit = (closed && !modified)
                    .then(|| self.match_at(phrases, inner, &toks, 0))
                    .flatten()
                    .filter(|&(_, _, n)| n == toks.len());
                match hit {
                    Some((g, t, _)) => {
                        used.push(self.used(g, inner));
                        out.push_str(&self.group_expr(g, t));
                    }
                    None => out.push_str(seg),
                }
                rest = &rest[end..];
                continue;
            }
            let end = rest.find('"').unwrap_or(rest.len());
            let seg = &rest[..end];
            let toks: Vec<Tok> = tokens(an, seg)
                .into_iter()
                .filter(|t| !is_barrier(seg, t))
                .collect();
            let mut at = 0; // bytes of seg copied
            let mut i = 0;
            while i < toks.len() {
                match self.match_at(phrases, seg, &toks, i) {
                    Some((g, t, n)) => {
                        let (from, to) = (toks[i].from, toks[i + n - 1].to);
                        out.push_str(&seg[at..from]);
                        used.push(self.used(g, &seg[from..to]));
                        out.push_str(&self.group_expr(g, t));
                        at = to;
                        i += n;
                    }
                    None => i += 1,
                }
            }
            out.push_str(&seg[at..]);
            rest = &rest[end..];
        }
        (out, used)
    }

    /// The longest synonym term starting at token `i` (group, term in it, number of tokens).
    fn match_at(
        &self,
        phrases: &[Phrase],
        text: &str,
        toks: &[Tok],
        i: usize,
    ) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        for (g, t, p, cs) in phrases {
            let n = p.len();
            if i + n > toks.len() || best.is_some_and(|(_, _, b)| b >= n) {
                continue;
            }
            let window = &toks[i..i + n];
            let same = window.iter().zip(p).all(|(a, b)| a.text == b.text);
            // Words of a multi-word term must follow each other with only spaces between.
            let adjacent = window
                .windows(2)
                .all(|w| text[w[0].to..w[1].from].chars().all(char::is_whitespace));
            let case_ok = !cs || {
                let typed = &text[window[0].from..window[n - 1].to];
                let term = &self.groups[*g];
                term.iter().any(|t| t == typed)
            };
            if same && adjacent && case_ok {
                best = Some((*g, *t, n));
            }
        }
        best
    }

    fn used(&self, g: usize, matched: &str) -> Used {
        Used {
            matched: matched.to_string(),
            terms: self.groups[g].clone(),
        }
    }

    /// `("typed"^2 OR "other" OR …)`: what the user typed ranks above its synonyms.
    fn group_expr(&self, g: usize, typed: usize) -> String {
        let parts: Vec<String> = self.groups[g]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let boost = if i == typed { "^2" } else { "" };
                format!("\"{}\"{boost}", t.replace(['"', '\\'], " "))
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }
}

/// A token that is query syntax, not words: an operator, or part of `field:value`, `-word`, `+word`.
fn is_barrier(seg: &str, t: &Tok) -> bool {
    let word = &seg[t.from..t.to];
    if matches!(word, "AND" | "OR" | "NOT" | "IN" | "TO") {
        return true;
    }
    // After the last whitespace character before the word (which may be several bytes long).
    let chunk_start = seg[..t.from]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let chunk_end = seg[t.to..]
        .find(char::is_whitespace)
        .map(|p| t.to + p)
        .unwrap_or(seg.len());
    let chunk = &seg[chunk_start..chunk_end];
    chunk.contains([':', '[', ']', '{', '}', '^', '~', '*'])
        || chunk.starts_with(['-', '+'])
        || seg[chunk_end..].trim_start().starts_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> TextAnalyzer {
        let idx = crate::index::StatementIndex::create_in_ram().unwrap();
        idx.index.tokenizers().get("en").unwrap()
    }

    const FILE: &str = r#"
[[group]]
terms = ["Article 5", "collective defence"]
[[group]]
terms = ["NATO", "the alliance"]
[[group]]
terms = ["EU", "European Union"]
[[speaker]]
name = "Pete Hegseth"
aliases = ["Peter Hegseth"]
"#;

    #[test]
    fn plain_words_and_quoted_phrases_expand() {
        let s = Synonyms::parse(FILE).unwrap();
        let mut an = analyzer();
        let (q, used) = s.expand(&mut an, "article 5 nato");
        assert_eq!(
            q,
            "(\"Article 5\"^2 OR \"collective defence\") (\"NATO\"^2 OR \"the alliance\")"
        );
        assert_eq!(used.len(), 2);
        let (q, _) = s.expand(&mut an, "\"collective defense\"");
        assert_eq!(q, "(\"Article 5\" OR \"collective defence\"^2)");
    }

    #[test]
    fn syntax_and_partial_phrases_are_left_alone() {
        let s = Synonyms::parse(FILE).unwrap();
        let mut an = analyzer();
        for q in [
            "speaker:nato",
            "-nato troops",
            "\"nato summit\"",
            "\"nato\"~2",
            "eu funds",
            "article OR 5",
        ] {
            assert_eq!(s.expand(&mut an, q).0, q, "{q}");
        }
        assert_eq!(
            s.expand(&mut an, "EU funds").0,
            "(\"EU\"^2 OR \"European Union\") funds"
        );
        assert_eq!(s.expand(&mut an, "\"unclosed nato").0, "\"unclosed nato");
        // A multi-byte space (U+2000) before a word: found by fuzzing.
        assert_eq!(
            s.expand(&mut an, ";\u{2000}icartiab+m nato").0,
            ";\u{2000}icartiab+m (\"NATO\"^2 OR \"the alliance\")"
        );
    }

    #[test]
    fn speaker_aliases() {
        let s = Synonyms::parse(FILE).unwrap();
        assert_eq!(
            s.speaker_names("peter hegseth"),
            vec!["Pete Hegseth", "Peter Hegseth"]
        );
        assert_eq!(s.speaker_names("Rutte"), vec!["Rutte"]);
    }

    #[test]
    fn bundled_file_parses() {
        assert!(!Synonyms::bundled().groups.is_empty());
    }
}
