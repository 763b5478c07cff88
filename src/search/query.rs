//! From what the user typed to a Tantivy query: plain dates made RFC 3339, filters added as
//! required clauses, and the default fields weighted so that the quote counts most.

use std::ops::Bound;

use jiff::civil::Date;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::error::{Error, Result};
use crate::index::StatementIndex;
use crate::model::Kind;
use crate::search::synonyms::{Synonyms, Used};
use crate::search::syntax;

/// Filters that narrow a query; all must hold.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// First day included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// Last day included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Only statements indexed after this instant (`saved run --new`).
    #[serde(skip)]
    pub indexed_after: Option<jiff::Timestamp>,
}

/// Default search fields and their boosts: the quote first, then who said it, then context.
const DEFAULT_FIELDS: &[(&str, f32)] = &[
    ("quote", 3.0),
    ("speaker", 2.0),
    ("organisation", 1.0),
    ("role", 1.0),
    ("context_words", 1.0),
];

/// Date-valued fields whose plain dates are translated.
const DATE_FIELDS: &[&str] = &["date", "indexed_at"];

/// Rewrites plain dates after a date field (`date:2025-02-12`, `date:[2025-01-01 TO 2025-03-01]`)
/// into the RFC 3339 form Tantivy's parser wants.
///
/// ```
/// use whosaid::search::query::translate_dates;
/// assert_eq!(
///     translate_dates("nato date:[2025-01-01 TO 2025-03-01]"),
///     "nato date:[2025-01-01T00:00:00Z TO 2025-03-01T00:00:00Z]"
/// );
/// ```
pub fn translate_dates(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 32);
    let mut rest = q;
    while let Some(pos) = DATE_FIELDS
        .iter()
        .filter_map(|f| find_field(rest, f).map(|p| (p, f.len())))
        .min()
    {
        let (at, flen) = pos;
        out.push_str(&rest[..at + flen + 1]);
        rest = &rest[at + flen + 1..];
        // The clause: a bracketed range or one bare value.
        let end = if rest.starts_with('[') || rest.starts_with('{') {
            rest.find([']', '}']).map(|e| e + 1).unwrap_or(rest.len())
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        out.push_str(&expand_dates(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn find_field(s: &str, field: &str) -> Option<usize> {
    let pat = format!("{field}:");
    let mut from = 0;
    while let Some(i) = s[from..].find(&pat) {
        let at = from + i;
        let boundary = at == 0
            || !s[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if boundary {
            return Some(at);
        }
        from = at + pat.len();
    }
    None
}

fn expand_dates(clause: &str) -> String {
    let b = clause.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let is_date = i + 10 <= b.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && b[i + 7] == b'-'
            && b[i + 8..i + 10].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit());
        if is_date && b.get(i + 10) != Some(&b'T') {
            out.push_str(&clause[i..i + 10]);
            out.push_str("T00:00:00Z");
            i += 10;
        } else {
            let c = clause[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn day_start(d: Date) -> DateTime {
    let ts = d
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(ts)
}

/// The words of a query typed as plain words (no quotes, fields, operators or brackets), when
/// there are at least two of them.
fn plain_phrase(q: &str) -> Option<&str> {
    let plain = q.split_whitespace().count() >= 2
        && !q.contains([
            '"', ':', '(', ')', '[', ']', '{', '}', '^', '~', '*', '+', '-', '\\',
        ])
        && !q
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT" | "IN"));
    plain.then_some(q)
}

/// A query ready to run, with what was done to the user's text on the way (`--explain`).
pub struct Plan {
    pub query: Box<dyn Query>,
    /// The query text after synonyms were added.
    pub rewritten: String,
    /// Synonym groups used.
    pub synonyms: Vec<Used>,
    /// Corrections and expansions applied to filters, for the user to see.
    pub notes: Vec<String>,
}

/// Builds the query for a search: the parsed text plus a required clause per filter.
pub fn build(idx: &StatementIndex, text: &str, f: &Filters) -> Result<Box<dyn Query>> {
    Ok(plan(idx, text, f)?.query)
}

/// The query parser over the default fields, with their boosts.
pub fn parser(idx: &StatementIndex) -> QueryParser {
    let fields: Vec<Field> = DEFAULT_FIELDS.iter().map(|(n, _)| idx.field(n)).collect();
    let mut parser = QueryParser::for_index(&idx.index, fields);
    for (n, boost) in DEFAULT_FIELDS {
        parser.set_field_boost(idx.field(n), *boost);
    }
    parser.set_conjunction_by_default();
    parser
}

/// Builds the query for a search and says how.
pub fn plan(idx: &StatementIndex, text: &str, f: &Filters) -> Result<Plan> {
    let parser = parser(idx);
    let trimmed = text.trim();
    let mut notes = Vec::new();
    let (rewritten, synonyms) = match idx.analyzer() {
        Some(mut an) => Synonyms::bundled().expand(&mut an, trimmed),
        None => (trimmed.to_string(), Vec::new()),
    };
    let main: Box<dyn Query> = if trimmed.is_empty() || trimmed == "*" {
        Box::new(AllQuery)
    } else {
        if let Some(problem) = syntax::check(trimmed, &idx.spec) {
            return Err(Error::Query {
                query: text.to_string(),
                reason: problem,
            });
        }
        parser
            .parse_query(&translate_dates(&rewritten))
            .map_err(|e| Error::Query {
                query: text.to_string(),
                reason: syntax::explain_parser_error(&e),
            })?
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    // Plain words ("Article 5") rank statements whose quote holds them as a phrase first.
    if let Some(phrase) = plain_phrase(trimmed)
        && let Ok(q) = parser.parse_query(&format!("quote:\"{phrase}\"^2"))
    {
        clauses.push((Occur::Should, q));
    }
    if let Some(s) = &f.speaker {
        clauses.push((Occur::Must, speaker_filter(idx, s, &mut notes)?));
    }
    if let Some(o) = &f.org {
        clauses.push((Occur::Must, text_filter(idx, idx.field("organisation"), o)?));
    }
    if let Some(o) = &f.outlet {
        clauses.push((Occur::Must, text_filter(idx, idx.field("outlet"), o)?));
    }
    clauses.extend(filter_clauses(idx, f).into_iter().map(|q| (Occur::Must, q)));
    let query: Box<dyn Query> = if clauses.len() == 1 {
        clauses.remove(0).1
    } else {
        Box::new(BooleanQuery::new(clauses))
    };
    Ok(Plan {
        query,
        rewritten,
        synonyms,
        notes,
    })
}

/// The exact filters (kind, dates, indexed-after) as required clauses.
fn filter_clauses(idx: &StatementIndex, f: &Filters) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    if let Some(k) = f.kind {
        out.push(Box::new(TermQuery::new(
            Term::from_field_text(idx.field("kind"), k.as_str()),
            IndexRecordOption::Basic,
        )));
    }
    if f.since.is_some() || f.until.is_some() {
        let lo = f
            .since
            .map(|d| Bound::Included(Term::from_field_date(idx.field("date"), day_start(d))))
            .unwrap_or(Bound::Unbounded);
        let hi = f
            .until
            .and_then(|d| d.tomorrow().ok())
            .map(|d| Bound::Excluded(Term::from_field_date(idx.field("date"), day_start(d))))
            .unwrap_or(Bound::Unbounded);
        out.push(Box::new(RangeQuery::new(lo, hi)));
    }
    if let Some(t) = f.indexed_after {
        let lo = Term::from_field_date(
            idx.field("indexed_at"),
            DateTime::from_timestamp_micros(t.as_microsecond()),
        );
        out.push(Box::new(RangeQuery::new(
            Bound::Excluded(lo),
            Bound::Unbounded,
        )));
    }
    out
}

/// The speaker filter: the name or any alias from `synonyms.toml`; a name the index does not
/// know is taken for a typo of the closest one it does (`hegset` → `hegseth`), one word at a
/// time, so that a typo finds one speaker rather than every similar name.
fn speaker_filter(
    idx: &StatementIndex,
    value: &str,
    notes: &mut Vec<String>,
) -> Result<Box<dyn Query>> {
    let field = idx.field("speaker");
    let names = Synonyms::bundled().speaker_names(value);
    if names.len() > 1 {
        notes.push(format!("speaker {value:?} also as: {}", names.join(", ")));
    }
    let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for name in &names {
        let mut terms = analyze(idx, field, name)?;
        let searcher = idx.searcher()?;
        for t in terms.iter_mut() {
            if doc_freq(&searcher, field, t) > 0 {
                continue;
            }
            if let Some(fix) = closest_term(&searcher, field, t) {
                notes.push(format!(
                    "speaker word {t:?} is not in the index; using {fix:?}"
                ));
                *t = fix;
            }
        }
        alts.push((Occur::Should, terms_query(field, &terms)));
    }
    Ok(if alts.len() == 1 {
        alts.remove(0).1
    } else {
        Box::new(BooleanQuery::new(alts))
    })
}

/// The analyzed words of a value, as the index has them.
fn analyze(idx: &StatementIndex, field: Field, value: &str) -> Result<Vec<String>> {
    let mut analyzer = idx
        .index
        .tokenizer_for_field(field)
        .map_err(|e| Error::Query {
            query: value.into(),
            reason: e.to_string(),
        })?;
    let mut stream = analyzer.token_stream(value);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    Ok(terms)
}

fn terms_query(field: Field, words: &[String]) -> Box<dyn Query> {
    let mut terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.len() {
        0 => Box::new(AllQuery),
        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
        _ => Box::new(PhraseQuery::new(terms)),
    }
}

fn doc_freq(searcher: &tantivy::Searcher, field: Field, word: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, word))
        .unwrap_or(0)
}

/// The indexed word of `field` closest to `word` by edit distance (at most 1 for words up to
/// 5 letters, 2 beyond), the most frequent among equals.
fn closest_term(searcher: &tantivy::Searcher, field: Field, word: &str) -> Option<String> {
    let max = if word.chars().count() <= 5 { 1 } else { 2 };
    if word.chars().count() < 3 {
        return None;
    }
    let mut best: Option<(usize, std::cmp::Reverse<u64>, String)> = None;
    for seg in searcher.segment_readers() {
        let Ok(inv) = seg.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inv.terms().stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(cand) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if cand.len().abs_diff(word.len()) > max {
                continue;
            }
            let d = strsim::levenshtein(word, cand);
            if d == 0 || d > max {
                continue;
            }
            let df = doc_freq(searcher, field, cand);
            let key = (d, std::cmp::Reverse(df), cand.to_string());
            if best.as_ref().is_none_or(|b| key < *b) {
                best = Some(key);
            }
        }
    }
    best.map(|b| b.2)
}

/// A query on a text field for a filter value: all its words, in order.
fn text_filter(idx: &StatementIndex, field: Field, value: &str) -> Result<Box<dyn Query>> {
    Ok(terms_query(field, &analyze(idx, field, value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_get_a_phrase_boost() {
        assert_eq!(plain_phrase("Article 5"), Some("Article 5"));
        assert_eq!(plain_phrase("nato"), None);
        assert_eq!(plain_phrase("\"Article 5\" nato"), None);
        assert_eq!(plain_phrase("speaker:hegseth nato"), None);
        assert_eq!(plain_phrase("nato OR alliance"), None);
    }

    #[test]
    fn plain_dates_become_rfc3339() {
        assert_eq!(
            translate_dates("nato date:[2025-01-01 TO 2025-03-01]"),
            "nato date:[2025-01-01T00:00:00Z TO 2025-03-01T00:00:00Z]"
        );
        assert_eq!(
            translate_dates("date:2025-02-12 x"),
            "date:2025-02-12T00:00:00Z x"
        );
        assert_eq!(
            translate_dates("\"2025-02-12\" update:x"),
            "\"2025-02-12\" update:x"
        );
        assert_eq!(
            translate_dates("date:2025-02-12T10:00:00Z"),
            "date:2025-02-12T10:00:00Z"
        );
    }
}
