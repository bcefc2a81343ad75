//! Helpers for the batch and sink tests: documents with events (built by
//! hand, so the sinks are tested whatever the extractors find), database
//! dumps, temporary folders.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use vigie::input::Article;
use vigie::model::*;
use vigie::pipeline::Extractor;
use vigie::span::Span;

/// A fresh empty temporary folder named after the test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The span of the first occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str) -> Span {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..b].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
        byte_start: b,
        byte_end: b + needle.len(),
        text: needle.to_string(),
    }
}

/// An article from a text.
pub fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: format!("{id}.txt"),
        bytes: text.as_bytes().to_vec(),
        published: vigie::input::parse_date("2019-03-18"),
        url: Some(format!("https://example.org/{id}")),
        title: Some(format!("Titre {id}")),
        notes: vec![],
    }
}

/// The French test article used by the sink tests.
pub const TEXT: &str = "Le camp militaire de Dioura a été attaqué dimanche 17 mars par des hommes armés du JNIM. \
Selon l'armée malienne, au moins 21 soldats ont été tués et « plusieurs » blessés.\r\n\
À Bamako, une manifestation s'est tenue le lendemain.";

/// A document for `text` with two events: a geolocated attack with actors
/// and casualties, and a protest without coordinates.
pub fn document_with_events(id: &str, text: &str) -> Document {
    let mut doc = Extractor::new().extract(&article(id, text)).expect("extracts");
    // Only the hand-made events below, whatever the extractors find.
    doc.events.clear();
    let sha = doc.document.sha256.clone();
    let first = span_of(text, "Le camp militaire");
    let sentence_end = text.find("blessés.").unwrap() + "blessés.".len();
    let evidence = span_of(text, &text[first.byte_start..sentence_end]);
    doc.events.push(Event {
        id: format!("ev-{}a1", &sha[..14]),
        kind: "attack".into(),
        trigger: Some(EventTrigger { span: span_of(text, "attaqué"), lemma: "attaquer".into() }),
        date: Some(EventDate {
            value: "2019-03-17".into(),
            end: None,
            precision: "day".into(),
            span: span_of(text, "dimanche 17 mars"),
        }),
        location: Some(EventLocation {
            name: "Dioura".into(),
            id: "geonames:2458645".into(),
            country: "ML".into(),
            admin1: Some("Mopti".into()),
            admin2: Some("Ténenkou".into()),
            lat: Some(14.85),
            lon: Some(-5.25),
            precision: "locality".into(),
            span: span_of(text, "Dioura"),
        }),
        actors: vec![
            EventActor {
                role: "perpetrator".into(),
                name: "JNIM".into(),
                id: Some("vigie:actor/jnim".into()),
                span: span_of(text, "JNIM"),
            },
            EventActor {
                role: "target".into(),
                name: "Forces armées maliennes".into(),
                id: None,
                span: span_of(text, "armée malienne"),
            },
        ],
        people: vec![],
        casualties: vec![
            EventCasualty {
                kind: "killed".into(),
                low: Some(21),
                best: Some(21),
                high: None,
                qualifier: "at_least".into(),
                victims: "military".into(),
                span: span_of(text, "au moins 21 soldats ont été tués"),
                alternatives: vec![CasualtyAlternative {
                    low: Some(21),
                    best: None,
                    high: None,
                    span: span_of(text, "21"),
                }],
            },
            EventCasualty {
                kind: "injured".into(),
                low: Some(2),
                best: None,
                high: None,
                qualifier: "vague".into(),
                victims: "military".into(),
                span: span_of(text, "« plusieurs » blessés"),
                alternatives: vec![],
            },
        ],
        certainty: "reported".into(),
        attribution: Some(Attribution { source: "l'armée malienne".into(), span: span_of(text, "l'armée malienne") }),
        evidence,
        confidence: 0.82,
    });
    doc.events.push(Event {
        id: format!("ev-{}b2", &sha[..14]),
        kind: "protest".into(),
        trigger: Some(EventTrigger { span: span_of(text, "manifestation"), lemma: "manifestation".into() }),
        date: None,
        location: Some(EventLocation {
            name: "Bamako".into(),
            id: "geonames:2460596".into(),
            country: "ML".into(),
            admin1: None,
            admin2: None,
            lat: None,
            lon: None,
            precision: "locality".into(),
            span: span_of(text, "Bamako"),
        }),
        actors: vec![],
        people: vec![],
        casualties: vec![],
        certainty: "confirmed".into(),
        attribution: None,
        evidence: span_of(text, "À Bamako, une manifestation s'est tenue le lendemain."),
        confidence: 0.5,
    });
    doc.mentions.push(Mention::Place(PlaceMention {
        span: span_of(text, "Dioura"),
        name: "Dioura".into(),
        id: "geonames:2458645".into(),
        country: "ML".into(),
        admin1: Some("Mopti".into()),
        admin2: None,
        lat: Some(14.85),
        lon: Some(-5.25),
        feature: "locality".into(),
        alternatives: vec![],
    }));
    doc.mentions.push(Mention::Casualty(CasualtyMention {
        span: span_of(text, "au moins 21 soldats ont été tués"),
        kind: "killed".into(),
        low: Some(21),
        best: Some(21),
        high: None,
        qualifier: "at_least".into(),
        victims: "military".into(),
        negated: false,
        revision: None,
        source: None,
    }));
    doc.check_spans(text).expect("test spans are valid");
    doc
}

/// Every row of every vigie table of a SQLite database, sorted, as text.
pub fn sqlite_dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for table in ["documents", "events", "event_actors", "casualties", "mentions"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let vals: Vec<String> = (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Text(t) => {
                            format!("{:?}", String::from_utf8_lossy(t))
                        }
                        other => format!("{other:?}"),
                    })
                    .collect();
                Ok(format!("{table}: {}", vals.join(" | ")))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}
