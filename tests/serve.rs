//! `whosaid serve` over real sockets: the API's answers and field names, its errors and limits,
//! the page's safety headers, reloading on a new commit, and concurrent clients. The page itself
//! is driven in a browser by tests/browser/e2e.cjs (run by .ci/browser).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};

use common::{Env, corpus, json_data};
use serde_json::Value;

struct Served {
    child: Child,
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(env: &Env) -> Served {
    serve_with(env, &[])
}

fn serve_with(env: &Env, flags: &[&str]) -> Served {
    let mut child = env
        .spawnable()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("http://")
        .and_then(|s| s.strip_suffix('/'))
        .unwrap_or_else(|| panic!("first line is not the address: {line:?}"))
        .to_string();
    Served { child, addr }
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP/1.0 request (the server closes the connection after answering).
fn request(s: &Served, method: &str, target: &str) -> Resp {
    let mut c = TcpStream::connect(&s.addr).unwrap();
    write!(c, "{method} {target} HTTP/1.0\r\nHost: {}\r\n\r\n", s.addr).unwrap();
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn get(s: &Served, target: &str) -> Resp {
    request(s, "GET", target)
}

fn hostile() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile-web")
}

fn indexed_env() -> Env {
    let env = Env::new();
    assert!(env.index(&[&corpus(), &hostile()]).status.success());
    env
}

#[test]
fn api_answers_with_the_fields_of_the_command_line_json() {
    let env = indexed_env();
    let s = serve(&env);

    let r = get(&s, "/api/search?q=%22Article+5%22&limit=5");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let hits = r.json()["hits"].as_array().unwrap().clone();
    let cli = json_data(
        &env.run(&["search", "\"Article 5\"", "--limit", "5", "--json"]),
        "statement",
    );
    assert!(!hits.is_empty());
    assert_eq!(hits.len(), cli.len());
    for (api, cli) in hits.iter().zip(&cli) {
        assert_eq!(api["id"], cli["id"]);
        let keys = |v: &Value| {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.retain(|k| k != "indexed_at");
            k.sort();
            k
        };
        assert_eq!(keys(api), keys(cli));
    }

    let who = get(&s, "/api/who?q=%22Article+5%22").json();
    let groups = who["groups"].as_array().unwrap();
    assert!(
        groups.iter().any(|g| g["speaker"] == "Walter Brandt"),
        "{who}"
    );

    let t = get(&s, "/api/timeline?q=NATO&by=month").json();
    assert_eq!(t["interval"], "month");
    let counted: u64 = t["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        counted + t["undated"].as_u64().unwrap(),
        t["statements"].as_u64().unwrap()
    );
    assert!(counted > 0);

    let f = get(&s, "/api/facets?q=NATO&facets=speaker,year").json();
    assert_eq!(f["facets"][0]["facet"], "speaker");
    assert_eq!(f["facets"][1]["facet"], "year");

    let id = hits[0]["id"].as_str().unwrap();
    let st = get(&s, &format!("/api/statement/{id}")).json();
    assert_eq!(st["statement"]["id"], id);
    assert!(!st["statement"]["context"].as_str().unwrap().is_empty());
    assert_eq!(get(&s, "/api/statement/0000000000000000").status, 404);

    // Filters narrow as on the command line.
    let only = get(
        &s,
        "/api/search?q=%22Article+5%22&speaker=brandt&since=2025-01-01",
    )
    .json();
    assert!(!only["hits"].as_array().unwrap().is_empty(), "{only}");
    for h in only["hits"].as_array().unwrap() {
        assert_eq!(h["speaker"], "Walter Brandt");
    }
}

#[test]
fn bad_requests_get_json_errors_with_status_codes() {
    let env = indexed_env();
    let s = serve(&env);
    let cases: &[(&str, &str, u16, &str)] = &[
        ("GET", "/api/search?q=%22NATO", 400, "never closed"),
        ("GET", "/api/search?q=x&limit=101", 400, "limit"),
        ("GET", "/api/search?q=x&offset=9999&limit=50", 400, "offset"),
        ("GET", "/api/search?q=x&since=yesterday", 400, "date"),
        ("GET", "/api/search?q=x&kind=rumour", 400, "kind"),
        (
            "GET",
            "/api/search?q=x&colour=red",
            400,
            "unknown parameter",
        ),
        ("GET", "/api/search?q=x&q=y", 400, "twice"),
        ("GET", "/api/who?q=x&per_speaker=500", 400, "per_speaker"),
        ("GET", "/api/nothing", 404, "no API route"),
        ("GET", "/api/saved/nope", 404, "no saved query"),
        ("POST", "/api/search?q=x", 405, "only GET"),
        ("DELETE", "/", 405, "only GET"),
    ];
    for (method, target, status, says) in cases {
        let r = request(&s, method, target);
        assert_eq!(r.status, *status, "{method} {target}: {}", r.text());
        let msg = r.json()["error"]["message"].as_str().unwrap().to_string();
        assert!(msg.contains(says), "{target}: {msg}");
        assert_eq!(r.json()["error"]["status"], *status);
    }
    let long_q = "a".repeat(1001);
    let r = get(&s, &format!("/api/search?q={long_q}"));
    assert_eq!(r.status, 400);
    assert!(r.text().contains("query too long"));
    let r = get(&s, &format!("/api/search?q={}", "b".repeat(5000)));
    assert_eq!(r.status, 414);
    // Nothing outside the embedded page is served, however the path is spelt.
    for t in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/../../etc/passwd",
        "/idx/meta.json",
        "/meta.json",
        "/saved-queries.toml",
        "/api/statement/..%2F..%2Fetc%2Fpasswd",
    ] {
        let r = get(&s, t);
        assert!(r.status == 404 || r.status == 400, "{t}: {}", r.status);
        assert!(!r.text().contains("root:"), "{t}");
    }
    // Odd query text is answered, never a crash.
    for q in [
        "%F0%9F%92%A5%22%28",
        "AND%20OR%20NOT",
        "%5B%5B%5B",
        "%00",
        "%E2%80%8B",
    ] {
        let r = get(&s, &format!("/api/search?q={q}"));
        assert!(r.status == 200 || r.status == 400, "{q}: {}", r.status);
    }
    assert_eq!(get(&s, "/api/status").status, 200);
}

#[test]
fn page_is_embedded_and_forbids_inline_script() {
    let env = indexed_env();
    let s = serve(&env);
    let page = get(&s, "/");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let csp = page.header("content-security-policy").unwrap().to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let html = page.text();
    // Every script is a file of ours; none is inline.
    for tag in html.split("<script").skip(1) {
        let open = &tag[..tag.find('>').unwrap()];
        assert!(
            open.contains("src=\"/app.js\""),
            "inline script: <script{open}>"
        );
    }
    let js = get(&s, "/app.js");
    assert_eq!(js.status, 200);
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    // Article text reaches the page only as text.
    assert!(!js.text().contains("innerHTML") && !js.text().contains("insertAdjacentHTML"));
    assert_eq!(get(&s, "/app.css").status, 200);

    // The hostile article's markup comes back as plain JSON strings, which the page shows as text.
    let r = get(&s, "/api/search?q=harbour+levy").json();
    let hit = &r["hits"][0];
    assert!(hit["quote"].as_str().unwrap().contains("<script>"), "{r}");
    assert_eq!(hit["url"], "javascript:window.__pwned='url'");
}

#[test]
fn sees_a_new_commit_without_restarting() {
    let env = Env::new();
    env.write(
        "a/one.md",
        "---\ntitle: One\ndate: 2025-04-01\n---\n\n\"The ferry timetable will change in May,\" said Lena Duval, the port director.\n",
    );
    assert!(env.index(&[&env.path("a")]).status.success());
    let s = serve(&env);
    let before = get(&s, "/api/search?q=ferry").json()["hits"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, 1);
    env.write(
        "a/two.md",
        "---\ntitle: Two\ndate: 2025-04-02\n---\n\n\"The ferry fares will rise in June,\" said Omar Haddad, the transport minister.\n",
    );
    assert!(env.index(&[&env.path("a")]).status.success());
    let after = get(&s, "/api/search?q=ferry").json()["hits"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, 2);
    assert_eq!(get(&s, "/api/status").json()["statements"], 2);
}

#[test]
fn saved_queries_list_and_run_without_writing() {
    let env = indexed_env();
    assert!(
        env.run(&["saved", "add", "a5", "\"Article 5\""])
            .status
            .success()
    );
    let file = env.index_dir().join("saved-queries.toml");
    let before = std::fs::read(&file).unwrap();
    let s = serve(&env);
    let list = get(&s, "/api/saved").json();
    assert_eq!(list["saved"][0]["name"], "a5");
    let run = get(&s, "/api/saved/a5").json();
    assert!(!run["hits"].as_array().unwrap().is_empty());
    let new = get(&s, "/api/saved/a5?new=true").json();
    assert!(
        new["statements"].as_u64().unwrap() > 0,
        "never run: all is new"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the server never writes"
    );
}

#[test]
fn many_clients_at_once_are_all_answered() {
    let env = indexed_env();
    let s = serve(&env);
    let queries = ["NATO", "%22Article+5%22", "levy", "*", "membership"];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..32)
            .map(|i| {
                let s = &s;
                let q = queries[i % queries.len()];
                scope.spawn(move || {
                    (0..5)
                        .map(|_| get(s, &format!("/api/search?q={q}")).status)
                        .collect::<Vec<u16>>()
                })
            })
            .collect();
        for h in handles {
            for status in h.join().unwrap() {
                assert_eq!(status, 200);
            }
        }
    });
}

#[test]
fn a_burst_beyond_the_queue_is_turned_away_with_503_not_piled_up() {
    let env = indexed_env();
    let s = serve_with(&env, &["--workers", "1", "--queue", "1"]);
    let n = 64;
    let barrier = std::sync::Barrier::new(n);
    let answers: Vec<Resp> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let (s, barrier) = (&s, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    get(s, "/api/who?q=*&by=org&limit=100&per_speaker=10")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let busy: Vec<&Resp> = answers.iter().filter(|r| r.status == 503).collect();
    assert!(answers.iter().all(|r| r.status == 200 || r.status == 503));
    assert!(answers.iter().any(|r| r.status == 200));
    // One worker and one waiting place cannot take 64 requests sent at once.
    assert!(!busy.is_empty(), "no request was turned away");
    for r in busy {
        assert_eq!(r.header("retry-after"), Some("1"));
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("too many requests")
        );
    }
    // The server is still there afterwards.
    assert_eq!(get(&s, "/api/status").status, 200);
}
