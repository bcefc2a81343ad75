//! GeoJSON sink: a `FeatureCollection` with one `Point` Feature per
//! geolocated event (an event whose location has coordinates), so the
//! events open directly in QGIS or any web map.
//!
//! Properties carry the event (id, type, dates, place, fatalities, actors,
//! certainty, confidence), the document it came from and the evidence
//! sentence with its span. Features are written as they come (streamed):
//! the file is valid JSON once [`Sink::finish`] has run.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::{OutputFile, Sink, SinkError};
use crate::model::{Document, Event};

/// Writes one Feature per geolocated event.
pub struct GeoJsonSink {
    out: OutputFile,
    features: usize,
}

impl GeoJsonSink {
    /// A sink writing to `path` (`-` = standard output).
    pub fn new(path: &Path) -> GeoJsonSink {
        GeoJsonSink { out: OutputFile::new(path), features: 0 }
    }

    fn err(&self, e: impl std::fmt::Display) -> SinkError {
        SinkError::new(self.describe(), e)
    }
}

/// The Feature of one event, or `None` when it has no coordinates.
pub fn feature(doc: &Document, e: &Event) -> Option<serde_json::Value> {
    let loc = e.location.as_ref()?;
    let (lat, lon) = (loc.lat?, loc.lon?);
    if !lat.is_finite() || !lon.is_finite() {
        return None;
    }
    let names = |role: &str| e.actors.iter().filter(|a| a.role == role).map(|a| a.name.as_str()).collect::<Vec<_>>();
    Some(json!({
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "event_id": e.id,
            "event_type": e.kind,
            "date": e.date.as_ref().map(|d| &d.value),
            "date_end": e.date.as_ref().and_then(|d| d.end.as_ref()),
            "date_precision": e.date.as_ref().map(|d| &d.precision),
            "location": loc.name,
            "location_id": loc.id,
            "country": loc.country,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "geo_precision": loc.precision,
            "fatalities": super::csv::fatalities(e),
            "perpetrators": names("perpetrator"),
            "targets": names("target"),
            "certainty": e.certainty,
            "confidence": e.confidence,
            "document_id": doc.document.id,
            "document_sha256": doc.document.sha256,
            "source": doc.document.url.as_ref().unwrap_or(&doc.document.source),
            "evidence": e.evidence.text,
            "evidence_start": e.evidence.start,
            "evidence_end": e.evidence.end,
        }
    }))
}

impl Sink for GeoJsonSink {
    fn describe(&self) -> String {
        format!("geojson {}", self.out.path().display())
    }

    fn begin(&mut self) -> Result<(), SinkError> {
        self.out.open().map_err(|e| self.err(format!("cannot create: {e}")))?;
        let desc = self.describe();
        let w = self.out.writer().map_err(|e| SinkError::new(&desc, e))?;
        w.write_all(b"{\"type\": \"FeatureCollection\", \"features\": [\n")
            .map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))
    }

    fn document(&mut self, doc: &Document) -> Result<(), SinkError> {
        for e in &doc.events {
            let Some(f) = feature(doc, e) else { continue };
            let text = serde_json::to_string(&f).map_err(|e| self.err(e))?;
            let sep: &[u8] = if self.features == 0 { b"" } else { b",\n" };
            self.features += 1;
            let desc = self.describe();
            let w = self.out.writer().map_err(|e| SinkError::new(&desc, e))?;
            w.write_all(sep)
                .and_then(|_| w.write_all(text.as_bytes()))
                .map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))?;
        }
        Ok(())
    }

    fn abort(&mut self) {
        self.out.abort();
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        let desc = self.describe();
        let w = self.out.writer().map_err(|e| SinkError::new(&desc, e))?;
        w.write_all(b"\n]}\n").map_err(|e| SinkError::new(&desc, format!("cannot write: {e}")))?;
        self.out.close().map_err(|e| self.err(format!("cannot write: {e}")))
    }
}
