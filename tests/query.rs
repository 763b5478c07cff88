//! The query layer through the binary: spelling folding, synonyms, collapsed copies, timeline,
//! facets, show, output formats, speaker typos, query errors, empty-result explanations, saved
//! query choices.

mod common;

use common::*;

/// One article in two outlets (a syndicated copy), and a third article in American spelling.
fn syndicated(env: &Env) {
    let body = "Ministers met in Riga.\n\n\"Our defence partnership with Latvia is a promise,\" said Anna Berg, the Swedish defence minister.\n\nBerg added that collective defence had to be visible on the ground.\n";
    env.write(
        "arch/a.md",
        format!("---\ntitle: Riga talks\noutlet: Outlet A\ndate: 2025-02-12\n---\n{body}"),
    );
    env.write(
        "arch/b.md",
        format!("---\ntitle: Riga talks (wire)\noutlet: Outlet B\ndate: 2025-02-14\n---\n{body}"),
    );
    env.write(
        "arch/c.md",
        "---\ntitle: Budget\noutlet: Outlet C\ndate: 2025-03-20\n---\nA vote.\n\n\"The defense budget must grow,\" said Tom Reyes, a senator.\n",
    );
    let out = env.index(&[&env.path("arch")]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn spelling_is_folded_both_ways() {
    let env = Env::new();
    syndicated(&env);
    let us = json_data(
        &env.run(&["search", "defense partnership", "--json"]),
        "statement",
    );
    assert_eq!(us.len(), 1);
    assert!(
        us[0]["quote"]
            .as_str()
            .unwrap()
            .contains("defence partnership")
    );
    let uk = json_data(
        &env.run(&["search", "defence budget", "--json"]),
        "statement",
    );
    assert_eq!(uk.len(), 1);
    assert_eq!(uk[0]["speaker"], "Tom Reyes");
}

#[test]
fn syndicated_copies_collapse_with_their_sources() {
    let env = Env::new();
    syndicated(&env);
    let hits = json_data(&env.run(&["search", "partnership", "--json"]), "statement");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let sources = hits[0]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["outlet"], "Outlet A", "earliest first");
    assert_eq!(sources[1]["outlet"], "Outlet B");
    assert_eq!(
        hits[0]["outlet"], "Outlet A",
        "the earliest report stands for all"
    );
    let all = json_data(
        &env.run(&["search", "partnership", "--all-copies", "--json"]),
        "statement",
    );
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|h| h.get("sources").is_none()));
    let table = stdout(&env.run(&["search", "partnership"]));
    assert!(
        table.contains("reported by 2 sources: Outlet A 2025-02-12, Outlet B 2025-02-14"),
        "{table}"
    );
    // A filter that only one copy passes leaves that copy alone, standing for itself.
    for args in [["--since", "2025-02-13"], ["--outlet", "Outlet B"]] {
        let mut cmd = vec!["search", "partnership", "--json"];
        cmd.extend(args);
        let one = json_data(&env.run(&cmd), "statement");
        assert_eq!(one.len(), 1, "{args:?}: {one:?}");
        assert_eq!(one[0]["outlet"], "Outlet B", "{args:?}");
        assert!(one[0].get("sources").is_none(), "{args:?}: {one:?}");
    }
}

#[test]
fn synonyms_reach_other_wordings_and_explain_says_so() {
    let env = Env::new();
    syndicated(&env);
    // "Article 5" is a synonym of "collective defence" in index_schema/synonyms.toml.
    let out = env.run(&["search", "Article 5", "--explain", "--json"]);
    let hits = json_data(&out, "statement");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["kind"], "indirect");
    assert!(
        stderr(&out).contains("synonyms: \"Article 5\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn timeline_counts_per_period() {
    let env = Env::new();
    syndicated(&env);
    let out = env.run(&["timeline", "*", "--by", "month", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let buckets = json_data_any(&out, "bucket");
    let got: Vec<(String, u64)> = buckets
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap().to_string(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![("2025-02-01".to_string(), 4), ("2025-03-01".to_string(), 1)]
    );
    let text = stdout(&env.run(&["timeline", "*", "--by", "month"]));
    assert!(text.contains("2025-02 █"), "{text}");
    assert_eq!(
        env.run(&["timeline", "nothingmatches"]).status.code(),
        Some(1)
    );
}

#[test]
fn facets_show_and_formats() {
    let env = Env::new();
    syndicated(&env);
    let out = env.run(&["search", "*", "--facets", "speaker,outlet,year", "--json"]);
    let facets = json_data_any(&out, "facet");
    assert_eq!(facets.len(), 3);
    assert_eq!(facets[0]["facet"], "speaker");
    assert_eq!(facets[0]["values"][0], serde_json::json!(["Anna Berg", 4]));
    assert_eq!(facets[2]["values"][0], serde_json::json!(["2025", 5]));
    let hit = &json_data(&env.run(&["search", "budget", "--json"]), "statement")[0];
    let id = hit["id"].as_str().unwrap();
    let shown = stdout(&env.run(&["show", id]));
    for want in [
        "Tom Reyes",
        "Budget",
        "Outlet C",
        "2025-03-20",
        "c.md",
        "context",
    ] {
        assert!(shown.contains(want), "{want} missing from {shown}");
    }
    assert_eq!(
        env.run(&["show", "0000000000000000"]).status.code(),
        Some(2)
    );
    let csv = stdout(&env.run(&["search", "*", "--format", "csv", "--sort", "date"]));
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().starts_with("id,score,date,speaker"));
    assert!(
        rows.next().unwrap().contains("2025-03-20"),
        "newest first: {csv}"
    );
    let md = stdout(&env.run(&["search", "*", "--format", "markdown", "--sort", "date-asc"]));
    assert!(
        md.starts_with("| date | speaker | quote | outlet | id |"),
        "{md}"
    );
    assert!(md.lines().nth(2).unwrap().contains("2025-02-12"), "{md}");
    let page2 = json_data(
        &env.run(&[
            "search", "*", "--sort", "date-asc", "--offset", "1", "--limit", "1", "--json",
        ]),
        "statement",
    );
    assert_eq!(page2.len(), 1);
}

#[test]
fn who_groups_by_organisation_with_a_sparkline() {
    let env = Env::new();
    env.index(&[&corpus()]);
    let groups = json_data(
        &env.run(&["who", "*", "--by", "org", "--json", "--limit", "50"]),
        "organisation",
    );
    let nato = groups
        .iter()
        .find(|g| g["organisation"] == "NATO")
        .expect("a NATO group");
    assert!(
        nato["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Ingrid Solberg")
    );
    let by_speaker = json_data(&env.run(&["who", "Article 5", "--json"]), "speaker");
    assert!(
        by_speaker
            .iter()
            .all(|g| !g["sparkline"].as_str().unwrap().is_empty())
    );
}

#[test]
fn speaker_typos_find_the_speaker_without_flooding() {
    let env = Env::new();
    env.index(&[&corpus()]);
    let exact = json_data(
        &env.run(&[
            "search",
            "*",
            "--speaker",
            "reinholt",
            "--json",
            "--limit",
            "100",
        ]),
        "statement",
    );
    let typo = json_data(
        &env.run(&[
            "search",
            "*",
            "--speaker",
            "reinhold",
            "--json",
            "--limit",
            "100",
        ]),
        "statement",
    );
    assert!(!exact.is_empty());
    assert_eq!(exact.len(), typo.len());
    assert!(typo.iter().all(|h| h["speaker"] == "Klaus Reinholt"));
    // Too far from any name: nothing, and the reason.
    let out = env.run(&["search", "*", "--speaker", "zzyzx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--speaker \"zzyzx\": 0"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_queries_point_at_the_problem_and_empty_results_say_why() {
    let env = Env::new();
    syndicated(&env);
    let out = env.run(&["search", "defence \"partnership"]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("never closed") && e.contains("^") && e.contains("try:"),
        "{e}"
    );
    let out = env.run(&["search", "spekaer:berg"]);
    assert!(
        stderr(&out).contains("try: speaker:berg"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["search", "partnership", "--since", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains("matches 2 statements") && e.contains("--since 2026-01-01: 0"),
        "{e}"
    );
    for q in [
        "((",
        "\"",
        "AND",
        "date:[x TO",
        "\u{1}\u{ffff}",
        "-",
        "*:*",
        "^~",
        // Found by fuzzing: a multi-byte space before a word.
        ";\u{fffd}\u{fffd}\u{fffd}\u{2000}icartiab+m",
    ] {
        let code = env.run(&["search", q]).status.code();
        assert!(matches!(code, Some(1) | Some(2)), "{q:?} gave {code:?}");
    }
}

#[test]
fn saved_queries_keep_their_choices() {
    let env = Env::new();
    syndicated(&env);
    let add = env.run(&[
        "saved",
        "add",
        "riga",
        "partnership",
        "--sort",
        "date",
        "--all-copies",
        "--format",
        "csv",
        "--speaker",
        "berg",
    ]);
    assert!(add.status.success(), "{}", stderr(&add));
    let shown = stdout(&env.run(&["saved", "show", "riga"]));
    for want in [
        "query: partnership",
        "speaker: berg",
        "sort: date",
        "copies: all",
        "format: csv",
    ] {
        assert!(shown.contains(want), "{want} missing from {shown}");
    }
    let run = stdout(&env.run(&["saved", "run", "riga"]));
    assert!(run.starts_with("id,score,date"), "{run}");
    assert_eq!(run.lines().count(), 3, "header + two copies: {run}");
    let file = std::fs::read_to_string(env.index_dir().join("saved-queries.toml")).unwrap();
    assert!(
        file.contains("version = 1") && file.contains("sort = \"date\""),
        "{file}"
    );
    // The weekly routine: nothing new since the run above; then a new article, news once.
    assert_eq!(
        env.run(&["saved", "run", "--all", "--new"]).status.code(),
        Some(1)
    );
    env.write(
        "arch2/d.md",
        "---\noutlet: Outlet D\ndate: 2025-04-01\n---\nAgain.\n\n\"The partnership holds,\" said Anna Berg.\n",
    );
    env.index(&[&env.path("arch2")]);
    let news = env.run(&["saved", "run", "--all", "--new", "--json"]);
    assert_eq!(news.status.code(), Some(0));
    let runs = json_data(&news, "saved_run");
    assert_eq!(runs[0]["statements"], 1);
    assert_eq!(runs[0]["speakers"][0]["speaker"], "Anna Berg");
    assert_eq!(
        env.run(&["saved", "run", "--all", "--new"]).status.code(),
        Some(1)
    );
}
