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
use std::io::{BufRead, Read};
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

impl Article {
    /// An article with no metadata yet (no date, URL, title or notes).
    pub fn new(id: impl Into<String>, source: impl Into<String>, bytes: Vec<u8>) -> Article {
        Article { id: id.into(), source: source.into(), bytes, published: None, url: None, title: None, notes: vec![] }
    }
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
            Ok(_) => errors
                .push(InputError::NotAFile { path: input.display().to_string(), reason: "not a regular file".into() }),
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
                    errors.push(InputError::NotAFile {
                        path: entry.display().to_string(),
                        reason: "not a regular file".into(),
                    })
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
        return vec![Ok(Article::new("stdin", shown, buf))];
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(error) => return vec![Err(InputError::Io { path: shown, error })],
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return read_records(&shown, &bytes);
    }
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
    let mut article = Article::new(id, shown, bytes);
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
                    None => {
                        article.notes.push(format!("{}: published {p:?} is not YYYY-MM-DD; ignored", side.display()))
                    }
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
    text.lines().enumerate().filter_map(|(i, line)| parse_record(path, i + 1, line)).collect()
}

/// Parses one JSONL line (`line_no` counts from 1) into an article; `None`
/// for a blank line.
fn parse_record(path: &str, line_no: usize, line: &str) -> Option<Result<Article, InputError>> {
    if line.trim().is_empty() {
        return None;
    }
    let record: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return Some(Err(InputError::Record {
                path: path.into(),
                line: line_no,
                reason: format!("not a JSON record: {e}"),
            }))
        }
    };
    let Some(body) = record.text else {
        return Some(Err(InputError::Record {
            path: path.into(),
            line: line_no,
            reason: "record has no \"text\"".into(),
        }));
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
    Some(Ok(Article {
        id,
        source: format!("{path}:{line_no}"),
        bytes: body.into_bytes(),
        published,
        url: record.url,
        title: record.title,
        notes,
    }))
}

/// A streaming reader of articles over many paths, in path order.
///
/// Unlike [`read_path`], a JSONL file (or JSONL on standard input) is read
/// one line at a time, so memory stays bounded by the longest record rather
/// than by the size of the file: `vigie batch` pulls articles from it in
/// windows. Items come out in exactly the order [`read_path`] gives them.
pub struct Articles {
    paths: std::vec::IntoIter<PathBuf>,
    current: Option<RecordLines>,
}

/// The JSONL file being read line by line.
struct RecordLines {
    path: String,
    reader: Box<dyn std::io::BufRead + Send>,
    line_no: usize,
}

impl Articles {
    /// Reads `paths` (as returned by [`collect_paths`]) in order.
    pub fn new(paths: Vec<PathBuf>) -> Articles {
        Articles { paths: paths.into_iter(), current: None }
    }

    /// Opens one path: either a whole article (returned), or a record file
    /// (kept in `self.current`, nothing returned).
    fn open(&mut self, path: &Path) -> Option<Pending> {
        let shown = path.display().to_string();
        if shown == "-" {
            let mut reader = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            // Standard input is one article, unless it looks like JSON Lines.
            // Leading blank bytes are kept aside so a plain article stays byte-exact.
            let mut skipped = Vec::new();
            let looks_jsonl = loop {
                match reader.fill_buf() {
                    Ok([]) => break false,
                    Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                        Some(i) => break buf[i] == b'{',
                        None => {
                            let n = buf.len();
                            skipped.extend_from_slice(buf);
                            reader.consume(n);
                        }
                    },
                    Err(error) => return Some(Pending::Ready(Err(InputError::Io { path: shown, error }))),
                }
            };
            if looks_jsonl {
                self.current = Some(RecordLines { path: shown, reader: Box::new(reader), line_no: 0 });
                return None;
            }
            let mut buf = skipped;
            if let Err(error) = reader.read_to_end(&mut buf) {
                return Some(Pending::Ready(Err(InputError::Io { path: shown, error })));
            }
            return Some(Pending::Ready(Ok(Article::new("stdin", shown, buf))));
        }
        if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
            match fs::File::open(path) {
                Ok(f) => {
                    let reader = std::io::BufReader::with_capacity(1 << 16, f);
                    self.current = Some(RecordLines { path: shown, reader: Box::new(reader), line_no: 0 });
                    return None;
                }
                Err(error) => return Some(Pending::Ready(Err(InputError::Io { path: shown, error }))),
            }
        }
        Some(Pending::File(path.to_path_buf()))
    }
}

/// The next input of [`Articles::next_pending`]: an article already read
/// (a JSONL record, stdin), or a text file still to read with
/// [`Pending::read`] — so that reading the many small files of a folder can
/// happen on the worker threads, in parallel, instead of in the one thread
/// that walks the inputs.
#[derive(Debug)]
pub enum Pending {
    /// Read already.
    Ready(Result<Article, InputError>),
    /// A `*.txt` (or other non-JSONL) file, with its sidecar, to read.
    File(PathBuf),
}

impl Pending {
    /// Reads the article (for [`Pending::File`], what [`read_path`] gives).
    pub fn read(self) -> Result<Article, InputError> {
        match self {
            Pending::Ready(r) => r,
            Pending::File(path) => read_path(&path).into_iter().next().unwrap_or_else(|| {
                Err(InputError::NotAFile { path: path.display().to_string(), reason: "nothing to read".into() })
            }),
        }
    }
}

impl Articles {
    /// The next input, in order, without reading text files yet.
    pub fn next_pending(&mut self) -> Option<Pending> {
        loop {
            if let Some(cur) = &mut self.current {
                let mut line = Vec::new();
                match cur.reader.read_until(b'\n', &mut line) {
                    Ok(0) => self.current = None,
                    Ok(_) => {
                        cur.line_no += 1;
                        let text = String::from_utf8_lossy(&line);
                        let text = text.strip_suffix('\n').unwrap_or(&text);
                        let text = text.strip_suffix('\r').unwrap_or(text);
                        if let Some(item) = parse_record(&cur.path, cur.line_no, text) {
                            return Some(Pending::Ready(item));
                        }
                    }
                    Err(error) => {
                        let path = cur.path.clone();
                        self.current = None;
                        return Some(Pending::Ready(Err(InputError::Io { path, error })));
                    }
                }
                continue;
            }
            let path = self.paths.next()?;
            if let Some(item) = self.open(&path) {
                return Some(item);
            }
        }
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_pending().map(Pending::read)
    }
}
