//! The committed JSON Schema matches the Rust types, and outputs validate.

mod common;

use common::{root, vigie};

#[test]
fn committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(root("schema/vigie.schema.json")).unwrap();
    assert_eq!(committed, vigie::model::json_schema(), "run `cargo run -- schema > schema/vigie.schema.json`");
}

#[test]
fn outputs_validate_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&vigie::model::json_schema()).unwrap();
    let validator = jsonschema::JSONSchema::compile(&schema).expect("schema compiles");
    let mut inputs = vec![root("tests/fixtures").to_string_lossy().into_owned()];
    for dir in ["corpus/dev", "corpus/test"] {
        if root(dir).exists() {
            inputs.push(root(dir).to_string_lossy().into_owned());
        }
    }
    let mut args = vec!["extract"];
    args.extend(inputs.iter().map(String::as_str));
    let out = vigie(&args);
    let mut n = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Err(errors) = validator.validate(&value) {
            let msgs: Vec<String> = errors.map(|e| format!("{e} at {}", e.instance_path)).collect();
            panic!("{}: {msgs:?}", value["document"]["source"]);
        }
        n += 1;
    }
    assert!(n >= 6, "only {n} documents validated");
}
