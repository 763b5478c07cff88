//! Trains the learned cue detector (`src/extract/learned.rs`) on a PolNeAR split and writes its
//! weights (see `src/extract/training.rs`):
//!
//! ```text
//! cargo run --release --example train_cues -- ../shared/gold/polnear/train [OUT]
//! ```
//!
//! OUT defaults to `src/extract/data/cue_weights.txt`; rebuild the binary afterwards.

use std::path::PathBuf;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(split) = args.first().map(PathBuf::from) else {
        return Err("usage: train_cues POLNEAR_SPLIT [OUT]".into());
    };
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("src/extract/data/cue_weights.txt"));
    let text = whosaid::extract::train_cue_model(&split)?;
    std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("train_cues: wrote {}", out.display());
    Ok(())
}
