//! `whosaid saved`: add, list, run, rm.

use std::io::Write;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use clap::ValueEnum;

use whosaid::saved::{Saved, SavedQuery, new_since_last_run};
use whosaid::search::{self, Sort};

use super::output::{Format, Printer, json_line, write_groups, write_hits};
use super::search::{OutputArgs, SortArg, open};
use super::{Config, EXIT_NONE, EXIT_OK, FilterArgs};

#[derive(Debug, Subcommand)]
pub enum SavedCommand {
    /// Save a query under NAME with its filters and output choices (replaces one of the same name).
    Add(AddArgs),
    /// List the saved queries.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print one saved query as stored.
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Run a saved query (or all with --all); with --new, only what was indexed since its last
    /// run, grouped by speaker. Exit code 0 when something was found, 1 when nothing.
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
    /// Order of results.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Show each syndicated copy of a statement as its own result.
    #[arg(long)]
    pub all_copies: bool,
    /// Output format used when the query runs.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The query to run.
    #[arg(required_unless_present = "all")]
    pub name: Option<String>,
    /// Run every saved query.
    #[arg(long, conflicts_with = "name")]
    pub all: bool,
    /// Only statements indexed since this query's previous run, grouped by speaker.
    #[arg(long)]
    pub new: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn sort_arg(s: Sort) -> &'static str {
    match s {
        Sort::Relevance => "relevance",
        Sort::Date => "date",
        Sort::DateAsc => "date-asc",
    }
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
                sort: a.sort.into(),
                all_copies: a.all_copies,
                format: a.format.map(|f| f.name().to_string()),
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
        SavedCommand::Show { name, json } => {
            let s = Saved::load(&cfg.index)?;
            let Some(q) = s.get(&name) else {
                bail!("no saved query named {name:?} in {}", cfg.index.display());
            };
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            if json {
                json_line(&mut w, "saved_query", q)?;
            } else {
                let f = &q.filters;
                let mut lines = vec![("name", q.name.clone()), ("query", q.query.clone())];
                for (k, v) in [
                    ("speaker", &f.speaker),
                    ("org", &f.org),
                    ("outlet", &f.outlet),
                ] {
                    if let Some(v) = v {
                        lines.push((k, v.clone()));
                    }
                }
                if let Some(k) = f.kind {
                    lines.push(("kind", k.as_str().into()));
                }
                if let Some(d) = f.since {
                    lines.push(("since", d.to_string()));
                }
                if let Some(d) = f.until {
                    lines.push(("until", d.to_string()));
                }
                lines.push(("limit", q.limit.to_string()));
                lines.push(("sort", sort_arg(q.sort).into()));
                lines.push((
                    "copies",
                    if q.all_copies { "all" } else { "collapsed" }.into(),
                ));
                lines.push(("format", q.format.clone().unwrap_or_else(|| "table".into())));
                lines.push((
                    "last run",
                    q.last_run
                        .map(|t| t.to_string())
                        .unwrap_or_else(|| "never".into()),
                ));
                for (k, v) in lines {
                    writeln!(w, "{k:>8}: {v}")?;
                }
            }
            Ok(EXIT_OK)
        }
        SavedCommand::Rm { name } => {
            let mut s = Saved::load(&cfg.index)?;
            if !s.remove(&name) {
                bail!("no saved query named {name:?} in {}", cfg.index.display());
            }
            s.save()?;
            Ok(EXIT_OK)
        }
        SavedCommand::Run(a) => run_saved(cfg, a),
    }
}

fn run_saved(cfg: &Config, a: RunArgs) -> anyhow::Result<i32> {
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
    let stdout = std::io::stdout();
    let p = Printer::new(cfg.color);
    for name in names {
        let q = s.get(&name).cloned().context("saved query vanished")?;
        let format = if a.output.json || a.output.format.is_some() {
            a.output.format()
        } else {
            q.format
                .as_deref()
                .and_then(|f| Format::from_str(f, true).ok())
                .unwrap_or(Format::Table)
        };
        let req = q.request(a.new);
        let mut w = std::io::BufWriter::new(stdout.lock());
        if a.new {
            let (n, groups) = new_since_last_run(&idx, &q)?;
            any |= n > 0;
            if format == Format::Json {
                json_line(
                    &mut w,
                    "saved_run",
                    &serde_json::json!({
                        "name": name, "query": q.query, "since": q.last_run,
                        "statements": n, "speakers": groups,
                    }),
                )?;
            } else {
                let since = q
                    .last_run
                    .map(|t| format!("since {t}"))
                    .unwrap_or_else(|| "first run".into());
                writeln!(w, "== {name}: {n} new statements ({since})")?;
                if format == Format::Table {
                    for g in &groups {
                        p.group(&mut w, g)?;
                    }
                } else {
                    write_groups(&mut w, &p, &groups, format)?;
                }
            }
        } else {
            let hits = search::search(&idx, &req)?;
            any |= !hits.is_empty();
            if format == Format::Table {
                writeln!(w, "== {name}: {} statements", hits.len())?;
            }
            write_hits(&mut w, &p, &hits, format)?;
        }
        w.flush()?;
        s.set_last_run(&name, started);
    }
    s.save()?;
    Ok(if any { EXIT_OK } else { EXIT_NONE })
}
