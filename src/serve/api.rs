//! The HTTP routes: a request line in, a [`Reply`] out. Pure (no sockets), so every route and
//! limit is tested without a network; [`super::run`] puts it behind a listener.
//!
//! Every answer is built from the same library calls as the command line ([`search::search`],
//! [`search::who`], [`search::timeline`], [`search::facets`], [`search::show`], [`Saved`]), and
//! the objects inside it are the same structs the CLI's `--json` prints, so field names agree.

use std::collections::BTreeMap;
use std::str::FromStr;

use jiff::civil::Date;
use serde::Serialize;
use serde_json::json;

use super::assets;
use crate::Error;
use crate::index::StatementIndex;
use crate::model::Kind;
use crate::saved::Saved;
use crate::search::{self, Facet, Filters, GroupBy, Interval, Request, Sort};

/// Longest request target (path and query string) accepted, in bytes.
pub const MAX_URL: usize = 4096;
/// Longest query text, in characters.
pub const MAX_QUERY: usize = 1000;
/// Most statements (or groups) per page.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: `offset` + `limit` may not pass this.
pub const MAX_DEPTH: usize = 10_000;
/// Most statements shown per speaker in the who view.
pub const MAX_PER_SPEAKER: usize = 10;

/// Security headers sent with every reply. The page's script and style are files served from
/// here; no inline script, no other origin, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Headers beyond the ones every reply carries.
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json<T: Serialize>(status: u16, value: &T) -> Reply {
        let body = serde_json::to_vec(value).unwrap_or_else(|e| {
            format!(r#"{{"error":{{"status":500,"message":"serialising the answer: {e}"}}}}"#)
                .into_bytes()
        });
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body,
            headers: Vec::new(),
        }
    }

    /// `{"error": {"status": N, "message": "..."}}`.
    pub fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(
            status,
            &json!({"error": {"status": status, "message": message.into()}}),
        )
    }
}

/// A failed request: status and message.
struct Fail(u16, String);

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        let status = match e {
            Error::Query { .. } | Error::Usage(_) => 400,
            Error::NoIndex { .. } | Error::SchemaVersion { .. } => 503,
            _ => 500,
        };
        Fail(status, e.to_string())
    }
}

fn bad(msg: impl Into<String>) -> Fail {
    Fail(400, msg.into())
}

type Answer = std::result::Result<Reply, Fail>;

/// Answers one request.
pub fn handle(idx: &StatementIndex, method: &str, target: &str) -> Reply {
    if target.len() > MAX_URL {
        return Reply::error(
            414,
            format!(
                "request target too long ({} bytes; at most {MAX_URL})",
                target.len()
            ),
        );
    }
    if method != "GET" && method != "HEAD" {
        let mut r = Reply::error(405, format!("method {method} not allowed; only GET"));
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r;
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    match route(idx, path, query) {
        Ok(r) => r,
        Err(Fail(status, msg)) => Reply::error(status, msg),
    }
}

fn route(idx: &StatementIndex, path: &str, query: &str) -> Answer {
    if let Some(asset) = assets::get(path) {
        return Ok(Reply {
            status: 200,
            content_type: asset.content_type,
            body: asset.body.to_vec(),
            headers: Vec::new(),
        });
    }
    let Some(api) = path.strip_prefix("/api/") else {
        return Err(Fail(404, format!("no page at {path:?}; the page is at /")));
    };
    let p = Params::parse(query)?;
    match api.split_once('/') {
        None => match api {
            "search" => api_search(idx, &p),
            "who" => api_who(idx, &p),
            "timeline" => api_timeline(idx, &p),
            "facets" => api_facets(idx, &p),
            "saved" => api_saved_list(idx, &p),
            "status" => api_status(idx, &p),
            _ => Err(not_found(path)),
        },
        Some(("statement", id)) => api_statement(idx, &decode(id)?, &p),
        Some(("saved", name)) => api_saved_run(idx, &decode(name)?, &p),
        Some(_) => Err(not_found(path)),
    }
}

fn not_found(path: &str) -> Fail {
    Fail(
        404,
        format!(
            "no API route {path:?}; routes: /api/search, /api/who, /api/timeline, /api/facets, \
             /api/statement/ID, /api/saved, /api/saved/NAME, /api/status"
        ),
    )
}

fn decode(segment: &str) -> std::result::Result<String, Fail> {
    let s = percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .map_err(|_| bad(format!("{segment:?} is not UTF-8 once decoded")))?;
    if s.is_empty() || s.contains('/') {
        return Err(bad(format!("bad path segment {segment:?}")));
    }
    Ok(s.into_owned())
}

/// The query string, each name at most once, checked against what a route accepts.
struct Params(BTreeMap<String, String>);

impl Params {
    fn parse(query: &str) -> std::result::Result<Params, Fail> {
        let mut m = BTreeMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            if m.insert(k.to_string(), v.trim().to_string()).is_some() {
                return Err(bad(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(m))
    }

    /// Refuses parameters a route does not know (a typo should not be silently ignored).
    fn only(&self, allowed: &[&str]) -> std::result::Result<(), Fail> {
        for k in self.0.keys() {
            if !allowed.contains(&k.as_str()) {
                return Err(bad(format!(
                    "unknown parameter {k:?}; this route takes: {}",
                    allowed.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// A parameter's value; an empty value counts as absent (an empty form field).
    fn get(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(String::as_str).filter(|v| !v.is_empty())
    }

    fn parse_as<T: FromStr>(&self, k: &str, what: &str) -> std::result::Result<Option<T>, Fail> {
        match self.get(k) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| bad(format!("parameter {k}={v:?} is not {what}"))),
        }
    }

    fn number(&self, k: &str, default: usize, max: usize) -> std::result::Result<usize, Fail> {
        let n = self
            .parse_as::<usize>(k, "a whole number")?
            .unwrap_or(default);
        if n > max {
            return Err(bad(format!("parameter {k}={n} is over the limit of {max}")));
        }
        Ok(n)
    }

    fn flag(&self, k: &str) -> std::result::Result<bool, Fail> {
        match self.get(k) {
            None | Some("0" | "false" | "no") => Ok(false),
            Some("1" | "true" | "yes") => Ok(true),
            Some(v) => Err(bad(format!("parameter {k}={v:?} is not true or false"))),
        }
    }
}

/// Parameters of every query route.
const QUERY_PARAMS: &[&str] = &[
    "q",
    "speaker",
    "org",
    "outlet",
    "kind",
    "since",
    "until",
    "limit",
    "offset",
    "sort",
    "all_copies",
];

fn request(p: &Params, default_limit: usize) -> std::result::Result<Request, Fail> {
    let q = p.get("q").unwrap_or("*");
    let chars = q.chars().count();
    if chars > MAX_QUERY {
        return Err(bad(format!(
            "query too long ({chars} characters; at most {MAX_QUERY})"
        )));
    }
    let text = |k: &str| -> std::result::Result<Option<String>, Fail> {
        match p.get(k) {
            Some(v) if v.chars().count() > MAX_QUERY => Err(bad(format!(
                "parameter {k} too long (at most {MAX_QUERY} characters)"
            ))),
            v => Ok(v.map(str::to_string)),
        }
    };
    let date = |k: &str| p.parse_as::<Date>(k, "a date (YYYY-MM-DD)");
    let limit = p.number("limit", default_limit, MAX_LIMIT)?;
    let offset = p.number("offset", 0, MAX_DEPTH)?;
    if offset + limit > MAX_DEPTH {
        return Err(bad(format!(
            "offset + limit may not pass {MAX_DEPTH}; narrow the query instead"
        )));
    }
    let kind = match p.get("kind") {
        None => None,
        Some(k) => Some(Kind::from_str(k).map_err(bad)?),
    };
    let sort = match p.get("sort") {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some("date-asc") => Sort::DateAsc,
        Some(v) => {
            return Err(bad(format!(
                "parameter sort={v:?} is not relevance, date or date-asc"
            )));
        }
    };
    Ok(Request {
        query: q.to_string(),
        filters: Filters {
            speaker: text("speaker")?,
            org: text("org")?,
            outlet: text("outlet")?,
            kind,
            since: date("since")?,
            until: date("until")?,
            indexed_after: None,
        },
        limit,
        offset,
        sort,
        all_copies: p.flag("all_copies")?,
    })
}

fn api_search(idx: &StatementIndex, p: &Params) -> Answer {
    p.only(QUERY_PARAMS)?;
    let req = request(p, 20)?;
    let hits = search::search(idx, &req)?;
    let why = if hits.is_empty() && req.offset == 0 {
        search::why_empty(idx, &req).ok()
    } else {
        None
    };
    Ok(Reply::json(
        200,
        &json!({
            "query": req.query, "offset": req.offset, "limit": req.limit,
            "hits": hits, "why_empty": why,
        }),
    ))
}

fn api_who(idx: &StatementIndex, p: &Params) -> Answer {
    let mut allowed = QUERY_PARAMS.to_vec();
    allowed.extend(["by", "per_speaker"]);
    p.only(&allowed)?;
    let req = request(p, 10)?;
    let per = p.number("per_speaker", 3, MAX_PER_SPEAKER)?;
    let by = match p.get("by") {
        None | Some("speaker") => GroupBy::Speaker,
        Some("org") => GroupBy::Org,
        Some(v) => return Err(bad(format!("parameter by={v:?} is not speaker or org"))),
    };
    let groups = search::who(idx, &req, per, by)?;
    Ok(Reply::json(
        200,
        &json!({"query": req.query, "offset": req.offset, "limit": req.limit, "groups": groups}),
    ))
}

fn api_timeline(idx: &StatementIndex, p: &Params) -> Answer {
    let mut allowed = QUERY_PARAMS.to_vec();
    allowed.push("by");
    p.only(&allowed)?;
    let req = request(p, 10)?;
    let by = match p.get("by") {
        None => None,
        Some("day") => Some(Interval::Day),
        Some("week") => Some(Interval::Week),
        Some("month") => Some(Interval::Month),
        Some("year") => Some(Interval::Year),
        Some(v) => {
            return Err(bad(format!(
                "parameter by={v:?} is not day, week, month or year"
            )));
        }
    };
    let t = search::timeline(idx, &req, by)?;
    let total = t.buckets.iter().map(|b| b.count).sum::<usize>() + t.undated;
    Ok(Reply::json(
        200,
        &json!({"query": req.query, "interval": t.interval, "buckets": t.buckets,
                "undated": t.undated, "statements": total}),
    ))
}

fn api_facets(idx: &StatementIndex, p: &Params) -> Answer {
    let mut allowed = QUERY_PARAMS.to_vec();
    allowed.push("facets");
    p.only(&allowed)?;
    let req = request(p, 10)?;
    let which: Vec<Facet> = match p.get("facets") {
        None => vec![Facet::Speaker, Facet::Org, Facet::Outlet, Facet::Year],
        Some(list) => list
            .split(',')
            .map(Facet::from_str)
            .collect::<std::result::Result<_, _>>()
            .map_err(bad)?,
    };
    let counts = search::facets(idx, &req, &which, req.limit)?;
    Ok(Reply::json(
        200,
        &json!({"query": req.query, "facets": counts}),
    ))
}

fn api_statement(idx: &StatementIndex, id: &str, p: &Params) -> Answer {
    p.only(&[])?;
    match search::show(idx, id)? {
        Some(st) => Ok(Reply::json(200, &json!({"statement": st}))),
        None => Err(Fail(404, format!("no statement with id {id:?}"))),
    }
}

fn api_saved_list(idx: &StatementIndex, p: &Params) -> Answer {
    p.only(&[])?;
    let saved = Saved::load(&idx.dir)?;
    Ok(Reply::json(200, &json!({"saved": saved.queries})))
}

/// Runs a saved query. The server never writes, so a run does not move the query's `last_run`:
/// `new=true` shows what was indexed since the last run from the command line.
fn api_saved_run(idx: &StatementIndex, name: &str, p: &Params) -> Answer {
    p.only(&["new"])?;
    let saved = Saved::load(&idx.dir)?;
    let Some(q) = saved.get(name) else {
        return Err(Fail(404, format!("no saved query named {name:?}")));
    };
    if p.flag("new")? {
        let (n, groups) = crate::saved::new_since_last_run(idx, q)?;
        return Ok(Reply::json(
            200,
            &json!({"name": q.name, "query": q.query, "since": q.last_run,
                    "statements": n, "speakers": groups}),
        ));
    }
    let hits = search::search(idx, &q.request(false))?;
    Ok(Reply::json(
        200,
        &json!({"name": q.name, "query": q.query, "hits": hits}),
    ))
}

fn api_status(idx: &StatementIndex, p: &Params) -> Answer {
    p.only(&[])?;
    Ok(Reply::json(
        200,
        &json!({"statements": idx.len()?, "schema_version": idx.spec.version,
                "version": env!("CARGO_PKG_VERSION")}),
    ))
}
