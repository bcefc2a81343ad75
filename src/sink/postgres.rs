//! PostgreSQL sink: the same schema as SQLite ([`super::table`]), for teams
//! that share one database.
//!
//! Documents are buffered and written `commit_every` at a time in one
//! transaction: the buffered documents' old rows are deleted with one
//! `DELETE … WHERE document_sha256 = ANY($1)` per table, then the new rows
//! go in as multi-row `INSERT … ON CONFLICT DO UPDATE` statements (a few
//! hundred rows each, under PostgreSQL's 65,535-parameter limit). Schema
//! creation takes a transaction-scoped advisory lock, so two loaders
//! starting together on an empty database do not race.
//!
//! The URL is anything the `postgres` crate accepts:
//! `postgresql://user:pass@host:5432/db` or `host=/run/postgresql user=me dbname=events`.

use std::collections::{HashMap, HashSet};

use postgres::types::ToSql;
use postgres::{Client, NoTls};

use super::table::{self, ColType, Value};
use super::{document_fingerprint, Sink, SinkError};
use crate::model::Document;

/// Rows per INSERT statement, at most (and under 65,535 parameters).
const ROWS_PER_STATEMENT: usize = 500;

/// Writes documents into a PostgreSQL database.
pub struct PostgresSink {
    url: String,
    client: Option<Client>,
    commit_every: usize,
    /// Buffered documents: sha256s and their rows, per table.
    shas: Vec<String>,
    rows: [Vec<Vec<Value>>; 5],
    /// The documents the database holds, once [`Sink::loaded`] has listed
    /// them (see the SQLite sink): only those need their old rows deleted.
    /// `None`: always delete.
    known: Option<HashSet<String>>,
    /// Buffered documents that may have old rows.
    replace: Vec<String>,
}

impl PostgresSink {
    /// A sink writing to the database at `url`, committing every
    /// `commit_every` documents.
    pub fn new(url: &str, commit_every: usize) -> PostgresSink {
        PostgresSink {
            url: url.to_string(),
            client: None,
            commit_every: commit_every.max(1),
            shas: vec![],
            rows: Default::default(),
            known: None,
            replace: vec![],
        }
    }

    fn err(&self, e: impl std::fmt::Display) -> SinkError {
        SinkError::new(self.describe(), e)
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        if self.shas.is_empty() {
            return Ok(());
        }
        let desc = self.describe();
        let client = self.client.as_mut().ok_or_else(|| SinkError::new(&desc, "not connected"))?;
        self.shas.clear();
        let replace = std::mem::take(&mut self.replace);
        let rows = std::mem::take(&mut self.rows);
        write_batch(client, &replace, rows).map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))
    }
}

/// A value as a typed PostgreSQL parameter of a column of type `ty`.
fn param(v: Value, ty: ColType) -> Box<dyn ToSql + Sync> {
    match (v, ty) {
        (Value::Int(i), ColType::Int) => Box::new(Some(i)),
        (Value::Real(x), ColType::Real) => Box::new(Some(x)),
        (Value::Int(i), ColType::Real) => Box::new(Some(i as f64)),
        (Value::Text(s), ColType::Text) => Box::new(Some(s)),
        (Value::Int(i), ColType::Text) => Box::new(Some(i.to_string())),
        (Value::Real(x), ColType::Text) => Box::new(Some(x.to_string())),
        (_, ColType::Int) => Box::new(None::<i64>),
        (_, ColType::Real) => Box::new(None::<f64>),
        (_, ColType::Text) => Box::new(None::<String>),
    }
}

fn write_batch(client: &mut Client, shas: &[String], rows: [Vec<Vec<Value>>; 5]) -> Result<(), postgres::Error> {
    let mut tx = client.transaction()?;
    // `shas`: the buffered documents that may have old rows to replace.
    for t in table::tables().iter().rev().filter(|_| !shas.is_empty()) {
        let col = if t.name == "documents" { "sha256" } else { "document_sha256" };
        tx.execute(&format!("DELETE FROM {} WHERE {col} = ANY($1)", t.name), &[&shas])?;
    }
    for (t, rows) in table::tables().iter().zip(rows) {
        // One row per key, the last one winning, as successive upserts would:
        // a multi-row upsert may not touch the same row twice.
        let key_pos: Vec<usize> = t.key.iter().filter_map(|k| t.columns.iter().position(|(n, _)| n == k)).collect();
        let mut last: HashMap<String, usize> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            last.insert(format!("{:?}", key_pos.iter().map(|&p| &r[p]).collect::<Vec<_>>()), i);
        }
        let mut keep: Vec<usize> = last.into_values().collect();
        keep.sort_unstable();
        let mut rows: Vec<Option<Vec<Value>>> = rows.into_iter().map(Some).collect();
        let rows: Vec<Vec<Value>> = keep.into_iter().filter_map(|i| rows[i].take()).collect();
        let per = ROWS_PER_STATEMENT.min(65_535 / t.columns.len()).max(1);
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<Vec<Value>> = rows.by_ref().take(per).collect();
            let params: Vec<Box<dyn ToSql + Sync>> = chunk
                .into_iter()
                .flat_map(|r| r.into_iter().zip(t.columns.iter().map(|(_, ty)| *ty)).map(|(v, ty)| param(v, ty)))
                .collect();
            let n_rows = params.len() / t.columns.len();
            let sql = table::upsert_sql(t, n_rows, |i| format!("${i}"));
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|b| b.as_ref()).collect();
            tx.execute(&sql, &refs)?;
        }
    }
    tx.commit()
}

impl Sink for PostgresSink {
    fn describe(&self) -> String {
        // Never print a password.
        let shown = match self.url.find("://").and_then(|s| self.url[s..].find('@').map(|a| (s, s + a))) {
            Some((s, at)) => format!("{}://…{}", &self.url[..s], &self.url[at..]),
            None => self.url.split_whitespace().filter(|kv| !kv.starts_with("password=")).collect::<Vec<_>>().join(" "),
        };
        format!("postgres {shown}")
    }

    fn begin(&mut self) -> Result<(), SinkError> {
        let mut client = Client::connect(&self.url, NoTls).map_err(|e| self.err(format!("cannot connect: {e}")))?;
        let mut ddl = String::from("BEGIN;\nSELECT pg_advisory_xact_lock(7632167);\n");
        for stmt in table::ddl(["TEXT", "BIGINT", "DOUBLE PRECISION"]) {
            ddl.push_str(&stmt);
            ddl.push_str(";\n");
        }
        ddl.push_str(&format!(
            "INSERT INTO vigie_meta (key, value) VALUES ('schema_version', '{}') ON CONFLICT (key) DO NOTHING;\nCOMMIT;",
            table::SCHEMA_VERSION
        ));
        client.batch_execute(&ddl).map_err(|e| self.err(format!("cannot create the schema: {e}")))?;
        let row = client
            .query_one("SELECT value FROM vigie_meta WHERE key = 'schema_version'", &[])
            .map_err(|e| self.err(e))?;
        let v: String = row.get(0);
        match v.parse::<i64>() {
            Ok(v) if v <= table::SCHEMA_VERSION => {}
            _ => {
                return Err(self.err(format!(
                    "database schema version {v} is not one this vigie knows ({})",
                    table::SCHEMA_VERSION
                )))
            }
        }
        self.client = Some(client);
        Ok(())
    }

    fn loaded(&mut self) -> Result<Option<HashMap<String, String>>, SinkError> {
        let desc = self.describe();
        let client = self.client.as_mut().ok_or_else(|| SinkError::new(&desc, "not connected"))?;
        let rows =
            client.query("SELECT sha256, fingerprint FROM documents", &[]).map_err(|e| SinkError::new(&desc, e))?;
        Ok(Some(
            rows.iter().map(|r| (r.get::<_, String>(0), r.get::<_, Option<String>>(1).unwrap_or_default())).collect(),
        ))
    }

    fn document(&mut self, doc: &Document) -> Result<(), SinkError> {
        let rows = table::rows(doc, &document_fingerprint(doc));
        for (all, new) in self.rows.iter_mut().zip(rows.tables) {
            all.extend(new);
        }
        let sha = &doc.document.sha256;
        if !self.known.as_mut().is_some_and(|k| k.insert(sha.clone())) {
            self.replace.push(sha.clone());
        }
        self.shas.push(sha.clone());
        if self.shas.len() >= self.commit_every {
            self.flush()?;
        }
        Ok(())
    }

    fn abort(&mut self) {
        self.shas.clear();
        self.replace.clear();
        self.rows = Default::default();
        self.client = None;
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        self.flush()?;
        self.client = None;
        Ok(())
    }
}
