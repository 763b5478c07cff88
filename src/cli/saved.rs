//! `whosaid saved`: add, list, run, rm.

use std::io::Write;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use whosaid::saved::{Saved, SavedQuery};
use whosaid::search::{self, Request};

use super::output::json_line;
use super::search::{open, print_hits};
use super::{Config, EXIT_NONE, EXIT_OK, FilterArgs};

#[derive(Debug, Subcommand)]
pub enum SavedCommand {
    /// Save a query under NAME (replaces one of the same name).
    Add(AddArgs),
    /// List the saved queries.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Run a saved query (or all with --all).
    Run(RunArgs),
    /// Remove a saved query.
    Rm { name: String },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The query to run.
    #[arg(required_unless_present = "all")]
    pub name: Option<String>,
    /// Run every saved query.
    #[arg(long, conflicts_with = "name")]
    pub all: bool,
    /// Only statements indexed since this query's previous run.
    #[arg(long)]
    pub new: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn run(cfg: &Config, c: SavedCommand) -> anyhow::Result<i32> {
    match c {
        SavedCommand::Add(a) => {
            if a.name.trim().is_empty() {
                bail!("a saved query needs a name");
            }
            let idx = open(cfg)?;
            // Check the query parses before saving it.
            search::query::build(&idx, &a.query, &a.filters.filters())?;
            let mut s = Saved::load(&cfg.index)?;
            s.upsert(SavedQuery {
                name: a.name.clone(),
                query: a.query,
                filters: a.filters.filters(),
                limit: a.limit,
                last_run: None,
            });
            s.save()?;
            eprintln!("saved query {:?}", a.name);
            Ok(EXIT_OK)
        }
        SavedCommand::List { json } => {
            let s = Saved::load(&cfg.index)?;
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            for q in &s.queries {
                if json {
                    json_line(&mut w, "saved_query", q)?;
                } else {
                    let last = q
                        .last_run
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "never run".into());
                    writeln!(w, "{}\t{}\t{}", q.name, q.query, last)?;
                }
            }
            Ok(if s.queries.is_empty() {
                EXIT_NONE
            } else {
                EXIT_OK
            })
        }
        SavedCommand::Rm { name } => {
            let mut s = Saved::load(&cfg.index)?;
            if !s.remove(&name) {
                bail!("no saved query named {name:?} in {}", cfg.index.display());
            }
            s.save()?;
            Ok(EXIT_OK)
        }
        SavedCommand::Run(a) => {
            let idx = open(cfg)?;
            let mut s = Saved::load(&cfg.index)?;
            let names: Vec<String> = if a.all {
                s.queries.iter().map(|q| q.name.clone()).collect()
            } else {
                let n = a.name.clone().unwrap_or_default();
                if s.get(&n).is_none() {
                    bail!("no saved query named {n:?} in {}", cfg.index.display());
                }
                vec![n]
            };
            let started = jiff::Timestamp::now();
            let mut any = false;
            for name in names {
                let q = s.get(&name).cloned().context("saved query vanished")?;
                let mut filters = q.filters.clone();
                if a.new {
                    filters.indexed_after = q.last_run;
                }
                let hits = search::search(
                    &idx,
                    &Request {
                        query: q.query.clone(),
                        filters,
                        limit: q.limit,
                        offset: 0,
                    },
                )?;
                if !a.json {
                    let what = if a.new {
                        "new statements"
                    } else {
                        "statements"
                    };
                    println!("== {name}: {} {what}", hits.len());
                }
                any |= print_hits(cfg, &hits, a.json)? == EXIT_OK;
                s.set_last_run(&name, started);
            }
            s.save()?;
            Ok(if any { EXIT_OK } else { EXIT_NONE })
        }
    }
}
