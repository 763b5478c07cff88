//! `whosaid extract`: statements of articles, without an index. `--json` writes the prediction
//! format of the quote scorer (flat objects, byte offsets into the article body).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use whosaid::Extractor;
use whosaid::parse::{self, FieldMap};
use whosaid::walk;

use super::{Config, EXIT_ERROR, EXIT_NONE, EXIT_OK};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// JSON Lines, one statement per line (path, quote_start, quote_end, speaker, ... ).
    #[arg(long)]
    pub json: bool,
    /// Print the articles as read (title, date, outlet, URL, author, body) instead of their
    /// statements: to check what whosaid makes of an archive's files.
    #[arg(long)]
    pub articles: bool,
}

pub fn run(_cfg: &Config, a: ExtractArgs) -> anyhow::Result<i32> {
    let w = walk::walk(&a.paths);
    let mut failed = !w.skipped.is_empty();
    for s in &w.skipped {
        eprintln!("skipped: {}: {}", s.path.display(), s.reason);
    }
    for p in &a.paths {
        if !p.exists() {
            eprintln!("skipped: {}: no such file or folder", p.display());
            failed = true;
        }
    }
    let extractor = Extractor::default();
    let fields = FieldMap::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut any = false;
    for src in &w.sources {
        let key = src.path.display().to_string();
        let parsed = match parse::parse_file(&src.path, src.format, &key, &fields) {
            Ok(p) => p,
            Err(reason) => {
                eprintln!("skipped: {key}: {reason}");
                failed = true;
                continue;
            }
        };
        for wmsg in &parsed.warnings {
            eprintln!("warning: {wmsg}");
        }
        for b in &parsed.bad_records {
            eprintln!("skipped: {b}");
            failed = true;
        }
        for article in &parsed.articles {
            if a.articles {
                any = true;
                if a.json {
                    serde_json::to_writer(&mut out, article)?;
                    writeln!(out)?;
                } else {
                    let or_none = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
                    writeln!(out, "== {}", article.path)?;
                    writeln!(out, "title:  {}", or_none(&article.title))?;
                    let date = article.date.map(|d| d.to_string());
                    writeln!(out, "date:   {}", or_none(&date))?;
                    writeln!(out, "outlet: {}", or_none(&article.outlet))?;
                    writeln!(out, "url:    {}", or_none(&article.url))?;
                    writeln!(out, "author: {}", or_none(&article.author))?;
                    writeln!(out, "\n{}\n", article.body)?;
                }
                continue;
            }
            let statements = match extractor.extract_checked(article) {
                Ok(st) => st,
                Err(e) => {
                    eprintln!("skipped: {e}");
                    failed = true;
                    continue;
                }
            };
            for st in statements {
                any = true;
                if a.json {
                    serde_json::to_writer(&mut out, &st)?;
                    writeln!(out)?;
                } else {
                    let who = st
                        .speaker
                        .as_deref()
                        .or(st.speaker_mention.as_deref())
                        .unwrap_or("(unattributed)");
                    writeln!(
                        out,
                        "{}:{}-{}\t{}\t{}\t{}",
                        st.path,
                        st.quote_start,
                        st.quote_end,
                        st.kind.as_str(),
                        who,
                        st.quote
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        EXIT_ERROR
    } else if any {
        EXIT_OK
    } else {
        EXIT_NONE
    })
}
