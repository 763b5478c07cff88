//! A merge policy whose merges read a bounded amount of data.
//!
//! Tantivy's `LogMergePolicy` merges segments of similar size, level by level, and a level may
//! hold any number of segments: at 16× AllSides its last merge read eight 160,000-statement
//! segments at once, and the pages it mapped made the process's peak RSS grow with the archive.
//! This policy keeps the log levels (small segments merge with small ones, so a weekly run's few
//! new statements are not rewritten with the whole index) but never merges more than `max_docs`
//! statements at once, and leaves alone any segment already over half of that.

use tantivy::index::SegmentMeta;
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

#[derive(Debug)]
pub(crate) struct BoundedMerges {
    levels: LogMergePolicy,
    max_docs: u32,
}

impl BoundedMerges {
    pub(crate) fn new(max_docs: u32) -> BoundedMerges {
        let mut levels = LogMergePolicy::default();
        levels.set_max_docs_before_merge((max_docs / 2) as usize);
        BoundedMerges { levels, max_docs }
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs = |id| {
            segments
                .iter()
                .find(|s| s.id() == id)
                .map_or(0, |s| s.num_docs())
        };
        let mut out = Vec::new();
        for MergeCandidate(mut ids) in self.levels.compute_merge_candidates(segments) {
            ids.sort_by_key(|&id| docs(id));
            let mut group = Vec::new();
            let mut total = 0u32;
            for id in ids {
                let n = docs(id);
                if !group.is_empty() && total.saturating_add(n) > self.max_docs {
                    if group.len() >= 2 {
                        out.push(MergeCandidate(std::mem::take(&mut group)));
                    }
                    group.clear();
                    total = 0;
                }
                group.push(id);
                total = total.saturating_add(n);
            }
            if group.len() >= 2 {
                out.push(MergeCandidate(group));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;

    fn seg(docs: u32) -> SegmentMeta {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        index.new_segment_meta(SegmentId::generate_random(), docs)
    }

    fn sizes(policy: &BoundedMerges, segs: &[SegmentMeta]) -> Vec<u32> {
        let mut out: Vec<u32> = policy
            .compute_merge_candidates(segs)
            .iter()
            .map(|MergeCandidate(ids)| {
                ids.iter()
                    .map(|id| segs.iter().find(|s| s.id() == *id).unwrap().num_docs())
                    .sum()
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_level_is_merged_in_pieces_no_larger_than_the_bound() {
        let policy = BoundedMerges::new(100_000);
        let segs: Vec<SegmentMeta> = (0..16).map(|_| seg(20_000)).collect();
        // Sixteen segments of one level: LogMergePolicy alone merges all 320,000 at once.
        assert_eq!(sizes(&policy, &segs), vec![100_000, 100_000, 100_000]);
    }

    #[test]
    fn segments_over_half_the_bound_stay_as_they_are() {
        let policy = BoundedMerges::new(100_000);
        let segs: Vec<SegmentMeta> = (0..8).map(|_| seg(60_000)).collect();
        assert!(policy.compute_merge_candidates(&segs).is_empty());
    }

    #[test]
    fn small_segments_still_merge() {
        let policy = BoundedMerges::new(100_000);
        let segs: Vec<SegmentMeta> = (0..8).map(|_| seg(300)).collect();
        assert_eq!(sizes(&policy, &segs), vec![2_400]);
    }
}
