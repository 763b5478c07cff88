//! Every input format's reader on any bytes (the first byte picks the format; gzip content is
//! recognised whatever the format): no panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use whosaid::parse::{FieldMap, parse_bytes};
use whosaid::walk::Format;

const FORMATS: &[(Format, &str)] = &[
    (Format::Text, "f.md"),
    (Format::Json, "f.json"),
    (Format::JsonLines, "f.jsonl"),
    (Format::Csv, "f.csv"),
    (Format::Tsv, "f.tsv"),
    (Format::Sniff, "f.xml"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let (format, name) = FORMATS[pick as usize % FORMATS.len()];
    let _ = parse_bytes(rest.to_vec(), Path::new(name), format, name, &FieldMap::default());
});
