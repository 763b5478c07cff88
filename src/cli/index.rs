//! `whosaid index`: progress bar on a terminal, warnings and skipped files on stderr, a summary.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use whosaid::index::{DEFAULT_MEMORY, IndexOptions, Progress, index_paths};
use whosaid::parse::FieldMap;

use super::{Config, EXIT_ERROR, EXIT_OK};

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Start from an empty index (needed after a schema change).
    #[arg(long)]
    pub rebuild: bool,
    /// Keep the statements of files that have disappeared from the indexed folders.
    #[arg(long)]
    pub keep_deleted: bool,
    /// All or nothing: any skipped file or record fails the run and nothing is committed.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar, no warnings: only errors and the summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// JSON/JSON Lines key for the title (default: title, headline, name).
    #[arg(long, value_name = "KEY")]
    pub title_field: Option<String>,
    /// JSON key for the date (default: date, published, publish_date, ...).
    #[arg(long, value_name = "KEY")]
    pub date_field: Option<String>,
    /// JSON key for the article text (default: content_original, content, text, body, ...).
    #[arg(long, value_name = "KEY")]
    pub body_field: Option<String>,
    /// JSON key for the outlet (default: source, outlet, publisher, ...).
    #[arg(long, value_name = "KEY")]
    pub outlet_field: Option<String>,
    /// JSON key for the URL (default: url, link, ...).
    #[arg(long, value_name = "KEY")]
    pub url_field: Option<String>,
    /// JSON key for the author (default: author, authors, byline, ...).
    #[arg(long, value_name = "KEY")]
    pub author_field: Option<String>,
    /// Memory budget in MB: about half goes to Tantivy's writer, the rest to the files being
    /// read and their statements; a background merge reads at most MB×512 statements. Peak
    /// memory stops growing once the budget is in use, however large the archive.
    #[arg(long, default_value_t = DEFAULT_MEMORY >> 20)]
    pub memory: usize,
}

impl IndexArgs {
    fn options(&self) -> IndexOptions {
        let mut f = FieldMap::default();
        FieldMap::prefer(&mut f.title, self.title_field.as_deref());
        FieldMap::prefer(&mut f.date, self.date_field.as_deref());
        FieldMap::prefer(&mut f.body, self.body_field.as_deref());
        FieldMap::prefer(&mut f.outlet, self.outlet_field.as_deref());
        FieldMap::prefer(&mut f.url, self.url_field.as_deref());
        FieldMap::prefer(&mut f.author, self.author_field.as_deref());
        IndexOptions {
            fields: f,
            rebuild: self.rebuild,
            memory: self.memory.max(64) << 20,
            prune: !self.keep_deleted,
            strict: self.strict,
            cancel: None,
        }
    }
}

/// Thousands separated by commas, for summaries.
fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn run(cfg: &Config, a: IndexArgs) -> anyhow::Result<i32> {
    // Ctrl-C: commit what was read and stop; a second Ctrl-C stops at once (the index keeps
    // its last commit either way).
    let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    {
        let cancel = cancel.clone();
        let _ = ctrlc::set_handler(move || {
            if cancel.swap(true, std::sync::atomic::Ordering::SeqCst) {
                eprintln!("\nwhosaid: stopped; the index keeps its last commit");
                std::process::exit(130);
            }
            eprintln!("\nwhosaid: stopping after the files being read (Ctrl-C again to stop now)");
        });
    }
    let started = std::time::Instant::now();
    let bar = ProgressBar::with_draw_target(
        None,
        if cfg.progress && !a.quiet {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} · {binary_bytes_per_sec} · {msg} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut statements = 0usize;
    let mut files = 0usize;
    let quiet = a.quiet;
    let mut on_progress = |p: Progress| match p {
        Progress::Start { bytes, .. } => bar.set_length(bytes),
        Progress::File {
            statements: n,
            bytes,
            ..
        } => {
            statements += n;
            files += 1;
            bar.set_message(format!("{files} files · {statements} statements"));
            bar.inc(bytes);
        }
        Progress::Stopping => {}
        Progress::Warning(msg) => {
            if !quiet {
                bar.suspend(|| eprintln!("warning: {msg}"));
            }
        }
        Progress::Skipped { path, reason } => {
            bar.suspend(|| eprintln!("skipped: {path}: {reason}"))
        }
    };
    let opts = IndexOptions {
        cancel: Some(cancel),
        ..a.options()
    };
    let summary = index_paths(&cfg.index, &a.paths, &opts, &mut on_progress)?;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    let moved = if summary.files_moved > 0 {
        format!(", {} moved", summary.files_moved)
    } else {
        String::new()
    };
    eprintln!(
        "indexed {} articles, {} statements, {} speakers from {} files ({} unchanged, {} removed{moved}){}; {} statements in {}",
        count(summary.articles as u64),
        count(summary.statements as u64),
        count(summary.speakers as u64),
        count(summary.files as u64),
        count(summary.files_unchanged as u64),
        count(summary.files_removed as u64),
        if summary.warnings > 0 {
            format!(", {} warnings", summary.warnings)
        } else {
            String::new()
        },
        count(summary.total_statements),
        cfg.index.display(),
    );
    if !quiet || summary.interrupted {
        eprintln!(
            "{:.1} s: {:.0} articles/s, {:.1} MB/s",
            secs,
            summary.articles as f64 / secs,
            summary.bytes as f64 / 1e6 / secs
        );
    }
    if summary.interrupted {
        eprintln!(
            "interrupted: what was read is committed; run the same command again to continue"
        );
        return Ok(EXIT_ERROR);
    }
    if !summary.skipped.is_empty() {
        let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, r) in &summary.skipped {
            let key = r.split(" at line ").next().unwrap_or(r);
            *by_reason.entry(key).or_default() += 1;
        }
        eprintln!("skipped {} files or records:", summary.skipped.len());
        for (r, n) in by_reason {
            eprintln!("  {n:>6}  {r}");
        }
        return Ok(EXIT_ERROR);
    }
    Ok(EXIT_OK)
}
