//! One reader per input format, each turning a file into [`Article`]s.
//!
//! Readers never panic on bad input: a bad file is an error naming the file and the reason, a bad
//! record inside a multi-article file is a problem for that record only, and a recoverable oddity
//! (invalid UTF-8, an unreadable date) is a warning.

mod date;
mod json;
mod text;

pub use date::parse_date;
pub use json::FieldMap;

use std::path::Path;

use crate::model::Article;
use crate::walk::Format;

/// Largest file read whole; larger files are skipped with a reason rather than exhausting memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What reading one file gave.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    /// Recoverable oddities, each naming the file (and record).
    pub warnings: Vec<String>,
    /// Records that could not be read (the rest of the file was).
    pub bad_records: Vec<String>,
}

/// Reads a file's bytes, refusing oversized ones.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file too large ({} MiB, limit {} MiB)",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// Decodes UTF-8, replacing invalid bytes (with a warning) so that nothing the user gave is lost.
pub fn decode(bytes: Vec<u8>, path: &str, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let s = String::from_utf8_lossy(&bytes).into_owned();
            let bad = s.matches('\u{FFFD}').count();
            warnings.push(format!(
                "{path}: invalid UTF-8 ({bad} byte sequence(s) replaced with U+FFFD)"
            ));
            s
        }
    }
}

/// Parses one file of a known format. `source_key` identifies the file across runs.
pub fn parse_file(
    path: &Path,
    format: Format,
    source_key: &str,
    fields: &FieldMap,
) -> Result<Parsed, String> {
    parse_bytes(read_bytes(path)?, path, format, source_key, fields)
}

/// Parses a file's bytes already read.
pub fn parse_bytes(
    bytes: Vec<u8>,
    path: &Path,
    format: Format,
    source_key: &str,
    fields: &FieldMap,
) -> Result<Parsed, String> {
    let display = path.display().to_string();
    let mut parsed = Parsed::default();
    let text = decode(bytes, &display, &mut parsed.warnings);
    match format {
        Format::Text => {
            let a = text::parse_text(&text, &display, source_key, &mut parsed.warnings)?;
            parsed.articles.push(a);
        }
        Format::Json => json::parse_json(&text, &display, source_key, fields, &mut parsed)?,
        Format::JsonLines => {
            json::parse_json_lines(&text, &display, source_key, fields, &mut parsed)
        }
    }
    Ok(parsed)
}

/// Parses text already in memory (used by `extract` on stdin and by tests).
pub fn parse_text_str(text: &str, path: &str) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let a = text::parse_text(text, path, path, &mut parsed.warnings)?;
    parsed.articles.push(a);
    Ok(parsed)
}
