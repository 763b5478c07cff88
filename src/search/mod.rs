//! Answers: ranked statements with highlight ranges, and statements grouped by speaker.

pub mod query;

pub use query::Filters;

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::snippet::SnippetGenerator;

use crate::error::Result;
use crate::index::StatementIndex;
use crate::model::Statement;

/// A question to the index.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
    pub offset: usize,
}

/// One ranked statement.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    #[serde(flatten)]
    pub statement: Statement,
    /// Byte ranges in `quote` of the words that matched.
    pub highlights: Vec<[usize; 2]>,
}

/// Statements of one speaker.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerGroup {
    /// Resolved name, or `None` for unresolved sources.
    pub speaker: Option<String>,
    pub speaker_key: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub statements: usize,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    pub score: f32,
    /// The best statements, best first.
    pub top: Vec<Hit>,
}

/// Quotes up to this long are highlighted whole; longer ones as a fragment.
const WHOLE_QUOTE_CHARS: usize = 2_000;

fn highlighter(
    idx: &StatementIndex,
    searcher: &tantivy::Searcher,
    q: &dyn tantivy::query::Query,
) -> Option<SnippetGenerator> {
    let mut g = SnippetGenerator::create(searcher, q, idx.field("quote")).ok()?;
    g.set_max_num_chars(WHOLE_QUOTE_CHARS);
    Some(g)
}

fn highlights(g: Option<&SnippetGenerator>, quote: &str) -> Vec<[usize; 2]> {
    let Some(g) = g else { return Vec::new() };
    let snip = g.snippet(quote);
    let base = snip.fragment_range().start;
    snip.highlighted()
        .iter()
        .map(|r| [base + r.start, base + r.end])
        .collect()
}

/// Ranked statements for a request.
pub fn search(idx: &StatementIndex, req: &Request) -> Result<Vec<Hit>> {
    let searcher = idx.searcher()?;
    let q = query::build(idx, &req.query, &req.filters)?;
    let limit = req.limit.max(1);
    let top = searcher.search(
        &q,
        &TopDocs::with_limit(limit)
            .and_offset(req.offset)
            .order_by_score(),
    )?;
    let snippets = highlighter(idx, &searcher, &*q);
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let statement = idx.to_statement(&doc)?;
        let highlights = highlights(snippets.as_ref(), &statement.quote);
        hits.push(Hit {
            score,
            statement,
            highlights,
        });
    }
    Ok(hits)
}

/// How many matching statements `who` looks at.
const WHO_DEPTH: usize = 10_000;

/// Statements matching a request, grouped by speaker, most relevant speaker first.
/// `per_speaker` best statements are kept for each.
pub fn who(idx: &StatementIndex, req: &Request, per_speaker: usize) -> Result<Vec<SpeakerGroup>> {
    let searcher = idx.searcher()?;
    let q = query::build(idx, &req.query, &req.filters)?;
    let top = searcher.search(&q, &TopDocs::with_limit(WHO_DEPTH).order_by_score())?;
    let snippets = highlighter(idx, &searcher, &*q);
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let st = idx.to_statement(&doc)?;
        let key = st.speaker_key.clone();
        let gi = *at.entry(key.clone()).or_insert_with(|| {
            groups.push(SpeakerGroup {
                speaker: st.speaker.clone(),
                speaker_key: key.clone(),
                role: None,
                organisation: None,
                statements: 0,
                first_date: None,
                last_date: None,
                score: 0.0,
                top: Vec::new(),
            });
            groups.len() - 1
        });
        let g = &mut groups[gi];
        g.statements += 1;
        if !key.is_empty() {
            g.role = g.role.take().or_else(|| st.role.clone());
            g.organisation = g.organisation.take().or_else(|| st.organisation.clone());
        }
        if let Some(d) = st.date {
            g.first_date = Some(g.first_date.map_or(d, |f| f.min(d)));
            g.last_date = Some(g.last_date.map_or(d, |l| l.max(d)));
        }
        // Relevance of a speaker: their three best statements.
        if g.top.len() < 3 {
            g.score += score;
        }
        if g.top.len() < per_speaker {
            let highlights = highlights(snippets.as_ref(), &st.quote);
            g.top.push(Hit {
                score,
                statement: st,
                highlights,
            });
        }
    }
    // Unresolved sources go last, whatever their score.
    groups.sort_by(|a, b| {
        a.speaker_key
            .is_empty()
            .cmp(&b.speaker_key.is_empty())
            .then(b.score.total_cmp(&a.score))
    });
    let skip = req.offset.min(groups.len());
    groups.drain(..skip);
    groups.truncate(req.limit.max(1));
    Ok(groups)
}
