//! `whosaid index`: progress bar on a terminal, warnings and skipped files on stderr, a summary.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use whosaid::index::{IndexOptions, Progress, index_paths};
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
    /// Writer memory budget in MB.
    #[arg(long, default_value_t = 200)]
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
            memory: self.memory.max(15) << 20,
            prune: !self.keep_deleted,
            strict: self.strict,
        }
    }
}

pub fn run(cfg: &Config, a: IndexArgs) -> anyhow::Result<i32> {
    let bar = ProgressBar::with_draw_target(
        None,
        if cfg.progress && !a.quiet {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files · {msg} · {per_sec} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut statements = 0usize;
    let quiet = a.quiet;
    let mut on_progress = |p: Progress| match p {
        Progress::Start { files, .. } => bar.set_length(files as u64),
        Progress::File { statements: n, .. } => {
            statements += n;
            bar.set_message(format!("{statements} statements"));
            bar.inc(1);
        }
        Progress::Warning(msg) => {
            if !quiet {
                bar.suspend(|| eprintln!("warning: {msg}"));
            }
        }
        Progress::Skipped { path, reason } => {
            bar.suspend(|| eprintln!("skipped: {path}: {reason}"))
        }
    };
    let summary = index_paths(&cfg.index, &a.paths, &a.options(), &mut on_progress)?;
    bar.finish_and_clear();
    eprintln!(
        "indexed {} articles, {} statements, {} speakers from {} files ({} unchanged, {} removed){}; {} statements in {}",
        summary.articles,
        summary.statements,
        summary.speakers,
        summary.files,
        summary.files_unchanged,
        summary.files_removed,
        if summary.warnings > 0 {
            format!(", {} warnings", summary.warnings)
        } else {
            String::new()
        },
        summary.total_statements,
        cfg.index.display(),
    );
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
