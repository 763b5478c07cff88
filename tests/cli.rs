//! The `whosaid` binary end to end: one temporary directory per test, a scrubbed environment.

mod common;

use serde_json::Value;

use common::*;

#[test]
fn corpus_who_said_what_about_article_5() {
    let env = Env::new();
    let out = env.index(&[&corpus()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("27 articles"), "{}", stderr(&out));
    let out = env.run(&["who", "Article 5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Walter Brandt · US Defence Secretary · US Department of Defense"),
        "{text}"
    );
    assert!(text.contains("Liis Tamm"), "{text}");
    assert!(
        text.contains("[Article 5]"),
        "phrase highlight missing: {text}"
    );
}

#[test]
fn search_json_has_fields_highlights_and_filters() {
    let env = Env::new();
    env.index(&[&corpus()]);
    let hits = json_data(&env.run(&["search", "Article 5", "--json"]), "statement");
    assert!(!hits.is_empty());
    for h in &hits {
        let quote = h["quote"].as_str().unwrap();
        for r in h["highlights"].as_array().unwrap() {
            let (s, e) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            let word = quote[s..e].to_lowercase();
            // The phrase, its words, or a synonym of it (index_schema/synonyms.toml).
            assert!(
                [
                    "article 5",
                    "article",
                    "5",
                    "collective defence",
                    "mutual defence",
                    "mutual defence clause"
                ]
                .contains(&word.as_str()),
                "highlight {word:?} in {quote}"
            );
        }
    }
    let by_speaker = json_data(
        &env.run(&[
            "search",
            "*",
            "--speaker",
            "brandt",
            "--limit",
            "100",
            "--json",
        ]),
        "statement",
    );
    assert!(by_speaker.len() >= 5);
    assert!(by_speaker.iter().all(|h| h["speaker"] == "Walter Brandt"));
    let direct = json_data(
        &env.run(&[
            "search", "*", "--kind", "direct", "--limit", "100", "--json",
        ]),
        "statement",
    );
    assert!(!direct.is_empty() && direct.iter().all(|h| h["kind"] == "direct"));
    let march = json_data(
        &env.run(&[
            "search",
            "*",
            "--since",
            "2025-03-01",
            "--until",
            "2025-03-10",
            "--limit",
            "100",
            "--json",
        ]),
        "statement",
    );
    assert!(!march.is_empty());
    for h in &march {
        let d = h["date"].as_str().unwrap();
        assert!(("2025-03-01"..="2025-03-10").contains(&d), "{d}");
    }
    let outlet = json_data(
        &env.run(&[
            "search",
            "*",
            "--outlet",
            "Baltic Dispatch",
            "--limit",
            "100",
            "--json",
        ]),
        "statement",
    );
    assert!(!outlet.is_empty() && outlet.iter().all(|h| h["outlet"] == "Baltic Dispatch"));
    let ranged = json_data(
        &env.run(&[
            "search",
            "date:[2025-03-01 TO 2025-03-03]",
            "--limit",
            "100",
            "--json",
        ]),
        "statement",
    );
    assert!(
        !ranged.is_empty()
            && ranged
                .iter()
                .all(|h| h["date"].as_str().unwrap() < "2025-03-03")
    );
}

#[test]
fn no_match_exits_1_and_bad_query_exits_2() {
    let env = Env::new();
    env.index(&[&corpus()]);
    let out = env.run(&["search", "zebra crossing"]);
    assert_eq!(out.status.code(), Some(1));
    let out = env.run(&["search", "speaker:(unclosed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("whosaid: bad query"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn reindexing_does_not_duplicate_and_changes_replace() {
    let env = Env::new();
    let a = env.write(
        "arc/a.txt",
        "Title\n\n\"We will hold the line,\" said Mara Quill.\n",
    );
    env.index(&[&env.path("arc")]);
    assert_eq!(count_all(&env), 1);
    let again = env.index(&[&env.path("arc")]);
    assert!(stderr(&again).contains("1 unchanged"), "{}", stderr(&again));
    assert_eq!(count_all(&env), 1);
    std::fs::write(
        &a,
        "Title\n\n\"We will hold the line,\" said Mara Quill. \"And we will win,\" she added.\n",
    )
    .unwrap();
    env.index(&[&env.path("arc")]);
    assert_eq!(count_all(&env), 2);
    std::fs::remove_file(&a).unwrap();
    env.index(&[&env.path("arc")]);
    assert_eq!(count_all(&env), 0, "a deleted file's statements go");
}

#[test]
fn bad_files_are_reported_and_good_ones_indexed() {
    let env = Env::new();
    env.write(
        "arc/good.txt",
        "Good\n\n\"Ready,\" said Ana Lind, \"and waiting.\"\n",
    );
    env.write(
        "arc/latin1.txt",
        b"Caf\xe9\n\n\"It is open,\" said Jon Berg.\n",
    );
    env.write("arc/broken.json", "{\"title\": ");
    env.write("arc/empty.json", "{\"title\": \"no body\"}");
    env.write(
        "arc/lines.jsonl",
        "{\"text\": \"\\\"Fine,\\\" said Eva Holm.\"}\n{oops\n",
    );
    env.write("arc/photo.jpg", [0xffu8, 0xd8, 0xff]);
    let mut utf16 = vec![0xFFu8, 0xFE];
    utf16.extend(
        "Wide\n\n\"Agreed,\" said Ola Wik.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    env.write("arc/utf16.txt", utf16);
    let out = env.index(&[&env.path("arc")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("broken.json: invalid JSON"), "{err}");
    assert!(err.contains("empty.json: no article text"), "{err}");
    assert!(err.contains("lines.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("photo.jpg: unknown format (.jpg)"), "{err}");
    assert!(err.contains("latin1.txt: invalid UTF-8"), "{err}");
    let speakers: Vec<String> = json_data(&env.run(&["search", "*", "--json"]), "statement")
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("").to_string())
        .collect();
    for name in ["Ana Lind", "Jon Berg", "Eva Holm", "Ola Wik"] {
        assert!(
            speakers.iter().any(|s| s == name),
            "{name} missing: {speakers:?}"
        );
    }
}

#[test]
fn saved_queries_show_what_is_new() {
    let env = Env::new();
    env.write("w1/a.txt", "A\n\n\"Article 5 stands,\" said Nora Vik.\n");
    env.index(&[&env.path("w1")]);
    assert!(
        env.run(&["saved", "add", "a5", "Article 5"])
            .status
            .success()
    );
    let list = stdout(&env.run(&["saved", "list"]));
    assert!(list.starts_with("a5\tArticle 5\tnever run"), "{list}");
    let first = env.run(&["saved", "run", "a5", "--new", "--json"]);
    let runs = json_data(&first, "saved_run");
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["statements"], 1);
    let none = env.run(&["saved", "run", "a5", "--new", "--json"]);
    assert_eq!(none.status.code(), Some(1), "nothing new yet");
    env.write(
        "w2/b.txt",
        "B\n\n\"Article 5 is our shield,\" said Ivo Stern.\n",
    );
    env.index(&[&env.path("w2")]);
    let news = json_data(
        &env.run(&["saved", "run", "--all", "--new", "--json"]),
        "saved_run",
    );
    assert_eq!(news.len(), 1);
    assert_eq!(news[0]["statements"], 1);
    assert_eq!(news[0]["speakers"][0]["speaker"], "Ivo Stern");
    let all = json_data(&env.run(&["saved", "run", "a5", "--json"]), "statement");
    assert_eq!(all.len(), 2, "without --new, every match");
    let saved = std::fs::read_to_string(env.index_dir().join("saved-queries.toml")).unwrap();
    assert!(saved.contains("last_run"), "{saved}");
    assert!(env.run(&["saved", "rm", "a5"]).status.success());
    assert_eq!(env.run(&["saved", "run", "a5"]).status.code(), Some(2));
}

#[test]
fn index_errors_name_the_path_and_the_fix() {
    let env = Env::new();
    let out = env.run(&["search", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no whosaid index here"),
        "{}",
        stderr(&out)
    );
    env.write("arc/a.txt", "A\n\n\"Yes,\" said Ola Dahl.\n");
    env.index(&[&env.path("arc")]);
    std::fs::write(
        env.index_dir().join("whosaid.json"),
        "{\"schema_version\": 999}",
    )
    .unwrap();
    let out = env.run(&["search", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("schema version 999") && stderr(&out).contains("--rebuild"),
        "{}",
        stderr(&out)
    );
    let out = env.index_with(&["--rebuild"], &[&env.path("arc")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count_all(&env), 1);
    std::fs::write(env.index_dir().join("saved-queries.toml"), "[[query]\n").unwrap();
    let out = env.run(&["saved", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("saved-queries.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extract_json_is_the_prediction_format() {
    let env = Env::new();
    let body = "Talks resume\n\n\"We want peace,\" said Lea Moor, the envoy. She added that talks would resume.\n";
    let f = env.write("a.txt", body);
    let out = env.run(&["extract", "--json", f.to_str().unwrap()]);
    assert!(out.status.success());
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    // The offsets cover the quotation as printed, its marks and enclosed comma included; the
    // quote is the words.
    let printed = |r: &Value| {
        let (s, e) = (
            r["quote_start"].as_u64().unwrap() as usize,
            r["quote_end"].as_u64().unwrap() as usize,
        );
        body[s..e].to_string()
    };
    assert_eq!(printed(&rows[0]), "\"We want peace,\"");
    assert_eq!(rows[0]["quote"], "We want peace");
    assert_eq!(printed(&rows[1]), "that talks would resume");
    assert_eq!(rows[1]["quote"], "that talks would resume");
    for r in &rows {
        let (ss, se) = (
            r["speaker_start"].as_u64().unwrap() as usize,
            r["speaker_end"].as_u64().unwrap() as usize,
        );
        assert!(["Lea Moor", "She"].contains(&&body[ss..se]));
        assert_eq!(r["speaker"], "Lea Moor");
        assert!(r["path"].as_str().unwrap().ends_with("a.txt"));
    }
    assert_eq!(rows[0]["kind"], "direct");
    assert_eq!(rows[1]["kind"], "indirect");
    assert_eq!(rows[0]["role"], "envoy");
}

#[test]
fn a_second_writer_fails_at_once_and_readers_still_work() {
    let env = Env::new();
    env.index(&[&corpus()]);
    // Hold the index's writer lock the way a running `whosaid index` does: this test process is
    // the other writer, and the message names it.
    let lock = whosaid::index::WriterLock::acquire(&env.index_dir()).unwrap();
    let out = env.index_with(&["--rebuild"], &[&corpus()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("another `whosaid index` is writing to this index"),
        "{err}"
    );
    assert!(
        err.contains(&env.index_dir().display().to_string()),
        "{err}"
    );
    assert!(
        err.contains(&format!("process {}, started", std::process::id())),
        "{err}"
    );
    // --rebuild was refused before it emptied anything.
    let out = env.run(&["search", "Article 5"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "search during a write: {}",
        stderr(&out)
    );
    // Tantivy's own writer lock is still honoured, and named as such.
    drop(lock);
    let idx = whosaid::index::StatementIndex::open(&env.index_dir()).unwrap();
    let _writer: tantivy::IndexWriter = idx.index.writer(20_000_000).unwrap();
    let err = stderr(&env.index(&[&corpus()]));
    assert!(err.contains("Tantivy's writer lock"), "{err}");
}

#[test]
fn strict_commits_nothing_when_a_file_is_skipped() {
    let env = Env::new();
    env.write("arc/good.txt", "Good\n\n\"Ready,\" said Ana Lind.\n");
    env.write("arc/broken.json", "{\"title\": ");
    let out = env.index_with(&["--strict"], &[&env.path("arc")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("--strict") && err.contains("broken.json"),
        "{err}"
    );
    assert_eq!(count_all(&env), 0, "nothing committed");
    // Without --strict the good file is indexed and the bad one reported.
    let out = env.index(&[&env.path("arc")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(count_all(&env), 1);
}
