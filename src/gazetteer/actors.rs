//! Actors and people: one Aho-Corasick automaton over their folded names.
//!
//! Terms: an *entry* is one row of `actors.tsv` or `people.tsv` (an id, a
//! canonical name, aliases); a *pattern* is one folded name or alias of an
//! entry. The automaton (a few thousand patterns, built in about a
//! millisecond) runs over the fold view; a hit counts when it sits on word
//! boundaries and passes its case check:
//!
//! * aliases marked `*` in the file (risky: also a common word) and
//!   acronym-like aliases ("EI", "CMA") must be capitalized in the original;
//! * a person alias of one word (a bare surname, "Goïta") must be too.
//!
//! Overlapping hits are settled longest first.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::key::{is_word_byte, key_of};
use super::load::{LoadError, Table};
use crate::normalize::{fold, NormalizedText};
use crate::span::ViewRange;

/// Whether an entry is an actor or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// `actors.tsv`.
    Actor,
    /// `people.tsv`.
    Person,
}

/// One actor or person entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEntry {
    /// Actor or person.
    pub kind: NameKind,
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Actor category (actors only).
    pub category: String,
    /// Roles (people only).
    pub roles: Vec<String>,
    /// Actor id of a person, or parent actor of an actor.
    pub affiliation: Option<String>,
    /// ISO codes of the countries of operation.
    pub countries: Vec<String>,
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    /// Must be capitalized in the original text.
    need_upper: bool,
}

/// A hit of the name automaton, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    /// Range in the fold view.
    pub range: ViewRange,
    /// Index into [`NameMatcher::entries`].
    pub entry: usize,
}

/// The actor and person matcher.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    entries: Vec<NameEntry>,
    patterns: Vec<Pattern>,
    texts: Vec<String>,
    automaton: Option<AhoCorasick>,
    /// (kind, key of a name or alias) → entry.
    by_key: HashMap<(bool, String), usize>,
    /// Keys of leading words that make an alias generic (not matched).
    generic: Vec<String>,
}

impl Default for NameMatcher {
    fn default() -> NameMatcher {
        NameMatcher {
            entries: Vec::new(),
            patterns: Vec::new(),
            texts: Vec::new(),
            automaton: None,
            by_key: HashMap::new(),
            generic: Vec::new(),
        }
    }
}

/// Articles that may precede a name and are not part of it.
const ARTICLES: &[&str] = &["le ", "la ", "les ", "l'", "l "];

/// True when an alias looks like an acronym ("FAMa", "EIGS", "M23").
fn acronym_like(alias: &str) -> bool {
    let upper = alias.chars().filter(|c| c.is_uppercase()).count();
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    !alias.contains(' ') && upper >= 2 && upper * 2 >= letters
}

impl NameMatcher {
    /// Sets the generic words (`actor_generic.txt`): aliases starting with
    /// one of them are known to [`NameMatcher::id_of`] but not matched.
    pub fn set_generic(&mut self, text: &str) {
        self.generic = super::load::list_lines(text).map(|l| key_of(&fold(l))).filter(|k| !k.is_empty()).collect();
    }

    fn is_generic(&self, key: &str) -> bool {
        self.generic.iter().any(|g| key == g || key.strip_prefix(g.as_str()).is_some_and(|r| r.starts_with(' ')))
    }

    /// Adds the entries of an `actors.tsv` text.
    pub fn add_actors(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let t = Table::parse(file, text, &["id", "name", "category"])?;
        for r in t.rows() {
            if r.get("id").is_empty() || r.get("name").is_empty() {
                return Err(t.error(r.line, "empty id or name"));
            }
            let e = NameEntry {
                kind: NameKind::Actor,
                id: r.get("id").into(),
                name: r.get("name").into(),
                category: r.get("category").into(),
                roles: vec![],
                affiliation: Some(r.get("parent")).filter(|s| !s.is_empty()).map(String::from),
                countries: comma_list(r.get("countries")),
            };
            let aliases: Vec<String> = r.list("aliases").into_iter().map(String::from).collect();
            self.push(e, &aliases);
        }
        Ok(())
    }

    /// Adds the entries of a `people.tsv` text.
    pub fn add_people(&mut self, file: &str, text: &str) -> Result<(), LoadError> {
        let t = Table::parse(file, text, &["id", "name"])?;
        for r in t.rows() {
            if r.get("id").is_empty() || r.get("name").is_empty() {
                return Err(t.error(r.line, "empty id or name"));
            }
            let e = NameEntry {
                kind: NameKind::Person,
                id: r.get("id").into(),
                name: r.get("name").into(),
                category: String::new(),
                roles: comma_list(r.get("roles")),
                affiliation: Some(r.get("affiliation")).filter(|s| !s.is_empty()).map(String::from),
                countries: comma_list(r.get("countries")),
            };
            let aliases: Vec<String> = r.list("aliases").into_iter().map(String::from).collect();
            self.push(e, &aliases);
        }
        Ok(())
    }

    fn push(&mut self, e: NameEntry, aliases: &[String]) {
        // A user entry with an existing id replaces nothing: its names are
        // added to the existing entry.
        let idx = match self.entries.iter().position(|x| x.id == e.id && x.kind == e.kind) {
            Some(i) => i,
            None => {
                self.entries.push(e);
                self.entries.len() - 1
            }
        };
        let kind = self.entries[idx].kind;
        let canonical = self.entries[idx].name.clone();
        for (n, raw) in std::iter::once(&canonical).chain(aliases).enumerate() {
            let risky = raw.ends_with('*');
            let written = raw.trim_end_matches('*').trim();
            let folded = fold(written);
            if folded.is_empty() {
                continue;
            }
            let single_word_person = kind == NameKind::Person && !folded.contains(' ');
            let need_upper = risky || acronym_like(written) || single_word_person;
            let key = key_of(&folded);
            let generic = kind == NameKind::Actor && self.is_generic(&key);
            self.by_key.entry((kind == NameKind::Person, key)).or_insert(idx);
            let _ = n;
            if generic {
                continue;
            }
            self.texts.push(folded);
            self.patterns.push(Pattern { entry: idx, need_upper });
        }
        self.automaton = None;
    }

    /// Compiles the automaton (call after the last `add_…`).
    pub fn build(&mut self) {
        self.automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A contiguous NFA builds in well under a millisecond; a DFA would
            // be faster to search but slower to build than the whole article takes.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.texts)
            .ok();
    }

    /// The entries.
    pub fn entries(&self) -> &[NameEntry] {
        &self.entries
    }

    /// Number of patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.texts.len()
    }

    /// The entry id of a name or alias (articles, case and accents ignored).
    pub fn id_of(&self, person: bool, name: &str) -> Option<&str> {
        let mut f = fold(name.trim_end_matches('*'));
        for a in ARTICLES {
            if let Some(rest) = f.strip_prefix(a) {
                f = rest.to_string();
                break;
            }
        }
        self.by_key.get(&(person, key_of(&f))).map(|&i| self.entries[i].id.as_str())
    }

    /// Every checked hit in the text, overlaps settled longest first.
    pub fn find(&self, text: &NormalizedText) -> Vec<NameHit> {
        let Some(ac) = &self.automaton else {
            return vec![];
        };
        let f = text.fold().as_bytes();
        let mut hits: Vec<NameHit> = Vec::new();
        for m in ac.find_overlapping_iter(text.fold()) {
            let (s, e) = (m.start(), m.end());
            if (s > 0 && is_word_byte(f[s - 1])) || (e < f.len() && is_word_byte(f[e])) {
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            if p.need_upper && !text.is_upper_at(s) {
                continue;
            }
            hits.push(NameHit { range: ViewRange::new(s, e), entry: p.entry });
        }
        longest_first(hits, |h| h.range)
    }
}

/// Keeps non-overlapping items, longer ones first, then earlier ones.
pub fn longest_first<T: Clone>(mut items: Vec<T>, range: impl Fn(&T) -> ViewRange) -> Vec<T> {
    items.sort_by(|a, b| {
        let (ra, rb) = (range(a), range(b));
        rb.len().cmp(&ra.len()).then(ra.start.cmp(&rb.start))
    });
    let mut kept: Vec<T> = Vec::new();
    for it in items {
        let r = range(&it);
        if !kept.iter().any(|k| range(k).overlaps(r)) {
            kept.push(it);
        }
    }
    kept.sort_by_key(|k| range(k).start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> NameMatcher {
        let mut m = NameMatcher::default();
        m.add_actors(
            "t",
            "id\tname\tcategory\tcountries\tparent\taliases\nx:a\tAnsar Dine\tarmed_group\tML\t\tAnsardine|AD*\nx:b\tFront de libération du Macina\tarmed_group\tML\t\tFLM\n",
        )
        .unwrap();
        m.add_people("t", "id\tname\troles\taffiliation\tcountries\taliases\nx:p\tIyad Ag Ghali\tarmed_group_leader\tx:a\tML\tGhali\n").unwrap();
        m.build();
        m
    }

    fn found(m: &NameMatcher, s: &str) -> Vec<(String, String)> {
        let t = NormalizedText::new(s.to_string());
        m.find(&t).into_iter().map(|h| (t.original_of(h.range).to_string(), m.entries()[h.entry].id.clone())).collect()
    }

    #[test]
    fn finds_aliases_in_any_case_with_word_boundaries() {
        let m = matcher();
        assert_eq!(
            found(&m, "le groupe ansardine et Iyad ag Ghali"),
            vec![("ansardine".into(), "x:a".into()), ("Iyad ag Ghali".into(), "x:p".into())]
        );
        assert!(found(&m, "les ansardineux").is_empty());
    }

    #[test]
    fn risky_acronyms_and_bare_surnames_need_a_capital() {
        let m = matcher();
        assert!(found(&m, "flm et ad et ghali").is_empty());
        assert_eq!(found(&m, "le FLM, AD et Ghali").len(), 3);
    }

    #[test]
    fn generic_aliases_are_known_but_not_matched() {
        let mut m = NameMatcher::default();
        m.set_generic("soldats\nforces de l'ordre\n");
        m.add_actors("t", "id\tname\tcategory\tcountries\tparent\taliases\nx:f\tForces armées maliennes\tstate_force\tML\t\tFAMa|soldats maliens|forces de l'ordre maliennes\n").unwrap();
        m.build();
        assert!(found(&m, "des soldats maliens et les forces de l'ordre maliennes").is_empty());
        assert_eq!(found(&m, "les FAMa").len(), 1);
        assert_eq!(m.id_of(false, "soldats maliens"), Some("x:f"));
    }

    #[test]
    fn longest_match_wins() {
        let m = matcher();
        let f = found(&m, "Le Front de libération du Macina a frappé.");
        assert_eq!(f, vec![("Front de libération du Macina".into(), "x:b".into())]);
    }

    #[test]
    fn ids_of_aliases_ignore_articles_and_accents() {
        let m = matcher();
        assert_eq!(m.id_of(false, "l'Ansardine"), Some("x:a"));
        assert_eq!(m.id_of(true, "IYAD AG GHALI"), Some("x:p"));
        assert_eq!(m.id_of(true, "Ansar Dine"), None);
    }
}

/// The non-empty, trimmed items of a comma-separated cell ("ML,BF").
fn comma_list(cell: &str) -> Vec<String> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}
