//! RSS, Atom and RDF feeds on any bytes: no panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use whosaid::parse::{FieldMap, parse_bytes};
use whosaid::walk::Format;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes(data.to_vec(), Path::new("f.rss"), Format::Feed, "f.rss", &FieldMap::default());
});
