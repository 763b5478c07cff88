//! From what the user typed to a Tantivy query: plain dates made RFC 3339, filters added as
//! required clauses, and the default fields weighted so that the quote counts most.

use std::ops::Bound;

use jiff::civil::Date;
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, QueryParserError, RangeQuery,
    TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
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

/// The query parser over the default fields, with their boosts (a field's word pairs weigh what
/// the field does).
pub fn parser(idx: &StatementIndex) -> QueryParser {
    let fields: Vec<Field> = DEFAULT_FIELDS.iter().map(|(n, _)| idx.field(n)).collect();
    let mut parser = QueryParser::for_index(&idx.index, fields);
    let pair_fields = idx.spec.pair_fields();
    for (n, boost) in DEFAULT_FIELDS {
        parser.set_field_boost(idx.field(n), *boost);
        for (pairs, _) in pair_fields.iter().filter(|(_, b)| b == n) {
            parser.set_field_boost(idx.field(pairs), *boost);
        }
    }
    parser.set_conjunction_by_default();
    parser
}

/// Parses query text, two-word phrases looked up as word pairs (see [`pair_phrases`]).
fn parse(
    idx: &StatementIndex,
    parser: &QueryParser,
    text: &str,
) -> Result<Box<dyn Query>, QueryParserError> {
    let analyzers = idx.analyzer().zip(idx.index.tokenizers().get("pairs"));
    match (tantivy::query_grammar::parse_query(text), analyzers) {
        (Ok(ast), Some(mut an)) => {
            parser.build_query_from_user_input_ast(pair_phrases(idx, &mut an, ast))
        }
        // The parser's own error names the problem.
        _ => parser.parse_query(text),
    }
}

/// Rewrites each phrase that is one indexed word pair (two adjacent common words) on a field with
/// word pairs (any phrase over the default fields, `quote:"..."`, a hyphenated word) as that
/// pair's term in the pairs field. The matches are the phrase query's; the term is found through
/// the dictionary and ranked with block-max pruning instead of reading the positions of every
/// document holding both words. Other phrases, slop and prefixes stay phrase queries. `an` is the
/// `en` analyzer and the `pairs` one.
pub fn pair_phrases(
    idx: &StatementIndex,
    an: &mut (TextAnalyzer, TextAnalyzer),
    ast: UserInputAst,
) -> UserInputAst {
    match ast {
        UserInputAst::Clause(cs) => UserInputAst::Clause(
            cs.into_iter()
                .map(|(o, a)| (o, pair_phrases(idx, an, a)))
                .collect(),
        ),
        UserInputAst::Boost(a, b) => UserInputAst::Boost(Box::new(pair_phrases(idx, an, *a)), b),
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(lit) if is_pair(an, &lit) => pair_literal(idx, lit),
            other => UserInputAst::Leaf(Box::new(other)),
        },
    }
}

/// Is this literal a phrase of two adjacent words that the index holds as a pair?
fn is_pair(an: &mut (TextAnalyzer, TextAnalyzer), lit: &UserInputLiteral) -> bool {
    fn count(an: &mut TextAnalyzer, text: &str) -> usize {
        let mut st = an.token_stream(text);
        let mut n = 0;
        while n < 3 && st.advance() {
            n += 1;
        }
        n
    }
    !lit.prefix
        && lit.slop == 0
        && count(&mut an.0, &lit.phrase) == 2
        && count(&mut an.1, &lit.phrase) == 1
}

/// The pair terms standing for a two-word literal: one per field it searches.
fn pair_literal(idx: &StatementIndex, lit: UserInputLiteral) -> UserInputAst {
    let pairs = idx.spec.pair_fields();
    let pair_of = |base: &str| pairs.iter().find(|(_, b)| *b == base).map(|(p, _)| *p);
    let leaf = |field: &str| {
        UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(UserInputLiteral {
            field_name: Some(field.to_string()),
            phrase: lit.phrase.clone(),
            delimiter: Delimiter::DoubleQuotes,
            slop: 0,
            prefix: false,
        })))
    };
    match lit.field_name.as_deref() {
        Some(f) => match pair_of(f) {
            Some(p) => leaf(p),
            None => UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit))),
        },
        // Each default field's pairs, or its phrase; fields without positions never matched a
        // phrase, and the parser leaves them out of one as well.
        None => UserInputAst::Clause(
            DEFAULT_FIELDS
                .iter()
                .filter_map(|(base, _)| match pair_of(base) {
                    Some(p) => Some(leaf(p)),
                    None => idx
                        .spec
                        .fields
                        .iter()
                        .any(|f| f.name == *base && f.positions)
                        .then(|| leaf(base)),
                })
                .map(|a| (Some(tantivy::query_grammar::Occur::Should), a))
                .collect(),
        ),
    }
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
        parse(idx, &parser, &translate_dates(&rewritten)).map_err(|e| Error::Query {
            query: text.to_string(),
            reason: syntax::explain_parser_error(&e),
        })?
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    // Plain words ("Article 5") rank statements whose quote holds them as a phrase first.
    if let Some(phrase) = plain_phrase(trimmed)
        && let Ok(q) = parse(idx, &parser, &format!("quote:\"{phrase}\"^2"))
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
    use tantivy::DocAddress;
    use tantivy::collector::DocSetCollector;

    /// An in-memory index of one statement per quote; its context is the whole article, the
    /// quote said by Ada Brook followed by `around`.
    fn index_of(quotes: &[(&str, &str)]) -> StatementIndex {
        let idx = StatementIndex::create_in_ram().unwrap();
        let mut w: tantivy::IndexWriter = idx.index.writer(15_000_000).unwrap();
        for (i, (quote, around)) in quotes.iter().enumerate() {
            let body = format!("\"{quote},\" said Ada Brook. {around}")
                .trim_end()
                .to_string();
            let a = crate::model::Article {
                path: format!("t{i}"),
                source_key: format!("t{i}"),
                body,
                ..Default::default()
            };
            for mut st in crate::Extractor::default().extract(&a) {
                st.context = a.body.clone();
                w.add_document(crate::index::schema::to_doc(&idx.spec, &idx.schema, &st).unwrap())
                    .unwrap();
            }
        }
        w.commit().unwrap();
        idx
    }

    fn found(idx: &StatementIndex, q: &dyn Query) -> Vec<DocAddress> {
        let mut v: Vec<_> = idx
            .searcher()
            .unwrap()
            .search(q, &DocSetCollector)
            .unwrap()
            .into_iter()
            .collect();
        v.sort();
        v
    }

    /// (field name, term text, counted only inside a phrase) of every term a query looks up.
    fn terms(idx: &StatementIndex, q: &dyn Query) -> Vec<(String, String, bool)> {
        let mut out = Vec::new();
        q.query_terms(&mut |t, in_phrase| {
            let name = idx.schema.get_field_name(t.field()).to_string();
            out.push((
                name,
                t.value().as_str().unwrap_or("").to_string(),
                in_phrase,
            ));
        });
        out.sort();
        out
    }

    #[test]
    fn two_word_phrases_are_pair_terms_with_the_phrase_querys_matches() {
        let idx = index_of(&[
            ("We think health care is not cheap", ""),
            ("Care of health is a goal", ""),
            ("Health, care and more are on the table", ""),
            (
                "The alliance grows",
                "The talks turned to health care after lunch.",
            ),
            ("Nothing here", "care health"),
        ]);
        let q = build(&idx, "\"health care\"", &Filters::default()).unwrap();
        let t = terms(&idx, &*q);
        assert!(
            t.contains(&("quote_pairs".into(), "health care".into(), false)),
            "{t:?}"
        );
        assert!(
            t.contains(&("context_pairs".into(), "health care".into(), false)),
            "{t:?}"
        );
        assert!(
            t.iter().all(|(_, _, in_phrase)| !in_phrase),
            "no phrase left: {t:?}"
        );
        let phrase = |field: &str| -> Box<dyn Query> {
            Box::new(PhraseQuery::new(vec![
                Term::from_field_text(idx.field(field), "health"),
                Term::from_field_text(idx.field(field), "care"),
            ]))
        };
        let reference = BooleanQuery::new(
            ["quote", "speaker", "organisation", "context_words"]
                .iter()
                .map(|f| (Occur::Should, phrase(f)))
                .collect(),
        );
        let want = found(&idx, &reference);
        assert_eq!(
            want.len(),
            3,
            "the quote pair, the one across a comma, the context one"
        );
        assert_eq!(found(&idx, &*q), want);
        // A field named in the query keeps to that field's pairs.
        let q = build(&idx, "quote:\"health care\"", &Filters::default()).unwrap();
        assert_eq!(found(&idx, &*q), found(&idx, &*phrase("quote")));
    }

    #[test]
    fn longer_phrases_slop_and_single_words_are_left_as_typed() {
        let idx = index_of(&[("We want health care now, said Hegseth", "")]);
        for (text, phrase_terms) in [
            ("\"want health care\"", true),
            // "Hegseth" is no common word: the pair is not indexed.
            ("\"said Hegseth\"", true),
            ("\"want care\"~1", true),
            ("health", false),
        ] {
            let q = build(&idx, text, &Filters::default()).unwrap();
            let t = terms(&idx, &*q);
            assert!(
                t.iter().all(|(f, _, _)| !f.ends_with("_pairs")),
                "{text}: {t:?}"
            );
            assert_eq!(t.iter().any(|(_, _, p)| *p), phrase_terms, "{text}: {t:?}");
            assert_eq!(found(&idx, &*q).len(), 1, "{text}");
        }
        // A hyphenated word is a phrase of two words to the parser, and so a pair.
        let q = build(&idx, "health-care", &Filters::default()).unwrap();
        assert!(terms(&idx, &*q).iter().any(|(f, _, _)| f == "quote_pairs"));
        assert_eq!(found(&idx, &*q).len(), 1);
    }

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
