//! JSON articles (`.json`: one object or an array) and JSON Lines (`.jsonl`, `.ndjson`), with a
//! field mapping that knows the common names and can be overridden from the command line.

use serde_json::Value;

use crate::model::Article;

use super::Parsed;
use super::date::parse_date;

/// Which JSON keys fill which article field, tried in order.
#[derive(Debug, Clone)]
pub struct FieldMap {
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub body: Vec<String>,
    pub outlet: Vec<String>,
    pub url: Vec<String>,
    pub author: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            title: names(&["title", "headline", "name"]),
            date: names(&[
                "date",
                "published",
                "publish_date",
                "published_at",
                "publishedAt",
                "pubDate",
                "datePublished",
                "created_at",
            ]),
            body: names(&[
                "content_original",
                "content",
                "text",
                "body",
                "article",
                "full_text",
                "articleBody",
            ]),
            outlet: names(&[
                "source",
                "outlet",
                "publisher",
                "site_name",
                "site",
                "publication",
            ]),
            url: names(&["url", "link", "canonical_url", "uri"]),
            author: names(&["author", "authors", "byline", "creator"]),
        }
    }
}

impl FieldMap {
    /// Puts a user-chosen key first for one field (`--body-field text`).
    pub fn prefer(list: &mut Vec<String>, key: Option<&str>) {
        if let Some(k) = key {
            list.retain(|x| x != k);
            list.insert(0, k.to_string());
        }
    }
}

/// A string from a JSON value: strings as they are, numbers printed, `{name: ..}` objects by
/// name, arrays joined with ", ".
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").or_else(|| o.get("title")).and_then(text_of),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
}

fn first<'a>(o: &'a serde_json::Map<String, Value>, keys: &[String]) -> Option<(&'a str, String)> {
    keys.iter().find_map(|k| {
        o.get_key_value(k.as_str())
            .and_then(|(k, v)| Some((k.as_str(), text_of(v)?)))
    })
}

pub(super) fn article_from(
    v: &Value,
    path: &str,
    source_key: &str,
    fields: &FieldMap,
    warnings: &mut Vec<String>,
) -> Result<Article, String> {
    let Value::Object(o) = v else {
        return Err(format!(
            "expected an article object, found {}",
            type_name(v)
        ));
    };
    let Some((_, body)) = first(o, &fields.body) else {
        return Err(format!(
            "no article text (looked for {}; choose one with --body-field)",
            fields.body.join(", ")
        ));
    };
    let mut a = Article {
        path: path.to_string(),
        source_key: source_key.to_string(),
        body,
        title: first(o, &fields.title).map(|x| x.1),
        outlet: first(o, &fields.outlet).map(|x| x.1),
        url: first(o, &fields.url).map(|x| x.1),
        author: first(o, &fields.author).map(|x| x.1),
        date: None,
    };
    if let Some((key, d)) = first(o, &fields.date) {
        a.date = parse_date(&d);
        if a.date.is_none() {
            warnings.push(format!(
                "{path}: unrecognised date {d:?} in `{key}`; article left undated"
            ));
        }
    }
    Ok(a)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn parse_json(
    text: &str,
    path: &str,
    source_key: &str,
    fields: &FieldMap,
    parsed: &mut Parsed,
) -> Result<(), String> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}'))
        .map_err(|e| format!("invalid JSON: {e}"))?;
    match &v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let rec_path = format!("{path}#{}", i + 1);
                match article_from(item, &rec_path, source_key, fields, &mut parsed.warnings) {
                    Ok(a) => parsed.articles.push(a),
                    Err(e) => parsed.bad_records.push(format!("{rec_path}: {e}")),
                }
            }
        }
        _ => parsed.articles.push(article_from(
            &v,
            path,
            source_key,
            fields,
            &mut parsed.warnings,
        )?),
    }
    Ok(())
}

pub(super) fn parse_json_lines(
    text: &str,
    path: &str,
    source_key: &str,
    fields: &FieldMap,
    parsed: &mut Parsed,
) {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let rec_path = format!("{path}:{}", i + 1);
        let result = serde_json::from_str::<Value>(line.trim_start_matches('\u{FEFF}'))
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(|v| article_from(&v, &rec_path, source_key, fields, &mut parsed.warnings));
        match result {
            Ok(a) => parsed.articles.push(a),
            Err(e) => parsed.bad_records.push(format!("{rec_path}: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allsides_shape() {
        let t = r#"{"source": "CNN (Web News)", "date": "2016-09-20", "url": "http://x",
                   "title": "T", "content": "tok en ised", "content_original": "Real text."}"#;
        let mut p = Parsed::default();
        parse_json(t, "a.json", "a.json", &FieldMap::default(), &mut p).unwrap();
        let a = &p.articles[0];
        assert_eq!(a.body, "Real text.");
        assert_eq!(a.outlet.as_deref(), Some("CNN (Web News)"));
        assert_eq!(a.date.unwrap().to_string(), "2016-09-20");
    }

    #[test]
    fn json_lines_keep_going_past_bad_lines() {
        let t = "{\"text\": \"one\"}\nnot json\n{\"headline\": \"h\"}\n{\"body\": \"two\", \"source\": {\"name\": \"Wire\"}}\n";
        let mut p = Parsed::default();
        parse_json_lines(t, "a.jsonl", "a.jsonl", &FieldMap::default(), &mut p);
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[1].outlet.as_deref(), Some("Wire"));
        assert_eq!(p.bad_records.len(), 2);
        assert!(p.bad_records[0].starts_with("a.jsonl:2: invalid JSON"));
        assert!(p.bad_records[1].contains("no article text"));
    }

    #[test]
    fn override_body_field() {
        let mut f = FieldMap::default();
        FieldMap::prefer(&mut f.body, Some("story"));
        let mut p = Parsed::default();
        parse_json(
            r#"{"text": "no", "story": "yes"}"#,
            "a.json",
            "a",
            &f,
            &mut p,
        )
        .unwrap();
        assert_eq!(p.articles[0].body, "yes");
    }
}
