//! The pipeline: one article in, one [`Document`] out.
//!
//! `decode` → `normalize` → `segment` → extractors → `assemble`. An
//! [`Extractor`] holds everything compiled once (lexicons, gazetteers,
//! regexes) and is shared by reference across threads.

use sha2::{Digest, Sha256};

use crate::decode::decode;
use crate::input::{Article, InputError};
use crate::model::{Document, DocumentInfo, Mention, Warning, SCHEMA};
use crate::normalize::NormalizedText;
use crate::segment::{segment, Segments};

/// Everything the extractors learned about one article, before output.
#[derive(Debug)]
pub struct Analysis {
    /// The original text and its views.
    pub text: NormalizedText,
    /// Paragraphs and sentences.
    pub segments: Segments,
    /// The finished document.
    pub document: Document,
}

/// The compiled extraction pipeline.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// Compiles the built-in rules and gazetteers.
    pub fn new() -> Extractor {
        Extractor {}
    }

    /// The gazetteer id of an actor or person name or alias (`kind` is
    /// `actor` or `person`), used by the evaluator to compare gold names.
    pub fn canonical_id(&self, _kind: &str, _name: &str) -> Option<String> {
        None
    }

    /// Runs the whole pipeline on one article.
    pub fn extract(&self, article: &Article) -> Result<Document, InputError> {
        self.analyze(article).map(|a| a.document)
    }

    /// Runs the pipeline and keeps the intermediate stages (for `vigie debug`).
    pub fn analyze(&self, article: &Article) -> Result<Analysis, InputError> {
        let decoded = decode(&article.bytes).map_err(|error| InputError::Decode { path: article.source.clone(), error })?;
        let text = NormalizedText::new(decoded.text);
        let segments = segment(&text);
        let mut warnings: Vec<Warning> = article
            .notes
            .iter()
            .map(|n| Warning { code: "bad-metadata".into(), span: None, message: n.clone() })
            .collect();
        let mentions: Vec<Mention> = Vec::new();
        warnings.sort_by(|a, b| a.span.as_ref().map(|s| s.start).cmp(&b.span.as_ref().map(|s| s.start)));
        let document = Document {
            schema: SCHEMA.into(),
            document: DocumentInfo {
                id: article.id.clone(),
                source: article.source.clone(),
                sha256: hex_sha256(&article.bytes),
                encoding: decoded.encoding.name(),
                published: article.published.map(|d| d.format("%Y-%m-%d").to_string()),
                chars: text.char_len(),
                url: article.url.clone(),
                title: article.title.clone(),
            },
            mentions,
            events: Vec::new(),
            warnings,
        };
        Ok(Analysis { text, segments, document })
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
