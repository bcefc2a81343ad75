//! The quality gate: scores on corpus/dev and corpus/test must not fall
//! below corpus/baseline.json (minus its tolerance). Same code as `vigie eval`.

use std::path::Path;

use vigie::eval::{evaluate, regressions, Baseline};
use vigie::pipeline::Extractor;

#[test]
fn corpus_scores_do_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let baseline: Baseline = serde_json::from_slice(&std::fs::read(root.join("baseline.json")).unwrap()).unwrap();
    let extractor = Extractor::new();
    let mut failures = Vec::new();
    for part in ["dev", "test"] {
        let report = evaluate(&extractor, &root.join(part));
        assert!(report.errors.is_empty(), "{part}: {:?}", report.errors);
        failures.extend(regressions(&baseline, part, &report.scores()));
        // Every output of the corpus satisfies the span invariant (checked in eval too).
        println!("== {part}\n{}", report.table());
    }
    assert!(
        failures.is_empty(),
        "scores fell below the baseline (run `vigie eval` to see what is wrong):\n{}",
        failures.join("\n")
    );
}

/// The gate catches a gold value the extractor disagrees with: copy part of
/// the corpus, record its scores as a baseline, change one gold date the
/// extractor gets right, and the gate must fail.
#[test]
fn a_changed_gold_value_fails_the_gate() {
    use std::collections::BTreeMap;
    use vigie::eval::rounded;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dev");
    let tmp = std::env::temp_dir().join(format!("vigie-gate-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names.iter().filter(|p| p.to_string_lossy().contains("ml-")) {
        std::fs::copy(p, tmp.join(p.file_name().unwrap())).unwrap();
    }
    let extractor = Extractor::new();
    let before = evaluate(&extractor, &tmp).scores();
    let baseline = Baseline { tolerance: 0.001, scores: BTreeMap::from([("part".to_string(), rounded(&before))]) };
    assert!(regressions(&baseline, "part", &before).is_empty());
    // Change the first gold date of the first gold file to a value nobody predicts.
    let gold_path = std::fs::read_dir(&tmp)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .min()
        .unwrap();
    let mut gold: serde_json::Value = serde_json::from_slice(&std::fs::read(&gold_path).unwrap()).unwrap();
    let date =
        gold["mentions"].as_array_mut().unwrap().iter_mut().find(|m| m["kind"] == "date").expect("a date mention");
    date["value"] = serde_json::Value::String("1901-01-01".into());
    std::fs::write(&gold_path, serde_json::to_vec_pretty(&gold).unwrap()).unwrap();
    let after = evaluate(&extractor, &tmp).scores();
    let failures = regressions(&baseline, "part", &after);
    std::fs::remove_dir_all(&tmp).ok();
    assert!(failures.iter().any(|f| f.contains("mention.date")), "the gate did not notice: {failures:?}");
}
