//! Archive walk: the files under the paths the user gave, each with the format it will be read as.
//!
//! Hidden files and folders (`.git`, `.DS_Store`) are passed over, as ripgrep and fd do; a file of
//! no known format is reported as skipped with its reason, never read as text.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The input formats whosaid reads. Any of them may be gzipped (`.gz`, or gzip content under
/// any name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `.txt`, `.md`: optional front matter, then the body.
    Text,
    /// `.json`: one article object, or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.html`, `.htm`: a web page; the article body and the page's metadata.
    Html,
    /// `.rss`, `.atom`, `.rdf`: a feed; each item is an article.
    Feed,
    /// `.warc`: a web archive; each HTML response record is an article.
    Warc,
    /// `.arc`: the older Internet Archive format, read like WARC.
    Arc,
    /// `.csv`: one article per row, columns named in a header.
    Csv,
    /// `.tsv`: as CSV, tab-separated.
    Tsv,
    /// `.xml`, `.gz` without an inner extension: decided by the content when read.
    Sniff,
}

impl Format {
    /// The format a file name announces, if any (`x.warc.gz` is WARC).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let inner = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = match inner.rsplit_once('.') {
            Some((_, ext)) => ext,
            None if inner.len() < name.len() => return Some(Format::Sniff),
            None => return None,
        };
        match ext {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "rss" | "atom" | "rdf" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            "arc" => Some(Format::Arc),
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "xml" => Some(Format::Sniff),
            _ if inner.len() < name.len() => Some(Format::Sniff),
            _ => None,
        }
    }

    /// The format of some content, from its first bytes (for `.xml` and bare `.gz` files).
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        let head = &bytes[..bytes.len().min(2048)];
        let text = String::from_utf8_lossy(head).to_ascii_lowercase();
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("warc/") {
            Some(Format::Warc)
        } else if t.starts_with("filedesc://") {
            Some(Format::Arc)
        } else if t.contains("<rss") || t.contains("<feed") || t.contains("<rdf:rdf") {
            Some(Format::Feed)
        } else if t.starts_with("<!doctype html") || t.contains("<html") {
            Some(Format::Html)
        } else if t.starts_with('{')
            && t.lines()
                .nth(1)
                .is_some_and(|l| l.trim_start().starts_with('{'))
        {
            Some(Format::JsonLines)
        } else if t.starts_with('{') || t.starts_with('[') {
            Some(Format::Json)
        } else {
            None
        }
    }
}

/// A file to read.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub format: Format,
    /// Size in bytes when walked (for progress and change detection).
    pub size: u64,
}

/// A file passed over, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Everything found under the given paths, sorted by path for a stable order.
#[derive(Debug, Default)]
pub struct Walk {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

/// Walks files and folders. Links are followed; link loops are reported, not followed forever.
pub fn walk<P: AsRef<Path>>(paths: &[P]) -> Walk {
    let mut out = Walk::default();
    for root in paths {
        let root = root.as_ref();
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let path = e.into_path();
                    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    match Format::from_path(&path) {
                        Some(format) => out.sources.push(Source { path, format, size }),
                        None => {
                            let reason = match path.extension().and_then(|e| e.to_str()) {
                                Some(ext) => format!("unknown format (.{ext})"),
                                None => "unknown format (no extension)".to_string(),
                            };
                            out.skipped.push(Skipped { path, reason });
                        }
                    }
                }
                Ok(e) if !e.file_type().is_dir() => {
                    // FIFOs, sockets and devices: reading one could block forever.
                    out.skipped.push(Skipped {
                        path: e.into_path(),
                        reason: "not a regular file (a pipe, socket or device)".into(),
                    });
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.to_path_buf());
                    let reason = if err.loop_ancestor().is_some() {
                        "symbolic link loop".to_string()
                    } else if let Some(io) = err.io_error() {
                        io.to_string()
                    } else {
                        err.to_string()
                    };
                    out.skipped.push(Skipped { path, reason });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path(Path::new("a/B.TXT")), Some(Format::Text));
        assert_eq!(
            Format::from_path(Path::new("x.ndjson")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("x.pdf")), None);
        assert_eq!(
            Format::from_path(Path::new("x.warc.gz")),
            Some(Format::Warc)
        );
        assert_eq!(Format::from_path(Path::new("x.ARC.GZ")), Some(Format::Arc));
        assert_eq!(
            Format::from_path(Path::new("p.html.gz")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_path(Path::new("feed.xml")),
            Some(Format::Sniff)
        );
        assert_eq!(Format::from_path(Path::new("dump.gz")), Some(Format::Sniff));
        assert_eq!(
            Format::from_path(Path::new("x.pdf.gz")),
            Some(Format::Sniff)
        );
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn formats_by_content() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(
            Format::sniff(b"<?xml version='1.0'?><rss>"),
            Some(Format::Feed)
        );
        assert_eq!(
            Format::sniff(b"  <!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::sniff(b"{\"a\":1}\n{\"a\":2}"),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::sniff(b"%PDF-1.4"), None);
    }

    #[test]
    fn skips_hidden_and_reports_unknown() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.pdf"), "x").unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/c.txt"), "x").unwrap();
        let w = walk(&[dir.path()]);
        assert_eq!(w.sources.len(), 1);
        assert_eq!(w.skipped.len(), 1);
        assert!(w.skipped[0].reason.contains(".pdf"));
    }
}
