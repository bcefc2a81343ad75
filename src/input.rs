//! Inputs: article files, sidecar metadata, JSONL records, stdin, folders.
//!
//! An [`Article`] is raw bytes plus metadata. [`collect_paths`] walks folders
//! (sorted, so runs are deterministic; symlink loops and special files are
//! skipped with an error instead of hanging), and [`read_path`] turns one path
//! into articles: a `*.txt` file with its optional `NAME.json` sidecar, or a
//! `*.jsonl` file of records. Every failure is an [`InputError`] naming the
//! path (and line) and the reason; it never stops the other inputs.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::decode::DecodeError;

/// One article to process.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id: the file stem, or the record's `id`.
    pub id: String,
    /// Where it came from: the path, `path:line` for a record, `-` for stdin.
    pub source: String,
    /// Raw bytes (for files) or the record's text as UTF-8.
    pub bytes: Vec<u8>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// URL, when known.
    pub url: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// Problems with the metadata that did not stop the article.
    pub notes: Vec<String>,
}

/// Why an input could not be processed.
#[derive(Debug)]
pub enum InputError {
    /// The file could not be read.
    Io { path: String, error: std::io::Error },
    /// The bytes are not text vigie can read.
    Decode { path: String, error: DecodeError },
    /// A JSONL line is not a valid record.
    Record { path: String, line: usize, reason: String },
    /// Not a regular file (a FIFO, a device, a symlink loop…).
    NotAFile { path: String, reason: String },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, error } => write!(f, "{path}: cannot read: {error}"),
            InputError::Decode { path, error } => write!(f, "{path}: {error}"),
            InputError::Record { path, line, reason } => write!(f, "{path}:{line}: {reason}"),
            InputError::NotAFile { path, reason } => write!(f, "{path}: skipped: {reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Expands the command-line inputs into files to read, in a deterministic
/// order. Folders are walked recursively for `*.txt` and `*.jsonl`; files
/// named explicitly are kept whatever their extension. Problems found while
/// walking are returned beside the paths.
pub fn collect_paths(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = HashSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(input.clone());
            continue;
        }
        match fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(input, &mut seen_dirs, &mut files, &mut errors),
            Ok(m) if m.is_file() => files.push(input.clone()),
            Ok(_) => errors.push(InputError::NotAFile { path: input.display().to_string(), reason: "not a regular file".into() }),
            Err(error) => errors.push(InputError::Io { path: input.display().to_string(), error }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let path = dir.display().to_string();
    let canonical = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(error) => return errors.push(InputError::Io { path, error }),
    };
    if !seen.insert(canonical) {
        return errors.push(InputError::NotAFile { path, reason: "directory already visited (symlink loop?)".into() });
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(error) => return errors.push(InputError::Io { path, error }),
    };
    entries.sort();
    for entry in entries {
        match fs::metadata(&entry) {
            Ok(m) if m.is_dir() => walk(&entry, seen, files, errors),
            Ok(m) if m.is_file() => {
                if is_article_file(&entry) {
                    files.push(entry);
                }
            }
            Ok(_) => {
                if is_article_file(&entry) {
                    errors.push(InputError::NotAFile { path: entry.display().to_string(), reason: "not a regular file".into() })
                }
            }
            Err(error) => errors.push(InputError::Io { path: entry.display().to_string(), error }),
        }
    }
}

fn is_article_file(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt") | Some("jsonl"))
}

/// Sidecar metadata (`NAME.json` beside `NAME.txt`).
#[derive(Debug, Default, serde::Deserialize)]
struct Sidecar {
    published: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// A JSONL record.
#[derive(Debug, serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Reads one path into articles (one for a text file, one per line for
/// JSONL). Errors of single records are returned beside the good records.
pub fn read_path(path: &Path) -> Vec<Result<Article, InputError>> {
    let shown = path.display().to_string();
    if shown == "-" {
        let mut buf = Vec::new();
        if let Err(error) = std::io::stdin().read_to_end(&mut buf) {
            return vec![Err(InputError::Io { path: shown, error })];
        }
        // Standard input is one article, unless it looks like JSON Lines.
        if buf.trim_ascii_start().starts_with(b"{") {
            return read_records(&shown, &buf);
        }
        return vec![Ok(Article {
            id: "stdin".into(),
            source: shown,
            bytes: buf,
            published: None,
            url: None,
            title: None,
            notes: vec![],
        })];
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(error) => return vec![Err(InputError::Io { path: shown, error })],
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return read_records(&shown, &bytes);
    }
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
    let mut article = Article { id, source: shown, bytes, published: None, url: None, title: None, notes: vec![] };
    apply_sidecar(path, &mut article);
    vec![Ok(article)]
}

fn apply_sidecar(path: &Path, article: &mut Article) {
    let side = path.with_extension("json");
    let Ok(raw) = fs::read(&side) else { return };
    match serde_json::from_slice::<Sidecar>(&raw) {
        Ok(meta) => {
            if let Some(p) = meta.published {
                match parse_date(&p) {
                    Some(d) => article.published = Some(d),
                    None => article.notes.push(format!("{}: published {p:?} is not YYYY-MM-DD; ignored", side.display())),
                }
            }
            article.url = meta.url;
            article.title = meta.title;
        }
        Err(e) => article.notes.push(format!("{}: sidecar is not valid metadata JSON: {e}; ignored", side.display())),
    }
}

fn read_records(path: &str, bytes: &[u8]) -> Vec<Result<Article, InputError>> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(InputError::Record { path: path.into(), line: line_no, reason: format!("not a JSON record: {e}") }));
                continue;
            }
        };
        let Some(body) = record.text else {
            out.push(Err(InputError::Record { path: path.into(), line: line_no, reason: "record has no \"text\"".into() }));
            continue;
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v @ serde_json::Value::Number(_)) => v.to_string(),
            _ => format!("{}-{line_no}", Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or("record")),
        };
        let mut notes = vec![];
        let published = record.published.as_deref().and_then(|p| {
            let d = parse_date(p);
            if d.is_none() {
                notes.push(format!("{path}:{line_no}: published {p:?} is not YYYY-MM-DD; ignored"));
            }
            d
        });
        out.push(Ok(Article {
            id,
            source: format!("{path}:{line_no}"),
            bytes: body.into_bytes(),
            published,
            url: record.url,
            title: record.title,
            notes,
        }));
    }
    out
}
