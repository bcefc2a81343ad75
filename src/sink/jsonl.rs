//! JSON Lines sink: one document object per line, exactly as `vigie
//! extract` prints it (SPEC "Document object").

use std::io::Write;
use std::path::Path;

use super::{OutputFile, Sink, SinkError};
use crate::model::Document;

/// Writes one JSON document per line to a file (or `-` for stdout).
pub struct JsonlSink {
    out: OutputFile,
}

impl JsonlSink {
    /// A sink writing to `path` (`-` = standard output).
    pub fn new(path: &Path) -> JsonlSink {
        JsonlSink { out: OutputFile::new(path) }
    }

    fn err(&self, e: impl std::fmt::Display) -> SinkError {
        SinkError::new(self.describe(), e)
    }
}

impl Sink for JsonlSink {
    fn describe(&self) -> String {
        format!("jsonl {}", self.out.path().display())
    }

    fn begin(&mut self) -> Result<(), SinkError> {
        self.out.open().map_err(|e| self.err(format!("cannot create: {e}")))
    }

    fn document(&mut self, doc: &Document) -> Result<(), SinkError> {
        let line = serde_json::to_string(doc).map_err(|e| self.err(e))?;
        let desc = self.describe();
        let w = self.out.writer().map_err(|e| SinkError::new(&desc, e))?;
        w.write_all(line.as_bytes())
            .and_then(|_| w.write_all(b"\n"))
            .map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))
    }

    fn abort(&mut self) {
        self.out.abort();
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.close().map_err(|e| self.err(format!("cannot write: {e}")))
    }
}
