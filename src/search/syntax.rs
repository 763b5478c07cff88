//! Query mistakes caught before Tantivy's parser sees them, each reported with a caret under the
//! problem and a suggestion, plus readable versions of the parser's own errors.

use tantivy::query::QueryParserError;

use crate::index::SchemaSpec;

/// The query with a caret under byte `at`, a reason and a suggestion.
fn point(q: &str, at: usize, reason: &str, suggestion: &str) -> String {
    let col = q[..at.min(q.len())].chars().count();
    format!(
        "{reason}\n  {q}\n  {}^\n  try: {suggestion}",
        " ".repeat(col)
    )
}

/// The first mistake in a query, explained; `None` when it looks well formed.
pub fn check(q: &str, spec: &SchemaSpec) -> Option<String> {
    // Quotes.
    let quotes: Vec<usize> = q.match_indices('"').map(|(i, _)| i).collect();
    if quotes.len() % 2 == 1 {
        let at = *quotes.last()?;
        return Some(point(
            q,
            at,
            "this quote mark opens a phrase that is never closed",
            &format!("{}\"", q.trim_end()),
        ));
    }
    // Brackets, outside phrases.
    let mut in_phrase = false;
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in q.char_indices() {
        match c {
            '"' => in_phrase = !in_phrase,
            _ if in_phrase => {}
            '(' | '[' | '{' => stack.push((c, i)),
            ')' => match stack.pop() {
                Some(('(', _)) => {}
                _ => {
                    return Some(point(
                        q,
                        i,
                        "this bracket closes nothing",
                        &format!("{}{}", &q[..i], &q[i + 1..]),
                    ));
                }
            },
            ']' | '}' => match stack.pop() {
                Some(('[' | '{', _)) => {}
                _ => {
                    return Some(point(
                        q,
                        i,
                        "this range bracket closes nothing",
                        "date:[2025-01-01 TO 2025-03-01]",
                    ));
                }
            },
            _ => {}
        }
    }
    if let Some(&(c, i)) = stack.last() {
        let (what, fix) = if c == '(' {
            ("this bracket is never closed", format!("{})", q.trim_end()))
        } else {
            (
                "this range is never closed",
                "date:[2025-01-01 TO 2025-03-01]".to_string(),
            )
        };
        return Some(point(q, i, what, &fix));
    }
    // Fields.
    let names: Vec<&str> = spec.fields.iter().map(|f| f.name.as_str()).collect();
    let mut in_phrase = false;
    let mut word_start = None;
    for (i, c) in q.char_indices() {
        if c == '"' {
            in_phrase = !in_phrase;
        }
        if in_phrase {
            word_start = None;
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word_start.get_or_insert(i);
        } else if c == ':' {
            if let Some(s) = word_start {
                let name = &q[s..i];
                let starts_alpha = name.chars().next().is_some_and(char::is_alphabetic);
                if starts_alpha && !names.contains(&name) {
                    let near = names
                        .iter()
                        .min_by_key(|n| strsim::levenshtein(n, name))
                        .copied()
                        .unwrap_or("quote");
                    return Some(point(
                        q,
                        s,
                        &format!("there is no field {name:?} (fields: {})", names.join(", ")),
                        &format!("{}{near}{}", &q[..s], &q[i..]),
                    ));
                }
            }
            word_start = None;
        } else {
            word_start = None;
        }
    }
    // Operators with nothing on one side.
    let words: Vec<(usize, &str)> = q
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - q.as_ptr() as usize, w))
        .collect();
    if let Some(&(at, w)) = words.last()
        && matches!(w, "AND" | "OR" | "NOT")
    {
        return Some(point(
            q,
            at,
            &format!("{w} needs something after it"),
            q[..at].trim_end(),
        ));
    }
    if let Some(&(at, w)) = words.first()
        && matches!(w, "AND" | "OR")
    {
        return Some(point(
            q,
            at,
            &format!("{w} needs something before it"),
            q[at + w.len()..].trim_start(),
        ));
    }
    None
}

/// Tantivy's parser errors in the user's terms.
pub fn explain_parser_error(e: &QueryParserError) -> String {
    match e {
        QueryParserError::DateFormatError(_) => {
            "a date is not in the form YYYY-MM-DD; try date:[2025-01-01 TO 2025-03-01]".into()
        }
        QueryParserError::FieldDoesNotExist(f) => {
            format!("there is no field {f:?}; see index_schema/statements.toml for the fields")
        }
        QueryParserError::ExpectedInt(_) | QueryParserError::ExpectedFloat(_) => {
            "this field takes a number, e.g. confidence:[0.8 TO 1]".into()
        }
        QueryParserError::AllButQueryForbidden => {
            "a query of only exclusions (-word) matches nothing by itself; add a word to look for"
                .into()
        }
        QueryParserError::RangeMustNotHavePhrase => {
            "a range takes plain values, not quoted phrases: date:[2025-01-01 TO 2025-03-01]".into()
        }
        other => format!(
            "{other}; quote phrases with \"...\", and write dates as date:[2025-01-01 TO 2025-03-01]"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> SchemaSpec {
        SchemaSpec::bundled().unwrap()
    }

    #[test]
    fn mistakes_are_pointed_at() {
        let e = check("nato \"article 5", &spec()).unwrap();
        assert!(e.contains("never closed"), "{e}");
        assert!(e.contains("\n       ^"), "{e}");
        let e = check("spekaer:hegseth", &spec()).unwrap();
        assert!(e.contains("no field \"spekaer\""), "{e}");
        assert!(e.contains("try: speaker:hegseth"), "{e}");
        assert!(
            check("(nato OR eu", &spec())
                .unwrap()
                .contains("never closed")
        );
        assert!(check("nato)", &spec()).unwrap().contains("closes nothing"));
        assert!(check("nato AND", &spec()).unwrap().contains("after it"));
        assert!(check("OR nato", &spec()).unwrap().contains("before it"));
        assert!(check("date:[2025-01-01 TO", &spec()).is_some());
    }

    #[test]
    fn good_queries_pass() {
        for q in [
            "nato",
            "\"Article 5\" speaker:hegseth",
            "date:[2025-01-01 TO 2025-03-01] (nato OR eu)",
            "\"at 10:30 sharp\"",
            "-nato troops",
            "meeting at 10:30",
        ] {
            assert_eq!(check(q, &spec()), None, "{q}");
        }
    }
}
