//! Speed of statement extraction alone (no I/O, no index): MB/s over real article text.
//!
//! Uses the AllSides articles in `../shared` when present (`WHOSAID_BENCH_DIR` to point
//! elsewhere), else the bundled `corpus/`. Run with `cargo bench --bench extract`.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::parse::{FieldMap, parse_file};
use whosaid::walk::walk;
use whosaid::{Article, Extractor};

/// The allocator of the `whosaid` binary, so the figure is what `whosaid index` sees.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles() -> (String, Vec<Article>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("WHOSAID_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpora/allsides-article-bias"));
    let dir = if dir.is_dir() {
        dir
    } else {
        root.join("corpus")
    };
    let w = walk(&[&dir]);
    let mut out = Vec::new();
    for s in w.sources.iter().take(2_000) {
        let key = s.path.display().to_string();
        if let Ok(p) = parse_file(&s.path, s.format, &key, &FieldMap::default()) {
            out.extend(p.articles);
        }
    }
    (dir.display().to_string(), out)
}

fn bench(c: &mut Criterion) {
    let (dir, arts) = articles();
    let bytes: usize = arts.iter().map(|a| a.body.len()).sum();
    eprintln!(
        "extract bench: {} articles, {:.1} MB from {dir}",
        arts.len(),
        bytes as f64 / 1e6
    );
    let ex = Extractor::default();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("articles", |b| {
        b.iter(|| arts.iter().map(|a| ex.extract(a).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
