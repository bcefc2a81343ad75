//! Every sink, driven directly with documents that have events: JSON Lines,
//! CSV, GeoJSON and SQLite (PostgreSQL is in tests/postgres.rs).

mod batch_support;

use batch_support::{document_with_events, sqlite_dump, temp_dir, TEXT};
use vigie::model::Document;
use vigie::sink::csv::CsvSink;
use vigie::sink::geojson::GeoJsonSink;
use vigie::sink::jsonl::JsonlSink;
use vigie::sink::sqlite::SqliteSink;
use vigie::sink::Sink;

fn write(sink: &mut dyn Sink, docs: &[&Document]) {
    sink.begin().unwrap();
    for d in docs {
        sink.document(d).unwrap();
    }
    sink.finish().unwrap();
}

#[test]
fn jsonl_writes_one_document_per_line_and_only_when_finished() {
    let dir = temp_dir("sink-jsonl");
    let doc = document_with_events("dioura", TEXT);
    let path = dir.join("out.jsonl");
    let mut sink = JsonlSink::new(&path);
    sink.begin().unwrap();
    sink.document(&doc).unwrap();
    assert!(!path.exists(), "the file appears only when complete");
    assert!(dir.join("out.jsonl.partial").exists());
    sink.document(&doc).unwrap();
    sink.finish().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let back: Document = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(back, doc);
    back.check_spans(TEXT).unwrap();
    assert!(!dir.join("out.jsonl.partial").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_has_acled_columns_one_row_per_event() {
    let dir = temp_dir("sink-csv");
    let doc = document_with_events("dioura", TEXT);
    let path = dir.join("events.csv");
    write(&mut CsvSink::new(&path), &[&doc]);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let spec = [
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
    ];
    assert_eq!(&header[..spec.len()], &spec[..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let get = |r: &csv::StringRecord, c: &str| r.get(header.iter().position(|h| h == c).unwrap()).unwrap().to_string();
    let a = &rows[0];
    assert!(get(a, "event_id_cnty").starts_with("ML-"));
    assert_eq!(get(a, "event_date"), "2019-03-17");
    assert_eq!(get(a, "time_precision"), "1");
    assert_eq!(get(a, "event_type"), "Battles");
    assert_eq!(get(a, "sub_event_type"), "Armed clash");
    assert_eq!(get(a, "actor1"), "JNIM");
    assert_eq!(get(a, "actor2"), "Forces armées maliennes");
    assert_eq!(get(a, "admin2"), "Ténenkou");
    assert_eq!(get(a, "latitude"), "14.85");
    assert_eq!(get(a, "longitude"), "-5.25");
    assert_eq!(get(a, "geo_precision"), "1");
    assert_eq!(get(a, "fatalities"), "21");
    assert_eq!(get(a, "source"), "https://example.org/dioura");
    // notes: the evidence on one line (the CRLF and quotes survive CSV quoting)
    assert!(get(a, "notes").contains("« plusieurs » blessés."), "{}", get(a, "notes"));
    assert!(!get(a, "notes").contains('\n'));
    let b = &rows[1];
    assert_eq!(get(b, "event_type"), "Protests");
    assert_eq!(get(b, "event_date"), "");
    assert_eq!(get(b, "latitude"), "");
    assert_eq!(get(b, "fatalities"), "0");
    // evidence offsets lead back to the text
    let (s, e): (usize, usize) = (get(b, "evidence_start").parse().unwrap(), get(b, "evidence_end").parse().unwrap());
    let evidence: String = TEXT.chars().skip(s).take(e - s).collect();
    assert_eq!(evidence, "À Bamako, une manifestation s'est tenue le lendemain.");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_of_documents_without_events_is_just_the_header() {
    let dir = temp_dir("sink-csv-empty");
    let mut doc = document_with_events("x", TEXT);
    doc.events.clear();
    let path = dir.join("e.csv");
    write(&mut CsvSink::new(&path), &[&doc]);
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn geojson_has_one_point_feature_per_geolocated_event() {
    let dir = temp_dir("sink-geojson");
    let doc = document_with_events("dioura", TEXT);
    let path = dir.join("events.geojson");
    write(&mut GeoJsonSink::new(&path), &[&doc, &doc]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    // two documents × one geolocated event (the protest in Bamako has no coordinates)
    assert_eq!(features.len(), 2);
    let f = &features[0];
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["geometry"]["type"], "Point");
    assert_eq!(f["geometry"]["coordinates"], serde_json::json!([-5.25, 14.85]));
    assert_eq!(f["properties"]["event_type"], "attack");
    assert_eq!(f["properties"]["fatalities"], 21);
    assert_eq!(f["properties"]["location"], "Dioura");
    assert_eq!(f["properties"]["date"], "2019-03-17");

    let empty = dir.join("empty.geojson");
    write(&mut GeoJsonSink::new(&empty), &[]);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&empty).unwrap()).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 0);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sqlite_stores_every_table_with_spans_back_to_the_text() {
    let dir = temp_dir("sink-sqlite");
    let db = dir.join("events.db");
    let doc = document_with_events("dioura", TEXT);
    write(&mut SqliteSink::new(&db, 1000), &[&doc]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |t: &str| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("documents"), 1);
    assert_eq!(count("events"), 2);
    assert_eq!(count("event_actors"), 2);
    assert_eq!(count("casualties"), 2);
    assert_eq!(count("mentions"), doc.mentions.len() as i64);
    let version: String =
        conn.query_row("SELECT value FROM vigie_meta WHERE key = 'schema_version'", [], |r| r.get(0)).unwrap();
    assert_eq!(version, "1");
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // From a number in the database to the sentence it came from.
    let (best, bs, be, text, ev_bs, ev_be): (i64, i64, i64, String, i64, i64) = conn
        .query_row(
            "SELECT c.best, c.span_byte_start, c.span_byte_end, c.span_text, e.evidence_span_byte_start, e.evidence_span_byte_end
             FROM casualties c JOIN events e ON e.id = c.event_id WHERE c.casualty_type = 'killed'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .unwrap();
    assert_eq!(best, 21);
    assert_eq!(&TEXT[bs as usize..be as usize], text);
    assert!(TEXT[ev_bs as usize..ev_be as usize].contains("au moins 21 soldats"));
    let (loc, lat): (String, f64) = conn
        .query_row("SELECT location_name, location_lat FROM events WHERE event_type = 'attack'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((loc.as_str(), lat), ("Dioura", 14.85));
    let alternatives: String =
        conn.query_row("SELECT alternatives FROM casualties WHERE ordinal = 0", [], |r| r.get(0)).unwrap();
    assert!(alternatives.contains("\"span\""), "{alternatives}");
    let data: String = conn.query_row("SELECT data FROM mentions WHERE kind = 'place'", [], |r| r.get(0)).unwrap();
    let mention: vigie::model::Mention = serde_json::from_str(&data).unwrap();
    assert_eq!(mention.span().text, "Dioura");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sqlite_loading_twice_changes_nothing_and_a_changed_document_is_replaced() {
    let dir = temp_dir("sink-sqlite-idem");
    let db = dir.join("events.db");
    let a = document_with_events("a", TEXT);
    let b = document_with_events("b", &format!("{TEXT} Deuxième article."));
    write(&mut SqliteSink::new(&db, 1), &[&a, &b]);
    let once = sqlite_dump(&db);
    write(&mut SqliteSink::new(&db, 1), &[&a, &b]);
    assert_eq!(sqlite_dump(&db), once, "a second load changes nothing");
    // The same document re-extracted with fewer events: its old rows go.
    let mut fewer = a.clone();
    fewer.events.truncate(1);
    fewer.mentions.truncate(1);
    let mut sink = SqliteSink::new(&db, 1);
    sink.begin().unwrap();
    let loaded = sink.loaded().unwrap().unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded[&a.document.sha256], vigie::sink::document_fingerprint(&a));
    sink.document(&fewer).unwrap();
    sink.finish().unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM events WHERE document_sha256 = ?1", [&a.document.sha256], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let n: i64 = conn.query_row("SELECT count(*) FROM casualties", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 4, "a's casualties replaced, b's kept");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sqlite_refuses_a_newer_schema() {
    let dir = temp_dir("sink-sqlite-newer");
    let db = dir.join("events.db");
    write(&mut SqliteSink::new(&db, 10), &[]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE vigie_meta SET value = '99' WHERE key = 'schema_version'", []).unwrap();
    drop(conn);
    let err = SqliteSink::new(&db, 10).begin().unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn file_sinks_report_unwritable_paths() {
    let path = std::path::Path::new("/nonexistent-dir/x.jsonl");
    let err = JsonlSink::new(path).begin().unwrap_err();
    assert!(err.to_string().contains("/nonexistent-dir/x.jsonl") && err.to_string().contains("cannot create"), "{err}");
}
