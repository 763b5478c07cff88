//! The statement extractor on any text: no panic, spans inside the body on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{Article, Extractor};

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let a = Article { path: "f.txt".into(), source_key: "f.txt".into(), body, ..Article::default() };
    for s in Extractor::default().extract(&a) {
        for &[x, y] in &s.quote_spans {
            assert!(x <= y && y <= a.body.len());
            assert!(a.body.is_char_boundary(x) && a.body.is_char_boundary(y));
        }
    }
});
