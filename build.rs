//! Build script: indexes `gazetteers/places.tsv` by name key at compile time
//! so that the ~180 000 places cost nothing to load at run time.
//!
//! Output (in OUT_DIR):
//! * `places.idx`: little-endian u32 tables — see `src/gazetteer/places.rs`
//!   (`BuiltinPlaces`) for the layout; names are folded with the crate's own
//!   `normalize::fold` (compiled in here) and cut with `gazetteer/key.rs`.
//! * `places.bkt`: 65 537 little-endian u32, the first key index of each
//!   two-byte key prefix (see `BuiltinPlaces::range_of`);
//! * `centroids.tsv`: per country code, the mean position of its admin1 rows
//!   (countries.tsv has no coordinates).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

mod span {
    //! Stand-in for `src/span.rs` (which needs serde): only what
    //! `normalize.rs` uses.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct ViewRange {
        pub start: usize,
        pub end: usize,
    }
    impl ViewRange {
        pub fn new(start: usize, end: usize) -> ViewRange {
            ViewRange { start, end }
        }
    }
    #[derive(Debug, Clone)]
    pub struct Span {
        pub start: usize,
        pub end: usize,
        pub byte_start: usize,
        pub byte_end: usize,
        pub text: String,
    }
}

#[path = "src/normalize.rs"]
mod normalize;

#[path = "src/gazetteer/key.rs"]
mod key;

fn main() {
    println!("cargo:rerun-if-changed=gazetteers/places.tsv");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/key.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let tsv = std::fs::read_to_string("gazetteers/places.tsv").expect("gazetteers/places.tsv is readable UTF-8");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");

    let mut rows: Vec<u32> = Vec::new();
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut sums: BTreeMap<String, (f64, f64, u32)> = BTreeMap::new();
    let mut header_seen = false;
    let mut offset = 0usize;
    for line in tsv.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !header_seen {
            header_seen = true; // the column header row
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 11 {
            panic!("gazetteers/places.tsv: line at byte {at} has {} columns, 11 expected", cols.len());
        }
        let row = at as u32;
        rows.push(row);
        let mut seen: Vec<String> = Vec::new();
        for name in std::iter::once(cols[1]).chain(cols[2].split('|')) {
            let k = key::key_of(&normalize::fold(name));
            if k.is_empty() || seen.contains(&k) {
                continue;
            }
            keys.entry(k.clone()).or_default().push(row);
            seen.push(k);
        }
        if cols[8] == "admin1" {
            if let (Ok(lat), Ok(lon)) = (cols[6].parse::<f64>(), cols[7].parse::<f64>()) {
                let e = sums.entry(cols[3].to_string()).or_insert((0.0, 0.0, 0));
                e.0 += lat;
                e.1 += lon;
                e.2 += 1;
            }
        }
    }

    // Layout: n_keys, n_rows, key_off[n_keys+1], post_off[n_keys+1],
    // postings[], rows[], then the key bytes.
    let n_keys = keys.len() as u32;
    let mut key_off = Vec::with_capacity(keys.len() + 1);
    let mut post_off = Vec::with_capacity(keys.len() + 1);
    let mut postings: Vec<u32> = Vec::new();
    let mut key_bytes: Vec<u8> = Vec::new();
    for (k, p) in &keys {
        key_off.push(key_bytes.len() as u32);
        post_off.push(postings.len() as u32);
        key_bytes.extend_from_slice(k.as_bytes());
        postings.extend_from_slice(p);
    }
    key_off.push(key_bytes.len() as u32);
    post_off.push(postings.len() as u32);
    let mut bin: Vec<u8> = Vec::new();
    let put = |v: u32, bin: &mut Vec<u8>| bin.extend_from_slice(&v.to_le_bytes());
    put(n_keys, &mut bin);
    put(rows.len() as u32, &mut bin);
    for v in key_off.iter().chain(&post_off).chain(&postings).chain(&rows) {
        put(*v, &mut bin);
    }
    bin.extend_from_slice(&key_bytes);
    std::fs::write(format!("{out}/places.idx"), bin).expect("write places.idx");

    // Buckets by the first two bytes of a key (a one-byte key counts its
    // second byte as 0): bucket[p] is the first key index whose two-byte
    // prefix is >= p, for p in 0..=65536. Keys are sorted bytewise, so the
    // keys of prefix p are bucket[p]..bucket[p + 1] and a binary search
    // starts from ~100 keys instead of ~300 000.
    let two = |k: &[u8]| (usize::from(k[0]) << 8) | usize::from(k.get(1).copied().unwrap_or(0));
    let mut bucket = vec![0u32; 65537];
    let mut next = 0usize;
    for (idx, k) in keys.keys().enumerate() {
        let p = two(k.as_bytes());
        while next <= p {
            bucket[next] = idx as u32;
            next += 1;
        }
    }
    while next <= 65536 {
        bucket[next] = n_keys;
        next += 1;
    }
    let mut bkt: Vec<u8> = Vec::with_capacity(bucket.len() * 4);
    for v in &bucket {
        bkt.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(format!("{out}/places.bkt"), bkt).expect("write places.bkt");

    let mut c = String::new();
    for (code, (lat, lon, n)) in &sums {
        let _ = writeln!(c, "{code}\t{:.5}\t{:.5}", lat / *n as f64, lon / *n as f64);
    }
    std::fs::write(format!("{out}/centroids.tsv"), c).expect("write centroids.tsv");
}
