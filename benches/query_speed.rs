//! Query latency on a large index, and the same questions answered by `rg` over the raw archive.
//!
//! Run through `benches/query_speed.sh`, which builds the ≥ 1,000,000-statement index first.
//! Reads `WHOSAID_BENCH_INDEX` (the index) and `WHOSAID_BENCH_ARCHIVE` (the raw files for `rg`).
//! Prints p50/p99 per query class, in process (what a server or a script using the library sees),
//! and the ratio against `rg` timed in the same run.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use tantivy::collector::{Count, TopDocs};
use whosaid::index::StatementIndex;
use whosaid::search::{self, GroupBy, Request};

/// The allocator of the `whosaid` binary, so the figures are what `whosaid serve` and the CLI see.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TERMS: &[&str] = &[
    "immigration",
    "obamacare",
    "taxes",
    "border",
    "economy",
    "russia",
    "guns",
    "abortion",
    "climate",
    "jobs",
    "police",
    "iran",
    "healthcare",
    "vote",
    "china",
    "trade",
    "senate",
    "budget",
    "war",
    "refugees",
];
const PHRASES: &[&str] = &[
    "\"health care\"",
    "\"border wall\"",
    "\"tax cuts\"",
    "\"supreme court\"",
    "\"climate change\"",
    "\"north korea\"",
    "\"gun control\"",
    "\"white house\"",
    "\"minimum wage\"",
    "\"illegal immigrants\"",
    "\"national security\"",
    "\"middle class\"",
];
/// A query that matches at least a tenth of the index (checked below).
const BROAD: &str = "president";
const REPS: usize = 15;

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time_all(queries: &[&str], mut f: impl FnMut(&str)) -> Vec<Duration> {
    // One warm-up pass, then REPS timed passes.
    for q in queries {
        f(q);
    }
    let mut out = Vec::new();
    for _ in 0..REPS {
        for q in queries {
            let t = Instant::now();
            f(q);
            out.push(t.elapsed());
        }
    }
    out
}

/// `rg` over the archive for the words of a query (fixed strings, case-insensitive), counting
/// matching lines; the time of one run.
fn rg(archive: &PathBuf, q: &str) -> Option<Duration> {
    let words = q.trim_matches('"');
    let t = Instant::now();
    let st = Command::new("rg")
        .args(["-c", "-i", "-F", words])
        .arg(archive)
        .stdout(std::process::Stdio::null())
        .status()
        .ok()?;
    st.code().filter(|c| *c <= 1)?;
    Some(t.elapsed())
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let Some(dir) = std::env::var_os("WHOSAID_BENCH_INDEX").map(PathBuf::from) else {
        eprintln!("query_speed: set WHOSAID_BENCH_INDEX (benches/query_speed.sh does); skipping");
        return;
    };
    let archive = std::env::var_os("WHOSAID_BENCH_ARCHIVE").map(PathBuf::from);
    let idx = StatementIndex::open(&dir).expect("open the bench index");
    let total = idx.len().expect("count");
    println!("index: {} ({total} statements)", dir.display());
    let req = |q: &str| Request {
        query: q.to_string(),
        limit: 10,
        ..Request::default()
    };
    let mut hits_seen = 0usize;
    let mut term = time_all(TERMS, |q| {
        hits_seen += search::search(&idx, &req(q)).unwrap().len()
    });
    let mut phrase = time_all(PHRASES, |q| {
        hits_seen += search::search(&idx, &req(q)).unwrap().len()
    });
    let mut uncollapsed = time_all(TERMS, |q| {
        let r = Request {
            all_copies: true,
            ..req(q)
        };
        hits_seen += search::search(&idx, &r).unwrap().len()
    });
    let searcher = idx.searcher().unwrap();
    // The floor under any answer: Tantivy's own top 10 of the same query (planned the same
    // way), with no grouping of copies, no stored documents and no highlights.
    let mut bare = time_all(&[TERMS, PHRASES].concat(), |q| {
        let q = search::query::build(&idx, q, &Default::default()).unwrap();
        hits_seen += searcher
            .search(&*q, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .len()
    });
    let broad_q = search::query::build(&idx, BROAD, &Default::default()).unwrap();
    let broad_n = searcher.search(&*broad_q, &Count).unwrap();
    let mut who = time_all(&[BROAD], |q| {
        hits_seen += search::who(&idx, &req(q), 3, GroupBy::Speaker)
            .unwrap()
            .len()
    });
    assert!(
        hits_seen > 0,
        "the bench queries found nothing: wrong index?"
    );
    let (t50, t99) = (pct(&mut term, 0.5), pct(&mut term, 0.99));
    let (p50, p99) = (pct(&mut phrase, 0.5), pct(&mut phrase, 0.99));
    let w50 = pct(&mut who, 0.5);
    let (u50, u99) = (pct(&mut uncollapsed, 0.5), pct(&mut uncollapsed, 0.99));
    let b50 = pct(&mut bare, 0.5);
    println!(
        "term queries   (top 10 with highlights, {} queries x {REPS}): p50 {:.2} ms, p99 {:.2} ms   [target p50 <= 2, p99 <= 20]",
        TERMS.len(),
        ms(t50),
        ms(t99)
    );
    println!(
        "phrase queries (top 10 with highlights, {} queries x {REPS}): p50 {:.2} ms, p99 {:.2} ms   [target p50 <= 2, p99 <= 20]",
        PHRASES.len(),
        ms(p50),
        ms(p99)
    );
    println!(
        "term queries with --all-copies (no collapsing of syndicated copies): p50 {:.2} ms, p99 {:.2} ms",
        ms(u50),
        ms(u99)
    );
    println!(
        "Tantivy's bare top 10 of the same term and phrase queries (no copies, documents or highlights): p50 {:.2} ms",
        ms(b50)
    );
    println!(
        "who {BROAD:?} ({broad_n} matches = {:.1}% of the index): p50 {:.2} ms   [target p50 <= 30]",
        100.0 * broad_n as f64 / total as f64,
        ms(w50)
    );
    let Some(archive) = archive else {
        println!("rg: WHOSAID_BENCH_ARCHIVE not set; no ratio");
        return;
    };
    let mut rg_times = Vec::new();
    for q in TERMS.iter().chain(PHRASES).take(8) {
        match rg(&archive, q) {
            Some(t) => rg_times.push(t),
            None => {
                println!("rg: not found or failed; no ratio");
                return;
            }
        }
    }
    let r50 = pct(&mut rg_times, 0.5);
    let ours = ms(pct(&mut [t50, p50], 0.5).max(t50));
    println!(
        "rg over the raw archive ({}, 8 of the same queries): p50 {:.1} ms; whosaid is {:.0}x faster (rg p50 / whosaid term-or-phrase p50, the slower)   [target >= 200x]",
        archive.display(),
        ms(r50),
        ms(r50) / ours.max(f64::EPSILON)
    );
    println!(
        "rg p50 / Tantivy's bare top 10 p50: {:.0}x (the most any answer built on it could reach)",
        ms(r50) / ms(b50).max(f64::EPSILON)
    );
}
