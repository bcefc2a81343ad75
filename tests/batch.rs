//! `vigie batch` end to end: determinism across --jobs, every sink from the
//! command line, bad inputs, kill-and-resume, re-runs that skip what is
//! already loaded.

mod batch_support;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use batch_support::{sqlite_dump, temp_dir};
use common::{documents, root, vigie};

fn run(args: &[&str]) -> Output {
    vigie(args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The number of dev corpus articles (the corpus grows).
fn dev_articles() -> usize {
    std::fs::read_dir(root("corpus/dev"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count()
}

/// A folder of articles: the dev corpus texts and sidecars in nested
/// folders, with copies under other names and dates, and a JSONL file.
fn article_folder(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let mut texts: Vec<PathBuf> = std::fs::read_dir(root("corpus/dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    for (i, p) in texts.iter().enumerate() {
        let sub = dir.join(format!("part-{}", i % 3)).join(if i % 2 == 0 { "a" } else { "b" });
        std::fs::create_dir_all(&sub).unwrap();
        let stem = p.file_stem().unwrap().to_str().unwrap();
        std::fs::copy(p, sub.join(format!("{stem}.txt"))).unwrap();
        if p.with_extension("json").exists() {
            std::fs::copy(p.with_extension("json"), sub.join(format!("{stem}.json"))).unwrap();
        }
        // A variant: same text, another publication date.
        let text = std::fs::read(p).unwrap();
        std::fs::write(sub.join(format!("{stem}-bis.txt")), &text).unwrap();
        std::fs::write(
            sub.join(format!("{stem}-bis.json")),
            format!("{{\"published\": \"2023-0{}-1{}\"}}", 1 + i % 9, i % 10),
        )
        .unwrap();
    }
    let mut jsonl = String::new();
    for (i, p) in texts.iter().take(12).enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
        let record = serde_json::json!({"id": format!("rec-{i}"), "text": format!("{text}\nMise à jour {i}."), "published": "2024-05-06", "url": format!("https://example.org/{i}")});
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    std::fs::write(dir.join("records.jsonl"), jsonl).unwrap();
    dir
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn same_output_whatever_the_number_of_jobs() {
    let input = article_folder("batch-jobs");
    let out = temp_dir("batch-jobs-out");
    let mut results = Vec::new();
    for (jobs, window) in [("1", "0"), ("4", "0"), ("4", "7"), ("2", "1")] {
        let tag = format!("j{jobs}w{window}");
        let (jsonl, csv, geo, db) = (
            out.join(format!("{tag}.jsonl")),
            out.join(format!("{tag}.csv")),
            out.join(format!("{tag}.geojson")),
            out.join(format!("{tag}.db")),
        );
        let o = run(&[
            "batch",
            input.to_str().unwrap(),
            "--jobs",
            jobs,
            "--window",
            window,
            "--out",
            jsonl.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
            "--geojson",
            geo.to_str().unwrap(),
            "--sqlite",
            db.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        results.push((tag, read(&jsonl), read(&csv), read(&geo), sqlite_dump(&db)));
    }
    let first = &results[0];
    let docs = documents(&first.1);
    assert_eq!(docs.len(), 2 * dev_articles() + 12, "every article and record");
    assert!(docs.iter().any(|d| d.document.source.ends_with("records.jsonl:3")));
    for r in &results[1..] {
        assert!(r.1 == first.1, "{}: JSONL differs from {}", r.0, first.0);
        assert!(r.2 == first.2, "{}: CSV differs", r.0);
        assert!(r.3 == first.3, "{}: GeoJSON differs", r.0);
        assert!(r.4 == first.4, "{}: SQLite rows differ", r.0);
    }
    // batch writes what extract prints, in the same order.
    let extract = run(&["extract", input.to_str().unwrap()]);
    assert!(extract.status.success());
    assert!(extract.stdout == first.1, "batch --out and extract disagree");
    // A copy of the same text under another name and date is its own document in JSONL,
    // but one row in the database (documents are keyed on content), the first one winning.
    let db_docs = first.4.iter().filter(|r| r.starts_with("documents:")).count();
    assert_eq!(db_docs, dev_articles() + 12);
    std::fs::remove_dir_all(&input).ok();
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn bad_inputs_are_reported_counted_and_skipped() {
    let dir = temp_dir("batch-bad");
    std::fs::copy(root("tests/fixtures/article-utf8.txt"), dir.join("a-good.txt")).unwrap();
    std::fs::copy(root("tests/fixtures/bad/binary.txt"), dir.join("b-binary.txt")).unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    std::fs::write(dir.join("d-utf16.txt"), b"\xFF\xFEa\x00\x00\xD8").unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("e-dangling.txt")).unwrap();
    std::fs::write(
        dir.join("f-records.jsonl"),
        "{\"id\": \"ok-1\", \"text\": \"Attaque à Kidal hier.\"}\nnot json at all\n\n{\"id\": \"no-text\"}\n{\"id\": \"ok-2\", \"text\": \"Deux morts à Gao.\"}\n",
    )
    .unwrap();
    std::fs::create_dir(dir.join("g-loop")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("g-loop").join("back")).unwrap();
    let fifo = dir.join("h-fifo.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::fs::write(dir.join("i-sidecar.txt"), "Un article ordinaire.").unwrap();
    std::fs::write(dir.join("i-sidecar.json"), "{not json").unwrap();

    let out = dir.join("out.jsonl");
    let o = run(&["batch", dir.to_str().unwrap(), "--out", out.to_str().unwrap(), "--jobs", "2"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for (path, reason) in [
        ("b-binary.txt", "not a text file"),
        ("c-empty.txt", "empty"),
        ("d-utf16.txt", "invalid UTF-16"),
        ("e-dangling.txt", "No such file"),
        ("f-records.jsonl:2", "not a JSON record"),
        ("f-records.jsonl:4", "record has no \"text\""),
        ("h-fifo.txt", "not a regular file"),
        ("back", "symlink loop"),
        ("i-sidecar.json", "sidecar is not valid"),
    ] {
        assert!(err.lines().any(|l| l.contains(path) && l.contains(reason)), "no {path}: {reason} in:\n{err}");
    }
    let docs = documents(&read(&out));
    let ids: Vec<&str> = docs.iter().map(|d| d.document.id.as_str()).collect();
    assert_eq!(ids, ["a-good", "ok-1", "ok-2", "i-sidecar"]);
    let summary = err.lines().last().unwrap();
    assert!(
        summary.contains("4 articles read") && summary.contains("8 errors") && summary.contains("MB/s"),
        "{summary}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_a_terminal_only_errors_and_the_summary_are_printed() {
    let o = run(&["batch", root("tests/fixtures/article-utf8.txt").to_str().unwrap()]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("vigie: 1 articles read, ") && err.contains(" events written, 0 errors"), "{err}");
    assert!(!err.contains('\x1b'), "no escape codes: {err:?}");
    // No sink: JSON Lines on stdout.
    assert_eq!(documents(&o.stdout).len(), 1);
}

#[test]
fn usage_errors_exit_2_and_bad_sinks_exit_1() {
    assert_eq!(run(&["batch"]).status.code(), Some(2));
    assert_eq!(run(&["batch", "x", "--jobs", "0"]).status.code(), Some(2));
    let o = run(&["batch", root("tests/fixtures").to_str().unwrap(), "--sqlite", "/nonexistent-dir/x.db"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sqlite /nonexistent-dir/x.db: cannot open"), "{}", stderr(&o));
    // The other sinks give up cleanly: an earlier complete output is left as it was.
    let dir = temp_dir("batch-abort");
    let out = dir.join("x.jsonl");
    std::fs::write(&out, "previous run\n").unwrap();
    let o = run(&[
        "batch",
        root("tests/fixtures").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--sqlite",
        "/nonexistent-dir/x.db",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous run\n");
    assert!(!dir.join("x.jsonl.partial").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn standard_input_jsonl_to_sqlite() {
    let dir = temp_dir("batch-stdin");
    let db = dir.join("e.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["batch", "-", "--sqlite", db.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n{\"id\": \"r1\", \"text\": \"Attaque \xc3\xa0 Kidal hier.\", \"published\": \"2019-03-18\"}\n{\"id\": 2, \"text\": \"Calme \xc3\xa0 Gao.\"}\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let dump = sqlite_dump(&db);
    let docs: Vec<&String> = dump.iter().filter(|r| r.starts_with("documents:")).collect();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().any(|r| r.contains("\"r1\"") && r.contains("\"-:2\"") && r.contains("2019-03-18")), "{docs:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The "N skipped" count of a summary.
fn skipped(stderr: &str) -> usize {
    let summary = stderr.lines().last().unwrap_or_default();
    let before = summary.split(" skipped").next().unwrap_or_default();
    before.rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("no skipped count in {summary:?}"))
}

/// Runs a batch into a database and returns (exit code, stderr).
fn load(input: &Path, db: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec![
        "batch",
        input.to_str().unwrap(),
        "--sqlite",
        db.to_str().unwrap(),
        "--jobs",
        "2",
        "--commit-every",
        "5",
        "--window",
        "4",
    ];
    args.extend_from_slice(extra);
    let o = run(&args);
    (o.status.code(), stderr(&o))
}

#[test]
fn a_killed_run_resumed_ends_with_the_rows_of_a_clean_run() {
    let input = article_folder("batch-resume");
    let out = temp_dir("batch-resume-out");
    let clean = out.join("clean.db");
    let (code, err) = load(&input, &clean, &[]);
    assert_eq!(code, Some(0), "{err}");
    let clean_rows = sqlite_dump(&clean);

    let resumed = out.join("resumed.db");
    let (code, err) = load(&input, &resumed, &["--stop-after", "37"]);
    assert_eq!(code, Some(3), "the hidden flag stops the run abruptly: {err}");
    let partial = sqlite_dump(&resumed);
    let partial_docs = partial.iter().filter(|r| r.starts_with("documents:")).count();
    assert!(
        partial_docs > 0 && partial_docs < dev_articles() + 12,
        "some documents were committed, not all: {partial_docs}"
    );
    let (code, err) = load(&input, &resumed, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(skipped(&err) >= partial_docs, "already loaded documents are skipped: {err}");
    assert_eq!(sqlite_dump(&resumed), clean_rows, "resumed run differs from a clean one");

    // Again: everything is skipped and nothing changes; --force rewrites the same rows.
    let (code, err) = load(&input, &clean, &[]);
    assert_eq!(code, Some(0));
    assert!(err.contains("0 events written") && err.contains(&format!("{} skipped", 2 * dev_articles() + 12)), "{err}");
    assert_eq!(sqlite_dump(&clean), clean_rows);
    let (code, err) = load(&input, &clean, &["--force"]);
    assert_eq!(code, Some(0));
    assert!(
        err.contains(&format!("{} skipped", dev_articles())),
        "with --force only repeated content is skipped: {err}"
    );
    assert_eq!(sqlite_dump(&clean), clean_rows);
    std::fs::remove_dir_all(&input).ok();
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn a_changed_sidecar_reloads_the_document() {
    let dir = temp_dir("batch-sidecar");
    let db = dir.join("e.db");
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Attaque hier à Kidal.").unwrap();
    std::fs::write(input.join("a.json"), "{\"published\": \"2020-01-02\"}").unwrap();
    std::fs::write(input.join("b.txt"), "Rien à signaler.").unwrap();
    let (code, err) = load(&input, &db, &[]);
    assert_eq!(code, Some(0), "{err}");
    std::fs::write(input.join("a.json"), "{\"published\": \"2021-03-04\"}").unwrap();
    let (code, err) = load(&input, &db, &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("2 articles read") && err.contains("1 skipped"), "{err}");
    let dump = sqlite_dump(&db);
    assert!(dump.iter().any(|r| r.starts_with("documents:") && r.contains("2021-03-04")), "{dump:?}");
    assert!(!dump.iter().any(|r| r.contains("2020-01-02")));
    std::fs::remove_dir_all(&dir).ok();
}
