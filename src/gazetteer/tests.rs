//! Tests of the gazetteer stage, in wording of our own.

use super::*;
use crate::segment::segment;

fn g() -> &'static Gazetteers {
    static G: std::sync::OnceLock<Gazetteers> = std::sync::OnceLock::new();
    G.get_or_init(Gazetteers::builtin)
}

fn run(s: &str) -> (NormalizedText, NameFindings) {
    let t = NormalizedText::new(s.to_string());
    let segs = segment(&t);
    let n = g().find(&t, &segs);
    (t, n)
}

fn places(s: &str) -> Vec<(String, String, String)> {
    let (_, n) = run(s);
    n.places.iter().map(|p| (p.mention.span.text.clone(), p.mention.id.clone(), p.mention.feature.clone())).collect()
}

#[test]
fn builtin_gazetteers_load_with_sizes() {
    let (keys, rows, patterns) = g().sizes();
    assert!(keys > 100_000 && rows > 100_000 && patterns > 1000, "{keys} {rows} {patterns}");
}

#[test]
fn every_alias_id_exists() {
    // place_aliases.tsv ids are checked when loading: builtin() would panic.
    assert!(g().lookup("diabaly").iter().any(|p| p.id == "geonames:2458187"));
}

#[test]
fn malian_towns_resolve_with_admin_names() {
    let p = places("Des combattants ont quitté Kidal pour Tessalit, puis ont visé le camp de Dioura.");
    let ids: Vec<&str> = p.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(p.len(), 3, "{p:?}");
    assert_eq!(ids[0], "geonames:2455290");
    let (_, n) = run("Le camp de Dioura, dans le cercle de Ténenkou, a été visé.");
    let d = &n.places[0].mention;
    assert_eq!(d.country, "ML");
    assert!(d.lat.is_some() && d.admin1.is_some());
}

#[test]
fn lowercase_names_need_a_cue_or_must_not_be_words() {
    assert_eq!(places("il est né dans la région de kidal").len(), 1);
    // "nord" is a French word: lowercase, it is a direction, not a place.
    assert!(places("au nord du pays, rien").is_empty());
    // Capitalized after a cue it is the region.
    assert_eq!(places("Les écoles restent fermées dans la région du Nord.").len(), 1);
}

#[test]
fn countries_and_their_ids() {
    let p = places("Le Mali et le Niger ont signé un accord avec le Burkina.");
    assert_eq!(
        p.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
        vec!["geonames:2453866", "geonames:2440476", "geonames:2361809"]
    );
    assert!(p.iter().all(|x| x.2 == "country"));
}

#[test]
fn places_inside_actor_names_are_not_places() {
    let (_, n) = run("Le Front de libération du Macina a revendiqué l'attaque.");
    assert!(n.places.is_empty());
    assert_eq!(n.actors.len(), 1);
    assert_eq!(n.actors[0].mention.id, "vigie:katiba-macina");
}

#[test]
fn a_capitalized_word_beside_another_is_a_person_name() {
    // "Diarra" alone could be a village; after a first name it is a surname.
    let (_, n) = run("Selon Moussa Diarra, rien n'a changé.");
    assert!(n.places.is_empty(), "{:?}", n.places);
}

#[test]
fn misspelled_place_after_a_cue_is_a_fuzzy_candidate() {
    let (_, n) = run("Au Mali, les combats de Diabally ont été durs, puis l'armée a quitté Diabaly.");
    assert!(n.places.iter().any(|p| p.mention.id == "geonames:2458187" && p.rule == "place_fuzzy"), "{:?}", n.places);
    assert!(n.warnings.iter().any(|w| w.code == "fuzzy-place"));
    // A typo (not a transliteration variant) after a mere "de", without the
    // right spelling in the text: nothing.
    let (_, n) = run("Au Mali, les combats de Diabaky ont été durs.");
    assert!(n.places.iter().all(|p| p.rule != "place_fuzzy"), "{:?}", n.places);
}

#[test]
fn actors_and_people_resolve_and_have_canonical_ids() {
    let (_, n) = run("Les hommes d'ansardine, fidèles à Iyad ag Ghaly, ont affronté l'armée malienne.");
    let ids: Vec<&str> =
        n.actors.iter().map(|a| a.mention.id.as_str()).chain(n.persons.iter().map(|p| p.mention.id.as_str())).collect();
    assert!(
        ids.contains(&"vigie:ansar-dine") && ids.contains(&"vigie:fama") && ids.contains(&"vigie:person/iyad-ag-ghali"),
        "{ids:?}"
    );
    assert_eq!(g().canonical_id("actor", "Alliance du 23 mai 2006").as_deref(), Some("vigie:adc"));
    assert_eq!(g().canonical_id("person", "jean-yves le drian").as_deref(), Some("vigie:person/jean-yves-le-drian"));
    assert_eq!(g().canonical_id("actor", "nobody at all"), None);
}

#[test]
fn spans_slice_the_original() {
    let s = "À Ménaka\u{a0}: l’armée a repris Aguelhok et N’Djamena.";
    let (_, n) = run(s);
    for p in &n.places {
        assert_eq!(&s[p.mention.span.byte_start..p.mention.span.byte_end], p.mention.span.text);
    }
    assert!(n.places.len() >= 3, "{:?}", n.places);
}

#[test]
fn user_folder_adds_entries() {
    let dir = std::env::temp_dir().join(format!("vigie-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("places.tsv"),
        "# mine\nid\tname\tvariants\tcountry\tadmin1\tadmin2\tlat\tlon\tfeature\tcode\tpopulation\nme:1\tZorglubville\t\tML\tMopti\t\t14.0\t-4.0\tlocality\tPPL\t\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("actors.tsv"),
        "id\tname\tcategory\tcountries\tparent\taliases\nme:a\tBrigade Zorglub\tmilitia\tML\t\tZorglubistes\n",
    )
    .unwrap();
    let g = Gazetteers::with_user_dir(&dir).unwrap();
    let t = NormalizedText::new("Les Zorglubistes ont attaqué Zorglubville.".into());
    let n = g.find(&t, &segment(&t));
    assert_eq!(n.places.len(), 1);
    assert_eq!(n.actors[0].mention.id, "me:a");
    std::fs::write(dir.join("people.tsv"), "id\tname\nbad\n").unwrap();
    assert!(Gazetteers::with_user_dir(&dir).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spelling_keys_erase_transliteration_differences() {
    assert_eq!(spelling_key("diabally"), spelling_key("diabaly"));
    assert_eq!(spelling_key("tinzaouatene"), spelling_key("tinzaouaten"));
    assert_eq!(spelling_key("bambary"), spelling_key("bambari"));
    assert_ne!(spelling_key("mugunga"), spelling_key("mufunga"));
    // English "sh" for French "ch", "dj" for "j".
    assert_eq!(spelling_key("kitshanga"), spelling_key("kitchanga"));
    assert_eq!(spelling_key("djenne"), spelling_key("jenne"));
    assert_ne!(spelling_key("kitshanga"), spelling_key("kitsanga"));
    // "n" for "m" before "b" or "p".
    assert_eq!(spelling_key("sanbougou"), spelling_key("sambougou"));
    assert_eq!(spelling_key("kanpala"), spelling_key("kampala"));
    assert_ne!(spelling_key("sanbougou"), spelling_key("sabougou"));
}

#[test]
fn places_in_a_list_are_announced_by_the_list() {
    // "Fana" is also a French word: alone it needs a cue, in a list of towns it has one.
    let p = places("Les récoltes de Sikasso, Bougouni, Fana et Kita ont progressé.");
    assert!(p.iter().any(|x| x.0 == "Fana"), "{p:?}");
    assert!(places("Un Fana est venu.").is_empty());
}

/// Start-up and per-document cost (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn startup_timing() {
    let t = std::time::Instant::now();
    let g = Gazetteers::builtin();
    let built = t.elapsed();
    let text = "Le camp de Dioura, dans le cercle de Ténenkou, a été attaqué. Kidal, Tessalit, Aguelhok et Ménaka restent sous tension au Mali. ".repeat(20);
    let nt = NormalizedText::new(text);
    let segs = segment(&nt);
    let t = std::time::Instant::now();
    let n = g.find(&nt, &segs);
    let found = t.elapsed();
    let (keys, rows, patterns) = g.sizes();
    println!("builtin(): {built:?} ({keys} place keys, {rows} rows, {patterns} name patterns); find on {} bytes: {found:?} ({} places)", nt.fold().len(), n.places.len());
}

/// The seed article, retold in other words: every place is Malian
/// and resolved with coordinates and admin names, every actor and person
/// found.
#[test]
fn seed_story_in_other_words() {
    let s = "Un ancien officier venu de la région de kidal a rallié l'Alliance du 23 mai 2006 \
             aux côtés de Hamada Ag Bibi et de Hassane Ag Fagaga. Plus tard, il s'est rapproché \
             d'Iyad Ag Ghali, le chef d'Ansardine. On l'a vu entre Kidal et le cercle de Nara, puis \
             à Aguelhok, Ménaka et Tessalit.\n\nLa bataille de Diabally\n\nLes combats de Niono et de \
             Diabaly ont été durs, selon Jean-Yves Le Drian. En 2019, le camp de Dioura a été attaqué.";
    let (_, n) = run(s);
    let want = [
        ("kidal", "geonames:2597449"),
        ("Kidal", "geonames:2455290"),
        ("Nara", "geonames:8261493"),
        ("Aguelhok", "geonames:2461247"),
        ("Ménaka", "geonames:2453514"),
        ("Tessalit", "geonames:2449893"),
        ("Diabally", "geonames:2458187"),
        ("Niono", "geonames:2452655"),
        ("Diabaly", "geonames:2458187"),
        ("Dioura", "geonames:2458636"),
    ];
    let got: Vec<(&str, &str)> =
        n.places.iter().map(|p| (p.mention.span.text.as_str(), p.mention.id.as_str())).collect();
    for w in want {
        assert!(got.contains(&w), "{w:?} not in {got:?}");
    }
    for p in &n.places {
        assert_eq!(p.mention.country, "ML");
        assert!(p.mention.lat.is_some() && p.mention.admin1.is_some(), "{:?}", p.mention);
    }
    let ids: Vec<&str> =
        n.actors.iter().map(|a| a.mention.id.as_str()).chain(n.persons.iter().map(|p| p.mention.id.as_str())).collect();
    for id in [
        "vigie:adc",
        "vigie:ansar-dine",
        "vigie:person/ahmada-ag-bibi",
        "vigie:person/hassane-ag-fagaga",
        "vigie:person/iyad-ag-ghali",
        "vigie:person/jean-yves-le-drian",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
}

#[test]
fn another_spelling_of_a_name_in_the_text_needs_no_cue() {
    let (_, n) = run("L'attaque de Diabaly, au Mali, a été suivie d'une autre. Diabally reste sous tension.");
    assert_eq!(n.places.iter().filter(|p| p.mention.id == "geonames:2458187").count(), 2, "{:?}", n.places);
    // Not a spelling variant: nothing.
    let (_, n) = run("L'attaque de Diabaly, au Mali, a été suivie d'une autre. Diabaky reste sous tension.");
    assert_eq!(n.places.iter().filter(|p| p.mention.id == "geonames:2458187").count(), 1);
}

#[test]
fn divisions_of_cities500_countries_have_geonames_ids() {
    // Generated from the GeoNames code tables (scripts/import_places.py).
    let p =
        places("Des violences ont éclaté dans l'État de Borno et au Nord-Kivu, puis dans la préfecture de Kpendjal.");
    let ids: Vec<&str> = p.iter().map(|x| x.1.as_str()).collect();
    assert!(ids.contains(&"geonames:2346794"), "{p:?}");
    assert!(ids.contains(&"geonames:206938"), "{p:?}");
    assert!(ids.contains(&"geonames:2597447"), "{p:?}");
}

#[test]
fn unknown_names_announced_as_places() {
    // Made-up village names: no gazetteer has them.
    let p = places("Au Togo, des hommes armés ont attaqué le village de Zorbatiko. Zorbatiko compte 300 habitants.");
    let z: Vec<_> = p.iter().filter(|x| x.0 == "Zorbatiko").collect();
    assert_eq!(z.len(), 2, "{p:?}");
    assert_eq!(z[0].1, "vigie:place/unresolved/tg/zorbatiko");
    // A containment phrase gives the country of the division.
    let p = places("Au Mali, trois civils ont été tués à Kembalou, dans la région de Mopti.");
    assert!(p.iter().any(|x| x.0 == "Kembalou" && x.1.starts_with("vigie:place/unresolved/ml/")), "{p:?}");
    // Not after a plain noun, not a two-word capitalized name, not a cue-listed word.
    assert!(places("Au Mali, le ministre Kembalou Traoré est arrivé.").iter().all(|x| x.0 != "Kembalou"));
    assert!(places("Au Mali, le poste de Police a été visé.").iter().all(|x| x.0 != "Police"));
    assert!(places("Au Mali, le rapport de Kembalou est paru.").iter().all(|x| x.0 != "Kembalou"));
}

#[test]
fn a_name_particle_is_not_a_place() {
    // "de" between a capitalized word and a village name: a person's name.
    assert!(places("Au Bénin, le sergent Julien de Pierrepont a été blessé.").iter().all(|x| x.0 != "Pierrepont"));
    // A big place after a capitalized title stays.
    assert!(places("Au Mali, le Gouverneur de Mopti a parlé.").iter().any(|x| x.0 == "Mopti"));
}

#[test]
fn word_like_names_outside_the_document_countries_are_words() {
    // "Etat" is a variant of a Cameroonian village; in a Haitian story it is the word.
    assert!(places("En Haïti, le département d'Etat a réagi.").iter().all(|x| x.0 != "Etat"));
}

#[test]
fn lowercase_site_noun_before_a_capitalized_name() {
    let p = places("Des pêcheurs ont été enlevés sur les îles du lac Tchad.");
    assert!(p.iter().any(|x| x.0 == "lac Tchad" && x.1 == "vigie:place/lac-tchad"), "{p:?}");
}

#[test]
fn no_misspelling_inside_a_two_word_name() {
    assert!(places("Au Congo, le club Sanga Balende a gagné à Kinshasa.").iter().all(|x| x.0 != "Sanga"));
}

#[test]
fn a_known_name_in_a_division_of_another_country_is_unknown_there() {
    // Every "Boma" of the gazetteer is outside Chad; the text puts this one in Chad's Lac province.
    let p = places("Au Tchad, l'armée a été attaquée à Boma, dans la province du Lac. Boma est isolée.");
    let b: Vec<_> = p.iter().filter(|x| x.0 == "Boma").collect();
    assert_eq!(b.len(), 2, "{p:?}");
    assert!(b.iter().all(|x| x.1 == "vigie:place/unresolved/td/boma"), "{p:?}");
    // A Boma of the named country stays itself: Boma, Kongo-Central, in Congo.
    let p = places("En RDC, des pêcheurs ont manifesté à Boma, dans la province du Kongo-Central.");
    assert!(p.iter().any(|x| x.0 == "Boma" && x.1.starts_with("geonames:")), "{p:?}");
}

#[test]
fn a_name_accepted_once_is_a_place_without_cue_elsewhere() {
    // "Savanes" is a French word: without a cue it is taken only because the
    // document also writes "la région des Savanes".
    let p = places("Savanes : la fête des récoltes\n\nAu Togo, la région des Savanes a fêté ses récoltes.");
    assert_eq!(p.iter().filter(|x| x.0 == "Savanes").count(), 2, "{p:?}");
    assert!(places("Savanes : la fête des récoltes\n\nAu Togo, on a fêté.").iter().all(|x| x.0 != "Savanes"));
}

#[test]
fn titles_after_a_site_cue_are_not_places() {
    assert!(places("Au Mali, il a quitté le poste de Premier ministre.").iter().all(|x| x.0 != "Premier"));
}

#[test]
fn short_all_caps_words_are_acronyms_unless_they_head_a_line() {
    // Gazetteer variants "Bad" (Badou, Togo) and "Can" (Caen): in capitals
    // inside a sentence they are acronyms of a bank and an association.
    let p = places("Au Togo, un prêt de la BAD a été signé ; le pasteur de la CAN a prié à Lomé.");
    assert!(p.iter().all(|x| x.0 != "BAD" && x.0 != "CAN"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "Lomé"), "{p:?}");
    // A place written in capitals in the gazetteer stays one.
    assert!(places("Les combats reprennent en RDC.").iter().any(|x| x.0 == "RDC"));
    // A rubric or a dateline in capitals names places, word-like ones too.
    let p = places("SAHEL – Trois bergers enlevés près de Dori\n\nKAYA, 3 mars – Au Burkina, le calme est revenu.");
    assert!(p.iter().any(|x| x.0 == "SAHEL" && x.2 == "admin1"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "KAYA"), "{p:?}");
}

#[test]
fn parts_of_people_names_are_not_places() {
    // "Diallo", "Keïta" and "Rufai" are villages too.
    let p = places("Au Burkina, la ministre Awa Ouédraogo/Diallo a parlé à Kaya.");
    assert!(p.iter().all(|x| x.0 != "Diallo"), "{p:?}");
    let p = places("Au Nigeria, le sénateur Bello El-Rufai a visité Kaduna.");
    assert!(p.iter().all(|x| x.0 != "Rufai"), "{p:?}");
    // After a title, or as the surname of a person named in the text.
    let p = places("Au Mali, le colonel Keïta a parlé.");
    assert!(p.iter().all(|x| x.0 != "Keïta"), "{p:?}");
    let p = places("Au Mali, Ibrahim Boubacar Keïta a été réélu. Keïta a promis la paix.");
    assert!(p.iter().all(|x| x.0 != "Keïta"), "{p:?}");
    // A title after an article is a person, not the village named so.
    let p = places("Au Cameroun, le Fon de Bafut a été enlevé près de Bamenda.");
    assert!(p.iter().all(|x| x.0 != "Fon"), "{p:?}");
    // The places around them stay.
    let p = places("Au Nigeria, le sénateur Bello El-Rufai a visité Kaduna, puis Keïta, au Niger.");
    assert!(p.iter().any(|x| x.0 == "Kaduna") && p.iter().any(|x| x.0 == "Keïta"), "{p:?}");
}

#[test]
fn hyphenated_compounds_after_a_division_noun_are_one_name() {
    // Mayo and Mbau are places of their own; the compounds are not in the gazetteer.
    let p = places("Au Cameroun, des bergers ont été enlevés dans la commune de Mayo-Mbau, dans le département du Diamaré. Mayo-Mbau reste sous le choc.");
    let m: Vec<_> = p.iter().filter(|x| x.0 == "Mayo-Mbau").collect();
    assert_eq!(m.len(), 2, "{p:?}");
    assert!(m.iter().all(|x| x.1 == "vigie:place/unresolved/cm/mayo-mbau"), "{p:?}");
    assert!(p.iter().all(|x| x.0 != "Mayo" && x.0 != "Mbau"), "{p:?}");
    // Without such a noun the parts are two towns of a road, word-like ones too ("pama").
    let p = places("Au Burkina, un car a sauté sur une mine sur l'axe Kantchari-Pama.");
    assert!(p.iter().any(|x| x.0 == "Kantchari") && p.iter().any(|x| x.0 == "Pama"), "{p:?}");
}

#[test]
fn a_site_phrase_the_gazetteer_knows_whole_is_that_entry() {
    // place_extra.tsv has the W park; the phrase starts with a lowercase noun and adjective.
    let p = places("Au Bénin, des militaires ont été tués dans le parc national du W samedi.");
    assert!(p.iter().any(|x| x.0 == "parc national du W" && x.1 == "vigie:place/parc-national-du-w"), "{p:?}");
    // Waterfalls and plains are sites; an unknown one gets an unresolved id.
    let p = places("Au Bénin, l'armée a repris la position près des chutes de Koudou, sur la Mékrou.");
    assert!(p.iter().any(|x| x.0 == "chutes de Koudou" && x.1 == "osm:6751023063"), "{p:?}");
    let p = places("En RDC, les déplacés de la plaine de Zorbato ont fui vers Bunia.");
    assert!(p.iter().any(|x| x.0 == "plaine de Zorbato" && x.2 == "site"), "{p:?}");
    // Hills take the name of the village they hold.
    let p = places("En RDC, des obus sont tombés sur les collines de Masisi.");
    assert!(p.iter().any(|x| x.0 == "Masisi"), "{p:?}");
    // A fall is no waterfall: "la chute de Kidal" is the town.
    let p = places("Au Mali, la chute de Kidal a surpris.");
    assert!(p.iter().any(|x| x.0 == "Kidal"), "{p:?}");
}

#[test]
fn french_region_names_follow_the_document_country() {
    // "Région de l'Est" is a name of Cameroon's East Region only; in a
    // Burkinabè story it is Burkina's Est region.
    let p = places("Région de l'Est\n\nAu Burkina Faso, des hommes armés ont attaqué Gayéri et Bogandé.");
    assert!(p.iter().any(|x| x.0 == "Région de l'Est" && x.1 == "geonames:6930709"), "{p:?}");
    // A compound region in a headline, named with its cue further on: not "Ouest" after "Sud-".
    let p =
        places("Sud-Ouest : deux morts\n\nAu Cameroun, la région du Sud-Ouest a encore connu des violences à Buea.");
    let s: Vec<_> = p.iter().filter(|x| x.0 == "Sud-Ouest").collect();
    assert_eq!(s.len(), 2, "{p:?}");
    assert!(s.iter().all(|x| x.1 == "geonames:2221788"), "{p:?}");
    assert!(p.iter().all(|x| x.0 != "Ouest"), "{p:?}");
}

#[test]
fn event_nouns_announce_places() {
    // "Karma" is also a French word: after "la tuerie de" it is the village.
    let p = places("Au Burkina, la tuerie de Karma a choqué ; des familles originaires de Karma ont fui.");
    assert_eq!(p.iter().filter(|x| x.0 == "Karma" && x.1 == "geonames:2359660").count(), 2, "{p:?}");
    // Not without "de", not after an article.
    assert!(places("Au Burkina, son karma a changé.").iter().all(|x| x.0 != "karma"));
    // "le site de déplacés de X": a site noun announces the name, here one
    // whose only entries are in other countries, so it is an unknown place.
    let p = places("En RDC, le camp de réfugiés de Lala, dans le territoire de Djugu, a été attaqué.");
    assert!(p.iter().any(|x| x.0 == "Lala" && x.1 == "vigie:place/unresolved/cd/lala"), "{p:?}");
}

#[test]
fn lowercase_names_after_a_cue() {
    // Capitalized elsewhere in the story, lowercase after "de": the same place.
    let p = places("Au Mali, le camp de Niono a été visé. Un élu de niono a témoigné.");
    assert_eq!(p.iter().filter(|x| x.0.eq_ignore_ascii_case("niono")).count(), 2, "{p:?}");
    // Only the first word lost its capital: "bobo Dioulasso" after a cue.
    let p = places("Au Burkina, ils ont été conduits à bobo Dioulasso.");
    assert!(p.iter().any(|x| x.0 == "bobo Dioulasso" && x.1 == "geonames:2362344"), "{p:?}");
    // A lowercase direction stays a word though "Nord" is a region of the text.
    let p = places("Au Burkina, la région du Nord est touchée, au nord de Ouahigouya.");
    assert!(p.iter().all(|x| x.0 != "nord"), "{p:?}");
}

#[test]
fn sports_clubs_are_neither_forces_nor_places() {
    let (_, n) = run("À Niamey, le Sahel SC a battu l'AS FAN en championnat, puis le FC Kidal a perdu.");
    let places: Vec<&str> = n.places.iter().map(|p| p.mention.span.text.as_str()).collect();
    assert_eq!(places, ["Niamey"], "{places:?}");
    assert!(n.actors.is_empty(), "{:?}", n.actors);
    // Without a club word the army is the army.
    let (_, n) = run("Les FAN ont repoussé l'attaque près de Kidal.");
    assert_eq!(n.actors.len(), 1);
}

#[test]
fn unknown_names_announced_by_brackets_locators_and_appositions() {
    // Made-up names: the bracketed division announces them without any cue.
    let p = places("Bilan de l'année au Mali.\n\n3 mars – Tiwarkaba (cercle de Niono). Les greniers ont brûlé.");
    assert!(p.iter().any(|x| x.0 == "Tiwarkaba" && x.1 == "vigie:place/unresolved/ml/tiwarkaba"), "{p:?}");
    let p = places("Bilan de l'année au Mali.\n\n5 mai – Dari-Zogoré (région de Mopti). Deux puits ont été détruits.");
    assert!(p.iter().any(|x| x.0 == "Dari-Zogoré" && x.1.starts_with("vigie:place/unresolved/ml/")), "{p:?}");
    // A distance or nearness to a known place situates it, and gives its country.
    let p = places("Des éleveurs ont été enlevés à Tiwarkaba, à une quinzaine de kilomètres au nord de Niono.");
    assert!(p.iter().any(|x| x.0 == "Tiwarkaba" && x.1 == "vigie:place/unresolved/ml/tiwarkaba"), "{p:?}");
    let p = places("Au Nigeria, une église a été incendiée à Gidan Kaura, non loin de Kafanchan, puis à Zangokuru, non loin de Kafanchan.");
    assert!(p.iter().any(|x| x.0 == "Zangokuru" && x.1.starts_with("vigie:place/unresolved/ng/")), "{p:?}");
    // Without a place after the phrase, no announcement.
    let p = places("Au Mali, des tirs ont visé Tiwarkaba, à quelques kilomètres de là.");
    assert!(p.iter().all(|x| x.0 != "Tiwarkaba"), "{p:?}");
    // A settlement noun in apposition, or an adjective between the noun and "de".
    let p = places("En RDC, les rebelles ont repris Kabirizi, petit village frontalier, puis Goma.");
    assert!(p.iter().all(|x| x.0 != "Kabirizi"), "no cue before it: {p:?}");
    let p = places("En RDC, les rebelles se sont emparés de Kabirizi, un petit village du Rutshuru.");
    assert!(p.iter().any(|x| x.0 == "Kabirizi" && x.1 == "vigie:place/unresolved/cd/kabirizi"), "{p:?}");
    let p = places("Au Togo, la caserne militaire de Nagbéni et le poste avancé de Tambikou ont été visés.");
    assert!(p.iter().any(|x| x.0 == "Tambikou"), "{p:?}");
    // "voisin de" names another place than the one after it.
    let p = places("Au Togo, le village voisin de Tambikou a été visé.");
    assert!(p.iter().all(|x| x.0 != "Tambikou"), "{p:?}");
}

#[test]
fn transliterations_and_misspellings_with_place_evidence() {
    // "sh" for "ch" after a mere "de": a transliteration, not a typo.
    let p = places("En RDC, une famille venue de Kitshanga a trouvé refuge à Goma.");
    assert!(p.iter().any(|x| x.0 == "Kitshanga" && x.1 == "osm:462145515"), "{p:?}");
    // One letter off a notable town, after "à": the town...
    let p = places("Au Mali, des soldats sont tombés à Kidak.");
    assert!(p.iter().any(|x| x.0 == "Kidak" && x.1 == "geonames:2455290"), "{p:?}");
    // ...unless the text puts it where that town is not.
    let p = places("Au Mali, des soldats sont tombés à Kidak, à une trentaine de kilomètres de Bamako.");
    assert!(p.iter().any(|x| x.0 == "Kidak" && x.1 == "vigie:place/unresolved/ml/kidak"), "{p:?}");
    // One letter off a village of the division the text names: that village.
    let p = places("Au Mali, des bergers ont été tués au village de Tadjmout, dans la région de Kidal.");
    assert!(p.iter().any(|x| x.0 == "Tadjmout" && x.1 == "osm:2142726777"), "{p:?}");
    let p = places("Au Mali, des bergers ont été tués au village de Tadjmout, dans la région de Kayes.");
    assert!(p.iter().any(|x| x.0 == "Tadjmout" && x.1 == "vigie:place/unresolved/ml/tadjmout"), "{p:?}");
}

#[test]
fn a_headline_rubric_over_a_story_elsewhere_in_its_state_is_the_state() {
    // "Katsina" names a state and its capital; the headline's story is in
    // Kankara, a town of that state: the rubric is the state.
    let p = places("Katsina : des lycéens de Kankara libérés\n\nLes élèves enlevés à Kankara ont été libérés.");
    assert_eq!(p[0].0, "Katsina");
    assert_eq!(p[0].2, "admin1", "{p:?}");
    // A rubric alone over its own story is the town.
    let p = places("Katsina : la foire aux bestiaux rouvre\n\nLe marché de la ville a rouvert.");
    assert_eq!(p[0].0, "Katsina");
    assert_eq!(p[0].2, "locality", "{p:?}");
}

#[test]
fn a_division_cue_carries_over_a_list_that_repeats_de() {
    // "les États de Kano, de Katsina et de Sokoto": every name is a state.
    let p = places("Des écoles ont fermé dans les États de Kano, de Katsina et de Sokoto.");
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p.iter().all(|x| x.2 == "admin1"), "{p:?}");
}

#[test]
fn conflict_places_missing_from_the_sources_are_curated() {
    // Rows the importer drops (a well, a southern Nigerian village), a mine
    // in neither source, and press spellings of known entries.
    let p = places("Au Mali, le camp d'Indelimane a été repris; au Niger, celui de Chinégodar aussi.");
    assert!(p.iter().any(|x| x.0 == "Indelimane" && x.1 == "geonames:2456415"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "Chinégodar" && x.1 == "geonames:2446376"), "{p:?}");
    let p = places("Au Nigeria, un oléoduc a explosé près de Forcados. En RDC, la mine de Tenke Fungurume a tourné.");
    assert!(p.iter().any(|x| x.0 == "Forcados" && x.1 == "osm:501386405"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "Tenke Fungurume" && x.1 == "vigie:place/tenke-fungurume"), "{p:?}");
    let p = places("En Mauritanie, douze soldats sont tombés à Tourine. En RDC, Kitshanga est tombée.");
    assert!(p.iter().any(|x| x.0 == "Tourine" && x.1 == "geonames:2375761"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "Kitshanga" && x.1 == "osm:462145515"), "{p:?}");
}

#[test]
fn building_nouns_name_the_town_and_chef_lieu_names_a_division() {
    // "le marché de Djoum": the town's market, not Djoum's airfield.
    let p = places("Au Cameroun, un engin a explosé au marché de Djoum.");
    assert!(p.iter().any(|x| x.0 == "Djoum" && x.1 == "geonames:2232719"), "{p:?}");
    // The airport is still a site when named as one.
    let p = places("Au Cameroun, l'avion s'est posé sur le terrain d'aviation de Djoum, puis à l'aéroport de Djoum.");
    assert!(p.iter().any(|x| x.0.contains("Djoum")), "{p:?}");
    // "chef-lieu du Tibesti": the province, not a locality named so.
    let p = places("Au Tchad, Bardaï, chef-lieu du Tibesti, a été visée.");
    assert!(p.iter().any(|x| x.0 == "Tibesti" && x.1 == "geonames:7603258"), "{p:?}");
    // "la circonscription de": an electoral district, a division.
    let p = places("Au Niger, le député élu dans la circonscription de Maradi a parlé.");
    assert!(p.iter().any(|x| x.0 == "Maradi" && x.2 == "admin1"), "{p:?}");
}

#[test]
fn two_capitalized_words_after_a_settlement_noun_are_one_unknown_name() {
    let p = places("Au Nigeria, une bombe a explosé dans le quartier de Gwange Sabon, puis à Maiduguri.");
    assert!(p.iter().any(|x| x.0 == "Gwange Sabon" && x.1 == "vigie:place/unresolved/ng/gwange-sabon"), "{p:?}");
    // Announced by an apposed settlement noun after a place cue.
    let p = places("Au Niger, un habitant de Garin Kaboye, l'un des hameaux visés, a témoigné.");
    assert!(p.iter().any(|x| x.0 == "Garin Kaboye"), "{p:?}");
    // Not a longer capitalized run, not without a cue, not a person.
    let p = places("Au Niger, un habitant de Garin Kaboye a témoigné.");
    assert!(p.iter().all(|x| x.0 != "Garin Kaboye"), "{p:?}");
    let p = places("Au Mali, le village de Moussa Ag Attaher Traoré a été visité.");
    assert!(p.iter().all(|x| !x.0.contains(' ')), "{p:?}");
}

#[test]
fn a_lowercase_word_right_after_a_place_noun_is_an_adjective() {
    // "peul" and "songhaï" qualify the village, they do not name it; with
    // "de" a lowercase name after the noun still reads.
    let p = places("Au Mali, ce hameau peul puis un village songhai ont été brûlés, comme la région de kidal.");
    assert!(p.iter().all(|x| x.0 != "peul" && x.0 != "songhai"), "{p:?}");
    assert!(p.iter().any(|x| x.0 == "kidal"), "{p:?}");
}

#[test]
fn the_head_of_a_hyphenated_name_is_no_place_alone() {
    // "Carrefour" is a commune of Port-au-Prince; "Carrefour-Vrindette" (made
    // up) names something else, even after "Carrefour" was read alone.
    let p = places("En Haïti, les gangs tiennent Carrefour. Des familles ont fui vers Carrefour-Vrindette.");
    assert_eq!(p.iter().filter(|x| x.0 == "Carrefour").count(), 1, "{p:?}");
    // Two places of a road stay two places.
    let p = places("Au Burkina, un car a sauté sur l'axe Kaya-Dori.");
    assert!(p.iter().any(|x| x.0 == "Kaya") && p.iter().any(|x| x.0 == "Dori"), "{p:?}");
}

#[test]
fn a_name_after_a_job_title_is_a_person() {
    let p = places("Au Mali, selon l'inspecteur Tessit et la directrice Hombori, le calme est revenu.");
    assert!(p.iter().all(|x| x.0 != "Tessit"), "{p:?}");
}

#[test]
fn a_club_read_once_is_the_club_where_no_place_cue_announces_it() {
    // "le TP Kindu" makes "Kindu" a club in this story, also where nothing
    // announces it; the town after "à" stays a place.
    let p = places("En RDC, le TP Kindu a battu Lubumbashi. Kindu reste en tête. Le match s'est joué à Kindu.");
    let k: Vec<_> = p.iter().filter(|x| x.0 == "Kindu").collect();
    assert_eq!(k.len(), 1, "only the one after 'à': {p:?}");
}

#[test]
fn a_site_noun_inside_an_elided_word_begins_no_site() {
    // "presqu'île" is one word: "île de Kalom" is not a site phrase, and the
    // peninsula's name is read as the place it is (unknown here).
    let p = places("Au Tchad, l'armée a été attaquée sur la presqu'île de Kalomba, dans la province du Lac.");
    assert!(p.iter().any(|x| x.0 == "Kalomba"), "{p:?}");
    assert!(p.iter().all(|x| !x.0.starts_with("île")), "{p:?}");
}

#[test]
fn a_french_word_names_a_big_town_only_as_its_own_name() {
    // "Tour" is only a variant of Tours: the word; "Paris" is Paris itself.
    let p = places("Au Niger, la campagne bat son plein. Tour d'horizon des candidats.");
    assert!(p.iter().all(|x| x.0 != "Tour"), "{p:?}");
    let p = places("Au Niger, la campagne bat son plein. Paris a appelé au calme.");
    assert!(p.iter().any(|x| x.0 == "Paris"), "{p:?}");
}

#[test]
fn a_town_takes_no_article() {
    // "la Titao" with no place noun: a body's or a firm's name, not the town;
    // "de Titao" and "la ville de Kaya" are the town.
    let p = places("Au Burkina, la Titao a versé les primes aux producteurs de Titao.");
    assert_eq!(p.iter().filter(|x| x.0 == "Titao").count(), 1, "{p:?}");
    let p = places("Au Burkina, la ville de Kaya et le Sahel ont été visités.");
    assert!(p.iter().any(|x| x.0 == "Kaya") && p.iter().any(|x| x.0 == "Sahel"), "{p:?}");
}

#[test]
fn a_multibyte_sign_before_a_name_does_not_break_the_club_check() {
    // A replacement character right before a name: the word before it must
    // be cut on a character boundary.
    let p = places("\u{fffd} BAMAKO");
    assert!(p.len() <= 1, "{p:?}");
}
