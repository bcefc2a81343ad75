//! # vigie
//!
//! vigie reads French news articles and writes the conflict events they
//! report — what happened, when, where, who did it to whom, how many were
//! killed, injured or kidnapped — as JSON in which every value points at the
//! exact characters of the original text it came from.
//!
//! ## The pipeline
//!
//! Data flows one way, one module per stage:
//!
//! 1. [`decode`]: raw bytes → Unicode text (UTF-8, UTF-16, Windows-1252…).
//! 2. [`normalize`]: the text's *fold view* (NFC, unified punctuation and
//!    spaces, lowercase, no accents) with an offset map back to the original.
//!    Its module doc is the design note on spans.
//! 3. [`segment`]: paragraphs and sentences.
//! 4. extractors (dates, numbers, casualties, gazetteers) match on the fold
//!    view and emit mentions whose spans go through the offset map.
//! 5. assembly turns mentions into events.
//! 6. sinks write JSON Lines (and databases, CSV, GeoJSON).
//!
//! ```
//! use vigie::input::Article;
//! use vigie::pipeline::Extractor;
//!
//! let article = Article {
//!     id: "exemple".into(),
//!     source: "exemple.txt".into(),
//!     bytes: "Le camp de Dioura a été attaqué dimanche.".as_bytes().to_vec(),
//!     published: vigie::input::parse_date("2019-03-18"),
//!     url: None,
//!     title: None,
//!     notes: vec![],
//! };
//! let doc = Extractor::new().extract(&article).unwrap();
//! assert_eq!(doc.document.encoding, "utf-8");
//! for m in &doc.mentions {
//!     // Every span slices the original text.
//!     let original = std::str::from_utf8(&article.bytes).unwrap();
//!     assert_eq!(&original[m.span().byte_start..m.span().byte_end], m.span().text);
//! }
//! ```

pub mod assemble;
pub mod batch;
pub mod decode;
pub mod eval;
pub mod gazetteer;
pub mod input;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod segment;
pub mod sink;
pub mod span;
