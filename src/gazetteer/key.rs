//! Name keys: the form under which gazetteer names are indexed and looked up.
//!
//! A *key* is a folded name (see [`crate::normalize`]) cut into *words* —
//! runs of ASCII letters and digits and of non-ASCII bytes — joined by one
//! space. Hyphens, apostrophes, periods and spaces between words therefore
//! do not matter: "Bobo-Dioulasso", "Bobo Dioulasso" and "BOBO-DIOULASSO"
//! share the key `bobo dioulasso`, "N'Djamena" is `n djamena`.
//!
//! This file is also compiled into `build.rs`, which indexes `places.tsv`
//! by key at build time, so it must stay free of crate dependencies.

/// True for the bytes words are made of in the fold view.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The key of an already folded name.
pub fn key_of(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
