//! Web archives: WARC (by the `warc` crate) and the older ARC format (a header line per record,
//! read here: no maintained crate reads it). Each HTML response record is an article, with the
//! record's target URI and capture date when the page does not give its own.

use std::io::{BufRead, Read};

use warc::{RecordType, WarcHeader, WarcReader};

use super::Parsed;
use super::html::{PageOrigin, decode_html, parse_html};

/// Splits an HTTP response into its headers and body; `None` when it is not one.
fn http_parts(block: &[u8]) -> Option<(String, &[u8])> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    Some((
        String::from_utf8_lossy(&block[..end.0]).to_ascii_lowercase(),
        &block[end.1..],
    ))
}

fn is_html(headers: &str) -> bool {
    headers
        .lines()
        .any(|l| l.starts_with("content-type:") && (l.contains("text/html") || l.contains("xhtml")))
}

/// One captured response: an article when it is an HTML page with readable text.
fn page(block: &[u8], origin: PageOrigin, rec: &str, source_key: &str, parsed: &mut Parsed) {
    let Some((headers, body)) = http_parts(block) else {
        return;
    };
    if !is_html(&headers)
        || !headers.starts_with("http/1.")
        || !headers.lines().next().is_some_and(|l| l.contains(" 200"))
    {
        return;
    }
    let html = decode_html(body, rec, &mut parsed.warnings);
    match parse_html(&html, rec, source_key, &origin, &mut parsed.warnings) {
        Ok(a) => parsed.articles.push(a),
        Err(e) => parsed.warnings.push(format!("{rec}: skipped page: {e}")),
    }
}

fn date_of(s: &str) -> Option<jiff::civil::Date> {
    // WARC-Date is RFC 3339; ARC dates are YYYYMMDDhhmmss.
    let digits: String = s.chars().filter(char::is_ascii_digit).take(8).collect();
    if digits.len() < 8 {
        return None;
    }
    jiff::civil::Date::new(
        digits[0..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..8].parse().ok()?,
    )
    .ok()
}

pub(super) fn parse_warc(
    bytes: &[u8],
    path: &str,
    source_key: &str,
    parsed: &mut Parsed,
) -> Result<(), String> {
    let reader = WarcReader::new(std::io::Cursor::new(bytes));
    let mut n = 0;
    for (i, rec) in reader.iter_records().enumerate() {
        let rec_path = format!("{path}#{}", i + 1);
        let record = match rec {
            Ok(r) => r,
            Err(e) => {
                if n == 0 && i == 0 {
                    return Err(format!("not a readable WARC file: {e}"));
                }
                parsed
                    .bad_records
                    .push(format!("{rec_path}: {e}; the rest of the file is not read"));
                break;
            }
        };
        n += 1;
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let origin = PageOrigin {
            url: record
                .header(WarcHeader::TargetURI)
                .map(|u| u.trim().to_string()),
            date: date_of(&record.date().to_rfc3339()),
        };
        page(record.body(), origin, &rec_path, source_key, parsed);
    }
    if n == 0 && !bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("not a WARC file: no records found".into());
    }
    Ok(())
}

/// Largest ARC record read; larger ones stop the file with a reason.
const MAX_ARC_RECORD: u64 = 64 << 20;

pub(super) fn parse_arc(
    bytes: &[u8],
    path: &str,
    source_key: &str,
    parsed: &mut Parsed,
) -> Result<(), String> {
    let mut r = std::io::Cursor::new(bytes);
    let mut line = String::new();
    let mut i = 0;
    loop {
        line.clear();
        let read = r.read_line(&mut line).map_err(|e| e.to_string())?;
        if read == 0 {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        i += 1;
        let rec_path = format!("{path}#{i}");
        // URL IP-address Archive-date Content-type Archive-length
        let fields: Vec<&str> = line.split_whitespace().collect();
        let len = fields.last().and_then(|l| l.parse::<u64>().ok());
        let (Some(len), true) = (len, fields.len() >= 5) else {
            if i == 1 {
                return Err("not an ARC file: the first record header is malformed".into());
            }
            parsed.bad_records.push(format!(
                "{rec_path}: malformed record header; the rest of the file is not read"
            ));
            break;
        };
        if len > MAX_ARC_RECORD {
            parsed.bad_records.push(format!(
                "{rec_path}: record of {len} bytes is too large; the rest of the file is not read"
            ));
            break;
        }
        let mut block = Vec::with_capacity(len as usize);
        (&mut r)
            .take(len)
            .read_to_end(&mut block)
            .map_err(|e| e.to_string())?;
        if (block.len() as u64) < len {
            parsed.bad_records.push(format!(
                "{rec_path}: truncated record ({} of {len} bytes)",
                block.len()
            ));
        }
        if fields[0].starts_with("filedesc:") {
            continue;
        }
        let origin = PageOrigin {
            url: Some(fields[0].to_string()),
            date: date_of(fields[2]),
        };
        page(&block, origin, &rec_path, source_key, parsed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = "<html><head><title>Riga</title></head><body><article><p>Ministers met in Riga on Wednesday to talk about the defence of the Baltic states and the brigade.</p><p>\"We are ready,\" said Anna Berg, the Swedish defence minister, after the long meeting ended.</p></article></body></html>";

    fn response() -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{HTML}")
    }

    #[test]
    fn warc_response_records_are_pages() {
        let resp = response();
        let warc = format!(
            "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-02-12T10:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n\
WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:2>\r\nWARC-Date: 2025-02-12T10:00:00Z\r\nWARC-Target-URI: https://b.example/riga\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{resp}\r\n\r\n",
            resp.len()
        );
        let mut p = Parsed::default();
        parse_warc(warc.as_bytes(), "a.warc", "a", &mut p).unwrap();
        assert_eq!(p.articles.len(), 1, "{p:?}");
        let a = &p.articles[0];
        assert_eq!(a.url.as_deref(), Some("https://b.example/riga"));
        assert_eq!(a.date.unwrap().to_string(), "2025-02-12");
        assert!(a.body.contains("said Anna Berg"));
        assert!(parse_warc(b"garbage", "g.warc", "g", &mut Parsed::default()).is_err());
    }

    #[test]
    fn arc_records_are_pages() {
        let resp = response();
        let desc = "1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n";
        let arc = format!(
            "filedesc://x.arc 0.0.0.0 20080430204825 text/plain {}\n{desc}\nhttps://b.example/riga 1.2.3.4 20250212100000 text/html {}\n{resp}\n",
            desc.len(),
            resp.len()
        );
        let mut p = Parsed::default();
        parse_arc(arc.as_bytes(), "a.arc", "a", &mut p).unwrap();
        assert_eq!(p.articles.len(), 1, "{p:?}");
        assert_eq!(p.articles[0].date.unwrap().to_string(), "2025-02-12");
        let mut p = Parsed::default();
        let cut = &arc[..arc.len() - 40];
        parse_arc(cut.as_bytes(), "c.arc", "c", &mut p).unwrap();
        assert!(p.bad_records[0].contains("truncated"), "{p:?}");
    }
}
