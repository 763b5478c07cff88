//! CSV and TSV exports with a header row (by the `csv` crate): one article per row, columns
//! mapped like JSON keys (`title`, `date`, `content`/`text`/`body`, `source`/`outlet`, `url`, …).

use super::Parsed;
use super::json::{FieldMap, article_from};

pub(super) fn parse_table(
    text: &str,
    delimiter: u8,
    path: &str,
    source_key: &str,
    fields: &FieldMap,
    parsed: &mut Parsed,
) -> Result<(), String> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = r
        .headers()
        .map_err(|e| format!("unreadable header row: {e}"))?
        .clone();
    if headers.is_empty() {
        return Err("no header row".into());
    }
    for (i, row) in r.records().enumerate() {
        // Line numbers count the header as line 1.
        let rec_path = format!("{path}:{}", i + 2);
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                parsed.bad_records.push(format!("{rec_path}: {e}"));
                continue;
            }
        };
        let obj: serde_json::Map<String, serde_json::Value> = headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| {
                (
                    h.trim().to_string(),
                    serde_json::Value::String(v.to_string()),
                )
            })
            .collect();
        match article_from(
            &serde_json::Value::Object(obj),
            &rec_path,
            source_key,
            fields,
            &mut parsed.warnings,
        ) {
            Ok(a) => parsed.articles.push(a),
            Err(e) => parsed.bad_records.push(format!("{rec_path}: {e}")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_articles() {
        let csv = "title,date,outlet,text\nRiga,2025-02-12,Baltic Post,\"\"\"Ready,\"\" said Anna Berg.\"\nEmpty,2025-02-13,X,\n";
        let mut p = Parsed::default();
        parse_table(csv, b',', "a.csv", "a", &FieldMap::default(), &mut p).unwrap();
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.articles[0].body, "\"Ready,\" said Anna Berg.");
        assert_eq!(p.articles[0].path, "a.csv:2");
        assert_eq!(p.bad_records.len(), 1);
        assert!(p.bad_records[0].starts_with("a.csv:3"));
        let tsv = "headline\tbody\nH\tSome text.\n";
        let mut p = Parsed::default();
        parse_table(tsv, b'\t', "a.tsv", "a", &FieldMap::default(), &mut p).unwrap();
        assert_eq!(p.articles[0].title.as_deref(), Some("H"));
    }
}
