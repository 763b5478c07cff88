//! Hostile input: more than thirty bad files of every format in one archive beside good ones.
//! Each bad file is reported on one line with its path and a reason, nothing panics, and every
//! good file of the same run is indexed.

mod common;

use std::io::Write;

use common::*;

/// Writes the hostile archive; returns the names that must be reported as skipped.
fn hostile(env: &Env) -> Vec<&'static str> {
    let w = |name: &str, bytes: &[u8]| {
        env.write(&format!("arch/{name}"), bytes);
    };
    let gz = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    // Good files, which must all be indexed.
    w(
        "good/a.txt",
        b"A\n\n\"We stand together,\" said Anna Berg.\n",
    );
    w(
        "good/b.json",
        br#"{"title": "B", "text": "\"The line holds,\" said Tom Reyes."}"#,
    );
    w(
        "good/c.csv",
        b"title,text\nC,\"\"\"Ready,\"\" said Ivo Stern.\"\n",
    );
    // Recoverable: read with a warning.
    w(
        "warn/invalid-utf8.txt",
        b"T\n\n\"Caf\xe9 talks,\" said Ola Dahl.\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "T\n\n\"Yes,\" said Eva Lind.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    w("warn/utf16.txt", &utf16);
    w("warn/bad-date.rss", br#"<rss version="2.0"><channel><title>X</title><item><title>I</title><pubDate>yesterday-ish</pubDate><description>"Fine," said Mia Holm.</description></item></channel></rss>"#);
    // Bad: skipped, each with a reason.
    w("empty.txt", b"");
    w("blank.md", b"   \n\n  ");
    w("binary.txt", b"\x00\x01\x02PK\x03\x04 binary");
    w("zip-in-json.json", b"PK\x03\x04\x00\x00\x00\x00");
    w("truncated.jsonl.gz", &gz(b"{\"text\": \"x\"}\n")[..12]);
    w("not-gzip.gz", b"\x1f\x8b\x08garbage");
    let bomb = gz(&vec![
        b'a';
        (whosaid::parse::MAX_GUNZIP_BYTES + (1 << 20)) as usize
    ]);
    w("bomb.json.gz", &bomb);
    w(
        "wrong-types.json",
        br#"{"title": {}, "text": true, "date": []}"#,
    );
    w(
        "deep.json",
        &[b"[".repeat(10_000), b"]".repeat(10_000)].concat(),
    );
    w("truncated.json", br#"{"title": "T", "text": "cut"#);
    w("array-of-numbers.json", b"[1, 2, 3]");
    w(
        "bad-yaml.md",
        b"---\ntitle: [unclosed\ndate: {\n---\nBody.\n",
    );
    w(
        "unclosed-html.html",
        b"<html><head><script>while(true){}</script><body><div><p>only <b>a few <i>words",
    );
    w(
        "script-only.html",
        b"<html><body><script>document.write('hello world '.repeat(100))</script></body></html>",
    );
    w(
        "nav-only.htm",
        b"<nav><a href=/>Home</a> <a href=/x>News</a></nav>",
    );
    w("bad-feed.rss", b"<rss><channel><item><title>unclosed");
    w(
        "no-items.atom",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>",
    );
    w("bad-length.warc", b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-01-01T00:00:00Z\r\nContent-Length: 99999999\r\n\r\nshort");
    w("garbage.warc", b"this is not a web archive");
    w("bad-header.arc", b"not an arc header line\nxx");
    w(
        "huge-record.arc",
        b"filedesc://x 0.0.0.0 20080101000000 text/plain 999999999999\n",
    );
    w("no-header.csv", b"");
    w("ragged.tsv", b"title\ttext\nonly-title\n");
    w(
        "not-a-feed.xml",
        b"<?xml version=\"1.0\"?><config><a>1</a></config>",
    );
    w("pdf-inside.pdf.gz", &gz(b"%PDF-1.4 binary"));
    w("unknown.pdf", b"%PDF-1.4");
    w("no-extension", b"plain words");
    w(
        "only-bad-lines.jsonl",
        b"not json\n{\"no\": \"body\"}\n[1]\n",
    );
    // A 1 GB file, sparse: refused by its size, never read.
    let huge = env.path("arch/huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    // Links: a loop and a dangling one; a pipe that would block a reader forever.
    std::os::unix::fs::symlink(env.path("arch"), env.path("arch/loop")).unwrap();
    std::os::unix::fs::symlink(env.path("arch/gone.txt"), env.path("arch/dangling.txt")).unwrap();
    let fifo = env.path("arch/pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    vec![
        "empty.txt",
        "blank.md",
        "binary.txt",
        "zip-in-json.json",
        "truncated.jsonl.gz",
        "not-gzip.gz",
        "bomb.json.gz",
        "wrong-types.json",
        "deep.json",
        "truncated.json",
        "array-of-numbers.json",
        "bad-yaml.md",
        "unclosed-html.html",
        "script-only.html",
        "nav-only.htm",
        "bad-feed.rss",
        "bad-length.warc",
        "garbage.warc",
        "bad-header.arc",
        "huge-record.arc",
        "no-header.csv",
        "ragged.tsv",
        "not-a-feed.xml",
        "pdf-inside.pdf.gz",
        "unknown.pdf",
        "no-extension",
        "only-bad-lines.jsonl",
        "huge.txt",
        "loop",
        "dangling.txt",
        "pipe.txt",
    ]
}

#[test]
fn hostile_files_are_reported_and_good_ones_indexed() {
    let env = Env::new();
    let bad = hostile(&env);
    assert!(bad.len() >= 30);
    let out = env.index(&[&env.path("arch")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for name in &bad {
        let line = err
            .lines()
            .find(|l| l.starts_with("skipped: ") && l.contains(&format!("/{name}")))
            .unwrap_or_else(|| panic!("{name} not reported:\n{err}"));
        let reason = line.rsplit_once(": ").map(|x| x.1).unwrap_or("");
        assert!(!reason.trim().is_empty(), "{name}: no reason in {line:?}");
    }
    // Three good files and three read with a warning, one statement each.
    assert_eq!(count_all(&env), 6, "{err}");
    for w in ["invalid-utf8.txt", "utf16.txt", "bad-date.rss"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("warning: ") && l.contains(w))
                || w == "utf16.txt",
            "{w}: no warning in {err}"
        );
    }
    // The summary groups the skipped files by reason.
    assert!(err.contains("skipped "), "{err}");
    // --strict turns any skipped file into a failure, and nothing is committed.
    let env2 = Env::new();
    env2.write("arch/good.txt", "A\n\n\"Yes,\" said Anna Berg.\n");
    env2.write("arch/bad.json", "{");
    let out = env2.index_with(&["--strict"], &[&env2.path("arch")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(count_all(&env2), 0, "nothing was committed");
}

/// A file the walk lists but that cannot be read when its turn comes (no read permission), in
/// the same run as good files. Root reads any file, so as root the index runs as `nobody`
/// through `setpriv`, with the test folder opened up for it.
#[test]
fn an_unreadable_file_is_reported_and_the_rest_indexed() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let env = Env::new();
    let good = env.write(
        "arch/good.txt",
        "G\n\n\"The bridge opens in May,\" said Lena Duval.\n",
    );
    let secret = env.write(
        "arch/secret.txt",
        "S\n\n\"Nobody may read this,\" said Omar Haddad.\n",
    );
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false);
    let mut cmd = env.spawnable();
    if root {
        if std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            panic!("running as root without setpriv: cannot make a file unreadable");
        }
        // Everything the unprivileged run needs: the folders and the good file.
        let open = |p: &std::path::Path, mode| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
        };
        open(&env.path(""), 0o777);
        open(&env.path("arch"), 0o755);
        open(&good, 0o644);
        let args: Vec<std::ffi::OsString> = std::iter::once(cmd.get_program().to_owned())
            .chain(cmd.get_args().map(|a| a.to_owned()))
            .collect();
        let mut as_nobody = std::process::Command::new("setpriv");
        as_nobody
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .args(&args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(env.path(""));
        cmd = as_nobody;
    }
    let out = cmd.arg("index").arg(env.path("arch")).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let line = err
        .lines()
        .find(|l| l.contains("secret.txt"))
        .unwrap_or_else(|| panic!("unreadable file not reported: {err}"));
    assert!(line.to_lowercase().contains("permission denied"), "{line}");
    assert!(err.contains("skipped 1 files"), "{err}");
    let hits = json_data(&env.run(&["search", "bridge", "--json"]), "statement");
    assert_eq!(hits.len(), 1, "the good file of the same run is indexed");
    assert!(json_data(&env.run(&["search", "nobody", "--json"]), "statement").is_empty());
}
