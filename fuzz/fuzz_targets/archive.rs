//! WARC and ARC web archives on any bytes (the first byte picks which): no panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use whosaid::parse::{FieldMap, parse_bytes};
use whosaid::walk::Format;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let (format, name) = if pick % 2 == 0 { (Format::Warc, "f.warc") } else { (Format::Arc, "f.arc") };
    let _ = parse_bytes(rest.to_vec(), Path::new(name), format, name, &FieldMap::default());
});
