//! The gold checker over the whole corpus: every span slices its text,
//! dates parse, ids are unique, values come from the documented sets.

use std::path::Path;

use vigie::eval::{check_gold, load_corpus};

#[test]
fn every_gold_file_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (items, mut problems) = load_corpus(&root);
    for item in &items {
        problems.extend(check_gold(item));
    }
    assert!(problems.is_empty(), "{} gold problems:\n{}", problems.len(), problems.join("\n"));
    let test = items.iter().filter(|i| i.gold_path.parent().is_some_and(|p| p.ends_with("test"))).count();
    let controls = items.iter().filter(|i| i.gold.control).count();
    assert!(items.len() >= 80, "only {} annotated articles", items.len());
    assert!(test >= 30, "only {test} test articles");
    assert!(controls >= 10, "only {controls} control articles");
}

#[test]
fn a_broken_span_is_caught() {
    let dir = std::env::temp_dir().join(format!("vigie-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.txt"), "Attaque à Kidal hier.").unwrap();
    std::fs::write(dir.join("x.json"), r#"{"published": "2019-03-18"}"#).unwrap();
    let gold = r#"{"schema": "vigie-gold/1", "published": "2019-03-18", "encoding": "utf-8", "control": false,
      "events": [{"id": "e1", "type": "attack", "date": {"value": "2019-02-30"}, "location": null},
                 {"id": "e1", "type": "bombing", "date": null, "location": null}],
      "mentions": [{"kind": "place", "name": "Kidal", "span": {"start": 10, "end": 15, "byte_start": 10, "byte_end": 15, "text": "Kidal"}}]}"#;
    std::fs::write(dir.join("x.gold.json"), gold).unwrap();
    let (items, _) = load_corpus(&dir);
    let problems = check_gold(&items[0]);
    let all = problems.join("\n");
    assert!(all.contains("byte range") || all.contains("slice"), "{all}");
    assert!(all.contains("bad date \"2019-02-30\""), "{all}");
    assert!(all.contains("duplicate id"), "{all}");
    assert!(all.contains("bad type \"bombing\""), "{all}");
    std::fs::remove_dir_all(&dir).ok();
}
