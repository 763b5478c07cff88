//! One pass over every matching statement, reading only numeric fast fields (grouping keys as
//! hashes): the raw material of `who`, `timeline` and facet counts, so that none of them loads
//! stored documents or reads strings for every match. Strings are looked up only for the groups
//! shown.

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

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

/// The keys' dictionaries of one segment, to turn ordinals back into strings.
pub struct SegmentKeys {
    pub speaker: Option<StrColumn>,
    pub org: Option<StrColumn>,
    pub outlet: Option<StrColumn>,
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
    pub keys: FxHashMap<SegmentOrdinal, SegmentKeys>,
}

impl Matches {
    /// The string of a row's key ("" when the statement has none).
    pub fn key(&self, row: &Row, which: Key) -> String {
        let col = match (which, self.keys.get(&row.seg)) {
            (_, None) => return String::new(),
            (Key::Speaker, Some(k)) => &k.speaker,
            (Key::Org, Some(k)) => &k.org,
            (Key::Outlet, Some(k)) => &k.outlet,
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

/// Collects [`Matches`].
pub struct RowCollector;

pub struct RowSegment {
    seg: SegmentOrdinal,
    rows: Vec<Row>,
    date: Option<Column<tantivy::DateTime>>,
    speaker: Option<Column<u64>>,
    org: Option<Column<u64>>,
    outlet: Option<Column<u64>>,
    keys: Option<SegmentKeys>,
}

/// Microseconds in a day: fast-field dates are microseconds since 1970.
pub const MICROS_PER_DAY: i64 = 86_400_000_000;

impl Collector for RowCollector {
    type Fruit = Matches;
    type Child = RowSegment;

    fn for_segment(
        &self,
        seg: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RowSegment> {
        let ff = reader.fast_fields();
        Ok(RowSegment {
            seg,
            rows: Vec::new(),
            date: ff.date("date").ok(),
            speaker: ff.u64("speaker_hash").ok(),
            org: ff.u64("organisation_hash").ok(),
            outlet: ff.u64("outlet_hash").ok(),
            keys: Some(SegmentKeys {
                speaker: ff.str("speaker_key")?,
                org: ff.str("organisation_key")?,
                outlet: ff.str("outlet_key")?,
            }),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Vec<Row>, SegmentOrdinal, SegmentKeys)>,
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
    type Fruit = (Vec<Row>, SegmentOrdinal, SegmentKeys);

    fn collect(&mut self, doc: DocId, score: Score) {
        let first = |c: &Option<Column<u64>>| c.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let day = self
            .date
            .as_ref()
            .and_then(|c| c.first(doc))
            .map(|d| d.into_timestamp_micros().div_euclid(MICROS_PER_DAY) as i32);
        self.rows.push(Row {
            seg: self.seg,
            doc,
            score,
            day,
            speaker: first(&self.speaker),
            org: first(&self.org),
            outlet: first(&self.outlet),
        });
    }

    fn harvest(mut self) -> Self::Fruit {
        let keys = self.keys.take().unwrap_or(SegmentKeys {
            speaker: None,
            org: None,
            outlet: None,
        });
        (self.rows, self.seg, keys)
    }
}
