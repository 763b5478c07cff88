//! How results look: for people (colours only when asked or on a terminal) and for scripts
//! (JSON Lines, one object a line with a `type` and its `data`).

use std::io::Write;

use anstyle::{AnsiColor, Style};
use clap::ValueEnum;
use serde::Serialize;

use whosaid::model::Statement;
use whosaid::search::{Hit, SpeakerGroup};

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: speaker, date, outlet, highlighted quote, source.
    Table,
    /// JSON Lines: {"type": "statement" | "speaker" | ..., "data": {...}} per line.
    Json,
    /// One row per statement (or group) with a header.
    Csv,
    /// A Markdown table, for notes and reports.
    Markdown,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
        }
    }
}

pub struct Printer {
    color: bool,
}

const NAME: Style = Style::new().bold();
const MARK: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();
const BAR: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));

impl Printer {
    pub fn new(color: bool) -> Printer {
        Printer { color }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// The parts of the quote to show, highlights marked (colour, or `[..]` without colour),
    /// fragments of a long quote joined by " … ".
    pub fn quote(&self, hit: &Hit) -> String {
        let q = &hit.statement.quote;
        let whole = [[0, q.len()]];
        let frags: &[[usize; 2]] = if hit.fragments.is_empty() {
            &whole
        } else {
            &hit.fragments
        };
        let mut out = String::with_capacity(q.len() + 16);
        for (n, &[fs, fe]) in frags.iter().enumerate() {
            if fs > fe || fe > q.len() || !q.is_char_boundary(fs) || !q.is_char_boundary(fe) {
                continue;
            }
            if n > 0 || fs > 0 {
                out.push_str(if n > 0 { " … " } else { "… " });
            }
            let mut at = fs;
            for &[s, e] in &hit.highlights {
                if s < at || e > fe || !q.is_char_boundary(s) || !q.is_char_boundary(e) {
                    continue;
                }
                out.push_str(&q[at..s]);
                if self.color {
                    out.push_str(&self.paint(MARK, &q[s..e]));
                } else {
                    out.push('[');
                    out.push_str(&q[s..e]);
                    out.push(']');
                }
                at = e;
            }
            out.push_str(&q[at..fe]);
            if n + 1 == frags.len() && fe < q.len() {
                out.push_str(" …");
            }
        }
        out
    }

    pub fn bar(&self, s: &str) -> String {
        self.paint(BAR, s)
    }

    fn who_line(
        &self,
        speaker: Option<&str>,
        mention: Option<&str>,
        role: Option<&str>,
        org: Option<&str>,
    ) -> String {
        let name = match (speaker, mention) {
            (Some(s), _) => self.paint(NAME, s),
            (None, Some(m)) => format!(
                "{} {}",
                self.paint(NAME, m),
                self.paint(DIM, "(unresolved)")
            ),
            (None, None) => self.paint(DIM, "(unattributed)"),
        };
        let mut parts = vec![name];
        parts.extend(role.map(str::to_string));
        parts.extend(org.filter(|o| Some(*o) != role).map(str::to_string));
        parts.join(" · ")
    }

    /// Who said a statement: name (or unresolved mention), role, organisation.
    fn speaker_line(&self, s: &Statement) -> String {
        self.who_line(
            s.speaker.as_deref(),
            s.speaker_mention.as_deref(),
            s.role.as_deref(),
            s.organisation.as_deref(),
        )
    }

    pub fn hit(&self, w: &mut dyn Write, hit: &Hit) -> std::io::Result<()> {
        let s = &hit.statement;
        writeln!(w, "{}", self.speaker_line(s))?;
        let mut meta = Vec::new();
        meta.push(
            s.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
        );
        meta.extend(s.outlet.clone());
        meta.push(s.kind.as_str().to_string());
        meta.extend(s.cue.clone().map(|c| format!("cue: {c}")));
        writeln!(w, "  {}", self.paint(DIM, &meta.join(" · ")))?;
        writeln!(w, "  “{}”", self.quote(hit))?;
        if !hit.matched_in.is_empty() {
            let m = format!("matched in: {}", hit.matched_in.join(", "));
            writeln!(w, "  {}", self.paint(DIM, &m))?;
        }
        if !hit.sources.is_empty() {
            let list: Vec<String> = hit
                .sources
                .iter()
                .map(|c| {
                    let d = c
                        .date
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "undated".into());
                    format!("{} {d}", c.outlet.as_deref().unwrap_or(&c.path))
                })
                .collect();
            let line = format!(
                "reported by {} sources: {}",
                hit.sources.len(),
                list.join(", ")
            );
            writeln!(w, "  {}", self.paint(DIM, &line))?;
        }
        let mut src = vec![s.path.clone()];
        src.extend(s.title.clone().map(|t| format!("“{t}”")));
        src.push(format!("id {}", s.id));
        writeln!(w, "  {}", self.paint(DIM, &src.join(" · ")))?;
        writeln!(w)
    }

    pub fn group(&self, w: &mut dyn Write, g: &SpeakerGroup) -> std::io::Result<()> {
        if g.group_by == "organisation" {
            let label = g.organisation.as_deref().unwrap_or("No organisation");
            writeln!(w, "{}", self.paint(NAME, label))?;
        } else if g.speaker.is_none() {
            let label = "Unresolved sources (officials, critics, ...)";
            writeln!(w, "{}", self.paint(NAME, label))?;
        } else {
            let line = self.who_line(
                g.speaker.as_deref(),
                None,
                g.role.as_deref(),
                g.organisation.as_deref(),
            );
            writeln!(w, "{line}")?;
        }
        let span = match (g.first_date, g.last_date) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} … {b}"),
            _ => "undated".into(),
        };
        let n = if g.statements == 1 {
            "1 statement".to_string()
        } else {
            format!("{} statements", g.statements)
        };
        let spark = if g.sparkline.trim().is_empty() {
            String::new()
        } else {
            format!(" · │{}│", g.sparkline)
        };
        writeln!(w, "  {}", self.paint(DIM, &format!("{n} · {span}{spark}")))?;
        if !g.speakers.is_empty() {
            let who = format!("speakers: {}", g.speakers.join(", "));
            writeln!(w, "  {}", self.paint(DIM, &who))?;
        }
        for h in &g.top {
            let s = &h.statement;
            let mut meta = vec![
                s.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
            ];
            meta.extend(s.outlet.clone());
            meta.push(s.kind.as_str().to_string());
            writeln!(
                w,
                "  • {} “{}”",
                self.paint(DIM, &format!("{}:", meta.join(" · "))),
                self.quote(h)
            )?;
        }
        writeln!(w)
    }

    /// One statement in full: `whosaid show`.
    pub fn statement(&self, w: &mut dyn Write, s: &Statement) -> std::io::Result<()> {
        writeln!(w, "{}", self.speaker_line(s))?;
        let field = |k: &str, v: &str| format!("{:>9} {v}", self.paint(DIM, k));
        writeln!(w, "{}", field("said", &format!("“{}”", s.quote)))?;
        writeln!(w, "{}", field("kind", s.kind.as_str()))?;
        if let Some(c) = &s.cue {
            writeln!(w, "{}", field("cue", c))?;
        }
        if let Some(m) = &s.speaker_mention {
            writeln!(w, "{}", field("mention", m))?;
        }
        let date = s
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        writeln!(w, "{}", field("date", &date))?;
        for (k, v) in [
            ("title", &s.title),
            ("outlet", &s.outlet),
            ("author", &s.author),
            ("url", &s.url),
        ] {
            if let Some(v) = v {
                writeln!(w, "{}", field(k, v))?;
            }
        }
        writeln!(w, "{}", field("path", &s.path))?;
        writeln!(
            w,
            "{}",
            field(
                "bytes",
                &format!("{}..{} of the article body", s.quote_start, s.quote_end)
            )
        )?;
        writeln!(w, "{}", field("id", &s.id))?;
        writeln!(w, "{}", field("context", ""))?;
        for line in textwrap(&s.context, 96) {
            writeln!(w, "    {line}")?;
        }
        Ok(())
    }
}

/// Lines of at most `width` characters, broken at spaces.
fn textwrap(s: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// Cell text for a Markdown table: one line, pipes escaped.
fn md(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn sources_cell(h: &Hit) -> String {
    h.sources
        .iter()
        .map(|c| {
            let d = c.date.map(|d| d.to_string()).unwrap_or_default();
            format!("{} {d}", c.outlet.as_deref().unwrap_or(&c.path))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes statements in the chosen format.
pub fn write_hits(
    w: &mut dyn Write,
    p: &Printer,
    hits: &[Hit],
    format: Format,
) -> anyhow::Result<()> {
    match format {
        Format::Table => {
            for h in hits {
                p.hit(w, h)?;
            }
        }
        Format::Json => {
            for h in hits {
                json_line(w, "statement", h)?;
            }
        }
        Format::Csv => {
            let mut c = csv::Writer::from_writer(w);
            c.write_record([
                "id",
                "score",
                "date",
                "speaker",
                "role",
                "organisation",
                "kind",
                "quote",
                "cue",
                "outlet",
                "title",
                "url",
                "path",
                "sources",
            ])?;
            for h in hits {
                let s = &h.statement;
                c.write_record([
                    s.id.as_str(),
                    &format!("{:.3}", h.score),
                    &s.date.map(|d| d.to_string()).unwrap_or_default(),
                    opt(&s.speaker),
                    opt(&s.role),
                    opt(&s.organisation),
                    s.kind.as_str(),
                    &s.quote,
                    opt(&s.cue),
                    opt(&s.outlet),
                    opt(&s.title),
                    opt(&s.url),
                    &s.path,
                    &sources_cell(h),
                ])?;
            }
            c.flush()?;
        }
        Format::Markdown => {
            writeln!(w, "| date | speaker | quote | outlet | id |")?;
            writeln!(w, "|---|---|---|---|---|")?;
            for h in hits {
                let s = &h.statement;
                let who = s
                    .speaker
                    .clone()
                    .or_else(|| {
                        s.speaker_mention
                            .as_ref()
                            .map(|m| format!("{m} (unresolved)"))
                    })
                    .unwrap_or_default();
                let outlet = if h.sources.is_empty() {
                    opt(&s.outlet).to_string()
                } else {
                    sources_cell(h)
                };
                writeln!(
                    w,
                    "| {} | {} | {} | {} | `{}` |",
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    md(&who),
                    md(&format!("“{}”", s.quote)),
                    md(&outlet),
                    s.id
                )?;
            }
        }
    }
    Ok(())
}

/// Writes `who` groups in the chosen format.
pub fn write_groups(
    w: &mut dyn Write,
    p: &Printer,
    groups: &[SpeakerGroup],
    format: Format,
) -> anyhow::Result<()> {
    let name = |g: &SpeakerGroup| -> String {
        if g.group_by == "organisation" {
            g.organisation.clone().unwrap_or_default()
        } else {
            g.speaker.clone().unwrap_or_default()
        }
    };
    match format {
        Format::Table => {
            for g in groups {
                p.group(w, g)?;
            }
        }
        Format::Json => {
            for g in groups {
                json_line(w, g.group_by, g)?;
            }
        }
        Format::Csv => {
            let mut c = csv::Writer::from_writer(w);
            c.write_record([
                "group_by",
                "name",
                "role",
                "organisation",
                "statements",
                "first_date",
                "last_date",
                "best_quote",
                "best_id",
            ])?;
            for g in groups {
                let best = g.top.first();
                c.write_record([
                    g.group_by,
                    &name(g),
                    opt(&g.role),
                    opt(&g.organisation),
                    &g.statements.to_string(),
                    &g.first_date.map(|d| d.to_string()).unwrap_or_default(),
                    &g.last_date.map(|d| d.to_string()).unwrap_or_default(),
                    best.map(|h| h.statement.quote.as_str()).unwrap_or(""),
                    best.map(|h| h.statement.id.as_str()).unwrap_or(""),
                ])?;
            }
            c.flush()?;
        }
        Format::Markdown => {
            writeln!(
                w,
                "| who | role | organisation | statements | dates | best statement |"
            )?;
            writeln!(w, "|---|---|---|---|---|---|")?;
            for g in groups {
                let dates = match (g.first_date, g.last_date) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a} – {b}"),
                    _ => String::new(),
                };
                let n = name(g);
                writeln!(
                    w,
                    "| {} | {} | {} | {} | {} | {} |",
                    md(if n.is_empty() { "(unresolved)" } else { &n }),
                    md(opt(&g.role)),
                    md(opt(&g.organisation)),
                    g.statements,
                    dates,
                    md(&g
                        .top
                        .first()
                        .map(|h| format!("“{}”", h.statement.quote))
                        .unwrap_or_default())
                )?;
            }
        }
    }
    Ok(())
}

/// One JSON Lines message: `{"type": kind, "data": value}`.
pub fn json_line<T: Serialize>(w: &mut dyn Write, kind: &str, data: &T) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Msg<'a, T> {
        #[serde(rename = "type")]
        kind: &'a str,
        data: &'a T,
    }
    serde_json::to_writer(&mut *w, &Msg { kind, data })?;
    writeln!(w)
}
