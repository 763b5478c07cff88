//! The Tantivy schema, built from `index_schema/statements.toml`, and the conversion between
//! [`Statement`] and Tantivy documents by field name.

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{DateTime, Index, TantivyDocument};

use crate::error::{Error, Result};
use crate::model::Statement;

/// The schema file, compiled in: the single definition of the index's fields.
pub const SCHEMA_TOML: &str = include_str!("../../index_schema/statements.toml");

/// One field of the schema file.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub tokenizer: Option<String>,
    #[serde(default)]
    pub positions: bool,
    #[serde(default)]
    pub stored: bool,
    #[serde(default)]
    pub fast: bool,
    /// Derived field: computed at index time from another field (see the schema file).
    #[serde(default)]
    pub derive: Option<String>,
    pub why: String,
}

/// The schema file.
#[derive(Debug, Clone, Deserialize)]
pub struct SchemaSpec {
    pub version: u32,
    pub fields: Vec<FieldSpec>,
}

/// How a derived field is computed.
enum Derive<'a> {
    Hash(&'a str),
    OutsideQuote(&'a str),
    Pairs(&'a str),
}

impl<'a> Derive<'a> {
    fn parse(s: &'a str) -> Option<Derive<'a>> {
        match s.split_once(':')? {
            ("hash", f) => Some(Derive::Hash(f)),
            ("outside_quote", f) => Some(Derive::OutsideQuote(f)),
            ("pairs", f) => Some(Derive::Pairs(f)),
            _ => None,
        }
    }
}

/// `text` without the pieces of `quote` (pieces joined by " … ", as statements write them).
fn outside_quote(text: &str, quote: &str) -> String {
    let mut out = text.to_string();
    for piece in quote.split(" … ").filter(|p| !p.trim().is_empty()) {
        if let Some(at) = out.find(piece) {
            out.replace_range(at..at + piece.len(), " ");
        }
    }
    out
}

impl SchemaSpec {
    /// Is `name` a field of statements (not a derived one)?
    fn is_plain(&self, name: &str) -> bool {
        self.fields
            .iter()
            .any(|x| x.name == name && x.derive.is_none())
    }

    /// The spec of a field.
    fn get(&self, name: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|x| x.name == name)
    }

    /// Each word-pair field with the field whose words it pairs (`quote_pairs` → `quote`).
    pub fn pair_fields(&self) -> Vec<(&str, &str)> {
        self.fields
            .iter()
            .filter_map(|f| match f.derive.as_deref().and_then(Derive::parse) {
                Some(Derive::Pairs(src)) => Some((f.name.as_str(), src)),
                _ => None,
            })
            .collect()
    }

    /// The compiled-in schema.
    pub fn bundled() -> Result<SchemaSpec> {
        toml::from_str(SCHEMA_TOML).map_err(|e| Error::Schema(format!("statements.toml: {e}")))
    }

    /// Builds the Tantivy schema.
    pub fn build(&self) -> Result<Schema> {
        let mut b = Schema::builder();
        for (i, f) in self.fields.iter().enumerate() {
            let before = |name: &str| self.fields[..i].iter().any(|x| x.name == name);
            if let Some(d) = &f.derive {
                let ok = match Derive::parse(d) {
                    Some(Derive::Hash(src)) => f.ty == "u64" && self.is_plain(src),
                    Some(Derive::OutsideQuote(src)) => f.ty == "text" && self.is_plain(src),
                    // The words paired must be those of the field's phrase queries, and a field
                    // derived from the quote is written before its pairs.
                    Some(Derive::Pairs(src)) => {
                        f.ty == "text"
                            && f.tokenizer.as_deref() == Some("pairs")
                            && before(src)
                            && self.get(src).is_some_and(|s| {
                                s.ty == "text"
                                    && s.tokenizer.as_deref().unwrap_or("en") == "en"
                                    && s.positions
                                    && s.derive
                                        .as_deref()
                                        .and_then(Derive::parse)
                                        .is_none_or(|d| matches!(d, Derive::OutsideQuote(_)))
                            })
                    }
                    None => false,
                };
                if !ok {
                    return Err(Error::Schema(format!(
                        "field {}: cannot derive {d:?} (hash:FIELD needs type u64, outside_quote:FIELD type text, FIELD a plain field; pairs:FIELD type text with tokenizer pairs, FIELD an en text field with positions listed before it)",
                        f.name
                    )));
                }
            }
            match f.ty.as_str() {
                "text" => {
                    let tok = f.tokenizer.as_deref().unwrap_or("en");
                    if !matches!(tok, "en" | "raw" | "pairs") {
                        return Err(Error::Schema(format!(
                            "field {}: unknown tokenizer {tok}",
                            f.name
                        )));
                    }
                    let record = if f.positions {
                        IndexRecordOption::WithFreqsAndPositions
                    } else if tok == "raw" {
                        IndexRecordOption::Basic
                    } else {
                        IndexRecordOption::WithFreqs
                    };
                    let mut o = TextOptions::default().set_indexing_options(
                        TextFieldIndexing::default()
                            .set_tokenizer(tok)
                            .set_index_option(record),
                    );
                    if f.stored {
                        o = o.set_stored();
                    }
                    if f.fast {
                        o = o.set_fast("raw");
                    }
                    b.add_text_field(&f.name, o);
                }
                "u64" | "f64" => {
                    let mut o = NumericOptions::default();
                    if f.stored {
                        o = o.set_stored();
                    }
                    if f.fast {
                        o = o.set_fast().set_indexed();
                    }
                    if f.ty == "u64" {
                        b.add_u64_field(&f.name, o);
                    } else {
                        b.add_f64_field(&f.name, o);
                    }
                }
                "date" => {
                    let mut o = DateOptions::default()
                        .set_indexed()
                        .set_precision(DateTimePrecision::Microseconds);
                    if f.stored {
                        o = o.set_stored();
                    }
                    if f.fast {
                        o = o.set_fast();
                    }
                    b.add_date_field(&f.name, o);
                }
                "json" | "stored" => {
                    b.add_text_field(&f.name, STORED);
                }
                other => {
                    return Err(Error::Schema(format!(
                        "field {}: unknown type {other}",
                        f.name
                    )));
                }
            }
        }
        Ok(b.build())
    }
}

/// Registers the tokenizers the schema names: needed on every open, since Tantivy stores only
/// their names.
pub fn register_tokenizers(index: &Index) {
    let en = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stem::FoldStem)
        .build();
    let mut words = en.clone();
    let common = super::pairs::common_words(&mut words);
    let pairs = TextAnalyzer::from(super::pairs::PairTokenizer::new(words, common));
    index.tokenizers().register("en", en);
    index.tokenizers().register("pairs", pairs);
}

#[cfg(test)]
fn to_datetime(v: &str) -> Option<DateTime> {
    if let Ok(ts) = v.parse::<jiff::Timestamp>() {
        return Some(DateTime::from_timestamp_micros(ts.as_microsecond()));
    }
    date_time(v.parse::<jiff::civil::Date>().ok()?)
}

/// Midnight UTC of a day.
fn date_time(d: jiff::civil::Date) -> Option<DateTime> {
    let ts = d
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()?
        .timestamp();
    Some(DateTime::from_timestamp_secs(ts.as_second()))
}

/// A statement's value for a schema field.
enum FieldValue<'a> {
    Text(&'a str),
    U64(u64),
    F64(f64),
    Date(DateTime),
    /// JSON text, for a `json` field.
    Json(String),
    /// The statement has the field, without a value (`None`).
    Absent,
}

/// The value of the statement field named `name` (its serde name), or `None` when the
/// statement has no such field. Read straight from the struct: going through a
/// `serde_json::Value` of the whole statement was most of the time the indexing loop spent
/// outside Tantivy.
fn field_value<'a>(st: &'a Statement, name: &str) -> Option<FieldValue<'a>> {
    use FieldValue::*;
    let text = |v: &'a Option<String>| v.as_deref().map_or(Absent, Text);
    let num = |v: Option<usize>| v.map_or(Absent, |n| U64(n as u64));
    Some(match name {
        "id" => Text(&st.id),
        "article_id" => Text(&st.article_id),
        "source_key" => Text(&st.source_key),
        "quote" => Text(&st.quote),
        "quote_start" => U64(st.quote_start as u64),
        "quote_end" => U64(st.quote_end as u64),
        "quote_spans" => Json(serde_json::to_string(&st.quote_spans).unwrap_or_default()),
        "quote_key" => U64(st.quote_key),
        "kind" => Text(st.kind.as_str()),
        "speaker" => text(&st.speaker),
        "speaker_key" => Text(&st.speaker_key),
        "speaker_mention" => text(&st.speaker_mention),
        "speaker_start" => num(st.speaker_start),
        "speaker_end" => num(st.speaker_end),
        "role" => text(&st.role),
        "organisation" => text(&st.organisation),
        "organisation_key" => Text(&st.organisation_key),
        "cue" => text(&st.cue),
        "context" => Text(&st.context),
        "date" => st.date.and_then(date_time).map_or(Absent, Date),
        "title" => text(&st.title),
        "outlet" => text(&st.outlet),
        "outlet_key" => Text(&st.outlet_key),
        "author" => text(&st.author),
        "url" => text(&st.url),
        "path" => Text(&st.path),
        "confidence" => F64(st.confidence),
        "indexed_at" => st.indexed_at.map_or(Absent, |t| {
            Date(DateTime::from_timestamp_micros(t.as_microsecond()))
        }),
        _ => return None,
    })
}

/// Converts a statement to a document, field by field, by name.
pub fn to_doc(spec: &SchemaSpec, schema: &Schema, st: &Statement) -> Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    let text_of = |name: &str| match field_value(st, name) {
        Some(FieldValue::Text(s)) => s,
        _ => "",
    };
    // Texts of the derived text fields made so far, for the pairs derived from them.
    let mut derived: Vec<(&str, String)> = Vec::new();
    for f in &spec.fields {
        let field: Field = schema.get_field(&f.name)?;
        if let Some(d) = &f.derive {
            match Derive::parse(d) {
                Some(Derive::Hash(src)) => doc.add_u64(field, crate::model::key_hash(text_of(src))),
                Some(Derive::OutsideQuote(src)) => {
                    let text = outside_quote(text_of(src), &st.quote);
                    doc.add_text(field, &text);
                    derived.push((f.name.as_str(), text));
                }
                Some(Derive::Pairs(src)) => {
                    let text = derived
                        .iter()
                        .find(|(n, _)| *n == src)
                        .map_or_else(|| text_of(src), |(_, t)| t.as_str());
                    if !text.is_empty() {
                        doc.add_text(field, text);
                    }
                }
                None => {}
            }
            continue;
        }
        let Some(v) = field_value(st, &f.name) else {
            return Err(Error::Schema(format!("statement has no field {}", f.name)));
        };
        match (f.ty.as_str(), v) {
            ("text" | "stored", FieldValue::Text(s)) => doc.add_text(field, s),
            ("u64", FieldValue::U64(n)) => doc.add_u64(field, n),
            ("f64", FieldValue::F64(x)) => doc.add_f64(field, x),
            ("f64", FieldValue::U64(n)) => doc.add_f64(field, n as f64),
            ("date", FieldValue::Date(d)) => doc.add_date(field, d),
            ("json", FieldValue::Json(j)) => doc.add_text(field, j),
            ("json", FieldValue::Text(s)) => {
                doc.add_text(field, serde_json::Value::from(s).to_string())
            }
            _ => {}
        }
    }
    Ok(doc)
}

/// Reads a stored document back into a statement.
pub fn from_doc(spec: &SchemaSpec, schema: &Schema, doc: &TantivyDocument) -> Result<Statement> {
    use tantivy::schema::Value as _;
    let mut map = serde_json::Map::new();
    for f in spec.fields.iter().filter(|f| f.derive.is_none()) {
        let field = schema.get_field(&f.name)?;
        let v = doc.get_first(field);
        let json = match (f.ty.as_str(), v) {
            (_, None) => serde_json::Value::Null,
            ("text" | "stored", Some(v)) => v.as_str().map(|s| s.into()).unwrap_or_default(),
            ("u64", Some(v)) => v.as_u64().map(|n| n.into()).unwrap_or_default(),
            ("f64", Some(v)) => v.as_f64().map(|n| n.into()).unwrap_or_default(),
            ("date", Some(v)) => match v.as_datetime() {
                Some(d) => {
                    let ts = jiff::Timestamp::from_microsecond(d.into_timestamp_micros())
                        .unwrap_or_default();
                    if f.name == "date" {
                        ts.to_zoned_datetime(jiff::tz::TimeZone::UTC)
                            .date()
                            .to_string()
                            .into()
                    } else {
                        ts.to_string().into()
                    }
                }
                None => serde_json::Value::Null,
            },
            ("json", Some(v)) => v
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or_default(),
            _ => serde_json::Value::Null,
        };
        map.insert(f.name.clone(), json);
    }
    serde_json::from_value(serde_json::Value::Object(map))
        .map_err(|e| Error::Schema(format!("stored statement does not match the schema: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_fields_match_statement_fields() {
        let spec = SchemaSpec::bundled().unwrap();
        spec.build().unwrap();
        let a = crate::model::Article {
            path: "t".into(),
            source_key: "t".into(),
            body: "\"We will win,\" said Jane Doe.".into(),
            ..Default::default()
        };
        let st = crate::Extractor::default().extract(&a).remove(0);
        let value = serde_json::to_value(&st).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        let names: Vec<&String> = spec
            .fields
            .iter()
            .filter(|f| f.derive.is_none())
            .map(|f| &f.name)
            .collect();
        for k in &keys {
            assert!(
                names.contains(k),
                "Statement field {k} is not in statements.toml"
            );
        }
        for n in &names {
            assert!(keys.contains(n), "schema field {n} is not on Statement");
        }
        assert!(spec.fields.iter().all(|f| !f.why.trim().is_empty()));
    }

    #[test]
    fn context_words_leave_the_quote_out() {
        assert_eq!(
            outside_quote(
                "\"We are ready,\" said Berg, \"and willing.\"",
                "We are ready, … and willing."
            ),
            "\" \" said Berg, \" \""
        );
        assert_eq!(outside_quote("No quote here.", "missing"), "No quote here.");
    }

    /// Every statement field of the schema is read by `field_value` as serde writes it.
    #[test]
    fn field_values_are_the_serialized_fields() {
        let spec = SchemaSpec::bundled().unwrap();
        let a = crate::model::Article {
            path: "t".into(),
            source_key: "t".into(),
            date: Some(jiff::civil::date(2025, 2, 12)),
            title: Some("T".into()),
            outlet: Some("The Post".into()),
            url: Some("https://x".into()),
            author: Some("A B".into()),
            body: "Defence Secretary Pete Hegseth said on Tuesday that \"the door is open,\" \
                   and added, \"We will see.\""
                .into(),
        };
        let mut sts = crate::Extractor::default().extract(&a);
        assert!(!sts.is_empty());
        sts[0].indexed_at = Some("2025-02-13T10:00:00.123456Z".parse().unwrap());
        for st in &sts {
            let json = serde_json::to_value(st).unwrap();
            for f in spec.fields.iter().filter(|f| f.derive.is_none()) {
                let v = &json[&f.name];
                let got = field_value(st, &f.name).unwrap_or_else(|| panic!("{}", f.name));
                match got {
                    FieldValue::Text(s) => assert_eq!(v.as_str(), Some(s), "{}", f.name),
                    FieldValue::U64(n) => assert_eq!(v.as_u64(), Some(n), "{}", f.name),
                    FieldValue::F64(x) => assert_eq!(v.as_f64(), Some(x), "{}", f.name),
                    FieldValue::Date(d) => {
                        assert_eq!(v.as_str().and_then(to_datetime), Some(d), "{}", f.name)
                    }
                    FieldValue::Json(j) => assert_eq!(v.to_string(), j, "{}", f.name),
                    FieldValue::Absent => assert!(v.is_null(), "{}", f.name),
                }
            }
        }
        assert!(field_value(&sts[0], "no_such_field").is_none());
    }

    #[test]
    fn statement_round_trips_through_a_document() {
        let spec = SchemaSpec::bundled().unwrap();
        let schema = spec.build().unwrap();
        let a = crate::model::Article {
            path: "t".into(),
            source_key: "t".into(),
            date: Some(jiff::civil::date(2025, 2, 12)),
            body: "\"We are ready,\" Smith said, \"and we will not wait.\"".into(),
            ..Default::default()
        };
        let mut st = crate::Extractor::default().extract(&a).remove(0);
        st.indexed_at = Some("2025-02-13T10:00:00Z".parse().unwrap());
        let doc = to_doc(&spec, &schema, &st).unwrap();
        let back = from_doc(&spec, &schema, &doc).unwrap();
        assert_eq!(back, st);
    }
}
