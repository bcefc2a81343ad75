//! Unknown place names: capitalized words that no gazetteer knows but that
//! the text itself announces as places.
//!
//! Terms: an *unknown place* is a capitalized word (not sentence-initial, not
//! all capitals, not a known place, actor or person, not one of
//! `gazetteers/place_not_names.txt`) that is
//! * right after a locality or site cue: "le village de Tadaryat", "le poste
//!   de Kpinkankandi", "le quartier Himbi", or coordinated with a place so
//!   announced ("les villages de Tamalate et d'Inchinane");
//! * or, after "à" or "de", right before a *containment phrase*: a comma,
//!   "dans", an article and a division noun ("Kuriga, dans l'État de
//!   Kaduna", "Margba, dans la même préfecture").
//!
//! A hyphenated compound of capitalized words after a division or
//! settlement noun ("l'arrondissement de Mayo-Moskota", "le secteur de
//! Beni-Mbau") is one unknown name when the gazetteer has no entry of the
//! whole, even if its parts name places (Mayo, Mbau); elsewhere ("l'axe
//! Fada-Pama") the parts are places of their own.
//!
//! Once a word is so announced, its other capitalized occurrences in the
//! document name the same place. An unknown place has the id
//! `vigie:place/unresolved/<cc>/<name key>` (see [`unresolved_id`]), no
//! coordinates, and the country of the division named after it, or else
//! the country the document is most about.

use crate::gazetteer::key::key_of;

/// Division nouns that make a containment phrase after a name.
const DIVISIONS: &[&str] = &[
    "region",
    "province",
    "prefecture",
    "cercle",
    "departement",
    "etat",
    "territoire",
    "commune",
    "zone",
    "localite",
    "wilaya",
    "sous-prefecture",
    "lga",
    "secteur",
    "chefferie",
    "groupement",
];

/// Cue nouns that announce a settlement (or a camp of displaced people) by
/// its own name. Infrastructure nouns ("le marché de", "la mine de", "le
/// campement de") also name a town, but as often a company or a person, so
/// they do not announce an unknown name.
const SETTLEMENT_NOUNS: &[&str] = &[
    "village",
    "villages",
    "localite",
    "localites",
    "hameau",
    "hameaux",
    "quartier",
    "quartiers",
    "bourgade",
    "commune",
    "communes",
    "ville",
    "villes",
    "arrondissement",
    "camp",
    "camps",
    "site",
    "sites",
    "poste",
    "postes",
];

/// True when the words right before a name (`before`, nearest first, folded)
/// are a settlement noun, with "de"/"d'"/"du"/"des" between or not
/// ("le village de X", "le quartier X").
pub fn settlement_cue(before: &[&str]) -> bool {
    let k = usize::from(before.first().is_some_and(|w| matches!(*w, "de" | "d" | "du" | "des")));
    if before.get(k).is_some_and(|w| SETTLEMENT_NOUNS.contains(w)) {
        return true;
    }
    // "le site de déplacés de X", "le camp de réfugiés de X".
    k == 1
        && before.get(2).is_some_and(|w| matches!(*w, "de" | "d"))
        && before.get(3).is_some_and(|w| SETTLEMENT_NOUNS.contains(w))
        && before.get(1).is_some_and(|w| !SETTLEMENT_NOUNS.contains(w) && !DIVISIONS.contains(w))
}

/// True when the words right before a name (`before`, nearest first,
/// folded) are a division or settlement noun, then "de"/"du"/"des"/"d'"
/// or not, then an article or not ("l'arrondissement de X", "le secteur
/// de X", "le village X"): a hyphenated compound after it is one name.
pub fn division_or_settlement_cue(before: &[&str]) -> bool {
    let mut k = usize::from(before.first().is_some_and(|w| matches!(*w, "la" | "le" | "l" | "les")));
    k += usize::from(before.get(k).is_some_and(|w| matches!(*w, "de" | "d" | "du" | "des")));
    before.get(k).is_some_and(|w| SETTLEMENT_NOUNS.contains(w) || DIVISIONS.contains(w))
}

/// When the fold view right after byte `pos` is a containment phrase
/// (", dans la province de", ", dans la même préfecture"), the byte
/// offset where the phrase's division noun ends.
pub fn containment_after(f: &str, pos: usize) -> Option<usize> {
    let mut rest = f.get(pos..)?;
    // A parenthesis between: "Boma (ou Bohoma), dans la province du Lac";
    // or the name ends one: "(ou Bohoma), dans".
    if let Some(x) = rest.strip_prefix(" (") {
        let close = x.find(')').filter(|&c| c <= 40)?;
        rest = &x[close + 1..];
    } else if let Some(x) = rest.strip_prefix(')') {
        rest = x;
    }
    let rest_trim = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" ,"))?;
    let mut r = rest_trim.trim_start();
    r = r.strip_prefix("dans ").or_else(|| r.strip_prefix("en "))?;
    for art in ["le ", "la ", "les ", "l'", "l "] {
        if let Some(x) = r.strip_prefix(art) {
            r = x;
            break;
        }
    }
    r = r.strip_prefix("meme ").unwrap_or(r);
    let word_end = r.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(r.len());
    let word = &r[..word_end];
    if DIVISIONS.contains(&word) {
        Some(f.len() - r.len() + word_end)
    } else {
        None
    }
}

/// The id of an unknown place named `folded` in country `cc`.
pub fn unresolved_id(cc: &str, folded: &str) -> String {
    let slug = key_of(folded).replace(' ', "-");
    format!("vigie:place/unresolved/{}/{slug}", cc.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_phrases() {
        let f = "a zorbou, dans la prefecture de kadi";
        assert_eq!(containment_after(f, 8).map(|e| &f[..e]), Some("a zorbou, dans la prefecture"));
        let g = "de mbara, dans la meme province, ont";
        assert!(containment_after(g, 8).is_some());
        assert!(containment_after("de mbara, dans l'etat de lago", 8).is_some());
        // Not a division: "dans la nuit", no comma.
        assert!(containment_after("a zorbou, dans la nuit", 8).is_none());
        assert!(containment_after("a zorbou dans la province", 8).is_none());
        let h = "de zorbou (ou zorbu), dans la province du lac";
        assert!(containment_after(h, 9).is_some());
        assert!(containment_after(h, 19).is_some());
    }

    #[test]
    fn settlement_nouns() {
        assert!(settlement_cue(&["de", "village"]));
        assert!(settlement_cue(&["d", "poste"]));
        assert!(settlement_cue(&["quartier", "le"]));
        assert!(!settlement_cue(&["de", "campement"]));
        assert!(!settlement_cue(&["de", "mine"]));
        assert!(!settlement_cue(&[]));
        assert!(settlement_cue(&["de", "deplaces", "de", "site"]));
        assert!(settlement_cue(&["de", "refugies", "d", "camp"]));
        assert!(!settlement_cue(&["de", "chef", "le", "site"]));
    }

    #[test]
    fn division_and_settlement_nouns_before_a_compound() {
        assert!(division_or_settlement_cue(&["de", "arrondissement"]));
        assert!(division_or_settlement_cue(&["de", "secteur"]));
        assert!(division_or_settlement_cue(&["la", "de", "commune"]));
        assert!(division_or_settlement_cue(&["village"]));
        assert!(!division_or_settlement_cue(&["axe", "l"]));
        assert!(!division_or_settlement_cue(&["de", "route"]));
    }

    #[test]
    fn ids_are_stable_slugs() {
        assert_eq!(unresolved_id("TG", "kpanbo"), "vigie:place/unresolved/tg/kpanbo");
        assert_eq!(unresolved_id("ML", "in tebzaz"), "vigie:place/unresolved/ml/in-tebzaz");
    }
}
