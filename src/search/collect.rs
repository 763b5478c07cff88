//! One pass over every matching statement, reading only numeric fast fields (grouping keys as
//! hashes): the raw material of `who`, `timeline` and facet counts, so that none of them loads
//! stored documents or reads strings for every match. Strings are looked up only for the groups
//! shown.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::columns::{ColumnStore, SegmentColumns};

/// What a match contributes: its score, its date and the hashes of its grouping keys.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub seg: SegmentOrdinal,
    pub doc: DocId,
    pub score: Score,
    /// Days since 1970-01-01, or `None` for undated statements.
    pub day: Option<i32>,
    pub speaker: u64,
    pub org: u64,
    pub outlet: u64,
}

impl Row {
    pub fn hash(&self, which: Key) -> u64 {
        match which {
            Key::Speaker => self.speaker,
            Key::Org => self.org,
            Key::Outlet => self.outlet,
        }
    }
}

impl Row {
    pub fn address(&self) -> DocAddress {
        DocAddress::new(self.seg, self.doc)
    }
}

/// Which key of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Speaker,
    Org,
    Outlet,
}

/// Every match, with the dictionaries to read its keys.
pub struct Matches {
    pub rows: Vec<Row>,
    /// Each segment's columns, whose dictionaries turn key ordinals back into strings.
    pub keys: FxHashMap<SegmentOrdinal, Arc<SegmentColumns>>,
}

impl Matches {
    /// The string of a row's key ("" when the statement has none).
    pub fn key(&self, row: &Row, which: Key) -> String {
        let col = match (which, self.keys.get(&row.seg)) {
            (_, None) => return String::new(),
            (Key::Speaker, Some(k)) => &k.speaker_key,
            (Key::Org, Some(k)) => &k.org_key,
            (Key::Outlet, Some(k)) => &k.outlet_key,
        };
        let mut s = String::new();
        if let Some(col) = col
            && let Some(ord) = col.ords().first(row.doc)
        {
            let _ = col.ord_to_str(ord, &mut s);
        }
        s
    }

    /// Counts per key string, most frequent first (then alphabetical), each with one of its rows.
    pub fn count_by(&self, which: Key) -> Vec<(String, usize, Row)> {
        // Count by hash; read one string per distinct key.
        let mut by: FxHashMap<u64, (usize, Row)> = FxHashMap::default();
        for r in &self.rows {
            by.entry(r.hash(which)).or_insert((0, *r)).0 += 1;
        }
        let mut out: Vec<(String, usize, Row)> = by
            .into_values()
            .map(|(n, r)| (self.key(&r, which), n, r))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

/// Collects [`Matches`], reading the columns of a [`ColumnStore`].
pub struct RowCollector<'a>(pub &'a ColumnStore);

pub struct RowSegment {
    seg: SegmentOrdinal,
    rows: Vec<Row>,
    cols: Arc<SegmentColumns>,
}

/// Microseconds in a day: fast-field dates are microseconds since 1970.
pub const MICROS_PER_DAY: i64 = 86_400_000_000;

impl Collector for RowCollector<'_> {
    type Fruit = Matches;
    type Child = RowSegment;

    fn for_segment(
        &self,
        seg: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RowSegment> {
        Ok(RowSegment {
            seg,
            rows: Vec::new(),
            cols: self.0.get(reader),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Vec<Row>, SegmentOrdinal, Arc<SegmentColumns>)>,
    ) -> tantivy::Result<Matches> {
        let mut rows = Vec::with_capacity(fruits.iter().map(|f| f.0.len()).sum());
        let mut keys = FxHashMap::default();
        for (r, seg, k) in fruits {
            rows.extend(r);
            keys.insert(seg, k);
        }
        Ok(Matches { rows, keys })
    }
}

impl SegmentCollector for RowSegment {
    type Fruit = (Vec<Row>, SegmentOrdinal, Arc<SegmentColumns>);

    fn collect(&mut self, doc: DocId, score: Score) {
        let first = |c: &Option<Column<u64>>| c.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let cols = &*self.cols;
        let day = cols
            .date
            .as_ref()
            .and_then(|c| c.first(doc))
            .map(|d| d.into_timestamp_micros().div_euclid(MICROS_PER_DAY) as i32);
        self.rows.push(Row {
            seg: self.seg,
            doc,
            score,
            day,
            speaker: first(&cols.speaker_hash),
            org: first(&cols.org_hash),
            outlet: first(&cols.outlet_hash),
        });
    }

    fn harvest(self) -> Self::Fruit {
        (self.rows, self.seg, self.cols)
    }
}

/// Quotes with fewer words than this rank a little lower (see [`relevance`]).
const SHORT_QUOTE_WORDS: u32 = 10;

/// The most [`relevance`] multiplies a BM25 score by (a long direct quote, sure attribution).
const MAX_NUDGE: Score = 1.05;

/// Relevance of a match: its BM25 score nudged by what kind of statement it is (direct quotes a
/// little above paraphrase), how sure the attribution is and how long the quote is; at most
/// [`MAX_NUDGE`] times the score.
pub fn relevance(c: &SegmentColumns, doc: DocId, score: Score) -> Score {
    let k = c.kind.as_ref().and_then(|col| col.first(doc));
    let kind_boost = if k.is_some() && k == c.direct {
        MAX_NUDGE
    } else if k.is_some() && k == c.mixed {
        1.02
    } else {
        1.0
    };
    let conf = c
        .confidence
        .as_ref()
        .and_then(|col| col.first(doc))
        .unwrap_or(0.5) as f32;
    // BM25 favours short fields, so a three-word fragment ("funding for a border wall") would
    // outrank whole statements that use the same words: quotes under SHORT_QUOTE_WORDS words
    // give part of that back.
    let words = c
        .quote_norms
        .as_ref()
        .map_or(SHORT_QUOTE_WORDS, |n| n.fieldnorm(doc));
    let length = 0.7 + 0.3 * (words.min(SHORT_QUOTE_WORDS) as f32 / SHORT_QUOTE_WORDS as f32);
    score * kind_boost * (0.75 + 0.25 * conf.clamp(0.0, 1.0)) * length
}

/// The best `k` statements by [`relevance`] with syndicated copies counted once: a copy (same
/// `quote_key`) of a statement already kept does not take a place. Collected with Tantivy's
/// pruning (block-max WAND): each segment keeps its own best `k` groups and shares its k-th score
/// with the others, since `k` groups scoring that much exist anywhere. The pruning works on BM25
/// scores, so the threshold it is given is that score over [`MAX_NUDGE`]: no document under it
/// can reach the k-th relevance, and the answer is exact. Ties are broken by address (lower
/// first), so the answer does not depend on which segment finished first.
pub struct TopGroups<'a> {
    k: usize,
    /// Count every document as its own group.
    all_copies: bool,
    /// Bits of the best k-th score any segment has reached (scores are never negative).
    shared: std::sync::atomic::AtomicU32,
    columns: &'a ColumnStore,
}

/// One group's best document: score, address and quote key.
pub type Group = (Score, DocAddress, Option<u64>);

impl<'a> TopGroups<'a> {
    pub fn new(k: usize, all_copies: bool, columns: &'a ColumnStore) -> Self {
        TopGroups {
            k: k.max(1),
            all_copies,
            shared: std::sync::atomic::AtomicU32::new(0),
            columns,
        }
    }
}

/// A candidate, ordered so that the greater is the better: higher score, then lower document.
#[derive(Debug, Clone, Copy)]
struct Cand {
    score: Score,
    doc: DocId,
    key: u128,
}

impl Cand {
    fn rank(&self) -> (Score, std::cmp::Reverse<DocId>) {
        (self.score, std::cmp::Reverse(self.doc))
    }
}

impl PartialEq for Cand {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == std::cmp::Ordering::Equal
    }
}
impl Eq for Cand {}
impl PartialOrd for Cand {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Cand {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        let (a, b) = (self.rank(), o.rank());
        a.0.total_cmp(&b.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| self.key.cmp(&o.key))
    }
}

/// The best `k` groups of one segment: each group's best candidate, and a min-heap of
/// candidates whose stale entries (a group that improved or left) are skipped lazily.
pub struct GroupSegment {
    seg: SegmentOrdinal,
    k: usize,
    /// The segment's columns for [`relevance`]; scores are taken as they come without them.
    cols: Option<Arc<SegmentColumns>>,
    quote_key: Option<Column<u64>>,
    best: FxHashMap<u128, Cand>,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<Cand>>,
}

impl GroupSegment {
    /// A document's group: its quote key, or (above every key) the document alone.
    fn key(&self, doc: DocId) -> u128 {
        match self.quote_key.as_ref().and_then(|c| c.first(doc)) {
            Some(k) => u128::from(k),
            None => (1u128 << 64) | u128::from(doc),
        }
    }

    /// The worst kept candidate, once the segment holds `k` groups.
    fn worst(&mut self) -> Option<Cand> {
        if self.best.len() < self.k {
            return None;
        }
        while let Some(std::cmp::Reverse(c)) = self.heap.peek() {
            if self.best.get(&c.key) == Some(c) {
                return Some(*c);
            }
            self.heap.pop();
        }
        None
    }

    fn push(&mut self, doc: DocId, score: Score) {
        let score = match &self.cols {
            Some(c) => relevance(c, doc, score),
            None => score,
        };
        let key = self.key(doc);
        self.offer(Cand { score, doc, key });
    }

    /// Keeps a candidate if its group is new and among the best `k`, or if it is its group's
    /// better copy.
    fn offer(&mut self, c: Cand) {
        let key = c.key;
        if let Some(old) = self.best.get_mut(&key) {
            if c > *old {
                *old = c;
                self.heap.push(std::cmp::Reverse(c));
            }
            return;
        }
        if let Some(w) = self.worst() {
            if c <= w {
                return;
            }
            self.heap.pop();
            self.best.remove(&w.key);
        }
        self.best.insert(key, c);
        self.heap.push(std::cmp::Reverse(c));
    }

    fn groups(self) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::with_capacity(self.best.len());
        for c in self.best.values() {
            let qk = (c.key >> 64 == 0).then_some(c.key as u64);
            out.push((c.score, DocAddress::new(self.seg, c.doc), qk));
        }
        out
    }
}

impl Collector for TopGroups<'_> {
    type Fruit = Vec<Group>;
    type Child = GroupSegment;

    fn for_segment(
        &self,
        seg: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let cols = self.columns.get(reader);
        Ok(GroupSegment {
            seg,
            k: self.k,
            quote_key: if self.all_copies {
                None
            } else {
                cols.quote_key.clone()
            },
            cols: Some(cols),
            best: FxHashMap::default(),
            heap: std::collections::BinaryHeap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        seg: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Group>> {
        use std::sync::atomic::Ordering::Relaxed;
        let mut g = self.for_segment(seg, reader)?;
        let alive = reader.alive_bitset();
        let mut threshold = Score::MIN;
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                return threshold;
            }
            g.push(doc, score);
            let mut t = f32::from_bits(self.shared.load(Relaxed));
            if let Some(w) = g.worst()
                && w.score >= 0.0
            {
                self.shared.fetch_max(w.score.to_bits(), Relaxed);
                t = t.max(w.score);
            }
            // The BM25 score a match needs to reach the k-th relevance, or just under it, so that
            // ties still come through and are decided by address.
            threshold = if t > 0.0 {
                (t / MAX_NUDGE).next_down().next_down()
            } else {
                Score::MIN
            };
            threshold
        })?;
        Ok(g.groups())
    }

    /// Each group's best document over all segments, best first, at most `k`.
    fn merge_fruits(&self, fruits: Vec<Vec<Group>>) -> tantivy::Result<Vec<Group>> {
        let better = |a: &Group, b: &Group| {
            b.0.total_cmp(&a.0)
                .then_with(|| (a.1.segment_ord, a.1.doc_id).cmp(&(b.1.segment_ord, b.1.doc_id)))
        };
        let mut all: Vec<Group> = fruits.into_iter().flatten().collect();
        all.sort_by(better);
        let mut seen = rustc_hash::FxHashSet::default();
        all.retain(|g| g.2.is_none_or(|k| seen.insert(k)));
        all.truncate(self.k);
        Ok(all)
    }
}

impl SegmentCollector for GroupSegment {
    type Fruit = Vec<Group>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.push(doc, score);
    }

    fn harvest(self) -> Vec<Group> {
        self.groups()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(k: usize) -> GroupSegment {
        GroupSegment {
            seg: 0,
            k,
            cols: None,
            quote_key: None,
            best: FxHashMap::default(),
            heap: std::collections::BinaryHeap::new(),
        }
    }

    #[test]
    fn keeps_the_best_k_and_breaks_ties_by_address() {
        let mut g = segment(3);
        for (doc, score) in [(7, 1.0), (2, 5.0), (9, 3.0), (4, 3.0), (1, 0.5), (3, 3.0)] {
            g.push(doc, score);
        }
        assert_eq!(g.worst().map(|c| (c.doc, c.score)), Some((4, 3.0)));
        let mut got: Vec<(u32, f32)> = g.groups().iter().map(|x| (x.1.doc_id, x.0)).collect();
        got.sort_by_key(|x| x.0);
        // Of the three docs scoring 3.0, the two lowest addresses stay.
        assert_eq!(got, vec![(2, 5.0), (3, 3.0), (4, 3.0)]);
    }

    #[test]
    fn a_group_improves_in_place_without_taking_a_second_place() {
        let mut g = segment(2);
        let c = |doc, score| Cand {
            score,
            doc,
            key: 42,
        };
        for x in [c(1, 1.0), c(2, 4.0), c(3, 2.0)] {
            g.offer(x);
        }
        assert_eq!(g.best.len(), 1);
        assert_eq!(g.best[&42].doc, 2);
        assert_eq!(g.worst(), None, "one group of two places: not full");
    }
}
