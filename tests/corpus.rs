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
    assert!(failures.is_empty(), "scores fell below the baseline (run `vigie eval` to see what is wrong):\n{}", failures.join("\n"));
}
