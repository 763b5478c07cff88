//! How results look: for people (colours only when asked or on a terminal) and for scripts
//! (JSON Lines, one object a line with a `type` and its `data`).

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use whosaid::search::{Hit, SpeakerGroup};

pub struct Printer {
    color: bool,
}

const NAME: Style = Style::new().bold();
const MARK: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const DIM: Style = Style::new().dimmed();

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

    /// The quote with its highlighted ranges marked (colour), or `[..]` without colour.
    pub fn quote(&self, hit: &Hit) -> String {
        let q = &hit.statement.quote;
        let mut out = String::with_capacity(q.len() + 16);
        let mut at = 0;
        for &[s, e] in &hit.highlights {
            if s < at || e > q.len() || !q.is_char_boundary(s) || !q.is_char_boundary(e) {
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
        out.push_str(&q[at..]);
        out
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

    pub fn hit(&self, w: &mut dyn Write, hit: &Hit) -> std::io::Result<()> {
        let s = &hit.statement;
        writeln!(
            w,
            "{}",
            self.who_line(
                s.speaker.as_deref(),
                s.speaker_mention.as_deref(),
                s.role.as_deref(),
                s.organisation.as_deref()
            )
        )?;
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
        let mut src = vec![s.path.clone()];
        src.extend(s.title.clone().map(|t| format!("“{t}”")));
        src.push(format!("id {}", s.id));
        writeln!(w, "  {}", self.paint(DIM, &src.join(" · ")))?;
        writeln!(w)
    }

    pub fn group(&self, w: &mut dyn Write, g: &SpeakerGroup) -> std::io::Result<()> {
        if g.speaker.is_none() {
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
        writeln!(w, "  {}", self.paint(DIM, &format!("{n} · {span}")))?;
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
