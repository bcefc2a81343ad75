//! Word tokens of the fold view, place cues, and fuzzy name search.
//!
//! Terms: a *token* is a run of word bytes (see [`super::key`]) of the fold
//! view; a *cue* is a word or phrase of `gazetteers/place_cues.tsv` right
//! before a name ("région de", "cercle de", "à") that says a place follows
//! and sometimes what kind of place.

use std::collections::HashMap;

use super::key::{is_word_byte, key_of};
use super::load::{LoadError, Table};
use crate::normalize::fold;

/// A word of the fold view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// The tokens of a fold view.
pub fn tokens(f: &str) -> Vec<Token> {
    let b = f.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while i < b.len() {
        if is_word_byte(b[i]) {
            let s = i;
            while i < b.len() && is_word_byte(b[i]) {
                i += 1;
            }
            out.push(Token { start: s, end: i });
        } else {
            i += 1;
        }
    }
    out
}

/// True when the bytes between two tokens may join words of one name:
/// a space, a hyphen or an apostrophe (at most three such bytes), or a
/// period with no space (abbreviations like "R.D.C").
pub fn joinable(gap: &[u8]) -> bool {
    !gap.is_empty() && gap.len() <= 3 && (gap.iter().all(|b| matches!(b, b' ' | b'-' | b'\'')) || gap == b".")
}

/// What a cue says about the place after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// First-level division ("région de").
    Admin1,
    /// Second-level division ("cercle de").
    Admin2,
    /// Either division level ("province de", "département de").
    Admin,
    /// Town or village ("village de", "localité de").
    Locality,
    /// Camp, base, park, forest… ("camp de").
    Site,
    /// A preposition or spatial phrase ("à", "dans", "près de").
    Prep,
    /// An event or a people noun and "de" ("le massacre de", "les
    /// habitants de"): a place follows, but only a capitalized one.
    Event,
    /// Only "de"/"du"/"des" after a noun that is not a cue ("l'attaque de").
    Of,
}

impl CueKind {
    /// True for cues that name a kind of place.
    pub fn is_noun(self) -> bool {
        !matches!(self, CueKind::Prep | CueKind::Of | CueKind::Event)
    }
}

/// The cue table.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    by_key: HashMap<String, CueKind>,
    max_words: usize,
}

const ARTICLES: &[&str] = &["le", "la", "les", "l"];
const OF: &[&str] = &["de", "du", "des", "d"];

impl Cues {
    /// Parses `place_cues.tsv`.
    pub fn parse(file: &str, text: &str) -> Result<Cues, LoadError> {
        let t = Table::parse(file, text, &["cue", "kind"])?;
        let mut c = Cues::default();
        for r in t.rows() {
            let kind = match r.get("kind") {
                "admin1" | "region" => CueKind::Admin1,
                "admin2" => CueKind::Admin2,
                "admin" => CueKind::Admin,
                "locality" => CueKind::Locality,
                "site" => CueKind::Site,
                "prep" => CueKind::Prep,
                "event" => CueKind::Event,
                k => return Err(t.error(r.line, format!("unknown cue kind {k:?}"))),
            };
            let k = key_of(&fold(r.get("cue")));
            if k.is_empty() {
                return Err(t.error(r.line, "empty cue"));
            }
            c.max_words = c.max_words.max(k.split(' ').count());
            c.by_key.insert(k, kind);
        }
        Ok(c)
    }

    /// The kind of a one-word cue (a folded word), if it is one.
    pub fn kind_of(&self, word: &str) -> Option<CueKind> {
        self.by_key.get(word).copied()
    }

    /// The cue that ends right before token `i` (words on the same sentence
    /// and joined by spaces or apostrophes only), articles skipped.
    pub fn before(&self, f: &str, toks: &[Token], i: usize, floor: usize) -> Option<CueKind> {
        let b = f.as_bytes();
        // A word joined by a hyphen is part of the name, not a cue: "Ouest"
        // in "Nord-Ouest" is not announced by "nord".
        if i > 0 && &b[toks[i - 1].end..toks[i].start] == b"-" {
            return None;
        }
        // Preceding words, nearest first, while the gaps are clean.
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        while j > 0 && words.len() < self.max_words + 3 {
            let (prev, cur) = (toks[j - 1], toks[j]);
            if prev.start < floor {
                break;
            }
            let gap = &b[prev.end..cur.start];
            if gap.is_empty() || gap.len() > 3 || !gap.iter().all(|c| matches!(c, b' ' | b'\'' | b'-')) {
                break;
            }
            words.push(&f[prev.start..prev.end]);
            j -= 1;
        }
        let mut k = 0;
        let article = words.get(k).is_some_and(|w| ARTICLES.contains(w));
        if article {
            k += 1;
        }
        let of = words.get(k).is_some_and(|w| OF.contains(w));
        if of {
            k += 1;
        }
        // A site noun, "de", a noun and "de": "le site de déplacés de",
        // "le camp de réfugiés de", "le poste de police de".
        if of && words.get(k + 1).is_some_and(|w| matches!(*w, "de" | "d")) {
            if let Some(&c @ (CueKind::Site | CueKind::Locality)) = words.get(k + 2).and_then(|w| self.by_key.get(*w)) {
                if words.get(k).is_some_and(|w| self.by_key.get(*w).is_none_or(|&m| m == CueKind::Event)) {
                    return Some(c);
                }
            }
        }
        for n in (1..=self.max_words).rev() {
            if k + n > words.len() {
                continue;
            }
            let phrase: Vec<&str> = words[k..k + n].iter().rev().copied().collect();
            if let Some(&c) = self.by_key.get(&phrase.join(" ")) {
                // An event noun announces a place only with "de" and no
                // article, as towns have ("le massacre de Karma", not
                // "les attaques de l'État").
                if c == CueKind::Event && (!of || article) {
                    continue;
                }
                return Some(c);
            }
        }
        // One word between a noun cue and "de": "la région voisine de".
        if of {
            if let Some(&c) = words.get(k + 1).and_then(|w| self.by_key.get(*w)) {
                if c.is_noun() {
                    return Some(c);
                }
            }
        }
        of.then_some(CueKind::Of)
    }
}

/// Levenshtein distance of two byte strings, or None when above `max`.
///
/// It runs for every key of a prefix range in the fuzzy search, so it does
/// not allocate (two rows on the stack for names up to 63 bytes) and first
/// rejects pairs whose letter counts alone differ by more than `2 * max`.
pub fn edit_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    const CAP: usize = 64;
    // Bag distance: each edit changes the letter counts by at most 2. Each
    // distinct byte is summed once (its count is cleared when read).
    if a.len() < CAP && b.len() < CAP {
        let mut counts = [0i8; 256];
        for &c in a {
            counts[c as usize] += 1;
        }
        for &c in b {
            counts[c as usize] -= 1;
        }
        let mut bag = 0usize;
        for &c in a.iter().chain(b) {
            bag += counts[c as usize].unsigned_abs() as usize;
            counts[c as usize] = 0;
        }
        if bag > 2 * max {
            return None;
        }
    }
    if b.len() >= CAP {
        return edit_distance_heap(a, b, max);
    }
    let mut prev = [0usize; CAP];
    let mut cur = [0usize; CAP];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// [`edit_distance`] for long names, with rows on the heap.
fn edit_distance_heap(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> Cues {
        Cues::parse(
            "t",
            "cue\tkind\nrégion\tadmin1\ncercle\tadmin2\nà\tprep\nzone de gouvernement local\tadmin2\nmassacre\tevent\nsite\tsite\ndéplacés\tevent\n",
        )
        .unwrap()
    }

    fn cue(s: &str) -> Option<CueKind> {
        let f = fold(s);
        let toks = tokens(&f);
        cues().before(&f, &toks, toks.len() - 1, 0)
    }

    #[test]
    fn finds_cues_before_a_name() {
        assert_eq!(cue("dans la région de Gao"), Some(CueKind::Admin1));
        assert_eq!(cue("le cercle de la Xyz"), Some(CueKind::Admin2));
        assert_eq!(cue("il est arrivé à Xyz"), Some(CueKind::Prep));
        assert_eq!(cue("la zone de gouvernement local de Xyz"), Some(CueKind::Admin2));
        assert_eq!(cue("l'attaque de Xyz"), Some(CueKind::Of));
        assert_eq!(cue("la région voisine de Xyz"), Some(CueKind::Admin1));
        assert_eq!(cue("le chef Xyz"), None);
        assert_eq!(cue("la région, Xyz"), None);
        assert_eq!(cue("vers le Nord-Xyz"), None);
        assert_eq!(cue("le massacre de Xyz"), Some(CueKind::Event));
        assert_eq!(cue("un massacre Xyz"), None);
        assert_eq!(cue("le massacre de la Xyz"), Some(CueKind::Of));
        assert_eq!(cue("le site de réfugiés de Xyz"), Some(CueKind::Site));
        assert_eq!(cue("le site de déplacés de Xyz"), Some(CueKind::Site));
    }

    #[test]
    fn tokens_and_joins() {
        let t = tokens("bobo-dioulasso, n'djamena");
        assert_eq!(t.len(), 4);
        assert!(joinable(b"-") && joinable(b"'") && joinable(b" ") && !joinable(b", ") && !joinable(b". "));
    }

    #[test]
    fn edit_distance_with_a_bound() {
        assert_eq!(edit_distance(b"diabally", b"diabaly", 1), Some(1));
        assert_eq!(edit_distance(b"kidal", b"kidal", 1), Some(0));
        assert_eq!(edit_distance(b"kidal", b"nara", 1), None);
        assert_eq!(edit_distance(b"bambari", b"bambary", 1), Some(1));
        assert_eq!(edit_distance(b"tinzaouatene", b"tinzaouaten", 2), Some(1));
        // Same letters, other order: the bag test passes, the distance does not.
        assert_eq!(edit_distance(b"amor", b"roma", 1), None);
        let long = [b'a'; 70];
        assert_eq!(edit_distance(&long, &long[..69], 1), Some(1));
    }
}
