//! One reader per input format, each turning a file into [`Article`]s.
//!
//! Readers never panic on bad input: a bad file is an error naming the file and the reason, a bad
//! record inside a multi-article file is a problem for that record only, and a recoverable oddity
//! (invalid UTF-8, an unreadable date) is a warning.

mod archive;
mod date;
mod feed;
mod html;
mod json;
mod table;
mod text;

pub use date::parse_date;
pub use json::FieldMap;

use std::path::Path;

use crate::model::Article;
use crate::walk::Format;

/// Largest file read whole; larger files are skipped with a reason rather than exhausting memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Largest decompressed size of a gzipped file (a bound against gzip bombs).
pub const MAX_GUNZIP_BYTES: u64 = 1024 * 1024 * 1024;

/// Is this gzip data (by its magic number, whatever the file is called)?
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses gzip data, all members (as `.warc.gz` files have one per record), refusing to
/// grow past [`MAX_GUNZIP_BYTES`].
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut out = Vec::with_capacity(bytes.len() * 4);
    let mut d = flate2::read::MultiGzDecoder::new(bytes).take(MAX_GUNZIP_BYTES + 1);
    d.read_to_end(&mut out)
        .map_err(|e| format!("damaged gzip data: {e}"))?;
    if out.len() as u64 > MAX_GUNZIP_BYTES {
        return Err(format!(
            "gzip data expands beyond {} MiB; not read",
            MAX_GUNZIP_BYTES >> 20
        ));
    }
    Ok(out)
}

/// Does this look like binary data rather than text (NUL bytes early on, no UTF-16 mark)?
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    !matches!(head.get(..2), Some([0xFF, 0xFE] | [0xFE, 0xFF])) && head.contains(&0)
}

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

/// Decodes UTF-8 (or UTF-16 with a byte-order mark), replacing invalid bytes with a warning so
/// that nothing the user gave is lost.
pub fn decode(bytes: Vec<u8>, path: &str, warnings: &mut Vec<String>) -> String {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units = bytes[2..]
            .chunks(2)
            .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
        let s: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let bad = s.matches('\u{FFFD}').count();
        if bad > 0 || bytes.len() % 2 == 1 {
            warnings.push(format!(
                "{path}: invalid UTF-16 ({bad} unit(s) replaced with U+FFFD)"
            ));
        }
        return s;
    }
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

/// Parses a file's bytes already read: gunzipped when they are gzip data, then read in the
/// format the name announced (or, for `.xml` and bare `.gz`, the one the content shows).
pub fn parse_bytes(
    bytes: Vec<u8>,
    path: &Path,
    format: Format,
    source_key: &str,
    fields: &FieldMap,
) -> Result<Parsed, String> {
    let display = path.display().to_string();
    let bytes = if is_gzip(&bytes) {
        gunzip(&bytes)?
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    let format = match format {
        Format::Sniff => Format::sniff(&bytes).ok_or_else(|| {
            "unknown format (the content is not a page, feed, archive or JSON)".to_string()
        })?,
        f => f,
    };
    let mut parsed = Parsed::default();
    match format {
        Format::Html => {
            let text = html::decode_html(&bytes, &display, &mut parsed.warnings);
            let a = html::parse_html(
                &text,
                &display,
                source_key,
                &html::PageOrigin::default(),
                &mut parsed.warnings,
            )?;
            parsed.articles.push(a);
        }
        Format::Feed => feed::parse_feed(&bytes, &display, source_key, &mut parsed)?,
        Format::Warc => archive::parse_warc(&bytes, &display, source_key, &mut parsed)?,
        Format::Arc => archive::parse_arc(&bytes, &display, source_key, &mut parsed)?,
        _ if looks_binary(&bytes) => {
            return Err("binary content (NUL bytes), not text; skipped".into());
        }
        Format::Text => {
            let text = decode(bytes, &display, &mut parsed.warnings);
            let a = text::parse_text(&text, &display, source_key, &mut parsed.warnings)?;
            parsed.articles.push(a);
        }
        Format::Json => {
            let text = decode(bytes, &display, &mut parsed.warnings);
            json::parse_json(&text, &display, source_key, fields, &mut parsed)?
        }
        Format::JsonLines => {
            let text = decode(bytes, &display, &mut parsed.warnings);
            json::parse_json_lines(&text, &display, source_key, fields, &mut parsed)
        }
        Format::Csv | Format::Tsv => {
            let text = decode(bytes, &display, &mut parsed.warnings);
            let delim = if format == Format::Csv { b',' } else { b'\t' };
            table::parse_table(&text, delim, &display, source_key, fields, &mut parsed)?
        }
        Format::Sniff => return Err("unknown format".into()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let text = "“Yes,” said Åsa Berg.";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let mut warnings = Vec::new();
        assert_eq!(decode(le, "le.txt", &mut warnings), text);
        assert_eq!(decode(be, "be.txt", &mut warnings), text);
        assert!(warnings.is_empty());
        let mut odd = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8];
        odd.push(b'x');
        decode(odd, "odd.txt", &mut warnings);
        assert!(
            warnings[0].starts_with("odd.txt: invalid UTF-16"),
            "{warnings:?}"
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let mut warnings = Vec::new();
        assert_eq!(
            decode(b"Caf\xe9".to_vec(), "a.txt", &mut warnings),
            "Caf\u{FFFD}"
        );
        assert!(warnings[0].contains("a.txt: invalid UTF-8"));
    }
}
