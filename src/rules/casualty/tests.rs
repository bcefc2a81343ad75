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
                format!(
                    "{} {}/{}/{} {} {}",
                    m.kind,
                    n(m.low),
                    n(m.best),
                    n(m.high),
                    m.qualifier,
                    m.victims
                )
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
            expected
                .split(" | ")
                .map(|s| s.trim().to_string())
                .collect()
        };
        let got = counts(sentence);
        if got != want {
            failures.push(format!(
                "examples.tsv:{}: {sentence:?}\n   want {want:?}\n   got  {got:?}",
                i + 1
            ));
        }
    }
    assert!(n > 30, "too few examples");
    assert!(
        failures.is_empty(),
        "{} of {n} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
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
    ] {
        let text = NormalizedText::new(s.to_string());
        let segs = segment(&text);
        let _ = CasualtyRules::new().find(&text, &segs);
    }
}
