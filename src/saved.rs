//! Saved queries: a TOML file next to the index data (`saved-queries.toml`), editable by hand,
//! written atomically. Each query remembers when it last ran, so `saved run --new` shows only
//! statements indexed since.
//!
//! The format is stable: fields are only ever added, with defaults, and `version` goes up only if
//! a field changes meaning (a file with a newer version is refused rather than misread).
//!
//! ```toml
//! version = 1
//!
//! [[query]]
//! name = "article5"
//! query = "\"Article 5\""
//! speaker = "hegseth"        # optional filters: speaker, org, outlet, kind, since, until
//! limit = 20                 # optional, default 20
//! sort = "date"              # optional: relevance (default), date, date-asc
//! all_copies = false         # optional: show syndicated copies separately
//! format = "table"           # optional: table (default), json, csv, markdown
//! last_run = "2025-02-14T09:00:00Z"   # written by `saved run`
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::write_atomic;
use crate::search::{Filters, Request, Sort};

/// Version of the file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// File name of the saved queries, inside the index folder.
pub const FILE_NAME: &str = "saved-queries.toml";

/// One saved query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedQuery {
    pub name: String,
    pub query: String,
    #[serde(flatten)]
    pub filters: Filters,
    #[serde(default = "default_limit")]
    pub limit: usize,
    #[serde(default, skip_serializing_if = "is_default")]
    pub sort: Sort,
    #[serde(default, skip_serializing_if = "is_default")]
    pub all_copies: bool,
    /// Output format name (table, json, csv, markdown); the command line checks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<jiff::Timestamp>,
}

impl SavedQuery {
    /// The request this query makes; with `new`, only statements indexed since its last run.
    pub fn request(&self, new: bool) -> Request {
        let mut filters = self.filters.clone();
        if new {
            filters.indexed_after = self.last_run;
        }
        Request {
            query: self.query.clone(),
            filters,
            limit: self.limit,
            offset: 0,
            sort: self.sort,
            all_copies: self.all_copies,
        }
    }
}

/// Speakers listed per saved query in what is new since its last run.
pub const NEW_SPEAKERS: usize = 1_000;

/// What a saved query finds that was indexed since its last run: the statements grouped by
/// speaker (three shown each), and how many there are in all. `saved run --new` and the
/// server's `/api/saved/NAME?new=true` both answer with this.
pub fn new_since_last_run(
    idx: &crate::index::StatementIndex,
    q: &SavedQuery,
) -> Result<(usize, Vec<crate::search::SpeakerGroup>)> {
    let req = Request {
        limit: NEW_SPEAKERS,
        ..q.request(true)
    };
    let groups = crate::search::who(idx, &req, 3, crate::search::GroupBy::Speaker)?;
    Ok((groups.iter().map(|g| g.statements).sum(), groups))
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn default_limit() -> usize {
    20
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default = "default_version")]
    version: u32,
    #[serde(default)]
    query: Vec<SavedQuery>,
}

fn default_version() -> u32 {
    FORMAT_VERSION
}

/// The saved queries of one index.
#[derive(Debug)]
pub struct Saved {
    path: PathBuf,
    pub queries: Vec<SavedQuery>,
}

impl Saved {
    /// Loads the saved queries of the index at `dir` (none yet is an empty list).
    pub fn load(dir: &Path) -> Result<Saved> {
        let path = dir.join(FILE_NAME);
        let queries = match std::fs::read_to_string(&path) {
            Ok(s) => {
                let f: File = toml::from_str(&s).map_err(|e| Error::Saved {
                    path: path.clone(),
                    reason: format!("{e}; fix the file by hand or move it away (it is never overwritten while it does not parse)"),
                })?;
                if f.version > FORMAT_VERSION {
                    return Err(Error::Saved {
                        path: path.clone(),
                        reason: format!(
                            "format version {} is newer than this whosaid reads ({FORMAT_VERSION}); upgrade whosaid",
                            f.version
                        ),
                    });
                }
                f.query
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::io(&path, e)),
        };
        Ok(Saved { path, queries })
    }

    pub fn get(&self, name: &str) -> Option<&SavedQuery> {
        self.queries.iter().find(|q| q.name == name)
    }

    /// Adds or replaces a query by name.
    pub fn upsert(&mut self, q: SavedQuery) {
        match self.queries.iter_mut().find(|x| x.name == q.name) {
            Some(x) => *x = q,
            None => self.queries.push(q),
        }
    }

    /// Removes a query; false if there was none of that name.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.queries.len();
        self.queries.retain(|q| q.name != name);
        self.queries.len() != before
    }

    pub fn set_last_run(&mut self, name: &str, at: jiff::Timestamp) {
        if let Some(q) = self.queries.iter_mut().find(|q| q.name == name) {
            q.last_run = Some(at);
        }
    }

    /// Writes the file atomically.
    pub fn save(&self) -> Result<()> {
        let text = toml::to_string_pretty(&File {
            version: FORMAT_VERSION,
            query: self.queries.clone(),
        })
        .map_err(|e| Error::Saved {
            path: self.path.clone(),
            reason: e.to_string(),
        })?;
        let header = "# whosaid saved queries: edit freely; `whosaid saved run NAME` runs one.\n\n";
        write_atomic(&self.path, format!("{header}{text}").as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Saved::load(dir.path()).unwrap();
        s.upsert(SavedQuery {
            name: "a5".into(),
            query: "\"Article 5\"".into(),
            filters: Filters {
                speaker: Some("hegseth".into()),
                since: Some(jiff::civil::date(2025, 1, 1)),
                ..Filters::default()
            },
            limit: 5,
            sort: Sort::Date,
            all_copies: true,
            format: Some("csv".into()),
            last_run: None,
        });
        s.set_last_run("a5", "2025-02-14T09:00:00Z".parse().unwrap());
        s.save().unwrap();
        let back = Saved::load(dir.path()).unwrap();
        assert_eq!(back.queries, s.queries);
        std::fs::write(dir.path().join(FILE_NAME), "[[query]\nname=").unwrap();
        let err = Saved::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains(FILE_NAME), "{err}");
    }
}
