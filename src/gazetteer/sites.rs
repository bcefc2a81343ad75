//! Named sites: a site noun followed by a capitalized name makes one place
//! mention of the whole phrase ("la forêt du Wagadou", "le stade des
//! Martyrs", "l'aéroport international Toussaint Louverture").
//!
//! The nouns are data (`gazetteers/place_sites.tsv`). A *natural* noun
//! (forêt, lac, delta…) makes the phrase the name even when the words after
//! it name a known place ("le delta du Niger" is not the country); a *built*
//! noun (stade, aéroport…) does so only when they name no known place ("le
//! stade de Kidal" stays the town of Kidal). Adjectives may stand between
//! the noun and the name ("parc national de la Pendjari").

use std::collections::HashMap;

use crate::gazetteer::load::list_lines;

/// What a word of `place_sites.tsv` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// A natural site noun: the phrase is the name whatever follows.
    Natural,
    /// A built site noun that may take its name right after it ("stade TP Mazembe").
    Built,
    /// A built site noun whose name must follow "de"/"du"/"des" ("place de la Concertation").
    BuiltLinked,
    /// An adjective that may follow a site noun ("national").
    Adjective,
}

/// A site phrase found at a noun: token indices of its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SitePhrase {
    /// The site noun's token.
    pub noun: usize,
    /// The first token of the name after the noun, adjectives and linker.
    pub name_first: usize,
    /// The last token of the name.
    pub last: usize,
    /// The noun's kind (never `Adjective`).
    pub kind: SiteKind,
}

/// The site nouns and adjectives, by folded word.
#[derive(Debug, Default)]
pub struct SiteNouns {
    words: HashMap<String, SiteKind>,
}

impl SiteNouns {
    /// Parses `place_sites.tsv` (header `word<TAB>kind`); `fold` folds a word.
    pub fn parse(text: &str, fold: impl Fn(&str) -> String) -> Result<SiteNouns, String> {
        let mut words = HashMap::new();
        for line in list_lines(text).skip(1) {
            let (word, kind) = line.split_once('\t').ok_or_else(|| format!("place_sites.tsv: no tab in {line:?}"))?;
            let kind = match kind.trim() {
                "natural" => SiteKind::Natural,
                "built" => SiteKind::Built,
                "built_linked" => SiteKind::BuiltLinked,
                "adjective" => SiteKind::Adjective,
                k => return Err(format!("place_sites.tsv: unknown kind {k:?} for {word:?}")),
            };
            words.insert(fold(word.trim()), kind);
        }
        Ok(SiteNouns { words })
    }

    /// True when `word` (folded) is a site noun or adjective.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The site phrase starting at token `i` when `words[i]` is a site noun.
    /// `words` are the folded tokens, `capitalized(k)` says whether token
    /// `k` starts with a capital in the original, `joined(k)` whether tokens
    /// `k - 1` and `k` are joined by a space, a hyphen or an apostrophe.
    pub fn phrase_at(
        &self,
        words: &[&str],
        capitalized: impl Fn(usize) -> bool,
        joined: impl Fn(usize) -> bool,
        i: usize,
    ) -> Option<SitePhrase> {
        let kind = *self.words.get(words[i])?;
        if kind == SiteKind::Adjective {
            return None;
        }
        // "à la place de", "sur place", "en place": the word, not a site.
        let before = |n: usize| i.checked_sub(n).map(|k| words[k]);
        if kind == SiteKind::BuiltLinked && (matches!(before(1), Some("sur" | "en")) || before(2) == Some("a")) {
            return None;
        }
        let mut k = i + 1;
        while k < words.len() && joined(k) && self.words.get(words[k]) == Some(&SiteKind::Adjective) {
            k += 1;
        }
        let linker_start = k;
        if k < words.len() && joined(k) {
            match words[k] {
                "du" | "des" | "d" => k += 1,
                "de" => {
                    k += 1;
                    if k < words.len() && joined(k) && matches!(words[k], "la" | "l") {
                        k += 1;
                    }
                }
                _ => {}
            }
        }
        let linked = k > linker_start;
        if kind == SiteKind::BuiltLinked && !linked {
            return None;
        }
        let name_first = k;
        while k < words.len() && joined(k) && capitalized(k) {
            k += 1;
        }
        (k > name_first).then_some(SitePhrase { noun: i, name_first, last: k - 1, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nouns() -> SiteNouns {
        SiteNouns::parse(include_str!("../../gazetteers/place_sites.tsv"), crate::normalize::fold)
            .expect("place_sites.tsv parses")
    }

    /// The phrase at the first site noun of `text` (words split on spaces and
    /// apostrophes; a capital in the original marks a name word).
    fn phrase(text: &str) -> Option<String> {
        let raw: Vec<&str> = text.split([' ', '\'']).collect();
        let folded: Vec<String> = raw.iter().map(|w| crate::normalize::fold(w)).collect();
        let words: Vec<&str> = folded.iter().map(String::as_str).collect();
        let n = nouns();
        let at = (0..words.len()).find(|&k| n.words.get(words[k]).is_some_and(|s| *s != SiteKind::Adjective))?;
        let p = n.phrase_at(&words, |k| raw[k].starts_with(char::is_uppercase), |_| true, at)?;
        Some(raw[p.noun..=p.last].join(" "))
    }

    #[test]
    fn site_phrases() {
        assert_eq!(phrase("dans la forêt du Wagadou hier").as_deref(), Some("forêt du Wagadou"));
        assert_eq!(phrase("au bord du lac Iro").as_deref(), Some("lac Iro"));
        assert_eq!(phrase("le parc national de la Pendjari").as_deref(), Some("parc national de la Pendjari"));
        assert_eq!(
            phrase("vers l'aéroport international Toussaint Louverture").as_deref(),
            Some("aéroport international Toussaint Louverture")
        );
        assert_eq!(phrase("sur la place de la Nation").as_deref(), Some("place de la Nation"));
        assert_eq!(phrase("le stade Omar Bongo").as_deref(), Some("stade Omar Bongo"));
    }

    #[test]
    fn not_site_phrases() {
        // No capitalized name after the noun.
        assert_eq!(phrase("la province du Lac"), None);
        assert_eq!(phrase("près du lac de barrage"), None);
        // "place" as a word.
        assert_eq!(phrase("à la place de Moussa"), None);
        assert_eq!(phrase("restés sur place Lundi"), None);
        assert_eq!(phrase("la place Moussa"), None);
    }
}
