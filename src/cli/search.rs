//! `whosaid search` and `whosaid who`.

use std::io::Write;

use clap::Args;

use whosaid::index::StatementIndex;
use whosaid::search::{self, Request};

use super::output::{Printer, json_line};
use super::{Config, EXIT_NONE, EXIT_OK, FilterArgs};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in Tantivy syntax over the statement fields ("NATO membership", speaker:hegseth,
    /// date:[2025-01-01 TO 2025-03-01]); "*" for everything.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many statements.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many statements first (pagination).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// JSON Lines: one {"type":"statement","data":{...}} per line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct WhoArgs {
    /// Query, as for `search`.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many speakers.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Best statements shown per speaker.
    #[arg(long, default_value_t = 3)]
    pub per_speaker: usize,
    /// JSON Lines: one {"type":"speaker","data":{...}} per line.
    #[arg(long)]
    pub json: bool,
}

pub fn open(cfg: &Config) -> anyhow::Result<StatementIndex> {
    Ok(StatementIndex::open(&cfg.index)?)
}

/// Prints hits as text or JSON Lines; the exit code says whether there were any.
pub fn print_hits(cfg: &Config, hits: &[search::Hit], json: bool) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let p = Printer::new(cfg.color);
    for h in hits {
        if json {
            json_line(&mut w, "statement", h)?;
        } else {
            p.hit(&mut w, h)?;
        }
    }
    w.flush()?;
    Ok(if hits.is_empty() { EXIT_NONE } else { EXIT_OK })
}

pub fn run_search(cfg: &Config, a: SearchArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let req = Request {
        query: a.query,
        filters: a.filters.filters(),
        limit: a.limit,
        offset: a.offset,
    };
    let hits = search::search(&idx, &req)?;
    if hits.is_empty() && !a.json {
        eprintln!("whosaid: no statement matches");
    }
    print_hits(cfg, &hits, a.json)
}

pub fn run_who(cfg: &Config, a: WhoArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let req = Request {
        query: a.query,
        filters: a.filters.filters(),
        limit: a.limit,
        offset: 0,
    };
    let groups = search::who(&idx, &req, a.per_speaker)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let p = Printer::new(cfg.color);
    for g in &groups {
        if a.json {
            json_line(&mut w, "speaker", g)?;
        } else {
            p.group(&mut w, g)?;
        }
    }
    w.flush()?;
    if groups.is_empty() {
        if !a.json {
            eprintln!("whosaid: no statement matches");
        }
        return Ok(EXIT_NONE);
    }
    Ok(EXIT_OK)
}
