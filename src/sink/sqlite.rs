//! SQLite sink: the embedded database (rusqlite, SQLite bundled).
//!
//! The schema ([`super::table`], documented in the README) is created on
//! first use and versioned in `vigie_meta` (`schema_version`); a database
//! written by a newer schema is refused rather than corrupted. Writes go in
//! large transactions (one every `commit_every` documents) in WAL mode with
//! `synchronous=NORMAL`: a crash loses at most the open transaction, never a
//! half-written document, because a document and all its rows are always
//! in the same transaction.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params_from_iter, Connection, ToSql};

use super::table::{self, Value};
use super::{document_fingerprint, Sink, SinkError};
use crate::model::Document;

/// Writes documents into a SQLite database file.
pub struct SqliteSink {
    path: PathBuf,
    conn: Option<Connection>,
    commit_every: usize,
    pending: usize,
    /// The documents the database holds, once [`Sink::loaded`] has listed
    /// them: a document not in it has no old rows to delete, which saves
    /// five `DELETE`s per new document. `None`: always delete.
    known: Option<HashSet<String>>,
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(x) => ValueRef::Real(*x),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

impl SqliteSink {
    /// A sink writing to the database at `path` (created when missing),
    /// committing every `commit_every` documents.
    pub fn new(path: &Path, commit_every: usize) -> SqliteSink {
        SqliteSink { path: path.to_path_buf(), conn: None, commit_every: commit_every.max(1), pending: 0, known: None }
    }

    fn err(&self, e: impl std::fmt::Display) -> SinkError {
        SinkError::new(self.describe(), e)
    }

    fn conn(&self) -> Result<&Connection, SinkError> {
        self.conn.as_ref().ok_or_else(|| self.err("database is not open"))
    }

    fn write(&mut self, doc: &Document) -> rusqlite::Result<()> {
        let sha = &doc.document.sha256;
        let is_new = self.known.as_mut().is_some_and(|k| k.insert(sha.clone()));
        let conn = self.conn.as_ref().ok_or(rusqlite::Error::InvalidQuery)?;
        // Replace, not merge: the document's old rows go first.
        for t in table::tables().iter().rev().filter(|_| !is_new) {
            let col = if t.name == "documents" { "sha256" } else { "document_sha256" };
            conn.prepare_cached(&format!("DELETE FROM {} WHERE {col} = ?1", t.name))?.execute([sha])?;
        }
        let rows = table::rows(doc, &document_fingerprint(doc));
        for (t, rows) in table::tables().iter().zip(&rows.tables) {
            if rows.is_empty() {
                continue;
            }
            let mut stmt = conn.prepare_cached(&table::upsert_sql(t, 1, |i| format!("?{i}")))?;
            for r in rows {
                stmt.execute(params_from_iter(r.iter()))?;
            }
        }
        Ok(())
    }
}

/// Opens (or creates) a vigie SQLite database and checks its schema version.
pub fn open(path: &Path) -> Result<Connection, String> {
    let conn = Connection::open(path).map_err(|e| format!("cannot open: {e}"))?;
    conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(|e| e.to_string())?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(|e| format!("cannot use WAL: {e}"))?;
    // Checkpoints (the WAL copied into the database, with an fsync) are what a
    // commit costs in WAL mode: let the WAL grow to ~64 MB between them.
    conn.query_row("PRAGMA wal_autocheckpoint = 16384", [], |_| Ok(())).map_err(|e| e.to_string())?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| e.to_string())?;
    let version: Option<String> =
        conn.query_row("SELECT value FROM vigie_meta WHERE key = 'schema_version'", [], |r| r.get(0)).ok();
    match version.as_deref().map(str::parse::<i64>) {
        Some(Ok(v)) if v > table::SCHEMA_VERSION => {
            return Err(format!("database schema version {v} is newer than this vigie's ({})", table::SCHEMA_VERSION))
        }
        Some(Ok(_)) | None => {}
        Some(Err(_)) => return Err("vigie_meta.schema_version is not a number".into()),
    }
    let mut ddl = String::from("BEGIN;\n");
    for stmt in table::ddl(["TEXT", "INTEGER", "REAL"]) {
        ddl.push_str(&stmt);
        ddl.push_str(";\n");
    }
    ddl.push_str(&format!(
        "INSERT INTO vigie_meta (key, value) VALUES ('schema_version', '{}') ON CONFLICT (key) DO NOTHING;\nCOMMIT;",
        table::SCHEMA_VERSION
    ));
    conn.execute_batch(&ddl).map_err(|e| format!("cannot create the schema: {e}"))?;
    Ok(conn)
}

impl Sink for SqliteSink {
    fn describe(&self) -> String {
        format!("sqlite {}", self.path.display())
    }

    fn begin(&mut self) -> Result<(), SinkError> {
        let conn = open(&self.path).map_err(|e| self.err(e))?;
        conn.execute_batch("BEGIN").map_err(|e| self.err(e))?;
        self.conn = Some(conn);
        Ok(())
    }

    fn loaded(&mut self) -> Result<Option<HashMap<String, String>>, SinkError> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare("SELECT sha256, fingerprint FROM documents").map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))
            .map_err(|e| self.err(e))?;
        let map: HashMap<String, String> = rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))?;
        drop(stmt);
        self.known = Some(map.keys().cloned().collect());
        Ok(Some(map))
    }

    fn document(&mut self, doc: &Document) -> Result<(), SinkError> {
        self.write(doc).map_err(|e| self.err(format!("{}: {e}", doc.document.source)))?;
        self.pending += 1;
        if self.pending >= self.commit_every {
            self.conn()?.execute_batch("COMMIT; BEGIN").map_err(|e| self.err(format!("cannot commit: {e}")))?;
            self.pending = 0;
        }
        Ok(())
    }

    fn abort(&mut self) {
        // Dropping the connection rolls the open transaction back.
        self.conn = None;
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        if let Some(conn) = self.conn.take() {
            conn.execute_batch("COMMIT").map_err(|e| self.err(format!("cannot commit: {e}")))?;
            // Fold the WAL back into the database file so it is one self-contained file.
            let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            conn.close().map_err(|(_, e)| self.err(e))?;
        }
        Ok(())
    }
}
