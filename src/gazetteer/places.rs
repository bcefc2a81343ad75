//! The place gazetteer: entries and their lookup by name key.
//!
//! # Why no automaton for places
//!
//! `places.tsv` has ~180 000 rows and ~300 000 names with variants. An
//! Aho-Corasick automaton over all of them takes far longer to build than the
//! whole 100 ms budget of a one-article `vigie extract`, so places are found
//! differently: `build.rs` folds every name at compile time and writes a
//! sorted table of keys (see [`super::key`]) with, for each key, the byte
//! offsets of its rows in the embedded TSV. At run time nothing is built: the
//! matcher looks up the document's word n-grams by binary search and parses
//! only the rows it hits (lazily). The small files (`place_extra.tsv`,
//! `place_aliases.tsv`, `countries.tsv` and a user's own files) are folded at
//! start-up into a hash map.
//!
//! A *place* here is one gazetteer entry ([`Place`]); a name maps to one or
//! more places (*homonyms*), between which [`super::resolve`] chooses.

use std::collections::{HashMap, HashSet};

/// One place entry (a row of `places.tsv` or of a companion file).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// `geonames:N`, `osm:N` or `vigie:place/slug`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// First-level division name (empty when unknown).
    pub admin1: String,
    /// Second-level division name (empty when unknown).
    pub admin2: String,
    /// Latitude, when known.
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// `locality`, `admin1`, `admin2`, `admin3`, `country`, `region`, `site`.
    pub feature: String,
    /// GeoNames feature code (`PPLA`, `PPLC`, `ADM2`…).
    pub code: String,
    /// Population, 0 when unknown.
    pub population: u64,
}

impl Place {
    /// Parses one TSV row with the `places.tsv` columns.
    pub fn parse(line: &str) -> Option<Place> {
        let c: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
        if c.len() < 11 || c[0].is_empty() || c[1].is_empty() {
            return None;
        }
        Some(Place {
            id: c[0].to_string(),
            name: c[1].to_string(),
            country: c[3].to_string(),
            admin1: c[4].to_string(),
            admin2: c[5].to_string(),
            lat: c[6].parse().ok(),
            lon: c[7].parse().ok(),
            feature: c[8].to_string(),
            code: c[9].to_string(),
            population: c[10].parse().unwrap_or(0),
        })
    }
}

/// The variants column of a row (names other than the canonical one).
pub fn row_names(line: &str) -> Vec<&str> {
    let c: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
    let mut out = vec![c.get(1).copied().unwrap_or("")];
    if let Some(v) = c.get(2) {
        out.extend(v.split('|').filter(|s| !s.is_empty()));
    }
    out
}

/// The built-in `places.tsv` with its compile-time key index.
pub struct BuiltinPlaces {
    tsv: &'static str,
    idx: &'static [u8],
    n_keys: usize,
    n_rows: usize,
}

impl std::fmt::Debug for BuiltinPlaces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BuiltinPlaces {{ {} keys, {} rows }}", self.n_keys, self.n_rows)
    }
}

static PLACES_TSV: &str = include_str!("../../gazetteers/places.tsv");
static PLACES_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.idx"));
static PLACES_BKT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bkt"));

impl BuiltinPlaces {
    /// The embedded gazetteer (nothing is parsed here).
    pub fn new() -> BuiltinPlaces {
        let idx = PLACES_IDX;
        BuiltinPlaces { tsv: PLACES_TSV, idx, n_keys: u32_at(idx, 0) as usize, n_rows: u32_at(idx, 1) as usize }
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.n_keys
    }

    /// Number of rows.
    pub fn row_count(&self) -> usize {
        self.n_rows
    }

    fn key_off(&self, i: usize) -> usize {
        u32_at(self.idx, 2 + i) as usize
    }
    fn post_off(&self, i: usize) -> usize {
        u32_at(self.idx, 2 + (self.n_keys + 1) + i) as usize
    }
    fn postings_base(&self) -> usize {
        2 + 2 * (self.n_keys + 1)
    }
    fn n_postings(&self) -> usize {
        self.post_off(self.n_keys)
    }
    fn rows_base(&self) -> usize {
        self.postings_base() + self.n_postings()
    }
    fn key_bytes_base(&self) -> usize {
        (self.rows_base() + self.n_rows) * 4
    }

    /// The `i`-th key in sorted order.
    pub fn key(&self, i: usize) -> &'static [u8] {
        let base = self.key_bytes_base();
        let idx: &'static [u8] = self.idx;
        &idx[base + self.key_off(i)..base + self.key_off(i + 1)]
    }

    /// The key indexes that may hold `key` or keys starting with it: the
    /// bucket of its first two bytes (built by `build.rs`).
    fn range_of(&self, key: &[u8]) -> (usize, usize) {
        let Some(&b0) = key.first() else {
            return (0, self.n_keys);
        };
        let p = (usize::from(b0) << 8) | usize::from(key.get(1).copied().unwrap_or(0));
        let (lo, hi) = (u32_at(PLACES_BKT, p) as usize, u32_at(PLACES_BKT, p + 1) as usize);
        if lo > hi || hi > self.n_keys {
            return (0, self.n_keys);
        }
        (lo, hi)
    }

    /// The key indexes of the keys starting with the two bytes `prefix`
    /// (one bucket; a key of those two bytes alone included).
    pub fn prefix_range(&self, prefix: &[u8]) -> (usize, usize) {
        let (lo, hi) = self.range_of(prefix);
        if prefix.len() == 2 {
            (lo, hi)
        } else {
            (self.lower_bound(prefix), hi)
        }
    }

    /// Index of `key` in the sorted key table.
    pub fn find_key(&self, key: &str) -> Option<usize> {
        let k = key.as_bytes();
        let (mut lo, mut hi) = self.range_of(k);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(k) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// First key index whose key is `>= prefix` (for fuzzy scans).
    pub fn lower_bound(&self, prefix: &[u8]) -> usize {
        let (mut lo, mut hi) = self.range_of(prefix);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Whether `key` is a key, and whether some key starts with `key` and a
    /// space — with one search: a space sorts before every other key byte,
    /// so such keys come right after `key` itself.
    pub fn key_state(&self, key: &[u8]) -> (bool, bool) {
        let i = self.lower_bound(key);
        let present = i < self.n_keys && self.key(i) == key;
        let next = if present { i + 1 } else { i };
        let goes_on = next < self.n_keys && {
            let k = self.key(next);
            k.len() > key.len() && k.starts_with(key) && k[key.len()] == b' '
        };
        (present, goes_on)
    }

    /// Byte offsets (in the TSV) of the rows of key index `i`.
    pub fn postings(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let base = self.postings_base();
        (self.post_off(i)..self.post_off(i + 1)).map(move |p| u32_at(self.idx, base + p) as usize)
    }

    /// The row starting at byte `off`, parsed.
    pub fn row(&self, off: usize) -> Option<Place> {
        let rest = self.tsv.get(off..)?;
        Place::parse(rest.split('\n').next().unwrap_or(""))
    }

    /// The raw line starting at byte `off`.
    pub fn line(&self, off: usize) -> &'static str {
        let tsv: &'static str = self.tsv;
        tsv.get(off..).and_then(|r| r.split('\n').next()).unwrap_or("")
    }

    /// The row with this id (rows are sorted by id), parsed.
    pub fn by_id(&self, id: &str) -> Option<Place> {
        let base = self.rows_base();
        let (mut lo, mut hi) = (0, self.n_rows);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let off = u32_at(self.idx, base + mid) as usize;
            let line = self.line(off);
            let row_id = line.split('\t').next().unwrap_or("");
            match row_id.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.row(off),
            }
        }
        None
    }

    /// Every row offset in file order (for data tests).
    pub fn row_offsets(&self) -> impl Iterator<Item = usize> + '_ {
        let base = self.rows_base();
        (0..self.n_rows).map(move |i| u32_at(self.idx, base + i) as usize)
    }
}

impl Default for BuiltinPlaces {
    fn default() -> BuiltinPlaces {
        BuiltinPlaces::new()
    }
}

fn u32_at(b: &[u8], word: usize) -> u32 {
    let i = word * 4;
    b.get(i..i + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]])).unwrap_or(0)
}

/// Places folded at start-up: companion files and user files.
#[derive(Debug, Default)]
pub struct ExtraPlaces {
    /// Key → places.
    pub by_key: HashMap<String, Vec<Place>>,
    /// Every proper word prefix of a key, with its trailing space ("lac "
    /// for `lac tchad`): the matcher stops extending an n-gram that no key
    /// continues.
    pub prefixes: HashSet<String>,
    /// (key, id) of the names written in capitals ("RDC", "RCA"): an
    /// all-caps word of the text may be read as these only (see
    /// [`written_in_capitals`]).
    pub capitals: HashSet<(String, String)>,
}

impl ExtraPlaces {
    /// Adds a place under one of its names.
    pub fn add(&mut self, name: &str, place: &Place) {
        let k = super::key::key_of_raw(name, crate::normalize::fold);
        if k.is_empty() {
            return;
        }
        for (at, _) in k.match_indices(' ') {
            self.prefixes.insert(k[..=at].to_string());
        }
        if written_in_capitals(name) {
            self.capitals.insert((k.clone(), place.id.clone()));
        }
        let v = self.by_key.entry(k).or_default();
        if !v.iter().any(|p| p.id == place.id) {
            v.push(place.clone());
        }
    }
}

/// True for a name written in capitals: at least two letters, none of
/// them lowercase ("RDC", "R.D.C.", "N'DJAMENA").
pub fn written_in_capitals(name: &str) -> bool {
    let mut letters = name.chars().filter(|c| c.is_alphabetic());
    let n = letters.clone().count();
    n >= 2 && letters.all(char::is_uppercase)
}

/// Country centroids computed at build time (mean of admin1 positions).
pub fn centroid(code: &str) -> Option<(f64, f64)> {
    static C: &str = include_str!(concat!(env!("OUT_DIR"), "/centroids.tsv"));
    C.lines().find_map(|l| {
        let mut it = l.split('\t');
        (it.next()? == code).then_some(())?;
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    })
}
