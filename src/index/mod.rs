//! The statement index: a Tantivy index whose schema comes from `index_schema/`, a record of the
//! schema version, and a manifest of the files indexed so that re-indexing does only what changed.

pub mod columns;
mod merge;
pub mod pairs;
pub mod schema;
pub mod spelling;
mod stem;
mod writer;

pub use schema::SchemaSpec;
pub use writer::{DEFAULT_MEMORY, IndexOptions, Progress, Summary, index_paths};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::schema::Schema;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

use crate::error::{Error, Result};
use crate::model::Statement;

const META_FILE: &str = "whosaid.json";

#[derive(Debug, Serialize, Deserialize)]
struct Meta {
    schema_version: u32,
}

/// An open statement index.
pub struct StatementIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub schema: Schema,
    pub spec: SchemaSpec,
    reader: IndexReader,
    /// Modification time and size of Tantivy's `meta.json` when the reader last reloaded.
    seen: std::sync::Mutex<Option<(std::time::SystemTime, u64)>>,
    columns: columns::ColumnStore,
}

/// File in the index folder that a running `whosaid index` holds locked (an OS file lock, so it
/// is released when the process ends, however it ends). It says which process holds it.
pub const WRITER_LOCK: &str = "whosaid-writer.lock";

/// The right to write to an index, held from before anything is touched (even `--rebuild`'s
/// emptying of the folder) until the last commit. A second writer is refused at once with the
/// holder's process id and start time.
pub struct WriterLock {
    _file: std::fs::File,
}

impl WriterLock {
    pub fn acquire(dir: &Path) -> Result<WriterLock> {
        use std::io::{Read, Seek, Write};
        refuse_foreign(dir)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(WRITER_LOCK);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(Error::Locked {
                    path: dir.to_path_buf(),
                    holder: if holder.is_empty() {
                        "another process".into()
                    } else {
                        holder.chars().take(200).collect()
                    },
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        let me = format!(
            "process {}, started {}",
            std::process::id(),
            jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .unwrap_or_else(|_| jiff::Timestamp::now())
        );
        file.set_len(0).map_err(|e| Error::io(&path, e))?;
        file.rewind().map_err(|e| Error::io(&path, e))?;
        file.write_all(me.as_bytes())
            .map_err(|e| Error::io(&path, e))?;
        Ok(WriterLock { _file: file })
    }
}

/// Files of an index folder that are not the index itself.
fn is_companion(name: &std::ffi::OsStr) -> bool {
    name == crate::saved::FILE_NAME || name == WRITER_LOCK
}

/// Refuses a folder that holds something other than a whosaid index.
fn refuse_foreign(dir: &Path) -> Result<()> {
    if !dir.exists() || dir.join(META_FILE).exists() {
        return Ok(());
    }
    let non_empty = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .any(|e| e.is_ok_and(|e| !is_companion(&e.file_name())));
    if non_empty {
        return Err(Error::Usage(format!(
            "{}: folder exists and is not a whosaid index; choose another --index folder",
            dir.display()
        )));
    }
    Ok(())
}

/// Writes a file atomically: a temporary file in the same folder, synced, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let mut f = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
    f.sync_all().map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
    Ok(())
}

/// Bytes of statements compressed together in the document store. A result or a syndicated
/// copy's source is read by decompressing its whole block, one block per read since a page's
/// statements lie far apart. On AllSides ×7 (about 1.26 M statements) a random read took
/// 18–24 µs with Tantivy's default of 16 KiB and 14–17 µs with 4 KiB, for a store about 30 %
/// larger.
const DOCSTORE_BLOCK_BYTES: usize = 4096;

/// Tantivy settings of a new index (an existing index keeps those it was made with).
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..tantivy::IndexSettings::default()
    }
}

impl StatementIndex {
    /// Opens an existing index, checking its schema version.
    pub fn open(dir: &Path) -> Result<StatementIndex> {
        let spec = SchemaSpec::bundled()?;
        let meta_path = dir.join(META_FILE);
        if !dir.is_dir() {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
                missing: "the directory",
            });
        }
        let meta = match std::fs::read_to_string(&meta_path) {
            Ok(s) => serde_json::from_str::<Meta>(&s).map_err(|e| Error::Damaged {
                path: dir.to_path_buf(),
                reason: format!("{META_FILE}: {e}"),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NoIndex {
                    path: dir.to_path_buf(),
                    missing: META_FILE,
                });
            }
            Err(e) => return Err(Error::io(meta_path, e)),
        };
        if meta.schema_version != spec.version {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: meta.schema_version,
                expected: spec.version,
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| Error::Damaged {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        Self::finish(dir, index, spec)
    }

    /// Opens the index, creating it (or recreating it, with `rebuild`) when needed.
    pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<StatementIndex> {
        if rebuild && dir.join(META_FILE).exists() {
            // Only a folder that is recognisably a whosaid index is ever emptied.
            for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
                let p = entry.map_err(|e| Error::io(dir, e))?.path();
                if p.file_name().is_some_and(is_companion) {
                    continue;
                }
                let r = if p.is_dir() {
                    std::fs::remove_dir_all(&p)
                } else {
                    std::fs::remove_file(&p)
                };
                r.map_err(|e| Error::io(&p, e))?;
            }
        }
        if dir.join(META_FILE).exists() {
            return Self::open(dir);
        }
        refuse_foreign(dir)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let spec = SchemaSpec::bundled()?;
        let schema = spec.build()?;
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_dir(dir)?;
        let meta = serde_json::to_vec_pretty(&Meta {
            schema_version: spec.version,
        })
        .unwrap_or_default();
        write_atomic(&dir.join(META_FILE), &meta)?;
        Self::finish(dir, index, spec)
    }

    /// An empty index in memory (tests, fuzzing).
    pub fn create_in_ram() -> Result<StatementIndex> {
        let spec = SchemaSpec::bundled()?;
        let index = Index::builder()
            .schema(spec.build()?)
            .settings(index_settings())
            .create_in_ram()?;
        Self::finish(Path::new(":memory:"), index, spec)
    }

    fn finish(dir: &Path, mut index: Index, spec: SchemaSpec) -> Result<StatementIndex> {
        schema::register_tokenizers(&index);
        // Segments are searched in parallel, one thread per core.
        index.set_default_multithread_executor()?;
        let schema = index.schema();
        for f in &spec.fields {
            if schema.get_field(&f.name).is_err() {
                return Err(Error::Damaged {
                    path: dir.to_path_buf(),
                    reason: format!("field {} missing from the index schema", f.name),
                });
            }
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(StatementIndex {
            dir: dir.to_path_buf(),
            index,
            schema,
            spec,
            reader,
            seen: std::sync::Mutex::new(None),
            columns: columns::ColumnStore::default(),
        })
    }

    /// A searcher on the last commit. The reader reloads only when a commit changed Tantivy's
    /// `meta.json` since the last call (a stat, not a read, per query).
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        let now = std::fs::metadata(self.dir.join("meta.json"))
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if now.is_none() || *seen != now {
            self.reader.reload()?;
            *seen = now;
            self.columns.retain(&self.reader.searcher());
        }
        Ok(self.reader.searcher())
    }

    /// The fast-field columns of the segments, kept between searches.
    pub fn columns(&self) -> &columns::ColumnStore {
        &self.columns
    }

    /// The analyzer of the `en` text fields (words, folding, stems).
    pub fn analyzer(&self) -> Option<tantivy::tokenizer::TextAnalyzer> {
        self.index.tokenizers().get("en")
    }

    /// Each word-pair field with the field whose words it pairs.
    pub fn pair_fields(&self) -> Vec<(tantivy::schema::Field, tantivy::schema::Field)> {
        self.spec
            .pair_fields()
            .into_iter()
            .map(|(p, b)| (self.field(p), self.field(b)))
            .collect()
    }

    pub fn field(&self, name: &str) -> tantivy::schema::Field {
        self.schema.get_field(name).expect("field checked at open")
    }

    pub fn to_statement(&self, doc: &TantivyDocument) -> Result<Statement> {
        schema::from_doc(&self.spec, &self.schema, doc)
    }

    /// Number of statements in the last commit.
    pub fn len(&self) -> Result<u64> {
        Ok(self.searcher()?.num_docs())
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }
}
