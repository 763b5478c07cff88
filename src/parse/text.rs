//! Plain text and Markdown articles, with optional front matter: a `---` YAML block, or
//! `Key: value` header lines ended by a blank line. Without front matter the body is the file's
//! text byte for byte and the first line is the title.

use crate::model::Article;

use super::date::parse_date;

/// Header keys recognised in `Key: value` headers and YAML front matter, and what they fill.
fn header_slot(key: &str) -> Option<&'static str> {
    match key
        .trim()
        .to_ascii_lowercase()
        .replace(['-', ' '], "_")
        .as_str()
    {
        "title" | "headline" => Some("title"),
        "date" | "published" | "publish_date" | "published_at" | "pubdate" | "dateline" => {
            Some("date")
        }
        "outlet" | "source" | "publisher" | "site" | "site_name" | "publication" => Some("outlet"),
        "url" | "link" | "canonical" | "canonical_url" => Some("url"),
        "author" | "authors" | "by" | "byline" => Some("author"),
        _ => None,
    }
}

fn fill(a: &mut Article, slot: &str, value: String, path: &str, warnings: &mut Vec<String>) {
    let value = value.trim().to_string();
    if value.is_empty() {
        return;
    }
    match slot {
        "title" => a.title = Some(value),
        "date" => match parse_date(&value) {
            Some(d) => a.date = Some(d),
            None => warnings.push(format!(
                "{path}: unrecognised date {value:?}; article left undated"
            )),
        },
        "outlet" => a.outlet = Some(value),
        "url" => a.url = Some(value),
        "author" => a.author = Some(value),
        _ => {}
    }
}

fn yaml_scalar(v: &serde_yaml_ng::Value) -> Option<String> {
    use serde_yaml_ng::Value;
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Sequence(items) => {
            let parts: Vec<String> = items.iter().filter_map(yaml_scalar).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Tagged(t) => yaml_scalar(&t.value),
        _ => None,
    }
}

/// Splits a leading `---` YAML block: (yaml, offset of the body).
fn yaml_block(text: &str) -> Option<(&str, usize)> {
    let rest = text.strip_prefix("---")?;
    let first_nl = rest.find('\n')?;
    if !rest[..first_nl].trim().is_empty() {
        return None;
    }
    let yaml_start = 3 + first_nl + 1;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((&text[yaml_start..pos], pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// Splits `Key: value` header lines ended by a blank line: (pairs, offset of the body).
fn header_lines(text: &str) -> Option<(Vec<(&'static str, &str)>, usize)> {
    let mut pairs = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if t.is_empty() {
            return (!pairs.is_empty()).then_some((pairs, pos + line.len()));
        }
        let (k, v) = t.split_once(':')?;
        if k.len() > 30 {
            return None;
        }
        pairs.push((header_slot(k)?, v));
        pos += line.len();
        if pairs.len() > 20 {
            return None;
        }
    }
    None
}

/// First non-empty line, trimmed: the title of an article without front matter.
fn first_line(body: &str) -> Option<String> {
    body.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches('\u{FEFF}')
                .trim_start_matches('#')
                .trim()
        })
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(300).collect())
}

pub(super) fn parse_text(
    text: &str,
    path: &str,
    source_key: &str,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let mut a = Article {
        path: path.to_string(),
        source_key: source_key.to_string(),
        ..Article::default()
    };
    let after_bom = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let bom = text.len() - after_bom.len();
    let body_start = if let Some((yaml, body_at)) = yaml_block(after_bom) {
        let value: serde_yaml_ng::Value =
            serde_yaml_ng::from_str(yaml).map_err(|e| format!("malformed front matter: {e}"))?;
        match value {
            serde_yaml_ng::Value::Mapping(map) => {
                for (k, v) in map {
                    if let (Some(k), Some(v)) = (k.as_str(), yaml_scalar(&v))
                        && let Some(slot) = header_slot(k)
                    {
                        fill(&mut a, slot, v, path, warnings);
                    }
                }
            }
            serde_yaml_ng::Value::Null => {}
            _ => return Err("malformed front matter: expected `key: value` pairs".into()),
        }
        bom + body_at
    } else if let Some((pairs, body_at)) = header_lines(after_bom) {
        for (slot, v) in pairs {
            fill(&mut a, slot, v.to_string(), path, warnings);
        }
        bom + body_at
    } else {
        0
    };
    a.body = text[body_start..].to_string();
    if a.title.is_none() {
        a.title = first_line(&a.body);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(t: &str) -> Article {
        parse_text(t, "t.txt", "t.txt", &mut Vec::new()).unwrap()
    }

    #[test]
    fn plain_text_is_body_byte_for_byte() {
        let t = "Title here\n\nHe said: \"yes\".\n";
        let a = parse(t);
        assert_eq!(a.body, t);
        assert_eq!(a.title.as_deref(), Some("Title here"));
    }

    #[test]
    fn yaml_front_matter() {
        let a = parse(
            "---\ntitle: NATO talks\ndate: 2025-02-12\noutlet: The Courier\n---\nBody text.\n",
        );
        assert_eq!(a.title.as_deref(), Some("NATO talks"));
        assert_eq!(a.date.unwrap().to_string(), "2025-02-12");
        assert_eq!(a.outlet.as_deref(), Some("The Courier"));
        assert_eq!(a.body, "Body text.\n");
    }

    #[test]
    fn header_lines_front_matter() {
        let a = parse("Title: Budget row\nDate: March 3, 2025\nSource: Daily Ledger\n\nBody.\n");
        assert_eq!(a.title.as_deref(), Some("Budget row"));
        assert_eq!(a.date.unwrap().to_string(), "2025-03-03");
        assert_eq!(a.body, "Body.\n");
    }

    #[test]
    fn prose_with_colon_is_not_a_header() {
        let t = "The minister said: no.\n\nMore.\n";
        assert_eq!(parse(t).body, t);
    }

    #[test]
    fn malformed_yaml_is_an_error() {
        let r = parse_text(
            "---\ntitle: [unclosed\n---\nx",
            "t.txt",
            "t",
            &mut Vec::new(),
        );
        assert!(r.unwrap_err().contains("front matter"));
    }
}
