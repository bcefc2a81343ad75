//! Reading gazetteer files: the built-in ones (embedded) and a user's folder.
//!
//! Every file is UTF-8 with `#` comment lines first, then (for TSV) one
//! header row naming the columns, then one entry per line. Columns are read
//! by header name, so a user's file may add columns. Errors carry the file
//! and line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A gazetteer file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file or folder could not be read.
    Io {
        /// Path of the file or folder.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
    /// A line does not fit the file's format.
    Format {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            LoadError::Format { file, line, message } => write!(f, "{file}:{line}: {message}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// One data row of a TSV file, with its columns looked up by header name.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// 1-based line number.
    pub line: usize,
    header: &'a [String],
    cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell of column `name` ("" when absent).
    pub fn get(&self, name: &str) -> &'a str {
        self.header.iter().position(|h| h == name).and_then(|i| self.cells.get(i).copied()).unwrap_or("").trim()
    }

    /// The `|`-separated list of column `name`.
    pub fn list(&self, name: &str) -> Vec<&'a str> {
        self.get(name).split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
    }

    /// The raw line.
    pub fn raw(&self) -> String {
        self.cells.join("\t")
    }
}

/// A parsed TSV file: header and rows.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    /// File name, for messages.
    pub file: String,
    /// Column names.
    pub header: Vec<String>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    /// Parses `text`; `required` columns must be in the header.
    pub fn parse(file: &str, text: &'a str, required: &[&str]) -> Result<Table<'a>, LoadError> {
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match &header {
                None => {
                    let h: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
                    for r in required {
                        if !h.iter().any(|c| c == r) {
                            return Err(LoadError::Format {
                                file: file.into(),
                                line: i + 1,
                                message: format!("header lacks column {r:?}"),
                            });
                        }
                    }
                    header = Some(h);
                }
                Some(h) => {
                    if cells.len() > h.len() {
                        return Err(LoadError::Format {
                            file: file.into(),
                            line: i + 1,
                            message: format!("{} columns, header has {}", cells.len(), h.len()),
                        });
                    }
                    rows.push((i + 1, cells));
                }
            }
        }
        let header =
            header.ok_or_else(|| LoadError::Format { file: file.into(), line: 1, message: "no header row".into() })?;
        Ok(Table { file: file.into(), header, rows })
    }

    /// The data rows.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, cells)| Row { line: *line, header: &self.header, cells: cells.clone() })
    }

    /// A format error at a row.
    pub fn error(&self, line: usize, message: impl Into<String>) -> LoadError {
        LoadError::Format { file: self.file.clone(), line, message: message.into() }
    }
}

/// The lines of a one-entry-per-line list (comments and blanks skipped).
pub fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Built-in file contents, embedded at compile time.
pub mod builtin {
    /// `gazetteers/actors.tsv`.
    pub const ACTORS: &str = include_str!("../../gazetteers/actors.tsv");
    /// `gazetteers/people.tsv`.
    pub const PEOPLE: &str = include_str!("../../gazetteers/people.tsv");
    /// `gazetteers/place_extra.tsv`.
    pub const PLACE_EXTRA: &str = include_str!("../../gazetteers/place_extra.tsv");
    /// `gazetteers/place_world.tsv`.
    pub const PLACE_WORLD: &str = include_str!("../../gazetteers/place_world.tsv");
    /// `gazetteers/place_aliases.tsv`.
    pub const PLACE_ALIASES: &str = include_str!("../../gazetteers/place_aliases.tsv");
    /// `gazetteers/countries.tsv`.
    pub const COUNTRIES: &str = include_str!("../../gazetteers/countries.tsv");
    /// `gazetteers/place_common_words.txt`.
    pub const COMMON_WORDS: &str = include_str!("../../gazetteers/place_common_words.txt");
    /// `gazetteers/actor_generic.txt`.
    pub const ACTOR_GENERIC: &str = include_str!("../../gazetteers/actor_generic.txt");
    /// `gazetteers/place_not_names.txt`.
    pub const PLACE_NOT_NAMES: &str = include_str!("../../gazetteers/place_not_names.txt");
    /// `gazetteers/person_titles.txt`.
    pub const PERSON_TITLES: &str = include_str!("../../gazetteers/person_titles.txt");
    /// `gazetteers/place_sites.tsv`.
    pub const PLACE_SITES: &str = include_str!("../../gazetteers/place_sites.tsv");
    /// `gazetteers/club_words.tsv`.
    pub const CLUB_WORDS: &str = include_str!("../../gazetteers/club_words.tsv");
    /// `gazetteers/place_cues.tsv`.
    pub const PLACE_CUES: &str = include_str!("../../gazetteers/place_cues.tsv");
}

/// The files of a user's gazetteer folder, by built-in file name.
#[derive(Debug, Default, Clone)]
pub struct UserFiles {
    /// `(file name, contents)` for each recognized file present.
    pub files: Vec<(String, String)>,
}

/// File names a user folder may hold (same formats as the built-in files).
pub const USER_FILE_NAMES: &[&str] = &[
    "places.tsv",
    "place_extra.tsv",
    "place_aliases.tsv",
    "countries.tsv",
    "place_common_words.txt",
    "actors.tsv",
    "people.tsv",
];

impl UserFiles {
    /// Reads the recognized files of `dir`; other files are ignored.
    pub fn read(dir: &Path) -> Result<UserFiles, LoadError> {
        let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io { path: dir.into(), message: e.to_string() })?;
        let mut files = Vec::new();
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        for path in names {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !USER_FILE_NAMES.contains(&name) {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| LoadError::Io { path: path.clone(), message: e.to_string() })?;
            files.push((name.to_string(), text));
        }
        Ok(UserFiles { files })
    }

    /// The contents of file `name`, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())
    }
}
