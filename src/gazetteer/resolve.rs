//! Toponym resolution: choosing one entry among homonyms, with evidence.
//!
//! Terms: a *mention* is a place name found in the text with its
//! *candidates* (every entry of that name); *focus* is how much the document
//! is about each country (countries it names, demonyms, places with only one
//! candidate country, actors of one country).
//!
//! Each candidate gets a score, the sum of:
//! * a prior from its feature, GeoNames code and population (countries and
//!   capitals before villages; a town before a same-named district);
//! * agreement with the cue before the name ("région de" → a first-level
//!   division, "cercle de" → a second-level one, "village de" → a locality);
//! * a definite article right before the name ("dans le Boulgou") favours
//!   anything but a town;
//! * the document's focus on its country;
//! * containment: another mention nearby names its admin1 or admin2
//!   ("Dioura, dans le cercle de Ténenkou"; +3 in the same or a
//!   neighbouring sentence, +1.5 elsewhere in the document);
//! * nearness (up to +3) to the places chosen for the other mentions of the same
//!   paragraph (a second pass, after a first choice without it).
//!
//! The mentions of one name with the same kind of cue then pool their scores
//! (one sense per document). The best candidate wins; the others, best
//! first, become `alternatives`.

use std::collections::HashMap;

use super::key::key_of_raw;
use super::matcher::{edit_distance, CueKind};
use super::places::Place;
use super::spelling_key;
use crate::normalize::fold;

/// A place mention to resolve.
#[derive(Debug, Clone)]
pub struct PlaceMentionDraft {
    /// Name key as found.
    pub key: String,
    /// Candidates (deduplicated by id).
    pub candidates: Vec<Place>,
    /// The cue before the name.
    pub cue: Option<CueKind>,
    /// Sentence index.
    pub sentence: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Per candidate: named so by `place_aliases.tsv` (a curated reading).
    pub curated: Vec<bool>,
    /// A definite article right before the name ("dans le Boulgou", "au
    /// Sahel"): French gives one to regions, divisions and countries, not
    /// to towns.
    pub article: bool,
}

/// Words of admin names that only say what kind of division it is.
const DESIGNATORS: &[&str] = &[
    "cercle",
    "de",
    "du",
    "des",
    "la",
    "le",
    "l",
    "d",
    "region",
    "province",
    "prefecture",
    "departement",
    "department",
    "state",
    "etat",
    "territoire",
    "territory",
    "division",
    "lga",
    "commune",
    "of",
    "district",
    "circle",
    "governorate",
    "wilaya",
];

/// The key of an admin name without its designator words ("Cercle de Ménaka" → `menaka`).
pub fn admin_key(name: &str) -> String {
    key_of_raw(name, fold).split(' ').filter(|w| !DESIGNATORS.contains(w)).collect::<Vec<_>>().join(" ")
}

fn prior(p: &Place) -> f64 {
    let feature = match p.feature.as_str() {
        "country" => 6.0,
        "admin1" => 2.0,
        "region" => 3.0,
        "locality" => 1.0,
        "admin2" => 0.8,
        "site" => 0.6,
        _ => 0.2,
    };
    let code = match p.code.as_str() {
        "PPLC" => 2.5,
        "PPLA" => 1.5,
        "PPLA2" => 0.7,
        "PPLA3" => 0.3,
        _ => 0.0,
    };
    // Population tells towns apart; divisions are compared by level only.
    let pop = if matches!(p.feature.as_str(), "locality" | "site") {
        0.4 * ((p.population as f64) + 1.0).log10()
    } else {
        0.0
    };
    let source = if p.id.starts_with("geonames:") { 0.5 } else { 0.0 };
    feature + code + pop + source
}

fn cue_fit(cue: Option<CueKind>, p: &Place) -> f64 {
    let f = p.feature.as_str();
    match cue {
        Some(CueKind::Admin1) if f == "admin1" => 4.0,
        Some(CueKind::Admin2) if f == "admin2" => 4.0,
        Some(CueKind::Admin) if f == "admin1" || f == "admin2" => 4.0,
        Some(CueKind::Admin1 | CueKind::Admin2 | CueKind::Admin) if f == "locality" || f == "admin3" => -1.0,
        Some(CueKind::Locality) if f == "locality" || f == "admin3" => 2.0,
        Some(CueKind::Locality) if f == "admin1" || f == "admin2" => -1.5,
        Some(CueKind::Site) if f == "site" => 2.0,
        _ => 0.0,
    }
}

/// The great-circle distance between two places with coordinates, in km.
pub fn distance_km(a: &Place, b: &Place) -> Option<f64> {
    let (la1, lo1, la2, lo2) = (a.lat?, a.lon?, b.lat?, b.lon?);
    let (p1, p2) = (la1.to_radians(), la2.to_radians());
    let dp = p2 - p1;
    let dl = (lo2 - lo1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    Some(2.0 * 6371.0 * h.sqrt().min(1.0).asin())
}

/// Chooses a candidate for every mention: the order of candidate indexes,
/// best first, per mention.
pub fn resolve(mentions: &[PlaceMentionDraft], focus: &HashMap<String, f64>) -> Vec<Vec<usize>> {
    let max_focus = focus.values().cloned().fold(0.0, f64::max).max(1.0);
    let doc_keys: std::collections::HashSet<&str> = mentions.iter().map(|m| m.key.as_str()).collect();
    // Mentions per (sentence, key), for containment.
    let mut by_sentence: HashMap<(usize, &str), usize> = HashMap::new();
    // The same, only for mentions read as a division ("cercle de Nara").
    let mut by_sentence_div: HashMap<(usize, &str), usize> = HashMap::new();
    for m in mentions {
        *by_sentence.entry((m.sentence, m.key.as_str())).or_default() += 1;
        if is_division_cue(m.cue) {
            *by_sentence_div.entry((m.sentence, m.key.as_str())).or_default() += 1;
        }
    }
    let mut doc_div_keys: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| is_division_cue(m.cue)) {
        *doc_div_keys.entry(m.key.as_str()).or_default() += 1;
    }
    let base: Vec<Vec<f64>> = mentions
        .iter()
        .map(|m| {
            m.candidates
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let mut s = prior(c) + cue_fit(m.cue, c);
                    if m.article && !m.cue.is_some_and(CueKind::is_noun) && c.feature != "locality" {
                        s += 2.0;
                    }
                    if m.curated.get(k).copied().unwrap_or(false) {
                        s += 2.0;
                    }
                    // Named as written (not through a variant): "Solhan" over
                    // "Solna (Solhan)"; a name written joined is the same name
                    // ("Banibangou" is Bani Bangou's own name).
                    if joined(&admin_key(&c.name)) == joined(&m.key) {
                        s += 1.0;
                    }
                    s += 3.0 * focus.get(&c.country).copied().unwrap_or(0.0) / max_focus;
                    // A variant one or two letters off the entry's own name,
                    // not a transliteration of it, is a misspelling or another
                    // name recorded in the source ("Yatenga" for Vatenga): it
                    // yields to a candidate of a focus country that bears the
                    // name itself.
                    if misspelt_variant(&m.key, c) && !m.curated.get(k).copied().unwrap_or(false) {
                        let own = m
                            .candidates
                            .iter()
                            .any(|o| admin_key(&o.name) == m.key && focus.get(&o.country).is_some_and(|&w| w > 0.0));
                        if own {
                            s -= 2.0;
                        }
                    }
                    // Containment: a nearby mention names this candidate's division.
                    let (a1, a2) = (admin_key(&c.admin1), admin_key(&c.admin2));
                    let count = |sent: usize, k: &str| -> usize {
                        let n = by_sentence.get(&(sent, k)).copied().unwrap_or(0);
                        // The mention itself does not contain itself.
                        n - usize::from(sent == m.sentence && k == m.key)
                    };
                    // A place named like its own division (Kidal in the Kidal
                    // region) is not told apart by a bare mention of that name,
                    // only by one read as the division ("le cercle de Nara"
                    // makes Nara the seat of that cercle, not another Nara).
                    // (A division cue with no division of that level among the
                    // candidates, "la région de Nara", is read as a bare name.)
                    let div_self = is_division_cue(m.cue);
                    let own = (!div_self || !m.candidates.iter().any(|x| cue_fit(m.cue, x) > 0.0))
                        && c.feature != "country"
                        && !c.feature.starts_with("admin")
                        && ((!a1.is_empty() && a1 == m.key) || (!a2.is_empty() && a2 == m.key));
                    let div_count = |sent: usize| -> usize {
                        let n = by_sentence_div.get(&(sent, m.key.as_str())).copied().unwrap_or(0);
                        n - usize::from(div_self && sent == m.sentence)
                    };
                    let own_near =
                        own && (m.sentence.saturating_sub(1)..=m.sentence + 1).any(|sent| div_count(sent) > 0);
                    let own_doc = own && doc_div_keys.get(m.key.as_str()).copied().unwrap_or(0) > usize::from(div_self);
                    let (a1, a2) =
                        (if a1 == m.key { String::new() } else { a1 }, if a2 == m.key { String::new() } else { a2 });
                    let near = c.feature != "country"
                        && (m.sentence.saturating_sub(1)..=m.sentence + 1).any(|sent| {
                            (!a1.is_empty() && count(sent, &a1) > 0) || (!a2.is_empty() && count(sent, &a2) > 0)
                        });
                    if near || own_near {
                        s += 3.0;
                    } else if own_doc
                        || (c.feature != "country"
                            && ((!a1.is_empty() && doc_keys.contains(a1.as_str()))
                                || (!a2.is_empty() && doc_keys.contains(a2.as_str()))))
                    {
                        // Its division is named elsewhere in the document.
                        s += 1.5;
                    }
                    s
                })
                .collect()
        })
        .collect();
    let first: Vec<usize> = base.iter().map(|s| argmax(s)).collect();
    // Second pass: nearness to the first choices of the paragraph's other mentions.
    let scores: Vec<Vec<f64>> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut scores = base[i].clone();
            // A division cue with a division of its level among the
            // candidates has said which place it is: nearness does not
            // overrule it ("le cercle de Ménaka" near villages of the cercle).
            let settled = is_division_cue(m.cue) && m.candidates.iter().any(|c| cue_fit(m.cue, c) > 0.0);
            if m.candidates.len() > 1 && !settled {
                for (k, c) in m.candidates.iter().enumerate() {
                    // Nearness is for points; a division's centre says little.
                    if !matches!(c.feature.as_str(), "locality" | "site") {
                        continue;
                    }
                    let mut bonus: f64 = 0.0;
                    // The ten mentions on each side are near enough to judge.
                    for (j, o) in mentions.iter().enumerate().take(i + 11).skip(i.saturating_sub(10)) {
                        if j == i || o.paragraph != m.paragraph || o.key == m.key {
                            continue;
                        }
                        let Some(op) = o.candidates.get(first[j]) else {
                            continue;
                        };
                        if op.feature == "country" || op.feature == "admin1" {
                            continue;
                        }
                        if let Some(d) = distance_km(c, op) {
                            bonus = bonus.max(3.0 * (-d / 250.0).exp());
                        }
                    }
                    scores[k] += bonus;
                }
            }
            scores
        })
        .collect();
    // One sense per document: the mentions of one name with the same kind of
    // cue (a division cue or not) share their evidence, so "Dioura, dans le
    // cercle de Ténenkou" also settles an earlier bare "Dioura".
    // Division cues pool only with the same level: "région de Ménaka" and
    // "cercle de Ménaka" name two divisions.
    let group = |m: &PlaceMentionDraft| {
        let admin = match m.cue {
            Some(CueKind::Admin1) => 1u8,
            Some(CueKind::Admin2) => 2,
            Some(CueKind::Admin) => 3,
            _ => 0,
        };
        let ids: Vec<String> = m.candidates.iter().map(|c| c.id.clone()).collect();
        (m.key.clone(), admin, ids)
    };
    let mut sums: HashMap<(String, u8, Vec<String>), Vec<f64>> = HashMap::new();
    for (m, sc) in mentions.iter().zip(&scores) {
        let e = sums.entry(group(m)).or_insert_with(|| vec![0.0; sc.len()]);
        for (a, b) in e.iter_mut().zip(sc) {
            *a += b;
        }
    }
    mentions
        .iter()
        .map(|m| {
            let scores = &sums[&group(m)];
            let mut order: Vec<usize> = (0..scores.len()).collect();
            order.sort_by(|&a, &b| {
                scores[b].partial_cmp(&scores[a]).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
            });
            order
        })
        .collect()
}

/// True when `key` reaches `p` through a variant one or two letters off
/// the entry's own name that is no transliteration of it ("yatenga" for
/// Vatenga, "solhan" for Solna; not "diabaly" for Diabali).
fn misspelt_variant(key: &str, p: &Place) -> bool {
    let own = admin_key(&p.name);
    own != key
        && !key.contains(' ')
        && !own.contains(' ')
        && edit_distance(own.as_bytes(), key.as_bytes(), 2).is_some_and(|d| d > 0)
        && spelling_key(&own) != spelling_key(key)
}

/// A name key with its words joined ("bani bangou" → "banibangou").
fn joined(key: &str) -> String {
    key.replace(' ', "")
}

/// True for cues that read a name as an administrative division.
fn is_division_cue(cue: Option<CueKind>) -> bool {
    matches!(cue, Some(CueKind::Admin1 | CueKind::Admin2 | CueKind::Admin))
}

fn argmax(s: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in s.iter().enumerate() {
        if *v > s[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        id: &str,
        country: &str,
        admin1: &str,
        admin2: &str,
        feature: &str,
        lat: f64,
        lon: f64,
        pop: u64,
    ) -> Place {
        Place {
            id: id.into(),
            name: id.into(),
            country: country.into(),
            admin1: admin1.into(),
            admin2: admin2.into(),
            lat: Some(lat),
            lon: Some(lon),
            feature: feature.into(),
            code: String::new(),
            population: pop,
        }
    }

    fn draft(key: &str, cands: Vec<Place>, cue: Option<CueKind>, sentence: usize) -> PlaceMentionDraft {
        PlaceMentionDraft {
            key: key.into(),
            candidates: cands,
            cue,
            sentence,
            paragraph: 0,
            curated: vec![],
            article: false,
        }
    }

    #[test]
    fn country_focus_chooses_among_homonyms() {
        let m = vec![draft(
            "bama",
            vec![
                place("a", "NG", "Borno", "", "locality", 11.5, 13.7, 0),
                place("b", "ML", "Kayes", "", "locality", 13.0, -10.0, 0),
            ],
            None,
            0,
        )];
        let focus = HashMap::from([("ML".to_string(), 2.0)]);
        assert_eq!(resolve(&m, &focus)[0][0], 1);
    }

    #[test]
    fn cue_and_containment_choose_the_level_and_the_place() {
        let m = vec![
            draft(
                "xa",
                vec![
                    place("town", "ML", "Mopti", "Cercle de Xa", "locality", 14.0, -4.0, 500),
                    place("cercle", "ML", "Mopti", "", "admin2", 14.0, -4.0, 0),
                ],
                Some(CueKind::Admin2),
                0,
            ),
            draft(
                "yb",
                vec![
                    place("y1", "BF", "Sahel", "", "locality", 14.0, -0.1, 0),
                    place("y2", "ML", "Mopti", "Cercle de Xa", "locality", 14.1, -4.1, 0),
                ],
                None,
                0,
            ),
        ];
        let r = resolve(&m, &HashMap::new());
        assert_eq!(r[0][0], 1, "cercle de → admin2");
        assert_eq!(r[1][0], 1, "containment in the named cercle");
    }

    #[test]
    fn a_division_reading_points_to_its_seat() {
        // "le cercle de Xo" next to it: the bare "Xo" is the seat of cercle Xo,
        // not the other Xo whose own cercle the document names further on.
        let towns = || {
            vec![
                place("seat", "ML", "Koulikoro", "Xo Cercle", "locality", 15.1, -7.2, 0),
                place("other", "ML", "Segou", "Cercle de Yq", "locality", 14.4, -5.9, 0),
            ]
        };
        let m = vec![
            draft("xo", towns(), None, 0),
            draft("yq", vec![place("yq", "ML", "Segou", "Cercle de Yq", "admin2", 0.0, 0.0, 0)], None, 4),
            draft("xo", towns(), Some(CueKind::Admin2), 1),
        ];
        let focus = HashMap::from([("ML".to_string(), 2.0)]);
        assert_eq!(m[0].candidates[resolve(&m, &focus)[0][0]].id, "seat");
    }

    #[test]
    fn division_cues_of_two_levels_do_not_pool() {
        let cands = || {
            vec![
                place("town", "ML", "Xa", "Cercle de Xa", "locality", 15.0, 2.0, 20_000),
                place("region", "ML", "Xa", "", "admin1", 15.0, 2.0, 0),
                place("cercle", "ML", "Xa", "Cercle de Xa", "admin2", 15.0, 2.0, 0),
            ]
        };
        let m = vec![draft("xa", cands(), Some(CueKind::Admin1), 0), draft("xa", cands(), Some(CueKind::Admin2), 2)];
        let r = resolve(&m, &HashMap::new());
        assert_eq!(m[0].candidates[r[0][0]].id, "region");
        assert_eq!(m[1].candidates[r[1][0]].id, "cercle");
    }

    #[test]
    fn nearness_does_not_overrule_a_division_cue() {
        let cands = || {
            vec![
                place("town", "ML", "Xa", "Cercle de Xa", "locality", 15.0, 2.0, 20_000),
                place("cercle", "ML", "Xa", "Cercle de Xa", "admin2", 15.3, 2.4, 0),
            ]
        };
        let m = vec![
            draft("xa", cands(), Some(CueKind::Admin2), 0),
            draft("vb", vec![place("vb", "ML", "Xa", "Cercle de Xa", "locality", 15.01, 2.01, 0)], None, 0),
        ];
        let r = resolve(&m, &HashMap::new());
        assert_eq!(m[0].candidates[r[0][0]].id, "cercle");
    }

    #[test]
    fn an_article_points_to_a_division_not_a_town() {
        // "dans le Xa": French names a province with an article, a town without.
        let cands = || {
            vec![
                place("town", "BF", "Est", "", "locality", 12.0, 0.5, 2_000),
                place("province", "BF", "Centre-Est", "", "admin2", 11.5, -0.4, 0),
            ]
        };
        let mut with = draft("xa", cands(), Some(CueKind::Prep), 0);
        with.article = true;
        let bare = draft("xa", cands(), Some(CueKind::Prep), 0);
        assert_eq!(with.candidates[resolve(&[with.clone()], &HashMap::new())[0][0]].id, "province");
        assert_eq!(bare.candidates[resolve(&[bare.clone()], &HashMap::new())[0][0]].id, "town");
    }

    #[test]
    fn a_misspelt_variant_yields_to_the_name_itself() {
        // "xatenga" is a variant of the village Vatenga one letter off; the
        // province of the focus country bears the name itself.
        let mut village = place("village", "BF", "Plateau-Central", "", "locality", 12.6, -1.6, 3_000);
        village.name = "Vatenga".into();
        let mut province = place("province", "BF", "Nord", "", "admin2", 13.6, -2.4, 0);
        province.name = "Province du Xatenga".into();
        let m = vec![draft("xatenga", vec![village, province], Some(CueKind::Prep), 0)];
        let focus = HashMap::from([("BF".to_string(), 2.0)]);
        assert_eq!(m[0].candidates[resolve(&m, &focus)[0][0]].id, "province");
        // A transliteration is no misspelling.
        let mut v = place("v", "ML", "", "", "locality", 0.0, 0.0, 0);
        v.name = "Diabali".into();
        assert!(!misspelt_variant("diabaly", &v));
        assert!(misspelt_variant("xatenga", &Place { name: "Vatenga".into(), ..v }));
    }

    #[test]
    fn a_variant_two_letters_off_yields_to_the_name_itself() {
        // "xolhan" reaches the big town Xolna only through a variant two
        // letters off its name; the village of the focus country named
        // Xolhan itself wins.
        let mut town = place("town", "BF", "Sahel", "", "locality", 13.4, 0.4, 20_000);
        town.name = "Xolna".into();
        let mut village = place("village", "BF", "Sahel", "", "locality", 13.5, 0.5, 0);
        village.name = "Xolhan".into();
        let m = vec![draft("xolhan", vec![town, village], Some(CueKind::Prep), 0)];
        let focus = HashMap::from([("BF".to_string(), 2.0)]);
        assert_eq!(m[0].candidates[resolve(&m, &focus)[0][0]].id, "village");
        // Alone, the variant still reaches it.
        let mut town = place("town", "BF", "Sahel", "", "locality", 13.4, 0.4, 20_000);
        town.name = "Xolna".into();
        let m = vec![draft("xolhan", vec![town], Some(CueKind::Prep), 0)];
        assert_eq!(m[0].candidates[resolve(&m, &focus)[0][0]].id, "town");
    }

    #[test]
    fn a_name_written_joined_is_the_entry_own_name() {
        // "Xabaxo" written joined is the own name of the town "Xaba Xo" (a
        // variant lists the joined form), not less than the hamlet named
        // "Xabaxo" far away.
        let mut town = place("town", "NE", "Tillabéri", "", "locality", 15.0, 2.7, 0);
        town.name = "Xaba Xo".into();
        town.id = "geonames:1".into();
        let mut hamlet = place("osm:2", "NE", "Tillabéri", "", "locality", 14.3, 0.9, 0);
        hamlet.name = "Xabaxo".into();
        let m = vec![draft("xabaxo", vec![hamlet, town], Some(CueKind::Prep), 0)];
        let focus = HashMap::from([("NE".to_string(), 2.0)]);
        assert_eq!(m[0].candidates[resolve(&m, &focus)[0][0]].id, "geonames:1");
    }

    #[test]
    fn admin_keys_drop_designators() {
        assert_eq!(admin_key("Cercle de Ménaka"), "menaka");
        assert_eq!(admin_key("Tenenkou Cercle"), "tenenkou");
        assert_eq!(admin_key("Borno State"), "borno");
    }
}
