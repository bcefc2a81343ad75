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
        let expected: Vec<String> = if cols[2] == "-" { vec![] } else { cols[2].split(';').map(String::from).collect() };
        let got = dates_of(&extractor, cols[1], cols[0]);
        count += 1;
        if got != expected {
            failures.push(format!("tests/examples/dates.tsv:{}: {:?}\n  expected {:?}\n  got      {:?}", n + 1, cols[1], expected, got));
        }
    }
    assert!(count > 50, "examples were read");
    assert!(failures.is_empty(), "{} of {count} date examples fail:\n{}", failures.len(), failures.join("\n"));
}
