//! `whosaid index`: walk, parse and extract in parallel, then feed the Tantivy writer. A
//! manifest of indexed files (size, mtime, content hash) makes re-runs skip unchanged files and
//! replace changed ones, so statements are never duplicated.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, Term};

use super::{StatementIndex, write_atomic};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::Statement;
use crate::parse::{self, FieldMap};
use crate::walk::{self, Source};

const MANIFEST: &str = "sources.json";
/// Time between intermediate commits: bounds what a crash can lose to about a minute of work.
/// Each commit closes a segment per indexing thread, and every segment writes its own term
/// dictionaries: committing by a count of statements (100,000 before) split a 9,000-article
/// archive into twice the segments, and its run took some 10 % more time.
const COMMIT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(60);
/// Files handed to the worker threads at a time, at most.
const CHUNK: usize = 64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct FileState {
    size: u64,
    mtime_ns: u64,
    hash: String,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, FileState>,
}

/// How to index.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub fields: FieldMap,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Memory budget in bytes: half for Tantivy's writer, a sixteenth for each batch of files
    /// being read (two are in flight), the rest for the statements extracted from them.
    pub memory: usize,
    /// Remove the statements of files that were indexed under the given folders and are gone.
    pub prune: bool,
    /// All or nothing: a skipped file or record fails the run and nothing of it is committed.
    pub strict: bool,
    /// Set (by a Ctrl-C handler) to stop: what was read so far is committed, and the next run
    /// carries on from there.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            fields: FieldMap::default(),
            rebuild: false,
            memory: DEFAULT_MEMORY,
            prune: true,
            strict: false,
            cancel: None,
        }
    }
}

/// Default memory budget.
pub const DEFAULT_MEMORY: usize = 400 << 20;

impl IndexOptions {
    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Bytes of files read per batch.
    fn batch_bytes(&self) -> u64 {
        (self.memory as u64 / 16).max(4 << 20)
    }

    /// Tantivy's writer budget: half the whole, at least what Tantivy needs per thread.
    fn writer_bytes(&self, threads: usize) -> usize {
        (self.memory / 2).max(threads * (16 << 20))
    }

    /// The most statements one background merge reads: about a quarter of the budget in mapped
    /// index pages (a stored statement takes some 500 bytes), so that peak memory does not grow
    /// with the archive.
    fn merge_docs(&self) -> u32 {
        u32::try_from(self.memory / 2048)
            .unwrap_or(u32::MAX)
            .max(20_000)
    }
}

/// Splits the files into batches of at most [`CHUNK`] files and about `bytes` bytes (a file
/// larger than that is a batch of its own), so that memory does not grow with file sizes.
fn batches(sources: &[Source], bytes: u64) -> Vec<&[Source]> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0u64);
    for (i, s) in sources.iter().enumerate() {
        if i > start && (i - start >= CHUNK || size + s.size > bytes) {
            out.push(&sources[start..i]);
            start = i;
            size = 0;
        }
        size += s.size;
    }
    if start < sources.len() {
        out.push(&sources[start..]);
    }
    out
}

/// What the caller is told as indexing goes.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The walk is done: this many files and bytes to look at.
    Start { files: usize, bytes: u64 },
    /// A file was handled.
    File {
        path: &'a Path,
        bytes: u64,
        statements: usize,
    },
    /// A recoverable oddity (invalid UTF-8, an unreadable date).
    Warning(&'a str),
    /// A file or record skipped, with the reason.
    Skipped { path: &'a str, reason: &'a str },
    /// Stopping on request; what was read is being committed.
    Stopping,
}

/// The result of an index run.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub files_unchanged: usize,
    pub files_removed: usize,
    /// Files found under a new path with the content of a file gone from its old one: their
    /// statements were kept (same ids), only their paths changed.
    pub files_moved: usize,
    /// Stopped by request before all files were read.
    pub interrupted: bool,
    /// Bytes of the files looked at.
    pub bytes: u64,
    pub articles: usize,
    pub statements: usize,
    pub speakers: usize,
    pub warnings: usize,
    /// (path, reason) for every file or record skipped.
    pub skipped: Vec<(String, String)>,
    /// Statements in the index after the run.
    pub total_statements: u64,
}

enum Outcome {
    Unchanged {
        key: String,
        state: FileState,
    },
    Indexed {
        key: String,
        state: FileState,
        statements: Vec<Statement>,
        articles: usize,
        warnings: Vec<String>,
        bad: Vec<String>,
    },
    /// The content of a file indexed before under another path, which is gone.
    Moved {
        key: String,
        from: String,
        state: FileState,
    },
    Failed {
        reason: String,
    },
}

/// What the batches are read against: the manifest of the last run, and its files by content.
struct Prior {
    manifest: Manifest,
    /// Content hash → files of the last run with that content that no longer exist.
    gone_by_hash: BTreeMap<String, String>,
}

impl Prior {
    fn new(manifest: Manifest) -> Prior {
        let gone_by_hash = manifest
            .files
            .iter()
            .filter(|(k, _)| !Path::new(k.as_str()).exists())
            .map(|(k, st)| (st.hash.clone(), k.clone()))
            .collect();
        Prior {
            manifest,
            gone_by_hash,
        }
    }
}

fn mtime_ns(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

fn canonical_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

fn process(src: &Source, prior: &Prior, fields: &FieldMap, extractor: &Extractor) -> Outcome {
    let manifest = &prior.manifest;
    let key = canonical_key(&src.path);
    let meta = match std::fs::metadata(&src.path) {
        Ok(m) => m,
        Err(e) => {
            return Outcome::Failed {
                reason: e.to_string(),
            };
        }
    };
    let old = manifest.files.get(&key);
    if let Some(old) = old
        && old.size == meta.len()
        && old.mtime_ns == mtime_ns(&meta)
    {
        return Outcome::Unchanged {
            key,
            state: old.clone(),
        };
    }
    let bytes = match parse::read_bytes(&src.path) {
        Ok(b) => b,
        Err(reason) => return Outcome::Failed { reason },
    };
    let state = FileState {
        size: bytes.len() as u64,
        mtime_ns: mtime_ns(&meta),
        hash: blake3::hash(&bytes).to_hex().to_string(),
    };
    if old.is_some_and(|o| o.hash == state.hash) {
        return Outcome::Unchanged { key, state };
    }
    if old.is_none()
        && let Some(from) = prior.gone_by_hash.get(&state.hash)
    {
        return Outcome::Moved {
            key,
            from: from.clone(),
            state,
        };
    }
    match parse::parse_bytes(bytes, &src.path, src.format, &key, fields) {
        Err(reason) => Outcome::Failed { reason },
        Ok(parsed) => {
            let mut statements: Vec<Statement> = Vec::new();
            let mut bad = parsed.bad_records;
            // Articles of one file (a JSON Lines export, a WARC) are extracted in parallel too.
            let results: Vec<std::result::Result<Vec<Statement>, String>> = parsed
                .articles
                .par_iter()
                .map(|a| extractor.extract_checked(a))
                .collect();
            for r in results {
                match r {
                    Ok(st) => statements.extend(st),
                    Err(e) => bad.push(e),
                }
            }
            Outcome::Indexed {
                key,
                state,
                statements,
                articles: parsed.articles.len(),
                warnings: parsed.warnings,
                bad,
            }
        }
    }
}

/// Gives the statements of a file gone from `from` to the same content found at `key`: same ids
/// and indexing times, new source and path. Returns how many.
fn move_statements(
    idx: &StatementIndex,
    writer: &mut IndexWriter,
    from: &str,
    key: &str,
    new_path: &Path,
) -> Result<usize> {
    let searcher = idx.searcher()?;
    let field = idx.field("source_key");
    let q = TermQuery::new(Term::from_field_text(field, from), IndexRecordOption::Basic);
    let addrs = searcher.search(&q, &DocSetCollector)?;
    let old_name = Path::new(from)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let new_display = new_path.display().to_string();
    writer.delete_term(Term::from_field_text(field, from));
    for a in &addrs {
        let doc: tantivy::TantivyDocument = searcher.doc(*a)?;
        let mut st = idx.to_statement(&doc)?;
        st.source_key = key.to_string();
        // "old/dir/a.jsonl:3" → "new/place/b.jsonl:3": the record suffix stays.
        st.path = match st
            .path
            .rfind(old_name.as_str())
            .filter(|_| !old_name.is_empty())
        {
            Some(i) => format!("{new_display}{}", &st.path[i + old_name.len()..]),
            None => new_display.clone(),
        };
        writer.add_document(super::schema::to_doc(&idx.spec, &idx.schema, &st)?)?;
    }
    Ok(addrs.len())
}

fn load_manifest(dir: &Path) -> Result<Manifest> {
    let p = dir.join(MANIFEST);
    match std::fs::read_to_string(&p) {
        Ok(s) => serde_json::from_str(&s).map_err(|e| Error::Damaged {
            path: dir.to_path_buf(),
            reason: format!("{MANIFEST}: {e}"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(e) => Err(Error::io(p, e)),
    }
}

fn commit(writer: &mut IndexWriter, dir: &Path, manifest: &Manifest) -> Result<()> {
    writer.commit()?;
    // The manifest follows the commit: after a crash between the two, the next run re-indexes
    // those files (replacing, never duplicating, their statements).
    let json = serde_json::to_vec(manifest).map_err(|e| Error::Schema(e.to_string()))?;
    write_atomic(&dir.join(MANIFEST), &json)
}

/// Is the file system holding `dir` out of space? Tested by writing a 1 MiB probe file.
fn disk_full(dir: &Path) -> bool {
    use std::io::Write;
    let probe = dir.join(".whosaid-space-probe");
    let full = std::fs::File::create(&probe)
        .and_then(|mut f| {
            f.write_all(&vec![0u8; 1 << 20])?;
            f.sync_all()
        })
        .is_err_and(|e| matches!(e.raw_os_error(), Some(28 | 122)));
    let _ = std::fs::remove_file(&probe);
    full
}

/// Indexes the files under `paths` into the index at `dir`.
pub fn index_paths<P: AsRef<Path>>(
    dir: &Path,
    paths: &[P],
    opts: &IndexOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    index_paths_inner(dir, paths, opts, progress).map_err(|e| match e {
        // Tantivy's worker threads report a full disk as a killed writer: say what it is.
        Error::Tantivy(_) | Error::Io { .. } if dir.is_dir() && disk_full(dir) => Error::DiskFull {
            path: dir.to_path_buf(),
        },
        e => e,
    })
}

fn index_paths_inner<P: AsRef<Path>>(
    dir: &Path,
    paths: &[P],
    opts: &IndexOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    for p in paths {
        let p = p.as_ref();
        if !p.exists() {
            return Err(Error::io(
                p,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    // Taken before anything is touched: a second writer must not even empty a --rebuild folder.
    let _lock = crate::index::WriterLock::acquire(dir)?;
    let idx = StatementIndex::open_or_create(dir, opts.rebuild)?;
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8);
    let mut writer: IndexWriter = idx
        .index
        .writer_with_num_threads(threads, opts.writer_bytes(threads))
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::Locked {
                path: dir.to_path_buf(),
                holder: "a process holding Tantivy's writer lock".into(),
            },
            other => Error::Tantivy(other),
        })?;
    writer.set_merge_policy(Box::new(super::merge::BoundedMerges::new(
        opts.merge_docs(),
    )));
    let mut manifest = if opts.rebuild {
        Manifest::default()
    } else {
        load_manifest(dir)?
    };
    let w = walk::walk(paths);
    let mut summary = Summary::default();
    for s in &w.skipped {
        let path = s.path.display().to_string();
        progress(Progress::Skipped {
            path: &path,
            reason: &s.reason,
        });
        summary.skipped.push((path, s.reason.clone()));
    }
    progress(Progress::Start {
        files: w.sources.len(),
        bytes: w.sources.iter().map(|s| s.size).sum(),
    });
    let source_field = idx.field("source_key");
    let extractor = Extractor::default();
    let now = jiff::Timestamp::now();
    let mut speakers = BTreeSet::new();
    let mut seen_keys = BTreeSet::new();
    let mut last_commit = std::time::Instant::now();
    // Statements written since the last commit.
    let mut uncommitted = false;
    // Extraction runs ahead on the thread pool, one chunk of files at a time, while this
    // thread hands the previous chunk's statements to Tantivy's indexing threads.
    let prior = Prior::new(manifest.clone());
    let fresh = Prior::new(Manifest::default());
    let chunks = batches(&w.sources, opts.batch_bytes());
    let result: Result<()> = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let (fields, extractor, prior) = (&opts.fields, &extractor, &prior);
        let chunks_ref = &chunks;
        scope.spawn(move || {
            for chunk in chunks_ref {
                if opts.cancelled() {
                    break;
                }
                let outcomes: Vec<Outcome> = chunk
                    .par_iter()
                    .map(|s| process(s, prior, fields, extractor))
                    .collect();
                if tx.send(outcomes).is_err() {
                    break;
                }
            }
        });
        let mut received = 0;
        for (chunk, outcomes) in chunks.iter().zip(rx) {
            if opts.cancelled() {
                break;
            }
            received += 1;
            for (src, outcome) in chunk.iter().zip(outcomes) {
                // Two new files with the content of one gone file: the first takes its
                // statements over, the others are read as new.
                let outcome = match outcome {
                    Outcome::Moved { ref from, .. } if !manifest.files.contains_key(from) => {
                        process(src, &fresh, &opts.fields, extractor)
                    }
                    o => o,
                };
                summary.files += 1;
                let path = src.path.display().to_string();
                let mut n = 0;
                match outcome {
                    Outcome::Unchanged { key, state } => {
                        summary.files_unchanged += 1;
                        seen_keys.insert(key.clone());
                        manifest.files.insert(key, state);
                    }
                    Outcome::Moved { key, from, state } => {
                        n = move_statements(&idx, &mut writer, &from, &key, &src.path)?;
                        summary.files_moved += 1;
                        manifest.files.remove(&from);
                        seen_keys.insert(key.clone());
                        manifest.files.insert(key, state);
                    }
                    Outcome::Failed { reason } => {
                        progress(Progress::Skipped {
                            path: &path,
                            reason: &reason,
                        });
                        summary.skipped.push((path.clone(), reason));
                        // A file that cannot be read now keeps what was indexed from it before.
                        seen_keys.insert(canonical_key(&src.path));
                    }
                    Outcome::Indexed {
                        key,
                        state,
                        statements,
                        articles,
                        warnings,
                        bad,
                    } => {
                        for wmsg in &warnings {
                            progress(Progress::Warning(wmsg));
                        }
                        summary.warnings += warnings.len();
                        for b in bad {
                            let (p, r) = b
                                .split_once(": ")
                                .map(|(a, b)| (a.to_string(), b.to_string()))
                                .unwrap_or((path.clone(), b.clone()));
                            progress(Progress::Skipped {
                                path: &p,
                                reason: &r,
                            });
                            summary.skipped.push((p, r));
                        }
                        writer.delete_term(Term::from_field_text(source_field, &key));
                        n = statements.len();
                        for mut st in statements {
                            st.indexed_at = Some(now);
                            if !st.speaker_key.is_empty() {
                                speakers.insert(st.speaker_key.clone());
                            }
                            writer.add_document(super::schema::to_doc(
                                &idx.spec,
                                &idx.schema,
                                &st,
                            )?)?;
                        }
                        summary.articles += articles;
                        summary.statements += n;
                        uncommitted |= n > 0;
                        seen_keys.insert(key.clone());
                        manifest.files.insert(key, state);
                    }
                }
                summary.bytes += src.size;
                progress(Progress::File {
                    path: &src.path,
                    bytes: src.size,
                    statements: n,
                });
            }
            if uncommitted && last_commit.elapsed() >= COMMIT_INTERVAL && !opts.strict {
                commit(&mut writer, dir, &manifest)?;
                uncommitted = false;
                last_commit = std::time::Instant::now();
            }
        }
        // Stopped with chunks left: here, or by the extraction thread before it sent the next
        // one (then the channel simply closes, and only the count tells).
        if received < chunks.len() && opts.cancelled() {
            summary.interrupted = true;
            progress(Progress::Stopping);
        }
        Ok(())
    });
    result?;
    if opts.prune {
        let roots: Vec<String> = paths.iter().map(|p| canonical_key(p.as_ref())).collect();
        let gone: Vec<String> = manifest
            .files
            .keys()
            .filter(|k| !seen_keys.contains(*k) && roots.iter().any(|r| is_under(k, r)))
            .cloned()
            .collect();
        for k in gone {
            writer.delete_term(Term::from_field_text(source_field, &k));
            manifest.files.remove(&k);
            summary.files_removed += 1;
        }
    }
    if opts.strict && !summary.skipped.is_empty() {
        // Dropping the writer without a commit discards everything added in this run.
        drop(writer);
        let (path, reason) = &summary.skipped[0];
        return Err(Error::Strict {
            skipped: summary.skipped.len(),
            first: format!("{path}: {reason}"),
        });
    }
    commit(&mut writer, dir, &manifest)?;
    summary.speakers = speakers.len();
    summary.total_statements = idx.len()?;
    Ok(summary)
}

fn is_under(key: &str, root: &str) -> bool {
    key == root
        || key
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with(std::path::MAIN_SEPARATOR))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walk::Format;

    fn src(size: u64) -> Source {
        Source {
            path: "x.txt".into(),
            format: Format::Text,
            size,
        }
    }

    #[test]
    fn batches_are_bounded_by_bytes_and_count() {
        let sizes = [10, 10, 10, 50, 5, 5];
        let sources: Vec<Source> = sizes.iter().map(|&s| src(s)).collect();
        let lens: Vec<usize> = batches(&sources, 25).iter().map(|b| b.len()).collect();
        // 10+10 fit, the third 10 starts a batch, 50 is a batch of its own, then 5+5.
        assert_eq!(lens, vec![2, 1, 1, 2]);
        let many: Vec<Source> = (0..200).map(|_| src(1)).collect();
        let lens: Vec<usize> = batches(&many, 1 << 30).iter().map(|b| b.len()).collect();
        assert_eq!(lens, vec![CHUNK, CHUNK, CHUNK, 200 - 3 * CHUNK]);
        assert!(batches(&[], 10).is_empty());
    }

    #[test]
    fn memory_budget_splits() {
        let o = IndexOptions {
            memory: 400 << 20,
            ..IndexOptions::default()
        };
        assert_eq!(o.writer_bytes(2), 200 << 20);
        assert_eq!(o.batch_bytes(), 25 << 20);
        let tiny = IndexOptions {
            memory: 1 << 20,
            ..IndexOptions::default()
        };
        assert_eq!(tiny.writer_bytes(4), 4 * (16 << 20));
        assert_eq!(tiny.batch_bytes(), 4 << 20);
    }
}
