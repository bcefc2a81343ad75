//! The database schema, shared by the SQLite and PostgreSQL sinks, and the
//! rows of one document.
//!
//! Five tables (README "Batch and databases"): `documents` (key `sha256`),
//! `events` (key `id`), `event_actors` and `casualties` (key `(event_id,
//! ordinal)`), `mentions` (key `(document_sha256, ordinal)`). Every child
//! table also carries `document_sha256`, so replacing a document is one
//! `DELETE … WHERE document_sha256 = ?` per table. Every span is five
//! columns `P_start, P_end, P_byte_start, P_byte_end, P_text` (code points,
//! UTF-8 bytes, the original characters), so a number in the database leads
//! back to the sentence it came from.

use std::sync::OnceLock;

use crate::model::{Document, Mention};
use crate::span::Span;

/// Version of the schema below, stored in the database (`vigie_meta`).
/// Bump it, with a migration note in the README, when a table changes.
pub const SCHEMA_VERSION: i64 = 1;

/// A column type, mapped to each database's own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColType {
    /// Text.
    Text,
    /// 64-bit integer.
    Int,
    /// Double-precision float.
    Real,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A float.
    Real(f64),
    /// Text.
    Text(String),
}

/// A table: name, key columns, columns.
#[derive(Debug)]
pub(crate) struct Table {
    /// Table name.
    pub name: &'static str,
    /// Primary key columns.
    pub key: &'static [&'static str],
    /// Columns with their types, in row order.
    pub columns: Vec<(String, ColType)>,
    /// Extra indexed columns.
    pub indexes: &'static [&'static str],
}

/// Position of each table in [`tables`] and [`Rows::tables`].
pub(crate) const DOCUMENTS: usize = 0;
pub(crate) const EVENTS: usize = 1;
pub(crate) const EVENT_ACTORS: usize = 2;
pub(crate) const CASUALTIES: usize = 3;
pub(crate) const MENTIONS: usize = 4;

fn cols(spec: &[(&str, ColType)]) -> Vec<(String, ColType)> {
    spec.iter().map(|(n, t)| (n.to_string(), *t)).collect()
}

fn span_cols(out: &mut Vec<(String, ColType)>, prefix: &str) {
    use ColType::*;
    for (suffix, t) in [("start", Int), ("end", Int), ("byte_start", Int), ("byte_end", Int), ("text", Text)] {
        let name = if prefix.is_empty() { format!("span_{suffix}") } else { format!("{prefix}_span_{suffix}") };
        out.push((name, t));
    }
}

/// The schema: every table in creation order.
pub(crate) fn tables() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(|| {
        use ColType::*;
        let documents = cols(&[
            ("sha256", Text),
            ("id", Text),
            ("source", Text),
            ("encoding", Text),
            ("published", Text),
            ("chars", Int),
            ("url", Text),
            ("title", Text),
            ("schema", Text),
            ("fingerprint", Text),
            ("event_count", Int),
            ("mention_count", Int),
            ("warnings", Text),
        ]);
        let mut events = cols(&[
            ("id", Text),
            ("document_sha256", Text),
            ("ordinal", Int),
            ("event_type", Text),
            ("certainty", Text),
            ("confidence", Real),
            ("trigger_lemma", Text),
        ]);
        span_cols(&mut events, "trigger");
        events.extend(cols(&[("date_value", Text), ("date_end", Text), ("date_precision", Text)]));
        span_cols(&mut events, "date");
        events.extend(cols(&[
            ("location_name", Text),
            ("location_id", Text),
            ("location_country", Text),
            ("location_admin1", Text),
            ("location_admin2", Text),
            ("location_lat", Real),
            ("location_lon", Real),
            ("location_precision", Text),
        ]));
        span_cols(&mut events, "location");
        events.push(("attribution_source".into(), Text));
        span_cols(&mut events, "attribution");
        span_cols(&mut events, "evidence");
        let mut actors = cols(&[
            ("event_id", Text),
            ("ordinal", Int),
            ("document_sha256", Text),
            ("role", Text),
            ("name", Text),
            ("actor_id", Text),
        ]);
        span_cols(&mut actors, "");
        let mut casualties = cols(&[
            ("event_id", Text),
            ("ordinal", Int),
            ("document_sha256", Text),
            ("casualty_type", Text),
            ("low", Int),
            ("best", Int),
            ("high", Int),
            ("qualifier", Text),
            ("victims", Text),
        ]);
        span_cols(&mut casualties, "");
        casualties.push(("alternatives".into(), Text));
        let mut mentions = cols(&[
            ("document_sha256", Text),
            ("ordinal", Int),
            ("kind", Text),
            ("name", Text),
            ("ref_id", Text),
            ("value", Text),
        ]);
        span_cols(&mut mentions, "");
        mentions.push(("data".into(), Text));
        vec![
            Table { name: "documents", key: &["sha256"], columns: documents, indexes: &[] },
            Table { name: "events", key: &["id"], columns: events, indexes: &["document_sha256"] },
            Table {
                name: "event_actors",
                key: &["event_id", "ordinal"],
                columns: actors,
                indexes: &["document_sha256"],
            },
            Table {
                name: "casualties",
                key: &["event_id", "ordinal"],
                columns: casualties,
                indexes: &["document_sha256"],
            },
            Table { name: "mentions", key: &["document_sha256", "ordinal"], columns: mentions, indexes: &[] },
        ]
    })
}

/// The `CREATE TABLE` / `CREATE INDEX` statements, with the database's
/// type names (`[text, int, real]`).
pub(crate) fn ddl(types: [&str; 3]) -> Vec<String> {
    let mut out = vec!["CREATE TABLE IF NOT EXISTS vigie_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)".to_string()];
    for t in tables() {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|(n, ty)| {
                let name = match ty {
                    ColType::Text => types[0],
                    ColType::Int => types[1],
                    ColType::Real => types[2],
                };
                let not_null = if t.key.contains(&n.as_str()) { " NOT NULL" } else { "" };
                format!("{n} {name}{not_null}")
            })
            .collect();
        out.push(format!(
            "CREATE TABLE IF NOT EXISTS {} ({}, PRIMARY KEY ({}))",
            t.name,
            cols.join(", "),
            t.key.join(", ")
        ));
        for ix in t.indexes {
            out.push(format!("CREATE INDEX IF NOT EXISTS {0}_{1} ON {0} ({1})", t.name, ix));
        }
    }
    out
}

/// `INSERT … ON CONFLICT (key) DO UPDATE` for `rows` rows of a table, with
/// placeholders made by `ph(n)` (1-based). Both SQLite and PostgreSQL accept it.
pub(crate) fn upsert_sql(t: &Table, rows: usize, ph: impl Fn(usize) -> String) -> String {
    let names: Vec<&str> = t.columns.iter().map(|(n, _)| n.as_str()).collect();
    let n = names.len();
    let values: Vec<String> =
        (0..rows).map(|r| format!("({})", (1..=n).map(|i| ph(r * n + i)).collect::<Vec<_>>().join(", "))).collect();
    let updates: Vec<String> =
        names.iter().filter(|c| !t.key.contains(c)).map(|c| format!("{c} = excluded.{c}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
        t.name,
        names.join(", "),
        values.join(", "),
        t.key.join(", "),
        updates.join(", ")
    )
}

/// The rows of one document, per table (indexed like [`tables`]).
#[derive(Debug, Default)]
pub(crate) struct Rows {
    /// `tables[i]` holds the rows of `tables()[i]`.
    pub tables: [Vec<Vec<Value>>; 5],
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map(text).unwrap_or(Value::Null)
}

fn int(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn opt_u64(n: Option<u64>) -> Value {
    n.map(|n| Value::Int(i64::try_from(n).unwrap_or(i64::MAX))).unwrap_or(Value::Null)
}

fn opt_real(x: Option<f64>) -> Value {
    match x {
        Some(x) if x.is_finite() => Value::Real(x),
        _ => Value::Null,
    }
}

fn span_vals(out: &mut Vec<Value>, s: Option<&Span>) {
    match s {
        Some(s) => out.extend([int(s.start), int(s.end), int(s.byte_start), int(s.byte_end), text(&s.text)]),
        None => out.extend(std::iter::repeat_n(Value::Null, 5)),
    }
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    Value::Text(serde_json::to_string(v).unwrap_or_else(|_| "null".into()))
}

fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The rows of one document (with its [`fingerprint`](super::fingerprint)).
pub(crate) fn rows(doc: &Document, fingerprint: &str) -> Rows {
    let d = &doc.document;
    let sha = &d.sha256;
    let mut rows = Rows::default();
    rows.tables[DOCUMENTS].push(vec![
        text(sha),
        text(&d.id),
        text(&d.source),
        text(&d.encoding),
        opt_text(d.published.as_deref()),
        int(d.chars),
        opt_text(d.url.as_deref()),
        opt_text(d.title.as_deref()),
        text(&doc.schema),
        text(fingerprint),
        int(doc.events.len()),
        int(doc.mentions.len()),
        json(&doc.warnings),
    ]);
    for (i, e) in doc.events.iter().enumerate() {
        let mut r = vec![
            text(&e.id),
            text(sha),
            int(i),
            text(&e.kind),
            text(&e.certainty),
            opt_real(Some(e.confidence)),
            opt_text(e.trigger.as_ref().map(|t| t.lemma.as_str())),
        ];
        span_vals(&mut r, e.trigger.as_ref().map(|t| &t.span));
        let date = e.date.as_ref();
        r.extend([
            opt_text(date.map(|d| d.value.as_str())),
            opt_text(date.and_then(|d| d.end.as_deref())),
            opt_text(date.map(|d| d.precision.as_str())),
        ]);
        span_vals(&mut r, date.map(|d| &d.span));
        let loc = e.location.as_ref();
        r.extend([
            opt_text(loc.map(|l| l.name.as_str())),
            opt_text(loc.map(|l| l.id.as_str())),
            opt_text(loc.map(|l| l.country.as_str())),
            opt_text(loc.and_then(|l| l.admin1.as_deref())),
            opt_text(loc.and_then(|l| l.admin2.as_deref())),
            opt_real(loc.and_then(|l| l.lat)),
            opt_real(loc.and_then(|l| l.lon)),
            opt_text(loc.map(|l| l.precision.as_str())),
        ]);
        span_vals(&mut r, loc.map(|l| &l.span));
        r.push(opt_text(e.attribution.as_ref().map(|a| a.source.as_str())));
        span_vals(&mut r, e.attribution.as_ref().map(|a| &a.span));
        span_vals(&mut r, Some(&e.evidence));
        rows.tables[EVENTS].push(r);
        for (j, a) in e.actors.iter().enumerate() {
            let mut r = vec![text(&e.id), int(j), text(sha), text(&a.role), text(&a.name), opt_text(a.id.as_deref())];
            span_vals(&mut r, Some(&a.span));
            rows.tables[EVENT_ACTORS].push(r);
        }
        for (j, c) in e.casualties.iter().enumerate() {
            let mut r = vec![
                text(&e.id),
                int(j),
                text(sha),
                text(&c.kind),
                opt_u64(c.low),
                opt_u64(c.best),
                opt_u64(c.high),
                text(&c.qualifier),
                text(&c.victims),
            ];
            span_vals(&mut r, Some(&c.span));
            r.push(json(&c.alternatives));
            rows.tables[CASUALTIES].push(r);
        }
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        let (name, ref_id, value): (Option<&str>, Option<&str>, Option<String>) = match m {
            Mention::Place(p) => (Some(&p.name), Some(&p.id), None),
            Mention::Actor(a) => (Some(&a.name), Some(&a.id), None),
            Mention::Person(p) => (Some(&p.name), Some(&p.id), None),
            Mention::Date(d) => (None, None, d.value.clone()),
            Mention::Number(n) => (None, None, n.value.or(n.low).map(number_text)),
            Mention::Casualty(c) => (Some(c.kind.as_str()), None, c.best.or(c.low).map(|v| v.to_string())),
            Mention::Trigger(t) => (Some(t.lemma.as_str()), None, Some(t.event_type.clone())),
        };
        let mut r =
            vec![text(sha), int(i), text(m.kind()), opt_text(name), opt_text(ref_id), opt_text(value.as_deref())];
        span_vals(&mut r, Some(m.span()));
        r.push(json(m));
        rows.tables[MENTIONS].push(r);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_its_keys_and_unique_columns() {
        for t in tables() {
            let names: Vec<&str> = t.columns.iter().map(|(n, _)| n.as_str()).collect();
            for k in t.key.iter().chain(t.indexes) {
                assert!(names.contains(k), "{}: {k}", t.name);
            }
            let mut sorted = names.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len(), "{}: duplicate column", t.name);
        }
    }

    #[test]
    fn upsert_sql_numbers_placeholders_across_rows() {
        let t = &tables()[DOCUMENTS];
        let sql = upsert_sql(t, 2, |i| format!("${i}"));
        assert!(sql.contains("($1, $2,"));
        assert!(sql.contains(&format!("${}", 2 * t.columns.len())));
        assert!(sql.contains("ON CONFLICT (sha256) DO UPDATE SET id = excluded.id"));
    }
}
