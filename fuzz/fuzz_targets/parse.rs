//! Every input format's reader on any bytes (the first byte picks the format): no panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use whosaid::parse::{FieldMap, parse_bytes};
use whosaid::walk::Format;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let (format, name) = match pick % 3 {
        0 => (Format::Text, "f.md"),
        1 => (Format::Json, "f.json"),
        _ => (Format::JsonLines, "f.jsonl"),
    };
    let _ = parse_bytes(rest.to_vec(), Path::new(name), format, name, &FieldMap::default());
});
