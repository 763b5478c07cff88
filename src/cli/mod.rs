//! The command line: clap definitions, one module per subcommand, and the output style. The only
//! place that knows clap, indicatif and colours.

mod export;
mod extract;
mod index;
mod output;
mod saved;
mod search;
mod serve;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use whosaid::model::Kind;
use whosaid::search::Filters;

/// Exit code: done, with results.
pub const EXIT_OK: i32 = 0;
/// Exit code: nothing matched.
pub const EXIT_NONE: i32 = 1;
/// Exit code: an error, or something was skipped.
pub const EXIT_ERROR: i32 = 2;

/// whosaid: index a news archive, then ask who said what.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about = None)]
pub struct Cli {
    /// Index folder.
    #[arg(long, global = true, env = "WHOSAID_INDEX", default_value = ".whosaid")]
    pub index: PathBuf,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index the articles under PATH... (files or folders; only changed files are re-read).
    Index(index::IndexArgs),
    /// Print the statements of articles without touching an index.
    Extract(extract::ExtractArgs),
    /// Search statements, best first, with the matching words highlighted.
    Search(search::SearchArgs),
    /// Who said what: statements matching QUERY grouped by speaker (or organisation).
    Who(search::WhoArgs),
    /// Statements matching QUERY per day, week, month or year, as a bar chart.
    Timeline(search::TimelineArgs),
    /// One statement in full: context, title, outlet, date, URL, path.
    Show(search::ShowArgs),
    /// Serve the page and the JSON API over the index (read-only; loopback by default).
    Serve(serve::ServeArgs),
    /// Every statement of the index as NDJSON, for other tools.
    Export(export::ExportArgs),
    /// Saved queries: add, list, show, run (what is new since the last run), rm.
    #[command(subcommand)]
    Saved(saved::SavedCommand),
}

/// Filters shared by `search`, `who` and `saved add`.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only statements by this speaker (any part of the name).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only statements by people of this organisation.
    #[arg(long)]
    pub org: Option<String>,
    /// Only statements reported by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only direct, indirect or mixed statements.
    #[arg(long)]
    pub kind: Option<Kind>,
    /// Only statements on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<Date>,
    /// Only statements on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<Date>,
}

impl FilterArgs {
    pub fn filters(&self) -> Filters {
        Filters {
            speaker: self.speaker.clone(),
            org: self.org.clone(),
            outlet: self.outlet.clone(),
            kind: self.kind,
            since: self.since,
            until: self.until,
            indexed_after: None,
        }
    }
}

/// What every command needs, resolved once from the flags and the environment.
pub struct Config {
    pub index: PathBuf,
    pub color: bool,
    pub progress: bool,
}

impl Config {
    fn new(cli: &Cli) -> Config {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Config {
            index: cli.index.clone(),
            color,
            progress: std::io::stderr().is_terminal(),
        }
    }
}

/// Runs the command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let cfg = Config::new(&cli);
    match cli.command {
        Command::Index(a) => index::run(&cfg, a),
        Command::Extract(a) => extract::run(&cfg, a),
        Command::Search(a) => search::run_search(&cfg, a),
        Command::Who(a) => search::run_who(&cfg, a),
        Command::Timeline(a) => search::run_timeline(&cfg, a),
        Command::Show(a) => search::run_show(&cfg, a),
        Command::Saved(c) => saved::run(&cfg, c),
        Command::Export(a) => export::run(&cfg, a),
        Command::Serve(a) => serve::run(&cfg, a),
    }
}
