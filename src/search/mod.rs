//! Answers: ranked statements with highlights (syndicated copies collapsed), statements grouped by
//! speaker or organisation, timelines, facet counts, one statement by id, and why a search came
//! back empty.

pub mod collect;
pub mod highlight;
pub mod query;
pub mod synonyms;
pub mod syntax;

pub use query::Filters;

use std::sync::Arc;

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::StatementIndex;
use crate::index::columns::{ColumnStore, SegmentColumns};
use crate::model::Statement;
use collect::{Key, Matches, Row, RowCollector, TopGroups};
use highlight::Highlighter;

/// Order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
    /// Oldest first.
    DateAsc,
}

/// A question to the index.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Show syndicated copies of a statement as separate results.
    pub all_copies: bool,
}

/// One place a statement was reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub outlet: Option<String>,
    pub date: Option<Date>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub path: String,
}

impl Source {
    /// Where a statement read in full was reported.
    fn of(st: &Statement) -> Source {
        Source {
            id: st.id.clone(),
            outlet: st.outlet.clone(),
            date: st.date,
            title: st.title.clone(),
            url: st.url.clone(),
            path: st.path.clone(),
        }
    }
}

/// One ranked statement.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    #[serde(flatten)]
    pub statement: Statement,
    /// Byte ranges in `quote` of the words and phrases that matched.
    pub highlights: Vec<[usize; 2]>,
    /// Byte ranges of `quote` to show: all of a short quote, the parts around the matches of a
    /// long one.
    pub fragments: Vec<[usize; 2]>,
    /// Where the query matched when not in the quote ("context", "speaker", …, or "filters").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matched_in: Vec<String>,
    /// Every outlet that reported this statement, earliest first, when more than one did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// Statements of one speaker (or one organisation, with [`GroupBy::Org`]).
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerGroup {
    /// What the group is: "speaker" or "organisation".
    pub group_by: &'static str,
    /// Resolved name, or `None` for unresolved sources (and for organisation groups).
    pub speaker: Option<String>,
    /// The grouping key: normalised speaker name, or the organisation; empty for the group of
    /// unresolved sources.
    pub speaker_key: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// With organisation groups: the speakers in it, most statements first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    pub statements: usize,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    pub score: f32,
    /// Statements over the date span of the whole answer, one character per period.
    pub sparkline: String,
    /// The best statements, best first.
    pub top: Vec<Hit>,
}

/// How `who` groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Speaker,
    Org,
}

fn day_to_date(day: i32) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(i64::from(day) * 86_400).ok()?;
    Some(ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// Ranking key: the sort order's value first, the tweaked relevance second.
type RankKey = (f64, f32);

/// The [`SegmentColumns`] of each segment of a searcher, looked up on first use.
struct ColumnCache<'s> {
    searcher: &'s Searcher,
    store: &'s ColumnStore,
    segs: Vec<Option<Arc<SegmentColumns>>>,
}

impl<'s> ColumnCache<'s> {
    fn new(searcher: &'s Searcher, store: &'s ColumnStore) -> Self {
        ColumnCache {
            searcher,
            store,
            segs: (0..searcher.segment_readers().len())
                .map(|_| None)
                .collect(),
        }
    }

    fn get(&mut self, seg: u32) -> &SegmentColumns {
        let (searcher, store) = (self.searcher, self.store);
        self.segs[seg as usize].get_or_insert_with(|| store.get(searcher.segment_reader(seg)))
    }

    /// Quote key and date (microseconds) of a document.
    fn copy_key(&mut self, a: DocAddress) -> (Option<u64>, Option<i64>) {
        let c = self.get(a.segment_ord);
        let key = c.quote_key.as_ref().and_then(|col| col.first(a.doc_id));
        let date = c
            .date
            .as_ref()
            .and_then(|col| col.first(a.doc_id))
            .map(|d| d.into_timestamp_micros());
        (key, date)
    }
}

/// The first `n` matches by date (newest first for [`Sort::Date`]), from Tantivy's fast-field
/// sort; each key is the date in microseconds (negated for oldest first). The second value says
/// whether fewer matched than were asked for (nothing more to fetch).
fn by_date_top(
    searcher: &Searcher,
    q: &dyn Query,
    n: usize,
    sort: Sort,
) -> Result<(Vec<(RankKey, DocAddress)>, bool)> {
    let n = n.max(1);
    let order = if sort == Sort::DateAsc {
        tantivy::Order::Asc
    } else {
        tantivy::Order::Desc
    };
    let top = searcher.search(
        q,
        &TopDocs::with_limit(n).order_by_fast_field::<tantivy::DateTime>("date", order),
    )?;
    let mut out: Vec<(RankKey, DocAddress)> = top
        .into_iter()
        .map(|(d, a)| {
            let micros = d.map(|d| d.into_timestamp_micros() as f64);
            let key = match sort {
                Sort::DateAsc => micros.map(|m| -m).unwrap_or(f64::MIN),
                _ => micros.unwrap_or(f64::MIN),
            };
            ((key, 0.0), a)
        })
        .collect();
    // Equal keys in document order, so that results are stable.
    out.sort_by(|x, y| {
        y.0.0
            .total_cmp(&x.0.0)
            .then_with(|| (x.1.segment_ord, x.1.doc_id).cmp(&(y.1.segment_ord, y.1.doc_id)))
    });
    let exhausted = out.len() < n;
    Ok((out, exhausted))
}

struct Found {
    key: (RankKey, DocAddress),
    quote_key: Option<u64>,
    members: Vec<(Option<i64>, DocAddress)>,
}

/// Ranked statements for a request.
pub fn search(idx: &StatementIndex, req: &Request) -> Result<Vec<Hit>> {
    let searcher = idx.searcher()?;
    let plan = query::plan(idx, &req.query, &req.filters)?;
    let want = req.offset + req.limit.max(1);
    let mut cols = ColumnCache::new(&searcher, idx.columns());
    let groups = if req.sort == Sort::Relevance {
        by_relevance(&searcher, &mut cols, &*plan.query, want, req.all_copies)?
    } else {
        by_date(&searcher, &mut cols, &*plan.query, want, req)?
    };
    let hl = Highlighter::new(idx.analyzer(), &*plan.query, &idx.pair_fields());
    let mut page: Vec<Found> = groups
        .into_iter()
        .skip(req.offset)
        .take(req.limit.max(1))
        .collect();
    if !req.all_copies {
        complete_copies(idx, &searcher, &mut cols, &req.filters, &mut page)?;
    }
    // Reading the stored statements and their copies is most of a page's cost (each read
    // decompresses a block): the page's results are read on all cores, in order.
    use rayon::prelude::*;
    page.into_par_iter()
        .map_init(
            || hl.clone(),
            |hl, mut g| -> Result<Hit> {
                // The earliest report stands for all copies.
                g.members
                    .sort_by_key(|(d, a)| (d.unwrap_or(i64::MAX), a.segment_ord, a.doc_id));
                let rep = if g.members.len() > 1 {
                    g.members[0].1
                } else {
                    g.key.1
                };
                let statement = idx.to_statement(&searcher.doc::<TantivyDocument>(rep)?)?;
                let sources = if g.members.len() > 1 {
                    let mut v = vec![Source::of(&statement)];
                    for (d, a) in &g.members[1..] {
                        v.push(source(idx, &searcher, *a, *d)?);
                    }
                    v
                } else {
                    Vec::new()
                };
                let score = match req.sort {
                    Sort::Relevance => g.key.0.0 as f32,
                    _ => g.key.0.1,
                };
                Ok(make_hit(idx, hl, score, statement, sources))
            },
        )
        .collect()
}

/// The best `want` groups of copies by relevance ([`collect::relevance`]), each stood for by its
/// best copy.
fn by_relevance(
    searcher: &Searcher,
    cols: &mut ColumnCache,
    q: &dyn Query,
    want: usize,
    all_copies: bool,
) -> Result<Vec<Found>> {
    let top = searcher.search(q, &TopGroups::new(want, all_copies, cols.store))?;
    let mut groups: Vec<Found> = top
        .into_iter()
        .map(|(score, addr, quote_key)| {
            let (_, date) = cols.copy_key(addr);
            Found {
                key: ((f64::from(score), 0.0), addr),
                quote_key,
                members: vec![(date, addr)],
            }
        })
        .collect();
    // Best first; equal keys in document order, so that results are stable.
    groups.sort_by(|x, y| {
        y.key.0.0.total_cmp(&x.key.0.0).then_with(|| {
            (x.key.1.segment_ord, x.key.1.doc_id).cmp(&(y.key.1.segment_ord, y.key.1.doc_id))
        })
    });
    groups.truncate(want);
    Ok(groups)
}

/// At least `want` groups of copies by date, fetching more matches until that many groups are
/// found or none are left.
fn by_date(
    searcher: &Searcher,
    cols: &mut ColumnCache,
    q: &dyn Query,
    want: usize,
    req: &Request,
) -> Result<Vec<Found>> {
    let mut fetch = want * 2 + 10;
    loop {
        let (top, exhausted) = by_date_top(searcher, q, fetch, req.sort)?;
        let mut groups: Vec<Found> = Vec::new();
        let mut at: FxHashMap<u64, usize> = FxHashMap::default();
        for (key, addr) in top {
            let (qk, date) = cols.copy_key(addr);
            let slot = match qk {
                Some(k) if !req.all_copies => at.get(&k).copied(),
                _ => None,
            };
            match slot {
                Some(i) => groups[i].members.push((date, addr)),
                None => {
                    if let Some(k) = qk {
                        at.insert(k, groups.len());
                    }
                    groups.push(Found {
                        key: (key, addr),
                        quote_key: qk,
                        members: vec![(date, addr)],
                    });
                }
            }
        }
        if groups.len() >= want || exhausted {
            return Ok(groups);
        }
        fetch *= 4;
    }
}

/// Adds the copies of the page's statements that fell outside the fetched window, read from the
/// postings of their quote keys. Copies share their words, so they match the query text alike;
/// only the filters (dates, outlet, ...) can tell them apart, and only the filters are checked
/// again, on each copy.
fn complete_copies(
    idx: &StatementIndex,
    searcher: &Searcher,
    cols: &mut ColumnCache,
    filters: &Filters,
    page: &mut [Found],
) -> Result<()> {
    use tantivy::{DocSet as _, TERMINATED};
    let field = idx.field("quote_key");
    let keys: Vec<u64> = page.iter().filter_map(|g| g.quote_key).collect();
    if keys.is_empty() {
        return Ok(());
    }
    let filter = if *filters == Filters::default() {
        None
    } else {
        let q = query::build(idx, "", filters)?;
        Some(
            q.weight(tantivy::query::EnableScoring::disabled_from_searcher(
                searcher,
            ))?,
        )
    };
    let mut by_key: FxHashMap<u64, Vec<(Option<i64>, DocAddress)>> = FxHashMap::default();
    for (seg, reader) in searcher.segment_readers().iter().enumerate() {
        let postings = reader.inverted_index(field)?;
        let alive = reader.alive_bitset();
        let mut docs: Vec<(tantivy::DocId, u64)> = Vec::new();
        for &k in &keys {
            let term = Term::from_field_u64(field, k);
            let Some(mut p) = postings
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            while p.doc() != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(p.doc())) {
                    docs.push((p.doc(), k));
                }
                p.advance();
            }
        }
        if let Some(w) = &filter
            && !docs.is_empty()
        {
            docs.sort_unstable();
            let mut passes = w.scorer(reader, 1.0)?;
            docs.retain(|&(d, _)| passes.doc() <= d && passes.seek(d) == d);
        }
        for (d, k) in docs {
            let a = DocAddress::new(seg as u32, d);
            by_key.entry(k).or_default().push((cols.copy_key(a).1, a));
        }
    }
    for g in page.iter_mut() {
        if let Some(mut found) = g.quote_key.and_then(|k| by_key.remove(&k))
            && found.len() > g.members.len()
        {
            found.sort_by_key(|(d, a)| (d.unwrap_or(i64::MAX), a.segment_ord, a.doc_id));
            found.truncate(MAX_COPIES);
            g.members = found;
        }
    }
    Ok(())
}

/// Copies of one statement listed at most.
const MAX_COPIES: usize = 200;

/// Where one copy was reported: read from its stored document field by field (cheaper than
/// the whole statement).
fn source(
    idx: &StatementIndex,
    searcher: &Searcher,
    a: DocAddress,
    micros: Option<i64>,
) -> Result<Source> {
    use tantivy::schema::Value as _;
    let doc: TantivyDocument = searcher.doc(a)?;
    let text = |name: &str| {
        doc.get_first(idx.field(name))
            .and_then(|v| v.as_str().map(str::to_string))
    };
    Ok(Source {
        id: text("id").unwrap_or_default(),
        outlet: text("outlet"),
        date: micros.and_then(|m| day_to_date(m.div_euclid(collect::MICROS_PER_DAY) as i32)),
        title: text("title"),
        url: text("url"),
        path: text("path").unwrap_or_default(),
    })
}

/// Fields that can explain a match outside the quote, in the order they are reported.
const OTHER_FIELDS: &[&str] = &["context", "speaker", "role", "organisation", "title"];

fn make_hit(
    idx: &StatementIndex,
    hl: &mut Highlighter,
    score: f32,
    statement: Statement,
    sources: Vec<Source>,
) -> Hit {
    let marks = hl.marks(idx.field("quote"), &statement.quote);
    let mut matched_in = Vec::new();
    if marks.highlights.is_empty() {
        for f in OTHER_FIELDS {
            let text = match *f {
                "context" => Some(statement.context.as_str()),
                "speaker" => statement.speaker.as_deref(),
                "role" => statement.role.as_deref(),
                "organisation" => statement.organisation.as_deref(),
                _ => statement.title.as_deref(),
            };
            let field = if *f == "context" { "context_words" } else { f };
            if let Some(t) = text
                && !hl.ranges(idx.field(field), t).is_empty()
            {
                matched_in.push(f.to_string());
            }
        }
        if matched_in.is_empty() {
            matched_in.push("filters".into());
        }
    }
    Hit {
        score,
        statement,
        highlights: marks.highlights,
        fragments: marks.fragments,
        matched_in,
        sources,
    }
}

/// Every match, from fast fields only.
fn matches(
    idx: &StatementIndex,
    searcher: &Searcher,
    req: &Request,
) -> Result<(Matches, Box<dyn Query>)> {
    let q = query::build(idx, &req.query, &req.filters)?;
    let m = searcher.search(&*q, &RowCollector(idx.columns()))?;
    Ok((m, q))
}

/// Sparkline characters, from one statement to the most.
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// Periods in a sparkline.
const SPARK_WIDTH: i32 = 24;

fn sparkline(days: &[i32], lo: i32, hi: i32) -> String {
    let span = (hi - lo + 1).max(1);
    let width = SPARK_WIDTH.min(span);
    let mut counts = vec![0usize; width as usize];
    for &d in days {
        let i = ((i64::from(d - lo) * i64::from(width)) / i64::from(span))
            .clamp(0, i64::from(width) - 1);
        counts[i as usize] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&c| {
            if c == 0 {
                ' '
            } else {
                // ceil(c / max * 8), as an index from 0 to 7.
                SPARKS[(c * SPARKS.len()).div_ceil(max).clamp(1, SPARKS.len()) - 1]
            }
        })
        .collect()
}

/// Speakers named per organisation group.
const SPEAKERS_PER_ORG: usize = 10;

struct Agg {
    first_row: Row,
    statements: usize,
    days: Vec<i32>,
    /// Best rows, best first.
    best: Vec<Row>,
    score: f32,
    /// With organisation groups: statements per speaker.
    speakers: FxHashMap<u64, (usize, Row)>,
}

/// Statements matching a request, grouped by speaker (or organisation), most relevant group first
/// (the group of unresolved sources last). `per_group` best statements are kept for each.
pub fn who(
    idx: &StatementIndex,
    req: &Request,
    per_group: usize,
    by: GroupBy,
) -> Result<Vec<SpeakerGroup>> {
    let searcher = idx.searcher()?;
    let (m, q) = matches(idx, &searcher, req)?;
    let which = match by {
        GroupBy::Speaker => Key::Speaker,
        GroupBy::Org => Key::Org,
    };
    // Aggregate by key hash; strings are read only for the groups shown.
    let mut by_key: FxHashMap<u64, Agg> = FxHashMap::default();
    let keep = per_group.max(3);
    for r in &m.rows {
        let a = by_key.entry(r.hash(which)).or_insert_with(|| Agg {
            first_row: *r,
            statements: 0,
            days: Vec::new(),
            best: Vec::new(),
            score: 0.0,
            speakers: FxHashMap::default(),
        });
        push_row(a, r, keep);
        if by == GroupBy::Org {
            a.speakers.entry(r.speaker).or_insert((0, *r)).0 += 1;
        }
    }
    let (lo, hi) = m
        .rows
        .iter()
        .filter_map(|r| r.day)
        .fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let none = crate::model::key_hash("");
    let mut groups: Vec<(u64, Agg)> = by_key.into_iter().collect();
    for (_, a) in groups.iter_mut() {
        a.score = a.best.iter().take(3).map(|r| r.score).sum();
    }
    // Unresolved sources go last, whatever their score.
    groups.sort_by(|a, b| {
        (a.0 == none)
            .cmp(&(b.0 == none))
            .then(b.1.score.total_cmp(&a.1.score))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut hl = Highlighter::new(idx.analyzer(), &*q, &idx.pair_fields());
    let mut out = Vec::new();
    for (_, a) in groups.into_iter().skip(req.offset).take(req.limit.max(1)) {
        let key = m.key(&a.first_row, which);
        let mut top = Vec::new();
        for r in a.best.iter().take(per_group) {
            let st = idx.to_statement(&searcher.doc::<TantivyDocument>(r.address())?)?;
            top.push(make_hit(idx, &mut hl, r.score, st, Vec::new()));
        }
        let pick = |f: fn(&Statement) -> Option<String>| top.iter().find_map(|h| f(&h.statement));
        let mut per_name: FxHashMap<String, usize> = FxHashMap::default();
        for (n, r) in a.speakers.values() {
            let k = m.key(r, Key::Speaker);
            if !k.is_empty() {
                *per_name.entry(k).or_default() += n;
            }
        }
        let mut speakers: Vec<(usize, String)> =
            per_name.into_iter().map(|(k, n)| (n, k)).collect();
        speakers.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        speakers.truncate(SPEAKERS_PER_ORG);
        // Keys are normalised; show the names as written.
        let mut names = Vec::with_capacity(speakers.len());
        for (_, key) in speakers {
            let row = a
                .speakers
                .values()
                .map(|(_, r)| r)
                .find(|r| m.key(r, Key::Speaker) == key);
            let name = match row {
                Some(r) => idx
                    .to_statement(&searcher.doc::<TantivyDocument>(r.address())?)?
                    .speaker
                    .unwrap_or(key),
                None => key,
            };
            names.push(name);
        }
        let (speaker, role, organisation) = match by {
            GroupBy::Speaker if key.is_empty() => (None, None, None),
            GroupBy::Speaker => (
                pick(|s| s.speaker.clone()),
                pick(|s| s.role.clone()),
                pick(|s| s.organisation.clone()),
            ),
            GroupBy::Org if key.is_empty() => (None, None, None),
            GroupBy::Org => (None, None, Some(key.clone())),
        };
        let (first, last) = a
            .days
            .iter()
            .fold((i32::MAX, i32::MIN), |(x, y), &d| (x.min(d), y.max(d)));
        out.push(SpeakerGroup {
            group_by: match by {
                GroupBy::Speaker => "speaker",
                GroupBy::Org => "organisation",
            },
            speaker,
            speaker_key: key,
            role,
            organisation,
            speakers: names,
            statements: a.statements,
            first_date: (first <= last).then(|| day_to_date(first)).flatten(),
            last_date: (first <= last).then(|| day_to_date(last)).flatten(),
            score: a.score,
            sparkline: if lo <= hi {
                sparkline(&a.days, lo, hi)
            } else {
                String::new()
            },
            top,
        });
    }
    Ok(out)
}

fn push_row(a: &mut Agg, r: &Row, keep: usize) {
    a.statements += 1;
    if let Some(d) = r.day {
        a.days.push(d);
    }
    push_best(&mut a.best, *r, keep);
}

/// Keeps the `keep` best rows, best first (ties: earlier document first).
fn push_best(best: &mut Vec<Row>, r: Row, keep: usize) {
    if best.len() == keep && best.last().is_some_and(|l| l.score >= r.score) {
        return;
    }
    let at = best
        .iter()
        .position(|b| b.score < r.score)
        .unwrap_or(best.len());
    best.insert(at, r);
    best.truncate(keep);
}

/// Period of a timeline bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    Week,
    Month,
    Year,
}

/// One bar of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    /// First day of the period.
    pub start: Date,
    /// Last day of the period.
    pub end: Date,
    pub count: usize,
}

/// Statements over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub interval: Interval,
    pub buckets: Vec<Bucket>,
    /// Matching statements without a date.
    pub undated: usize,
}

fn period_start(d: Date, iv: Interval) -> Date {
    match iv {
        Interval::Day => d,
        Interval::Week => {
            let back = i64::from(d.weekday().to_monday_zero_offset());
            d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d)
        }
        Interval::Month => d.first_of_month(),
        Interval::Year => d.first_of_year(),
    }
}

fn next_period(d: Date, iv: Interval) -> Option<Date> {
    let span = match iv {
        Interval::Day => jiff::Span::new().days(1),
        Interval::Week => jiff::Span::new().weeks(1),
        Interval::Month => jiff::Span::new().months(1),
        Interval::Year => jiff::Span::new().years(1),
    };
    d.checked_add(span).ok()
}

/// The period giving at most about 40 bars over `days` days.
fn auto_interval(days: i32) -> Interval {
    if days <= 40 {
        Interval::Day
    } else if days <= 40 * 7 {
        Interval::Week
    } else if days <= 48 * 31 {
        Interval::Month
    } else {
        Interval::Year
    }
}

/// Matching statements per period, every period from the first to the last shown (empty ones too).
pub fn timeline(
    idx: &StatementIndex,
    req: &Request,
    interval: Option<Interval>,
) -> Result<Timeline> {
    let searcher = idx.searcher()?;
    let (m, _) = matches(idx, &searcher, req)?;
    let days: Vec<i32> = m.rows.iter().filter_map(|r| r.day).collect();
    let undated = m.rows.len() - days.len();
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return Ok(Timeline {
            interval: interval.unwrap_or(Interval::Month),
            buckets: Vec::new(),
            undated,
        });
    };
    let iv = interval.unwrap_or_else(|| auto_interval(hi - lo + 1));
    let mut per: FxHashMap<i32, usize> = FxHashMap::default();
    for d in days {
        *per.entry(d).or_default() += 1;
    }
    let mut counts: FxHashMap<Date, usize> = FxHashMap::default();
    for (d, n) in per {
        if let Some(date) = day_to_date(d) {
            *counts.entry(period_start(date, iv)).or_default() += n;
        }
    }
    let (Some(first), Some(last)) = (day_to_date(lo), day_to_date(hi)) else {
        return Ok(Timeline {
            interval: iv,
            buckets: Vec::new(),
            undated,
        });
    };
    let last = period_start(last, iv);
    let mut buckets = Vec::new();
    let mut at = period_start(first, iv);
    while at <= last {
        let Some(next) = next_period(at, iv) else {
            break;
        };
        buckets.push(Bucket {
            start: at,
            end: next.yesterday().unwrap_or(at),
            count: counts.get(&at).copied().unwrap_or(0),
        });
        at = next;
    }
    Ok(Timeline {
        interval: iv,
        buckets,
        undated,
    })
}

/// A field to count matches by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Speaker,
    Org,
    Outlet,
    Year,
}

impl std::str::FromStr for Facet {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "speaker" => Ok(Facet::Speaker),
            "org" | "organisation" | "organization" => Ok(Facet::Org),
            "outlet" => Ok(Facet::Outlet),
            "year" => Ok(Facet::Year),
            other => Err(format!(
                "unknown facet {other:?} (expected speaker, org, outlet or year)"
            )),
        }
    }
}

/// Counts of one facet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCounts {
    pub facet: Facet,
    /// Value and count, most frequent first; "" stands for statements without a value.
    pub values: Vec<(String, usize)>,
}

/// How many matching statements have each value of each facet (top `top` values each).
pub fn facets(
    idx: &StatementIndex,
    req: &Request,
    which: &[Facet],
    top: usize,
) -> Result<Vec<FacetCounts>> {
    let searcher = idx.searcher()?;
    let (m, _) = matches(idx, &searcher, req)?;
    let mut out = Vec::new();
    for &f in which {
        let plain = |v: Vec<(String, usize, Row)>| -> Vec<(String, usize)> {
            v.into_iter().map(|(k, n, _)| (k, n)).collect()
        };
        let mut values = match f {
            Facet::Speaker => {
                // Keys are normalised names; show each as written, from one of its statements.
                let mut v = m.count_by(Key::Speaker);
                v.truncate(top);
                let mut out = Vec::new();
                for (k, n, r) in v {
                    let name = if k.is_empty() {
                        k
                    } else {
                        idx.to_statement(&searcher.doc::<TantivyDocument>(r.address())?)?
                            .speaker
                            .unwrap_or(k)
                    };
                    out.push((name, n));
                }
                out
            }
            Facet::Org => plain(m.count_by(Key::Org)),
            Facet::Outlet => plain(m.count_by(Key::Outlet)),
            Facet::Year => {
                let mut by: FxHashMap<String, usize> = FxHashMap::default();
                for r in &m.rows {
                    let y = r
                        .day
                        .and_then(day_to_date)
                        .map(|d| d.year().to_string())
                        .unwrap_or_default();
                    *by.entry(y).or_default() += 1;
                }
                let mut v: Vec<(String, usize)> = by.into_iter().collect();
                v.sort_by(|a, b| b.0.cmp(&a.0));
                v
            }
        };
        values.truncate(top);
        out.push(FacetCounts { facet: f, values });
    }
    Ok(out)
}

/// One statement by its id.
pub fn show(idx: &StatementIndex, id: &str) -> Result<Option<Statement>> {
    let searcher = idx.searcher()?;
    let q = TermQuery::new(
        Term::from_field_text(idx.field("id"), id.trim()),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    match top.first() {
        Some((_, a)) => Ok(Some(
            idx.to_statement(&searcher.doc::<TantivyDocument>(*a)?)?,
        )),
        None => Ok(None),
    }
}

/// Why a request found nothing: how many statements the query text matches alone, and which
/// filter took them away.
pub fn why_empty(idx: &StatementIndex, req: &Request) -> Result<String> {
    let searcher = idx.searcher()?;
    let count = |f: &Filters| -> Result<usize> {
        let q = query::build(idx, &req.query, f)?;
        Ok(searcher.search(&*q, &Count)?)
    };
    let base = count(&Filters::default())?;
    if base == 0 {
        let total = searcher.num_docs();
        return Ok(format!(
            "the query matches none of the {total} statements in the index"
        ));
    }
    let f = &req.filters;
    let mut steps: Vec<(String, Filters)> = Vec::new();
    let one = |set: &dyn Fn(&mut Filters)| {
        let mut x = Filters::default();
        set(&mut x);
        x
    };
    if let Some(s) = &f.speaker {
        steps.push((
            format!("--speaker {s:?}"),
            one(&|x| x.speaker = Some(s.clone())),
        ));
    }
    if let Some(s) = &f.org {
        steps.push((format!("--org {s:?}"), one(&|x| x.org = Some(s.clone()))));
    }
    if let Some(s) = &f.outlet {
        steps.push((
            format!("--outlet {s:?}"),
            one(&|x| x.outlet = Some(s.clone())),
        ));
    }
    if let Some(k) = f.kind {
        steps.push((format!("--kind {}", k.as_str()), one(&|x| x.kind = Some(k))));
    }
    if f.since.is_some() || f.until.is_some() {
        let label = match (f.since, f.until) {
            (Some(a), Some(b)) => format!("--since {a} --until {b}"),
            (Some(a), None) => format!("--since {a}"),
            (None, Some(b)) => format!("--until {b}"),
            _ => String::new(),
        };
        steps.push((
            label,
            one(&|x| {
                x.since = f.since;
                x.until = f.until;
            }),
        ));
    }
    if f.indexed_after.is_some() {
        steps.push((
            "only new statements".into(),
            one(&|x| x.indexed_after = f.indexed_after),
        ));
    }
    let mut parts = Vec::new();
    for (label, fl) in &steps {
        let n = count(fl)?;
        parts.push(format!("with {label}: {n}"));
    }
    let s = if base == 1 { "" } else { "s" };
    Ok(format!(
        "the query matches {base} statement{s}, but not with all the filters together ({})",
        parts.join("; ")
    ))
}
