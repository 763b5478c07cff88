//! Relevance against `tests/data/relevance.toml`: every grade-3 statement in its query's top k,
//! and nDCG@10 over all queries at or above a floor. Run with `--nocapture` to see the figures.

use std::path::Path;

use serde::Deserialize;
use whosaid::index::{IndexOptions, StatementIndex, index_paths};
use whosaid::search::{Request, search};

#[derive(Deserialize)]
struct Truth {
    query: Vec<TruthQuery>,
}

#[derive(Deserialize)]
struct TruthQuery {
    q: String,
    k: usize,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    speaker: String,
    quote: String,
    grade: u32,
}

/// Mean nDCG@10 below this fails the test.
const NDCG_FLOOR: f64 = 0.90;

fn dcg(gains: &[f64]) -> f64 {
    gains
        .iter()
        .enumerate()
        .map(|(i, g)| g / ((i + 2) as f64).log2())
        .sum()
}

#[test]
fn corpus_queries_rank_the_right_statements_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let truth: Truth =
        toml::from_str(&std::fs::read_to_string(root.join("tests/data/relevance.toml")).unwrap())
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    index_paths(
        dir.path(),
        &[root.join("corpus")],
        &IndexOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let idx = StatementIndex::open(dir.path()).unwrap();
    let mut total = 0.0;
    let mut failures = Vec::new();
    for tq in &truth.query {
        let hits = search(
            &idx,
            &Request {
                query: tq.q.clone(),
                limit: 10,
                ..Request::default()
            },
        )
        .unwrap();
        let grade_of = |h: &whosaid::search::Hit| -> u32 {
            tq.expect
                .iter()
                .filter(|e| {
                    h.statement.speaker.as_deref() == Some(e.speaker.as_str())
                        && h.statement.quote.contains(&e.quote)
                })
                .map(|e| e.grade)
                .max()
                .unwrap_or(0)
        };
        let gains: Vec<f64> = hits
            .iter()
            .map(|h| f64::from((1u32 << grade_of(h)) - 1))
            .collect();
        let mut ideal: Vec<f64> = tq
            .expect
            .iter()
            .map(|e| f64::from((1u32 << e.grade) - 1))
            .collect();
        ideal.sort_by(|a, b| b.total_cmp(a));
        ideal.truncate(10);
        let ndcg = dcg(&gains) / dcg(&ideal);
        total += ndcg;
        println!("nDCG@10 {ndcg:.3}  {}", tq.q);
        for e in tq.expect.iter().filter(|e| e.grade == 3) {
            let rank = hits.iter().position(|h| {
                h.statement.speaker.as_deref() == Some(e.speaker.as_str())
                    && h.statement.quote.contains(&e.quote)
            });
            if rank.is_none_or(|r| r >= tq.k) {
                failures.push(format!(
                    "{:?}: {} {:?} at rank {:?}, wanted top {}",
                    tq.q,
                    e.speaker,
                    e.quote,
                    rank.map(|r| r + 1),
                    tq.k
                ));
            }
        }
    }
    let mean = total / truth.query.len() as f64;
    println!("mean nDCG@10 over {} queries: {mean:.3}", truth.query.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(mean >= NDCG_FLOOR, "mean nDCG@10 {mean:.3} < {NDCG_FLOOR}");
}
