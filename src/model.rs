//! The data contract of the pipeline: an [`Article`] goes in, [`Statement`]s come out.
//!
//! Statement field names are the index field names of `index_schema/statements.toml`.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One news article, whatever file format it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Where it came from, as given by the user (plus `#N` for the N-th record of a multi-article file).
    pub path: String,
    /// Identity of the file it came from (canonical path): re-indexing the file replaces all of its articles.
    pub source_key: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The text statements are extracted from; all offsets are bytes into it.
    pub body: String,
}

impl Article {
    /// Content identity of the article: hash of its body text.
    pub fn content_id(&self) -> String {
        short_hash(self.body.as_bytes())
    }
}

/// How the words of a statement are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Inside quote marks, word for word.
    Direct,
    /// Paraphrase: "X said that ...", "according to X, ...".
    Indirect,
    /// Paraphrase with quoted fragments.
    Mixed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Mixed => "mixed",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "direct" => Ok(Kind::Direct),
            "indirect" => Ok(Kind::Indirect),
            "mixed" => Ok(Kind::Mixed),
            other => Err(format!(
                "unknown kind {other:?} (expected direct, indirect or mixed)"
            )),
        }
    }
}

/// One attributed statement. Field names are index field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub article_id: String,
    pub source_key: String,
    /// The reported words (the pieces of a split quote joined by " … ").
    pub quote: String,
    /// Byte offsets of the quotation as printed in the body: the first piece's start, the last
    /// piece's end.
    pub quote_start: usize,
    pub quote_end: usize,
    /// Byte spans of each piece, in order; one span for a contiguous quote. A piece's span takes
    /// in the quotation marks around it and the comma, stop, `?` or `!` they enclose (`"We will
    /// not,"`), as PolNeAR's annotators mark quotations; `quote` holds the words without them.
    pub quote_spans: Vec<[usize; 2]>,
    /// Same speaker, same words: equal for syndicated copies of one statement.
    pub quote_key: u64,
    pub kind: Kind,
    /// Resolved full name; `None` when the source cannot be resolved ("officials").
    pub speaker: Option<String>,
    /// Grouping key: normalised speaker name, or empty when unresolved.
    pub speaker_key: String,
    pub speaker_mention: Option<String>,
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub organisation_key: String,
    pub cue: Option<String>,
    pub context: String,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub outlet_key: String,
    pub author: Option<String>,
    pub url: Option<String>,
    pub path: String,
    pub confidence: f64,
    pub indexed_at: Option<jiff::Timestamp>,
}

/// A 64-bit hash of a grouping key (speaker, organisation, outlet), as stored in the index's
/// `*_hash` fields.
pub fn key_hash(key: &str) -> u64 {
    let b = blake3::hash(key.as_bytes());
    u64::from_le_bytes(b.as_bytes()[..8].try_into().unwrap_or_default())
}

/// A 16-hex-digit content hash: short enough to type in `whosaid show ID`.
pub fn short_hash(bytes: &[u8]) -> String {
    let h = blake3::hash(bytes);
    h.to_hex()[..16].to_string()
}

/// Identity of a statement's content: who (resolved name, else the mention) and the quote's words,
/// case and punctuation aside. Syndicated copies of one statement share it.
///
/// ```
/// use whosaid::model::quote_key;
/// assert_eq!(quote_key("pete hegseth", "We stand firm."), quote_key("pete hegseth", "we stand  firm"));
/// assert_ne!(quote_key("pete hegseth", "We stand firm."), quote_key("mark rutte", "We stand firm."));
/// ```
pub fn quote_key(who: &str, quote: &str) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(who.as_bytes());
    h.update(b"\0");
    // Words, lowercased, one space after each.
    let mut norm = String::with_capacity(quote.len() + 1);
    let mut in_word = false;
    for c in quote.chars() {
        if c.is_ascii_alphanumeric() {
            norm.push(c.to_ascii_lowercase());
            in_word = true;
        } else if c.is_alphanumeric() {
            norm.extend(c.to_lowercase());
            in_word = true;
        } else if in_word {
            norm.push(' ');
            in_word = false;
        }
    }
    if in_word {
        norm.push(' ');
    }
    h.update(norm.as_bytes());
    let b = h.finalize();
    u64::from_le_bytes(b.as_bytes()[..8].try_into().unwrap_or_default())
}

/// Normalised key for grouping names: lowercase, single spaces, no surrounding punctuation.
///
/// ```
/// assert_eq!(whosaid::model::name_key("  Pete   Hegseth, "), "pete hegseth");
/// ```
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
