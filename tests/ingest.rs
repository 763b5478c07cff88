//! Ingest through the binary and the library: every format of corpus/, moved files keep their
//! statements, copies are kept as sources, interrupted runs continue, bad files are reported.

mod common;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use common::*;
use whosaid::index::{IndexOptions, StatementIndex, index_paths};

#[test]
fn every_corpus_format_is_read() {
    let env = Env::new();
    let out = env.index(&[&corpus()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (q, speaker, outlet) in [
        ("expires", "Henrik Vallin", "The Meridian Review"), // HTML page
        ("deterrence", "Maartje Hoek", "North Sea Gazette"), // RSS item
        ("shell", "Liis Tamm", "Tallinn Courier"),           // CSV row
        ("geography", "Mikko Lahtinen", "Nordic Wire"),      // gzipped JSON Lines
    ] {
        let hits = json_data(&env.run(&["search", q, "--json"]), "statement");
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(hits[0]["speaker"], speaker, "{q}");
        assert_eq!(hits[0]["outlet"], outlet, "{q}");
    }
    // The page's navigation, caption, related links and footer are not article text.
    let page = corpus().join("web/2025-03-27-ministers-brussels.html");
    let read = stdout(&env.run(&["extract", "--articles", page.to_str().unwrap()]));
    assert!(read.contains("A rotation is a promise"), "{read}");
    for junk in [
        "Subscribe",
        "Meridian archive",
        "All rights reserved",
        "Related stories",
    ] {
        assert!(!read.contains(junk), "{junk} read as article text: {read}");
    }
}

#[test]
fn a_moved_file_keeps_its_statements_and_a_copy_is_a_second_source() {
    let env = Env::new();
    let text = "T\n\n\"We hold the line,\" said Anna Berg.\n";
    env.write("arch/old/a.txt", text);
    env.index(&[&env.path("arch")]);
    let before = json_data(&env.run(&["search", "line", "--json"]), "statement");
    std::fs::create_dir_all(env.path("arch/new")).unwrap();
    std::fs::rename(env.path("arch/old/a.txt"), env.path("arch/new/b.txt")).unwrap();
    let out = env.index(&[&env.path("arch")]);
    assert!(stderr(&out).contains("1 moved"), "{}", stderr(&out));
    let after = json_data(&env.run(&["search", "line", "--json"]), "statement");
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["id"], before[0]["id"], "same statement, same id");
    assert_eq!(after[0]["indexed_at"], before[0]["indexed_at"]);
    assert!(after[0]["path"].as_str().unwrap().ends_with("new/b.txt"));
    // A copy under another name is another source of the same statement.
    env.write("arch/copy/c.txt", text);
    env.index(&[&env.path("arch")]);
    assert_eq!(count_all(&env), 2);
    let hits = json_data(&env.run(&["search", "line", "--json"]), "statement");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn an_interrupted_run_commits_what_it_read_and_the_next_continues() {
    let dir = tempfile::tempdir().unwrap();
    let arch = dir.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    // Enough files that the batches already in flight when the flag is raised (up to 64 files
    // each) cannot cover them all, even on a loaded machine.
    for i in 0..1000 {
        std::fs::write(
            arch.join(format!("{i:04}.txt")),
            format!("T{i}\n\n\"Point {i} stands,\" said Anna Berg.\n"),
        )
        .unwrap();
    }
    let idx_dir = dir.path().join("idx");
    let cancel = Arc::new(AtomicBool::new(false));
    let mut seen = 0;
    let stop = cancel.clone();
    let opts = IndexOptions {
        cancel: Some(cancel),
        ..IndexOptions::default()
    };
    let first = index_paths(&idx_dir, &[&arch], &opts, &mut |p| {
        if let whosaid::index::Progress::File { .. } = p {
            seen += 1;
            if seen == 10 {
                stop.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        }
    })
    .unwrap();
    assert!(first.interrupted);
    assert!(first.files < 1000, "stopped early: {}", first.files);
    let kept = StatementIndex::open(&idx_dir).unwrap().len().unwrap();
    assert_eq!(kept, first.statements as u64, "what was read is committed");
    let second = index_paths(&idx_dir, &[&arch], &IndexOptions::default(), &mut |_| {}).unwrap();
    assert!(!second.interrupted);
    assert_eq!(second.files_unchanged, first.files);
    assert_eq!(StatementIndex::open(&idx_dir).unwrap().len().unwrap(), 1000);
}

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let env = Env::new();
    env.write("arch/good.txt", "T\n\n\"Fine,\" said Anna Berg.\n");
    env.write("arch/binary.txt", b"\x00\x01\x02\x03 not text".as_slice());
    env.write(
        "arch/truncated.json.gz",
        [0x1f, 0x8b, 0x08, 0x00, 0x00].as_slice(),
    );
    env.write(
        "arch/page.html",
        "<html><body><nav>Home</nav></body></html>",
    );
    env.write("arch/feed.rss", "<rss><channel><item>");
    env.write("arch/data.csv", "");
    env.write("arch/archive.warc", "not a warc");
    env.write("arch/unknown.gz", [0x1f, 0x8b].as_slice());
    let out = env.index(&[&env.path("arch")]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for name in [
        "binary.txt",
        "truncated.json.gz",
        "page.html",
        "feed.rss",
        "archive.warc",
        "unknown.gz",
    ] {
        assert!(
            err.contains(&format!("{name}: ")),
            "{name} not reported: {err}"
        );
    }
    assert_eq!(count_all(&env), 1, "the good file is indexed");
}
