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
//!   Kaduna", "Margba, dans la même préfecture");
//! * or, cue or not, right before a division named in brackets or after a
//!   dash ("1er janvier – Koulogon-Peul (cercle de Bankass)", "Tiné - région
//!   de Ouaddaï"): a *bracketed division*;
//! * or, after "à" or "de", right before a *locator phrase* that situates it
//!   by a known place ("Mukondi, à une vingtaine de kilomètres de Mamove",
//!   "Damishi, non loin de Kujama"), whose country it takes;
//! * or, after "à" or "de", right before an *apposed settlement noun*
//!   ("Bunagana, poste-frontière avec l'Ouganda", "Tiwa, un petit village
//!   du cercle").
//!
//! An adjective may stand between a settlement noun and "de" ("le poste
//! militaire de Kpinkankandi", "le petit village de Tiwa").
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
use crate::gazetteer::places::Place;

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

/// Adjectives that may stand between a settlement noun and "de" ("le poste
/// militaire de X", "le petit village de X"). Not "voisin": "le village
/// voisin de X" is another place than X.
const SETTLEMENT_ADJECTIVES: &[&str] = &[
    "militaire",
    "militaires",
    "avance",
    "avances",
    "frontalier",
    "frontaliers",
    "frontaliere",
    "frontalieres",
    "petit",
    "petite",
    "petits",
    "petites",
    "paisible",
    "isole",
    "isolee",
    "recule",
    "reculee",
];

/// True when the words right before a name (`before`, nearest first, folded)
/// are a settlement noun, with "de"/"d'"/"du"/"des" between or not
/// ("le village de X", "le quartier X"), or a settlement noun, an adjective
/// and "de" ("le poste militaire de X").
pub fn settlement_cue(before: &[&str]) -> bool {
    let k = usize::from(before.first().is_some_and(|w| matches!(*w, "de" | "d" | "du" | "des")));
    if before.get(k).is_some_and(|w| SETTLEMENT_NOUNS.contains(w)) {
        return true;
    }
    if k == 1
        && before.get(1).is_some_and(|w| SETTLEMENT_ADJECTIVES.contains(w))
        && before.get(2).is_some_and(|w| SETTLEMENT_NOUNS.contains(w))
    {
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
    if let Some(e) = bracketed_division_after(f, pos) {
        return Some(e);
    }
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

/// The word at the start of `r` (letters, digits and hyphens) and the rest.
fn first_word(r: &str) -> (&str, &str) {
    let end = r.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(r.len());
    (&r[..end], &r[end..])
}

/// `r` without a leading article ("le ", "la ", "les ", "l'").
fn skip_article(r: &str) -> &str {
    for art in ["le ", "la ", "les ", "l'", "l "] {
        if let Some(x) = r.strip_prefix(art) {
            return x;
        }
    }
    r
}

/// When the fold view right after byte `pos` names a division in brackets
/// or after a dash, with its linker ("(cercle de Bankass)", "(dans la
/// région de Mopti)", " - région de Kidal"), the byte offset where the
/// division noun ends. Such a phrase announces the name before it by itself.
pub fn bracketed_division_after(f: &str, pos: usize) -> Option<usize> {
    let rest = f.get(pos..)?;
    let mut r = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')).or_else(|| rest.strip_prefix(" - "))?;
    r = r.strip_prefix("dans ").unwrap_or(r);
    r = skip_article(r);
    let (word, after) = first_word(r);
    if !DIVISIONS.contains(&word) {
        return None;
    }
    [" de ", " du ", " des ", " d'"].iter().any(|l| after.starts_with(l)).then(|| f.len() - after.len())
}

/// Words that may make the quantity of a distance ("à une vingtaine de
/// kilomètres", "à environ 30 km", "à quelques kilomètres").
const DISTANCE_WORDS: &[&str] = &[
    "environ",
    "quelque",
    "quelques",
    "plusieurs",
    "plus",
    "moins",
    "peine",
    "de",
    "d",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "douze",
    "quinze",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "dizaine",
    "douzaine",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "soixantaine",
    "centaine",
];

/// Units of a distance.
const DISTANCE_UNITS: &[&str] = &["km", "kms", "kilometre", "kilometres"];

/// Directions after a distance ("à 20 km au nord-est de").
const DIRECTIONS: &[&str] = &["nord", "sud", "est", "ouest"];

/// When the fold view right after byte `pos` is a comma and a *locator
/// phrase* ("à une vingtaine de kilomètres de", "à 80 km au nord de",
/// "non loin de", "près de"), the byte offset where the phrase ends (where
/// the place it refers to begins).
pub fn locator_after(f: &str, pos: usize) -> Option<usize> {
    locator_distance_after(f, pos).map(|(e, _)| e)
}

/// The value of a distance word ("vingtaine" → 20), in km.
fn distance_value(w: &str) -> Option<f64> {
    let v = match w {
        "un" | "une" => 1.0,
        "deux" => 2.0,
        "trois" => 3.0,
        "quatre" => 4.0,
        "cinq" => 5.0,
        "six" => 6.0,
        "sept" => 7.0,
        "huit" => 8.0,
        "neuf" => 9.0,
        "dix" | "dizaine" => 10.0,
        "douze" | "douzaine" => 12.0,
        "quinze" | "quinzaine" => 15.0,
        "vingt" | "vingtaine" => 20.0,
        "trente" | "trentaine" => 30.0,
        "quarante" | "quarantaine" => 40.0,
        "cinquante" | "cinquantaine" => 50.0,
        "soixante" | "soixantaine" => 60.0,
        "cent" | "centaine" => 100.0,
        _ => return w.parse().ok(),
    };
    Some(v)
}

/// How far (km) from the place a locator phrase names the place it
/// situates may lie: half as far again as the distance it states (a road
/// distance is longer than a straight line) and 20 km more, or 50 km for
/// "près de", "non loin de".
pub fn locator_reach(km: Option<f64>) -> f64 {
    km.map_or(50.0, |d| 1.5 * d + 20.0)
}

/// [`locator_after`], with the distance the phrase states in km ("à une
/// vingtaine de kilomètres" → 20; "plusieurs", "quelques" → 5; none for
/// "près de").
pub fn locator_distance_after(f: &str, pos: usize) -> Option<(usize, Option<f64>)> {
    let rest = f.get(pos..)?;
    let r = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" ,"))?.trim_start();
    let end_of = |x: &str| -> Option<usize> {
        ["de ", "du ", "des ", "d'"].iter().find_map(|l| x.strip_prefix(l)).map(|y| f.len() - y.len())
    };
    for p in ["non loin ", "tout pres ", "pres ", "a proximite "] {
        if let Some(x) = r.strip_prefix(p) {
            return end_of(x).map(|e| (e, None));
        }
    }
    let mut x = r.strip_prefix("a ")?;
    // The quantity, then the unit.
    let mut words = 0;
    let mut km: Option<f64> = None;
    loop {
        let (w, after) = first_word(x);
        if w.is_empty() || words > 6 {
            return None;
        }
        let sep = after.strip_prefix(' ').or_else(|| after.strip_prefix('\''));
        if DISTANCE_UNITS.contains(&w) {
            x = sep?;
            break;
        }
        if !(DISTANCE_WORDS.contains(&w) || w.bytes().all(|c| c.is_ascii_digit())) {
            return None;
        }
        if matches!(w, "quelques" | "plusieurs") {
            km = Some(5.0);
        } else if let Some(v) = distance_value(w) {
            // "une vingtaine", "quelque 30": the largest figure.
            km = Some(km.map_or(v, |k: f64| k.max(v)));
        }
        x = sep?;
        words += 1;
    }
    // A direction: "au nord de", "au nord-est de", "a l'ouest de".
    let y = x.strip_prefix("au ").or_else(|| x.strip_prefix("a l'")).or_else(|| x.strip_prefix("a l "));
    if let Some(y) = y {
        let (w, after) = first_word(y);
        if w.split('-').all(|d| DIRECTIONS.contains(&d)) {
            return end_of(after.strip_prefix(' ')?).map(|e| (e, km));
        }
    }
    end_of(x).map(|e| (e, km))
}

/// True when the fold view right after byte `pos` is a comma and a
/// settlement noun in apposition ("Bunagana, poste-frontière avec", "Tiwa,
/// un petit village du cercle", "Tiwa, l'une des localités").
pub fn apposed_settlement_after(f: &str, pos: usize) -> bool {
    let Some(rest) = f.get(pos..) else { return false };
    let Some(r) = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" ,")) else { return false };
    let mut r = r.trim_start();
    for det in
        ["l'un des ", "l'une des ", "l un des ", "l une des ", "un ", "une ", "le ", "la ", "l'", "ce ", "cette "]
    {
        if let Some(x) = r.strip_prefix(det) {
            r = x;
            break;
        }
    }
    let (mut w, after) = first_word(r);
    if SETTLEMENT_ADJECTIVES.contains(&w) {
        w = first_word(after.trim_start()).0;
    }
    // "poste-frontière": the first part is the noun.
    w == "chef-lieu" || SETTLEMENT_NOUNS.contains(&w.split('-').next().unwrap_or(w))
}

/// The entry of a place no gazetteer has: named `name` as written, keyed
/// `folded`, in country `cc` (and `admin1` when known), without coordinates.
pub fn unresolved_place(cc: &str, folded: &str, name: &str, admin1: &str, feature: &str) -> Place {
    Place {
        id: unresolved_id(cc, folded),
        name: name.to_string(),
        country: cc.to_string(),
        admin1: admin1.to_string(),
        admin2: String::new(),
        lat: None,
        lon: None,
        feature: feature.to_string(),
        code: String::new(),
        population: 0,
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
    fn bracketed_divisions_locators_and_apposed_nouns() {
        // A division in brackets or after a dash, with its linker.
        let f = "- tiwa (cercle de niono). le";
        assert_eq!(bracketed_division_after(f, 6).map(|e| &f[..e]), Some("- tiwa (cercle"));
        assert!(bracketed_division_after("tiwa (dans la region de segou)", 4).is_some());
        assert!(bracketed_division_after("tiwa - prefecture de l'oti", 4).is_some());
        assert!(bracketed_division_after("tiwa (region natale)", 4).is_none());
        assert!(bracketed_division_after("tiwa (ou tiwaa)", 4).is_none());
        // The containment phrase takes the bracketed form too.
        assert!(containment_after("a tiwa (province du nord)", 6).is_some());
        // Distances and nearness, with or without a direction.
        let g = "a kalo, a une trentaine de kilometres au sud-ouest de bouna";
        assert_eq!(locator_after(g, 6).map(|e| &g[e..]), Some("bouna"));
        let h = "a kalo, a 12 km d'ansongo";
        assert_eq!(locator_after(h, 6).map(|e| &h[e..]), Some("ansongo"));
        assert!(locator_after("a kalo, non loin de la frontiere", 6).is_some());
        assert!(locator_after("a kalo, pres d'ansongo", 6).is_some());
        assert!(locator_after("a kalo, a la demande de", 6).is_none());
        assert!(locator_after("a kalo, a trois heures de route", 6).is_none());
        assert!(locator_after("a kalo a 12 km de bouna", 6).is_none());
        // The distance it states, in km.
        assert_eq!(locator_distance_after(g, 6).map(|x| x.1), Some(Some(30.0)));
        assert_eq!(locator_distance_after(h, 6).map(|x| x.1), Some(Some(12.0)));
        assert_eq!(locator_distance_after("a kalo, a quelques km de bouna", 6).map(|x| x.1), Some(Some(5.0)));
        assert_eq!(locator_distance_after("a kalo, pres de bouna", 6).map(|x| x.1), Some(None));
        assert!(locator_reach(Some(20.0)) < 75.0 && locator_reach(Some(80.0)) > 80.0);
        // A settlement noun in apposition.
        assert!(apposed_settlement_after("de kalo, poste-frontiere avec", 7));
        assert!(apposed_settlement_after("de kalo, un petit village du cercle", 7));
        assert!(apposed_settlement_after("de kalo, l'une des localites", 7));
        assert!(apposed_settlement_after("de kalo, chef-lieu de la commune", 7));
        assert!(!apposed_settlement_after("de kalo, chef du village", 7));
        assert!(!apposed_settlement_after("de kalo, le maire", 7));
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
        // An adjective between the noun and "de".
        assert!(settlement_cue(&["de", "militaire", "poste", "un"]));
        assert!(settlement_cue(&["de", "petit", "village", "le"]));
        assert!(!settlement_cue(&["de", "voisin", "village", "le"]));
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
