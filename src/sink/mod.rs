//! Sinks: where finished documents go (JSON Lines, CSV, GeoJSON, SQLite,
//! PostgreSQL).
//!
//! A [`Sink`] is pushed documents one at a time, in input order, between one
//! [`Sink::begin`] and one [`Sink::finish`] (the ripgrep `Sink` idea): the
//! batch driver does not know what a sink writes, so any number of sinks can
//! be combined in one run and a new format is one new module.
//!
//! Terms:
//! - a *file sink* (JSONL, CSV, GeoJSON) rewrites its output on every run; it
//!   writes to `NAME.partial` and renames it over `NAME` at
//!   [`Sink::finish`], so an interrupted run never leaves a truncated file
//!   that looks complete.
//! - a *database sink* (SQLite, PostgreSQL) keeps documents across runs,
//!   keyed on the document's sha256. It reports what it already holds with
//!   [`Sink::loaded`]: for each sha256, the [`fingerprint`] of the metadata
//!   and extractor version it was loaded with. The batch driver uses that to
//!   skip documents already loaded unchanged, and never sends a database sink
//!   the same sha256 twice in one run (the first occurrence wins), so a
//!   resumed run ends with exactly the rows of a clean one.
//! - writing a document to a database *replaces* it: its old event, actor,
//!   casualty and mention rows are deleted and the new ones inserted in the
//!   same transaction, and every row has a deterministic key (event id,
//!   `(event_id, ordinal)`, `(document_sha256, ordinal)`), so loading the
//!   same input twice changes nothing.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::Document;

pub mod csv;
pub mod geojson;
pub mod jsonl;
pub mod postgres;
pub mod sqlite;
pub(crate) mod table;

/// A destination for finished documents.
///
/// Calls come in this order: [`begin`](Sink::begin), then
/// [`loaded`](Sink::loaded) at most once, then [`document`](Sink::document)
/// for each document in input order, then [`finish`](Sink::finish). A sink
/// that returns an error is not called again.
pub trait Sink: Send {
    /// A short description for messages: `sqlite events.db`.
    fn describe(&self) -> String;

    /// Opens the output (creates files, connects, creates the schema).
    fn begin(&mut self) -> Result<(), SinkError>;

    /// Writes one document.
    fn document(&mut self, doc: &Document) -> Result<(), SinkError>;

    /// Flushes and closes the output; after it the output is complete.
    fn finish(&mut self) -> Result<(), SinkError>;

    /// Gives up after an error elsewhere: a file sink removes its
    /// `.partial` file (a previous complete output stays as it was), a
    /// database sink drops its open transaction and buffer.
    fn abort(&mut self) {}

    /// For database sinks: the documents already stored, sha256 →
    /// [`fingerprint`]. `None` for sinks rewritten on every run (they must be
    /// sent every document).
    fn loaded(&mut self) -> Result<Option<HashMap<String, String>>, SinkError> {
        Ok(None)
    }
}

/// A sink failure: which sink, and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct SinkError {
    /// The sink, as [`Sink::describe`] gives it.
    pub sink: String,
    /// What went wrong, short and lowercase.
    pub message: String,
}

impl SinkError {
    /// A new error for `sink`.
    pub fn new(sink: impl Into<String>, message: impl fmt::Display) -> SinkError {
        SinkError { sink: sink.into(), message: message.to_string() }
    }
}

impl fmt::Display for SinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.sink, self.message)
    }
}

impl std::error::Error for SinkError {}

/// What a database remembers about how a document was loaded: a hash of the
/// extractor version and the metadata that changes the extraction
/// (`published`) or the stored row (`url`, `title`). The same bytes loaded
/// with another publication date, or by another vigie version, are loaded
/// again.
pub fn fingerprint(published: Option<&str>, url: Option<&str>, title: Option<&str>) -> String {
    let mut h = Sha256::new();
    // Fields are length-prefixed so that no two different tuples hash alike.
    for part in [Some(env!("CARGO_PKG_VERSION")), Some(crate::model::SCHEMA), published, url, title] {
        match part {
            Some(p) => {
                h.update((p.len() as u64).to_le_bytes());
                h.update(p.as_bytes());
            }
            None => h.update(u64::MAX.to_le_bytes()),
        }
    }
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The [`fingerprint`] of a finished document.
pub fn document_fingerprint(doc: &Document) -> String {
    let d = &doc.document;
    fingerprint(d.published.as_deref(), d.url.as_deref(), d.title.as_deref())
}

/// An output file written as `NAME.partial` and renamed over `NAME` when
/// complete, or standard output for `-`.
pub(crate) struct OutputFile {
    target: PathBuf,
    partial: Option<PathBuf>,
    writer: Option<BufWriter<Box<dyn Write + Send>>>,
}

impl OutputFile {
    /// Names the output; nothing is opened yet.
    pub(crate) fn new(path: &Path) -> OutputFile {
        OutputFile { target: path.to_path_buf(), partial: None, writer: None }
    }

    /// The path as given.
    pub(crate) fn path(&self) -> &Path {
        &self.target
    }

    /// Opens the output for writing.
    pub(crate) fn open(&mut self) -> std::io::Result<()> {
        let out: Box<dyn Write + Send> = if self.target.as_os_str() == "-" {
            Box::new(std::io::stdout())
        } else if fs::metadata(&self.target).map(|m| !m.is_file()).unwrap_or(false) {
            // A device or a pipe (/dev/stdout, a FIFO): cannot be renamed over, write through.
            Box::new(fs::OpenOptions::new().write(true).open(&self.target)?)
        } else {
            let mut partial = self.target.clone().into_os_string();
            partial.push(".partial");
            let partial = PathBuf::from(partial);
            let f = File::create(&partial)?;
            self.partial = Some(partial);
            Box::new(f)
        };
        self.writer = Some(BufWriter::with_capacity(1 << 20, out));
        Ok(())
    }

    /// The open writer.
    pub(crate) fn writer(&mut self) -> std::io::Result<&mut BufWriter<Box<dyn Write + Send>>> {
        self.writer.as_mut().ok_or_else(|| std::io::Error::other("output is not open"))
    }

    /// Drops what was written (the `.partial` file), leaving the target as it was.
    pub(crate) fn abort(&mut self) {
        self.writer = None;
        if let Some(partial) = self.partial.take() {
            let _ = fs::remove_file(partial);
        }
    }

    /// Flushes, closes and puts the file in place.
    pub(crate) fn close(&mut self) -> std::io::Result<()> {
        if let Some(mut w) = self.writer.take() {
            w.flush()?;
            let inner = w.into_inner().map_err(|e| e.into_error())?;
            drop(inner);
        }
        if let Some(partial) = self.partial.take() {
            fs::rename(&partial, &self.target)?;
        }
        Ok(())
    }
}
