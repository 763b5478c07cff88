//! `whosaid export --ndjson`: every statement of the index as one JSON object per line, for other
//! tools and pipelines. The fields are those of `search --json`'s `data`, written so that strict
//! NDJSON consumers (tantivy-cli, JavaScript) take them as they are: empty fields are left out,
//! `quote_spans` is a string (`"[[69,292]]"`), and `quote_key` a 16-digit hex string (a u64 is
//! beyond JSON's safe integers).

use std::io::Write;

use clap::Args;
use tantivy::TantivyDocument;

use super::search::open;
use super::{Config, EXIT_NONE, EXIT_OK};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Newline-delimited JSON, one statement per line (the only format, and the default).
    #[arg(long, default_value_t = true)]
    pub ndjson: bool,
}

/// A statement as an export line.
fn flat(st: &whosaid::model::Statement) -> anyhow::Result<serde_json::Value> {
    let mut v = serde_json::to_value(st)?;
    if let serde_json::Value::Object(m) = &mut v {
        m.retain(|_, x| !x.is_null());
        if let Some(spans) = m.get_mut("quote_spans") {
            *spans = serde_json::Value::String(spans.to_string());
        }
        m.insert(
            "quote_key".into(),
            serde_json::Value::String(format!("{:016x}", st.quote_key)),
        );
    }
    Ok(v)
}

pub fn run(cfg: &Config, _a: ExportArgs) -> anyhow::Result<i32> {
    let idx = open(cfg)?;
    let searcher = idx.searcher()?;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut n = 0u64;
    for seg in searcher.segment_readers() {
        // Stored documents are read in order, block by block, not by search.
        let store = seg.get_store_reader(64)?;
        for doc in store.iter::<TantivyDocument>(seg.alive_bitset()) {
            let st = idx.to_statement(&doc?)?;
            serde_json::to_writer(&mut w, &flat(&st)?)?;
            w.write_all(b"\n")?;
            n += 1;
        }
    }
    w.flush()?;
    eprintln!("exported {n} statements from {}", cfg.index.display());
    Ok(if n == 0 { EXIT_NONE } else { EXIT_OK })
}
