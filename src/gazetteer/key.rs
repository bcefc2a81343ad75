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

/// The key of a raw (unfolded) name. ASCII names are only lowercased (what
/// folding does to them); others go through `fold` (passed in, so that this
/// file stays dependency-free for `build.rs`).
pub fn key_of_raw(name: &str, fold: impl Fn(&str) -> String) -> String {
    if name.is_ascii() {
        key_of(&name.to_ascii_lowercase())
    } else {
        key_of(&fold(name))
    }
}
