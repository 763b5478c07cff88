//! Data-driven goldens: every article of `corpus/` yields exactly the statements listed in
//! `tests/data/corpus-golden.toml`, in order, with the right speaker and kind.

use std::path::Path;

use serde::Deserialize;
use whosaid::parse::{FieldMap, parse_file};
use whosaid::walk::walk;
use whosaid::{Extractor, Kind};

#[derive(Deserialize)]
struct Golden {
    article: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct GoldArticle {
    path: String,
    statements: Vec<GoldStatement>,
}

#[derive(Deserialize)]
struct GoldStatement {
    speaker: String,
    kind: Kind,
    quote: String,
}

#[test]
fn corpus_articles_yield_their_statements() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let golden: Golden = toml::from_str(include_str!("data/corpus-golden.toml")).unwrap();
    let w = walk(&[&root]);
    assert!(
        w.skipped.is_empty(),
        "corpus has unreadable files: {:?}",
        w.skipped
    );
    let ex = Extractor::default();
    let mut seen = 0;
    let mut failures = Vec::new();
    for src in &w.sources {
        let rel = src.path.strip_prefix(&root).unwrap().display().to_string();
        let parsed = parse_file(&src.path, src.format, &rel, &FieldMap::default()).unwrap();
        assert!(
            parsed.bad_records.is_empty() && parsed.warnings.is_empty(),
            "{rel}: {:?}",
            parsed.bad_records
        );
        for article in &parsed.articles {
            let rel_path = article
                .path
                .strip_prefix(&format!("{}/", root.display()))
                .unwrap_or(&article.path)
                .to_string();
            let Some(gold) = golden.article.iter().find(|g| g.path == rel_path) else {
                failures.push(format!("{rel_path}: no golden entry"));
                continue;
            };
            seen += 1;
            let statements = ex.extract(article);
            // Offsets point at the quote in the body, as printed: the words with the marks
            // around them and the comma or stop those enclose.
            let mark = |c: char| "\"“”‘’'`«»„".contains(c);
            for s in &statements {
                let first = &article.body[s.quote_spans[0][0]..s.quote_spans[0][1]];
                let words = first
                    .trim_start_matches(mark)
                    .trim_end_matches(mark)
                    .trim_end_matches([',', '.', '?', '!']);
                assert!(
                    !words.is_empty() && s.quote.starts_with(words),
                    "{rel_path}: offsets {first:?} do not match the quote {:?}",
                    s.quote
                );
            }
            let got: Vec<(String, Kind, String)> = statements
                .into_iter()
                .map(|s| (s.speaker.unwrap_or_default(), s.kind, s.quote))
                .collect();
            let want: Vec<(String, Kind, String)> = gold
                .statements
                .iter()
                .map(|g| (g.speaker.clone(), g.kind, g.quote.clone()))
                .collect();
            if got != want {
                failures.push(format!("{rel_path}:\n  want {want:#?}\n  got  {got:#?}"));
            }
        }
    }
    assert_eq!(
        seen,
        golden.article.len(),
        "some golden articles were not found in corpus/"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
