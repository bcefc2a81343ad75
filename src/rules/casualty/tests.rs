//! Example-driven tests of the casualty grammar: `examples.tsv` beside this
//! file lists sentences (our own wording) and the counts expected in them.

use super::*;
use crate::segment::segment;

fn counts(s: &str) -> Vec<String> {
    let text = NormalizedText::new(s.to_string());
    let segs = segment(&text);
    let f = CasualtyRules::new().find(&text, &segs);
    f.casualties
        .iter()
        .map(|c| {
            let m = &c.mention;
            let n = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
            if m.negated {
                format!("{} {} negated", m.kind, m.victims)
            } else {
                format!("{} {}/{}/{} {} {}", m.kind, n(m.low), n(m.best), n(m.high), m.qualifier, m.victims)
            }
        })
        .collect()
}

#[test]
fn examples() {
    let data = include_str!("examples.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(sentence), Some(expected)) = (cols.next(), cols.next()) else {
            failures.push(format!("examples.tsv:{}: needs two columns", i + 1));
            continue;
        };
        n += 1;
        let want: Vec<String> = if expected.trim() == "none" {
            vec![]
        } else {
            expected.split(" | ").map(|s| s.trim().to_string()).collect()
        };
        let got = counts(sentence);
        if got != want {
            failures.push(format!("examples.tsv:{}: {sentence:?}\n   want {want:?}\n   got  {got:?}", i + 1));
        }
    }
    assert!(n > 30, "too few examples");
    assert!(failures.is_empty(), "{} of {n} examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn revision_and_source_are_recorded() {
    let s = "Le bilan a été revu à la hausse : 40 soldats ont été tués, selon l'état-major.";
    let text = NormalizedText::new(s.to_string());
    let segs = segment(&text);
    let f = CasualtyRules::new().find(&text, &segs);
    let m = &f.casualties[0].mention;
    assert_eq!(m.revision.as_deref(), Some("revu à la hausse"));
    assert_eq!(m.source.as_deref(), Some("selon l'état-major"));
}

#[test]
fn revision_cues_are_recorded() {
    for (s, cue) in [
        ("Le bilan, revu à la hausse, est de 40 morts.", "revu à la hausse"),
        ("Le bilan s'est alourdi à 52 morts.", "s'est alourdi"),
        ("Selon le bilan définitif, 61 personnes ont été tuées.", "bilan définitif"),
        ("Un bilan provisoire fait état de 12 blessés.", "bilan provisoire"),
        ("Un premier bilan faisait état de 9 morts.", "premier bilan"),
        ("Le bilan a été revu à la baisse : 30 morts.", "revu à la baisse"),
        ("Le nouveau bilan fait état de 18 morts.", "nouveau bilan"),
        ("Le bilan s'est encore alourdi : 70 morts.", "s'est encore alourdi"),
    ] {
        let text = NormalizedText::new(s.to_string());
        let segs = segment(&text);
        let f = CasualtyRules::new().find(&text, &segs);
        let m = &f.casualties.first().unwrap_or_else(|| panic!("no count in {s:?}")).mention;
        assert_eq!(m.revision.as_deref(), Some(cue), "{s}");
    }
    let text = NormalizedText::new("Douze soldats ont été tués.".to_string());
    let segs = segment(&text);
    assert_eq!(CasualtyRules::new().find(&text, &segs).casualties[0].mention.revision, None);
}

#[test]
fn a_negation_takes_no_victims_from_the_document() {
    let s = "Deux soldats tués au camp militaire de Kaya.\n\nDouze militaires ont été blessés dans l'attaque du camp militaire, \
             selon l'armée.\n\nEn mai, des hommes armés avaient été repoussés à Dori sans faire de victimes.";
    assert_eq!(counts(s), ["killed 2/2/2 exact military", "injured 12/12/12 exact military", "killed unknown negated"]);
}

#[test]
fn no_panic_on_odd_input() {
    for s in [
        "",
        "aucun",
        "plus de",
        "entre 3 et",
        "1.",
        "1,",
        "(13)",
        "dont 3",
        "un",
        "d'entre eux",
        "12 000 000 000 000 000 000 000 000 morts",
        "ni",
        "sans nouvelles de",
        "deux des",
        "ont été tués",
        "Fuyant,",
        "l'arrestation à",
        "quinze personnes au",
    ] {
        let text = NormalizedText::new(s.to_string());
        let segs = segment(&text);
        let _ = CasualtyRules::new().find(&text, &segs);
    }
}

/// Checks one lexicon: terms fold to something, columns hold known values,
/// no (term, role) pair twice; messages name the file and line.
fn check_lexicon(name: &str, data: &'static str, allowed: &[&[&str]]) -> Vec<String> {
    use crate::rules::lexicon::read_tsv;
    let mut errs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in read_tsv(data) {
        if row.tokens.is_empty() {
            errs.push(format!("{name}:{}: term folds to nothing", row.line));
        }
        for (i, values) in allowed.iter().enumerate() {
            let v = row.cols.get(i).copied().unwrap_or("");
            if !values.is_empty() && !values.contains(&v) {
                errs.push(format!("{name}:{}: column {} has {v:?}", row.line, i + 2));
            }
        }
        let key = (row.tokens.join(" "), row.cols.first().copied().unwrap_or("").to_string());
        if !seen.insert(key.clone()) {
            errs.push(format!("{name}:{}: {:?} listed twice", row.line, key));
        }
    }
    errs
}

#[test]
fn lexicons_are_well_formed() {
    const TYPES: &[&str] = &["killed", "injured", "kidnapped", "missing", "arrested", "displaced", "-"];
    const VICTIMS: &[&str] = &["military", "police", "civilian", "peacekeepers", "armed_group", "generic", "-"];
    let mut errs = Vec::new();
    errs.extend(check_lexicon(
        "casualty_terms.tsv",
        include_str!("../../../gazetteers/casualty_terms.tsv"),
        &[&["noun", "after", "before", "strong", "block", "fronted"], TYPES, &["passive", "any"], VICTIMS],
    ));
    errs.extend(check_lexicon("victim_nouns.tsv", include_str!("../../../gazetteers/victim_nouns.tsv"), &[VICTIMS]));
    errs.extend(check_lexicon(
        "victim_context.tsv",
        include_str!("../../../gazetteers/victim_context.tsv"),
        &[&["civilian", "military", "police", "peacekeepers", "none"]],
    ));
    errs.extend(check_lexicon(
        "casualty_cues.tsv",
        include_str!("../../../gazetteers/casualty_cues.tsv"),
        &[&["revision", "source", "subset", "negation", "bare_before", "bare_after", "rank"]],
    ));
    errs.extend(check_lexicon(
        "quantity_words.tsv",
        include_str!("../../../gazetteers/quantity_words.tsv"),
        &[
            &["prefix", "approx_noun", "vague_noun", "vague_det", "scale", "number_word"],
            &[],
            &["exact", "at_least", "more_than", "at_most", "less_than", "approx", "range", "vague"],
        ],
    ));
    errs.extend(check_lexicon("number_units.tsv", include_str!("../../../gazetteers/number_units.tsv"), &[&[]]));
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}
