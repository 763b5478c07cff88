//! whosaid: full-text search over who said what in a news archive.
//!
//! The library is the pipeline, one module a stage:
//! [`walk`] (files) → [`parse`] ([`Article`]) → [`extract`] ([`Statement`]) → [`index`]
//! (tantivy) → [`search`] (hits, speaker groups) and [`saved`] queries, and [`serve`] puts the search behind HTTP. It knows nothing of the
//! terminal: progress reaches the caller through a callback, and printing is the binary's job.

pub mod error;
pub mod extract;
pub mod index;
pub mod model;
pub mod parse;
pub mod saved;
pub mod search;
pub mod serve;
pub mod walk;

pub use error::{Error, Result};
pub use extract::Extractor;
pub use model::{Article, Kind, Statement};
