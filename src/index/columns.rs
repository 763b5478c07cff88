//! The fast-field columns that ranking, copy collapsing and grouping read, opened once per
//! segment and kept while the segment lives.
//!
//! Opening a column parses its header and dictionary; over the ten segments of a million-statement
//! index, opening the few that one search reads took about a tenth of a millisecond, as much
//! as collecting a rare word's matches. Segments never change once written, so their columns are
//! kept keyed by segment id and dropped when a reload no longer lists the segment.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use tantivy::columnar::{Column, StrColumn};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::{DateTime, Searcher, SegmentReader};

/// One segment's columns. A column the segment lacks (an empty segment has none) is `None`.
pub struct SegmentColumns {
    /// Ordinals of the statement kind, and the ordinals of "direct" and "mixed" among them.
    pub kind: Option<Column<u64>>,
    pub direct: Option<u64>,
    pub mixed: Option<u64>,
    pub confidence: Option<Column<f64>>,
    pub quote_key: Option<Column<u64>>,
    pub date: Option<Column<DateTime>>,
    /// Words in each quote, from the quote field's BM25 norms.
    pub quote_norms: Option<FieldNormReader>,
    pub speaker_hash: Option<Column<u64>>,
    pub org_hash: Option<Column<u64>>,
    pub outlet_hash: Option<Column<u64>>,
    /// The grouping keys' strings, for the groups shown.
    pub speaker_key: Option<StrColumn>,
    pub org_key: Option<StrColumn>,
    pub outlet_key: Option<StrColumn>,
}

impl SegmentColumns {
    fn open(reader: &SegmentReader) -> SegmentColumns {
        let ff = reader.fast_fields();
        let kind = ff.str("kind").ok().flatten();
        let ord = |k: &str| {
            kind.as_ref()
                .and_then(|c| c.dictionary().term_ord(k).ok().flatten())
        };
        let quote_norms = reader
            .schema()
            .get_field("quote")
            .ok()
            .and_then(|f| reader.get_fieldnorms_reader(f).ok());
        SegmentColumns {
            direct: ord("direct"),
            mixed: ord("mixed"),
            kind: kind.as_ref().map(|c| c.ords().clone()),
            confidence: ff.f64("confidence").ok(),
            quote_key: ff.u64("quote_key").ok(),
            date: ff.date("date").ok(),
            quote_norms,
            speaker_hash: ff.u64("speaker_hash").ok(),
            org_hash: ff.u64("organisation_hash").ok(),
            outlet_hash: ff.u64("outlet_hash").ok(),
            speaker_key: ff.str("speaker_key").ok().flatten(),
            org_key: ff.str("organisation_key").ok().flatten(),
            outlet_key: ff.str("outlet_key").ok().flatten(),
        }
    }
}

/// The columns of every segment searched so far.
#[derive(Default)]
pub struct ColumnStore {
    segs: Mutex<FxHashMap<SegmentId, Arc<SegmentColumns>>>,
}

impl ColumnStore {
    /// A segment's columns, opened on first use.
    pub fn get(&self, reader: &SegmentReader) -> Arc<SegmentColumns> {
        let id = reader.segment_id();
        if let Some(c) = self.lock().get(&id) {
            return Arc::clone(c);
        }
        // Opened outside the lock: two threads may both open a new segment, and one copy wins.
        let opened = Arc::new(SegmentColumns::open(reader));
        Arc::clone(self.lock().entry(id).or_insert(opened))
    }

    /// Forgets the segments `searcher` no longer has (merged away or deleted), so their files
    /// are not held open.
    pub fn retain(&self, searcher: &Searcher) {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        self.lock().retain(|id, _| live.contains(id));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<SegmentId, Arc<SegmentColumns>>> {
        self.segs.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::StatementIndex;

    #[test]
    fn columns_are_opened_once_per_segment_and_forgotten_when_it_goes() {
        let idx = StatementIndex::create_in_ram().unwrap();
        let mut w = idx
            .index
            .writer::<tantivy::TantivyDocument>(15_000_000)
            .unwrap();
        for i in 0..2 {
            let a = crate::model::Article {
                path: format!("a{i}.txt"),
                source_key: format!("a{i}.txt"),
                date: Some(jiff::civil::date(2025, 2, 12)),
                body: format!("\"We are ready {i},\" Smith said."),
                ..Default::default()
            };
            let st = crate::Extractor::default().extract(&a).remove(0);
            w.add_document(crate::index::schema::to_doc(&idx.spec, &idx.schema, &st).unwrap())
                .unwrap();
            w.commit().unwrap();
        }
        let searcher = idx.searcher().unwrap();
        assert_eq!(searcher.segment_readers().len(), 2);
        let store = ColumnStore::default();
        let a = store.get(&searcher.segment_readers()[0]);
        let b = store.get(&searcher.segment_readers()[0]);
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second look-up reopened the columns"
        );
        assert!(a.quote_key.is_some() && a.date.is_some());
        store.get(&searcher.segment_readers()[1]);
        assert_eq!(store.lock().len(), 2);

        w.delete_all_documents().unwrap();
        w.commit().unwrap();
        let after = idx.searcher().unwrap();
        store.retain(&after);
        assert!(
            store.lock().is_empty(),
            "columns of deleted segments were kept"
        );
    }
}
