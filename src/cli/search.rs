//! `whosaid search`, `who`, `timeline` and `show`.

use std::io::Write;

use anyhow::bail;
use clap::{Args, ValueEnum};

use whosaid::index::StatementIndex;
use whosaid::search::{self, Facet, GroupBy, Interval, Request, Sort};

use super::output::{Format, Printer, json_line, write_groups, write_hits};
use super::{Config, EXIT_NONE, EXIT_OK, FilterArgs};

/// Order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
    /// Oldest first.
    DateAsc,
}

impl From<SortArg> for Sort {
    fn from(s: SortArg) -> Sort {
        match s {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
            SortArg::DateAsc => Sort::DateAsc,
        }
    }
}

/// Output choices shared by the commands that print statements.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output: table (for people), json (JSON Lines), csv or markdown.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Short for --format json: one {"type": ..., "data": {...}} per line.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl OutputArgs {
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format.unwrap_or(Format::Table)
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in Tantivy syntax over the statement fields ("NATO membership", speaker:hegseth,
    /// date:[2025-01-01 TO 2025-03-01]); "*" for everything. Synonyms from
    /// index_schema/synonyms.toml are added (see --explain).
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many statements.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many statements first (pagination).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of results.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Show each syndicated copy of a statement as its own result.
    #[arg(long)]
    pub all_copies: bool,
    /// Also count matches per value of these fields: speaker, org, outlet, year.
    #[arg(long, value_delimiter = ',')]
    pub facets: Vec<Facet>,
    /// Print how the query was understood (synonyms, corrections, the parsed query) first.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// How `who` groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Speaker,
    Org,
}

#[derive(Debug, Args)]
pub struct WhoArgs {
    /// Query, as for `search`.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many speakers (or organisations).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many groups first (pagination).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Best statements shown per group.
    #[arg(long, default_value_t = 3)]
    pub per_speaker: usize,
    /// Group by speaker or by organisation.
    #[arg(long, value_enum, default_value_t = ByArg::Speaker)]
    pub by: ByArg,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IntervalArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Query, as for `search`.
    pub query: String,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Period of a bar (default: chosen from the date span, at most about 40 bars).
    #[arg(long, value_enum)]
    pub by: Option<IntervalArg>,
    /// JSON Lines: one {"type":"bucket","data":{"start","end","count"}} per period.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Statement id, as printed by `search` and `who`.
    pub id: String,
    /// One {"type":"statement","data":{...}} line.
    #[arg(long)]
    pub json: bool,
}

pub fn open(cfg: &Config) -> anyhow::Result<StatementIndex> {
    Ok(StatementIndex::open(&cfg.index)?)
}

/// Prints hits in a format; the exit code says whether there were any.
pub fn print_hits(cfg: &Config, hits: &[search::Hit], format: Format) -> anyhow::Result<i32> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    write_hits(&mut w, &Printer::new(cfg.color), hits, format)?;
    w.flush()?;
    Ok(if hits.is_empty() { EXIT_NONE } else { EXIT_OK })
}

/// Tells the user why nothing matched (on stderr, so scripts' output stays clean).
pub fn report_empty(idx: &StatementIndex, req: &Request) {
    match search::why_empty(idx, req) {
        Ok(why) => eprintln!("whosaid: no statement matches: {why}"),
        Err(_) => eprintln!("whosaid: no statement matches"),
    }
}

pub fn run_search(cfg: &Config, a: SearchArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let req = Request {
        query: a.query,
        filters: a.filters.filters(),
        limit: a.limit,
        offset: a.offset,
        sort: a.sort.into(),
        all_copies: a.all_copies,
    };
    let format = a.output.format();
    if a.explain {
        let plan = search::query::plan(&idx, &req.query, &req.filters)?;
        let mut e = std::io::stderr().lock();
        writeln!(e, "query:    {}", req.query)?;
        for u in &plan.synonyms {
            writeln!(e, "synonyms: {:?} → {}", u.matched, u.terms.join(" | "))?;
        }
        if plan.rewritten != req.query.trim() {
            writeln!(e, "searched: {}", plan.rewritten)?;
        }
        for n in &plan.notes {
            writeln!(e, "note:     {n}")?;
        }
        writeln!(
            e,
            "fields:   quote ×3, speaker ×2, organisation, role, context (outside the quote) ×1; \
             British/American spellings folded; direct quotes ×1.05; confidence counts"
        )?;
        writeln!(e, "parsed:   {:?}", plan.query)?;
    }
    let hits = search::search(&idx, &req)?;
    if hits.is_empty() {
        report_empty(&idx, &req);
    }
    let code = print_hits(cfg, &hits, format)?;
    if !a.facets.is_empty() {
        let counts = search::facets(&idx, &req, &a.facets, 10)?;
        // Facets go beside a CSV table, not into it.
        let mut w: Box<dyn Write> = if format == Format::Csv {
            Box::new(std::io::stderr().lock())
        } else {
            Box::new(std::io::stdout().lock())
        };
        for c in &counts {
            if format == Format::Json {
                json_line(&mut w, "facet", c)?;
            } else {
                let vals: Vec<String> = c
                    .values
                    .iter()
                    .map(|(v, n)| {
                        let v = if v.is_empty() { "(none)" } else { v.as_str() };
                        format!("{v} {n}")
                    })
                    .collect();
                writeln!(w, "{:?}: {}", c.facet, vals.join(" · "))?;
            }
        }
    }
    Ok(code)
}

pub fn run_who(cfg: &Config, a: WhoArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let req = Request {
        query: a.query,
        filters: a.filters.filters(),
        limit: a.limit,
        offset: a.offset,
        ..Request::default()
    };
    let by = match a.by {
        ByArg::Speaker => GroupBy::Speaker,
        ByArg::Org => GroupBy::Org,
    };
    let groups = search::who(&idx, &req, a.per_speaker, by)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    write_groups(&mut w, &Printer::new(cfg.color), &groups, a.output.format())?;
    w.flush()?;
    if groups.is_empty() {
        report_empty(&idx, &req);
        return Ok(EXIT_NONE);
    }
    Ok(EXIT_OK)
}

/// Width of the longest timeline bar, in characters.
const BAR_WIDTH: usize = 50;

pub fn run_timeline(cfg: &Config, a: TimelineArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let req = Request {
        query: a.query,
        filters: a.filters.filters(),
        ..Request::default()
    };
    let iv = a.by.map(|b| match b {
        IntervalArg::Day => Interval::Day,
        IntervalArg::Week => Interval::Week,
        IntervalArg::Month => Interval::Month,
        IntervalArg::Year => Interval::Year,
    });
    let t = search::timeline(&idx, &req, iv)?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let p = Printer::new(cfg.color);
    let max = t.buckets.iter().map(|b| b.count).max().unwrap_or(0);
    for b in &t.buckets {
        if a.json {
            json_line(&mut w, "bucket", b)?;
            continue;
        }
        let label = match t.interval {
            Interval::Year => b.start.year().to_string(),
            Interval::Month => format!("{:04}-{:02}", b.start.year(), b.start.month()),
            Interval::Week => format!("{} wk", b.start),
            Interval::Day => b.start.to_string(),
        };
        let len = if max == 0 {
            0
        } else {
            (b.count * BAR_WIDTH).div_ceil(max)
        };
        writeln!(w, "{label:>13} {} {}", p.bar(&"█".repeat(len)), b.count)?;
    }
    if a.json {
        json_line(
            &mut w,
            "timeline",
            &serde_json::json!({"interval": t.interval, "undated": t.undated,
                "statements": t.buckets.iter().map(|b| b.count).sum::<usize>() + t.undated}),
        )?;
    } else if t.undated > 0 {
        writeln!(w, "{:>13} {}", "undated", t.undated)?;
    }
    w.flush()?;
    let total: usize = t.buckets.iter().map(|b| b.count).sum::<usize>() + t.undated;
    if total == 0 {
        report_empty(&idx, &req);
        return Ok(EXIT_NONE);
    }
    Ok(EXIT_OK)
}

pub fn run_show(cfg: &Config, a: ShowArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let Some(st) = search::show(&idx, &a.id)? else {
        bail!(
            "no statement with id {:?} in {} (ids are printed by `whosaid search`)",
            a.id,
            cfg.index.display()
        );
    };
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    if a.json {
        json_line(&mut w, "statement", &st)?;
    } else {
        Printer::new(cfg.color).statement(&mut w, &st)?;
    }
    Ok(EXIT_OK)
}
