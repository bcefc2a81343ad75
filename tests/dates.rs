//! Date examples from `tests/examples/dates.tsv` (Duckling style): each
//! sentence is extracted against its reference date and its date mentions
//! must be exactly the expected ones, in text order.

use vigie::input::{parse_date, Article};
use vigie::model::Mention;
use vigie::pipeline::Extractor;

const EXAMPLES: &str = include_str!("examples/dates.tsv");

fn dates_of(extractor: &Extractor, text: &str, published: &str) -> Vec<String> {
    let article = Article {
        id: "example".into(),
        source: "example.txt".into(),
        bytes: text.as_bytes().to_vec(),
        published: if published == "-" { None } else { parse_date(published) },
        url: None,
        title: None,
        notes: vec![],
    };
    let doc = extractor.extract(&article).expect("extracts");
    doc.mentions
        .iter()
        .filter_map(|m| match m {
            Mention::Date(d) => {
                let v = d.value.clone().unwrap_or_else(|| "null".into());
                Some(match &d.end {
                    Some(e) => format!("{v}..{e}"),
                    None => v,
                })
            }
            _ => None,
        })
        .collect()
}

#[test]
fn date_examples() {
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in EXAMPLES.lines().enumerate().skip_while(|(_, l)| l.starts_with('#')).skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "tests/examples/dates.tsv:{}: three columns expected", n + 1);
        let expected: Vec<String> =
            if cols[2] == "-" { vec![] } else { cols[2].split(';').map(String::from).collect() };
        let got = dates_of(&extractor, cols[1], cols[0]);
        count += 1;
        if got != expected {
            failures.push(format!(
                "tests/examples/dates.tsv:{}: {:?}\n  expected {:?}\n  got      {:?}",
                n + 1,
                cols[1],
                expected,
                got
            ));
        }
    }
    assert!(count > 50, "examples were read");
    assert!(failures.is_empty(), "{} of {count} date examples fail:\n{}", failures.len(), failures.join("\n"));
}

/// Speed of the date stage alone over the dev corpus (run with `--ignored`
/// in release mode; prints microseconds per article).
#[test]
#[ignore]
fn date_speed() {
    use vigie::normalize::NormalizedText;
    use vigie::rules::date::DateRules;
    use vigie::segment::segment;
    let rules = DateRules::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dev");
    let texts: Vec<NormalizedText> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(NormalizedText::new)
        .collect();
    let segs: Vec<_> = texts.iter().map(segment).collect();
    let published = parse_date("2020-01-01");
    // The fastest of several rounds: the machine is shared, the minimum is
    // the least disturbed measure.
    let rounds = 30;
    let mut found = 0;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        for (t, s) in texts.iter().zip(&segs) {
            found += rules.find(t, s, published).dates.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per = best * 1e6 / texts.len() as f64;
    let bytes: usize = texts.iter().map(|t| t.original().len()).sum::<usize>() / texts.len();
    println!(
        "dates: {per:.0} µs per article ({} articles, {bytes} bytes on average, {} dates each)",
        texts.len(),
        found / rounds / texts.len()
    );
    assert!(found > 0);
}
