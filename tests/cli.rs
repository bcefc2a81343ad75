//! The command line: encodings, span invariant, determinism, bad inputs.

mod common;

use common::{documents, original_text, root, vigie};

const FIXTURES: &[(&str, &str)] = &[
    ("tests/fixtures/article-utf8.txt", "utf-8"),
    ("tests/fixtures/article-utf8-bom.txt", "utf-8-bom"),
    ("tests/fixtures/article-crlf.txt", "utf-8"),
    ("tests/fixtures/article-cp1252.txt", "windows-1252"),
    ("tests/fixtures/article-utf16le.txt", "utf-16le"),
    ("tests/fixtures/article-utf16be.txt", "utf-16be"),
];

#[test]
fn every_encoding_is_read_and_every_span_slices_the_original() {
    for (rel, encoding) in FIXTURES {
        let path = root(rel);
        let out = vigie(&["extract", path.to_str().unwrap()]);
        assert!(out.status.success(), "{rel}: {}", String::from_utf8_lossy(&out.stderr));
        let docs = documents(&out.stdout);
        assert_eq!(docs.len(), 1, "{rel}");
        let doc = &docs[0];
        assert_eq!(doc.document.encoding, *encoding, "{rel}");
        let original = original_text(&path, encoding);
        assert_eq!(doc.document.chars, original.chars().count(), "{rel}");
        doc.check_spans(&original).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
}

#[test]
fn the_seed_style_article_and_sidecar_metadata() {
    let out = vigie(&["extract", root("tests/fixtures/article-crlf.txt").to_str().unwrap()]);
    let doc = &documents(&out.stdout)[0];
    assert_eq!(doc.document.published.as_deref(), Some("2021-05-04"));
    assert_eq!(doc.document.title.as_deref(), Some("Attaque de Boni"));
    let out =
        vigie(&["extract", "--published", "2020-01-02", root("tests/fixtures/article-crlf.txt").to_str().unwrap()]);
    assert_eq!(documents(&out.stdout)[0].document.published.as_deref(), Some("2020-01-02"));
}

#[test]
fn two_runs_give_byte_identical_output() {
    let args: Vec<String> = FIXTURES.iter().map(|(r, _)| root(r).to_string_lossy().into_owned()).collect();
    let mut argv = vec!["extract"];
    argv.extend(args.iter().map(String::as_str));
    let a = vigie(&argv);
    let b = vigie(&argv);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(documents(&a.stdout).len(), FIXTURES.len());
}

#[test]
fn a_bad_file_is_reported_and_the_good_ones_still_written() {
    let dir = std::env::temp_dir().join(format!("vigie-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root("tests/fixtures/bad/binary.txt"), dir.join("a-binary.txt")).unwrap();
    std::fs::copy(root("tests/fixtures/article-utf8.txt"), dir.join("b-good.txt")).unwrap();
    std::fs::write(dir.join("c-empty.txt"), b"").unwrap();
    let out = vigie(&["extract", dir.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("a-binary.txt") && stderr.contains("not a text file"), "{stderr}");
    assert!(stderr.contains("c-empty.txt") && stderr.contains("empty"), "{stderr}");
    let docs = documents(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].document.id, "b-good");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_files_and_usage_errors() {
    let out =
        vigie(&["extract", "/nonexistent/article.txt", root("tests/fixtures/article-utf8.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
    assert_eq!(documents(&out.stdout).len(), 1);
    let out = vigie(&["extract", "--published", "hier", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input_and_jsonl_records() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input =
        "{\"id\": \"r1\", \"text\": \"Attaque à Kidal hier.\", \"published\": \"2019-03-18\"}\nnot json\n{\"id\": 7}\n";
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-:2: not a JSON record"), "{stderr}");
    assert!(stderr.contains("-:3: record has no \"text\""), "{stderr}");
    let docs = documents(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].document.id, "r1");
    assert_eq!(docs[0].document.published.as_deref(), Some("2019-03-18"));
}

#[test]
fn render_writes_highlighted_html() {
    let out_path = std::env::temp_dir().join(format!("vigie-render-{}.html", std::process::id()));
    let out = vigie(&[
        "render",
        root("tests/fixtures/article-cp1252.txt").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&out_path).unwrap();
    assert!(html.contains("<mark class=\"trigger\""), "no highlighted trigger");
    assert!(html.contains("l’état-major"), "original characters kept");
    assert!(html.contains("&lt;") || !html.contains("<script"), "text is escaped");
    std::fs::remove_file(&out_path).ok();
}
