//! CSV sink: one row per event with ACLED-like columns (SPEC "Exports"),
//! so the events drop straight into a spreadsheet.
//!
//! The ACLED columns come first, in SPEC order; vigie's own columns follow
//! (`vigie_event_id`, `vigie_event_type`, certainty, confidence, the
//! document and the evidence span), so every row leads back to its text.
//!
//! Mappings (ACLED's codebook conventions, approximated):
//! - `event_type` / `sub_event_type` from vigie's type: attack → Battles /
//!   Armed clash, or Violence against civilians / Attack when the victims
//!   are civilians; ambush and armed_clash → Battles / Armed clash;
//!   explosion → Explosions/Remote violence / Remote explosive/landmine/IED;
//!   airstrike → Explosions/Remote violence / Air/drone strike; massacre →
//!   Violence against civilians / Attack; kidnapping → Violence against
//!   civilians / Abduction/forced disappearance; protest → Protests /
//!   Peaceful protest; riot → Riots / Violent demonstration; arrest, looting,
//!   agreement, other → Strategic developments / Arrests, Looting/property
//!   destruction, Agreement, Other.
//! - `time_precision`: 1 day (or finer), 2 week, 3 month or coarser.
//! - `geo_precision`: 1 locality or site, 2 second-level division, 3
//!   first-level division, region or country.
//! - `fatalities`: the `best` (else `low`) of the `killed` casualty, 0 when
//!   none is reported.
//! - `event_id_cnty`: the country code and the event id's hash
//!   (`ML-3f9c2a1b7d004e11`).

use std::path::Path;

use super::{OutputFile, Sink, SinkError};
use crate::model::{Document, Event};

/// The header row.
pub const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "notes",
    "source",
    "vigie_event_id",
    "vigie_event_type",
    "certainty",
    "confidence",
    "document_id",
    "document_sha256",
    "evidence_start",
    "evidence_end",
];

/// Writes one CSV row per event.
pub struct CsvSink {
    out: OutputFile,
}

impl CsvSink {
    /// A sink writing to `path` (`-` = standard output).
    pub fn new(path: &Path) -> CsvSink {
        CsvSink { out: OutputFile::new(path) }
    }

    /// Formats records with the csv crate (quoting, escaping) and appends them.
    fn write_records<I: IntoIterator<Item = Vec<String>>>(&mut self, records: I) -> Result<(), SinkError> {
        use std::io::Write;
        let desc = self.describe();
        let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        for r in records {
            w.write_record(&r).map_err(|e| SinkError::new(&desc, e))?;
        }
        let buf = w.into_inner().map_err(|e| SinkError::new(&desc, e.error().to_string()))?;
        let out = self.out.writer().map_err(|e| SinkError::new(&desc, e))?;
        out.write_all(&buf).map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))
    }
}

/// ACLED-like `(event_type, sub_event_type)` of a vigie event.
pub fn acled_type(e: &Event) -> (&'static str, &'static str) {
    let civilian_victims = e.casualties.iter().any(|c| c.victims == "civilian");
    match e.kind.as_str() {
        "attack" if civilian_victims => ("Violence against civilians", "Attack"),
        "attack" | "ambush" | "armed_clash" => ("Battles", "Armed clash"),
        "explosion" => ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        "airstrike" => ("Explosions/Remote violence", "Air/drone strike"),
        "massacre" => ("Violence against civilians", "Attack"),
        "kidnapping" => ("Violence against civilians", "Abduction/forced disappearance"),
        "protest" => ("Protests", "Peaceful protest"),
        "riot" => ("Riots", "Violent demonstration"),
        "arrest" => ("Strategic developments", "Arrests"),
        "looting" => ("Strategic developments", "Looting/property destruction"),
        "agreement" => ("Strategic developments", "Agreement"),
        _ => ("Strategic developments", "Other"),
    }
}

/// Killed count of an event: `best`, else `low`, else 0.
pub fn fatalities(e: &Event) -> u64 {
    e.casualties.iter().filter(|c| c.kind == "killed").map(|c| c.best.or(c.low).unwrap_or(0)).sum()
}

fn time_precision(precision: &str) -> &'static str {
    match precision {
        "day" | "part_of_day" | "time" => "1",
        "week" => "2",
        _ => "3",
    }
}

fn geo_precision(precision: &str) -> &'static str {
    match precision {
        "locality" | "site" => "1",
        "admin2" => "2",
        _ => "3",
    }
}

/// The CSV row of one event.
pub fn row(doc: &Document, e: &Event) -> Vec<String> {
    let (event_type, sub_type) = acled_type(e);
    let names =
        |role: &str| e.actors.iter().filter(|a| a.role == role).map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ");
    let loc = e.location.as_ref();
    let country = loc.map(|l| l.country.as_str()).filter(|c| !c.is_empty()).unwrap_or("XX");
    let hash = e.id.strip_prefix("ev-").unwrap_or(&e.id);
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let notes: String = e.evidence.text.split_whitespace().collect::<Vec<_>>().join(" ");
    vec![
        format!("{country}-{hash}"),
        e.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        e.date.as_ref().map(|d| time_precision(&d.precision).to_string()).unwrap_or_default(),
        event_type.to_string(),
        sub_type.to_string(),
        names("perpetrator"),
        names("target"),
        loc.map(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
        loc.and_then(|l| l.admin2.clone()).unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        opt(loc.and_then(|l| l.lat)),
        opt(loc.and_then(|l| l.lon)),
        loc.map(|l| geo_precision(&l.precision).to_string()).unwrap_or_default(),
        fatalities(e).to_string(),
        notes,
        doc.document.url.clone().unwrap_or_else(|| doc.document.source.clone()),
        e.id.clone(),
        e.kind.clone(),
        e.certainty.clone(),
        e.confidence.to_string(),
        doc.document.id.clone(),
        doc.document.sha256.clone(),
        e.evidence.start.to_string(),
        e.evidence.end.to_string(),
    ]
}

impl Sink for CsvSink {
    fn describe(&self) -> String {
        format!("csv {}", self.out.path().display())
    }

    fn begin(&mut self) -> Result<(), SinkError> {
        let desc = self.describe();
        self.out.open().map_err(|e| SinkError::new(&desc, format!("cannot create: {e}")))?;
        self.write_records([COLUMNS.iter().map(|c| c.to_string()).collect()])
    }

    fn document(&mut self, doc: &Document) -> Result<(), SinkError> {
        if doc.events.is_empty() {
            return Ok(());
        }
        self.write_records(doc.events.iter().map(|e| row(doc, e)))
    }

    fn abort(&mut self) {
        self.out.abort();
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        let desc = self.describe();
        self.out.close().map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))
    }
}
