//! The library's error type: every variant says where and what, and what to do next.

use std::path::PathBuf;

/// Errors of the whosaid library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: index was built with schema version {found}, this whosaid needs version {expected}; \
         rebuild it with `whosaid index --rebuild --index {path} ARCHIVE...`"
    )]
    SchemaVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error(
        "{path}: no whosaid index here (missing {missing}); create one with `whosaid index --index {path} ARCHIVE...`"
    )]
    NoIndex {
        path: PathBuf,
        missing: &'static str,
    },
    #[error(
        "{path}: index is damaged or unreadable ({reason}); rebuild it with `whosaid index --rebuild --index {path} ARCHIVE...`"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{path}: another `whosaid index` is writing to this index ({holder}); run this one again when it has finished"
    )]
    Locked { path: PathBuf, holder: String },
    #[error(
        "--strict: {skipped} file(s) or record(s) could not be read, so nothing from this run was committed; first: {first}"
    )]
    Strict { skipped: usize, first: String },
    #[error("bad query {query:?}: {reason}")]
    Query { query: String, reason: String },
    #[error("{path}: saved queries file: {reason}")]
    Saved { path: PathBuf, reason: String },
    #[error(
        "{path}: no space left on the device; the index keeps its last commit: free some space and run the same command again"
    )]
    DiskFull { path: PathBuf },
    #[error("{0}")]
    Usage(String),
    #[error("index schema: {0}")]
    Schema(String),
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
