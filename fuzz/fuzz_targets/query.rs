//! The query layer on any string: date translation, the Tantivy query parser over the statement
//! schema and a search of an empty in-memory index. Results or a clean error, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::index::StatementIndex;
use whosaid::search::{self, Request};

fn index() -> &'static StatementIndex {
    static IDX: OnceLock<StatementIndex> = OnceLock::new();
    IDX.get_or_init(|| StatementIndex::create_in_ram().expect("in-memory index"))
}

fuzz_target!(|data: &[u8]| {
    let q = String::from_utf8_lossy(data).into_owned();
    let _ = search::query::translate_dates(&q);
    let req = Request { query: q, limit: 5, ..Request::default() };
    let _ = search::search(index(), &req);
});
