//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use vigie::model::Document;

/// Path of a file under the crate root.
pub fn root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Runs the vigie binary with arguments.
pub fn vigie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie")).args(args).output().expect("vigie runs")
}

/// Parses JSON Lines output into documents.
pub fn documents(stdout: &[u8]) -> Vec<Document> {
    String::from_utf8(stdout.to_vec())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a document"))
        .collect()
}

/// Decodes a file the way vigie should, for checking spans independently.
pub fn original_text(path: &Path, encoding: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    match encoding {
        "utf-8" => String::from_utf8(bytes).unwrap(),
        "utf-8-bom" => String::from_utf8(bytes[3..].to_vec()).unwrap(),
        "utf-16le" => {
            let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            String::from_utf16(&units).unwrap()
        }
        "utf-16be" => {
            let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&units).unwrap()
        }
        "windows-1252" => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
        other => panic!("unknown encoding {other}"),
    }
}
