//! The pipeline: one article in, one [`Document`] out.
//!
//! `decode` → `normalize` → `segment` → extractors → `assemble`. An
//! [`Extractor`] holds everything compiled once (lexicons, gazetteers,
//! regexes) and is shared by reference across threads.

use sha2::{Digest, Sha256};

use crate::assemble::{assemble, Findings};
use crate::decode::decode;
use crate::gazetteer::Gazetteers;
use crate::input::{Article, InputError};
use crate::model::{Document, DocumentInfo, Mention, Warning, SCHEMA};
use crate::normalize::NormalizedText;
use crate::rules::casualty::CasualtyRules;
use crate::rules::date::DateRules;
use crate::rules::trigger::TriggerRules;
use crate::rules::{Found, RuleWarning};
use crate::segment::{segment, Segments};
use crate::span::ViewRange;

/// Everything the extractors learned about one article, before output.
#[derive(Debug)]
pub struct Analysis {
    /// The original text and its views.
    pub text: NormalizedText,
    /// Paragraphs and sentences.
    pub segments: Segments,
    /// The finished document.
    pub document: Document,
    /// For each mention of the document: the rule that found it and its fold-view range.
    pub provenance: Vec<(&'static str, ViewRange)>,
}

/// The compiled extraction pipeline.
#[derive(Debug, Default)]
pub struct Extractor {
    dates: DateRules,
    casualties: CasualtyRules,
    triggers: TriggerRules,
    gazetteers: Gazetteers,
}

impl Extractor {
    /// Compiles the built-in rules and gazetteers.
    pub fn new() -> Extractor {
        Extractor {
            dates: DateRules::new(),
            casualties: CasualtyRules::new(),
            triggers: TriggerRules::new(),
            gazetteers: Gazetteers::builtin(),
        }
    }

    /// Compiles the built-in rules with the given gazetteers (e.g. built-in
    /// plus a user's folder, [`Gazetteers::with_user_dir`]).
    pub fn with_gazetteers(gazetteers: Gazetteers) -> Extractor {
        Extractor { gazetteers, ..Extractor::new() }
    }

    /// The gazetteer id of an actor or person name or alias (`kind` is
    /// `actor` or `person`), used by the evaluator to compare gold names.
    pub fn canonical_id(&self, kind: &str, name: &str) -> Option<String> {
        self.gazetteers.canonical_id(kind, name)
    }

    /// Runs the whole pipeline on one article.
    pub fn extract(&self, article: &Article) -> Result<Document, InputError> {
        self.analyze(article).map(|a| a.document)
    }

    /// Runs the pipeline and keeps the intermediate stages (for `vigie debug`).
    pub fn analyze(&self, article: &Article) -> Result<Analysis, InputError> {
        let decoded =
            decode(&article.bytes).map_err(|error| InputError::Decode { path: article.source.clone(), error })?;
        let text = NormalizedText::new(decoded.text);
        let segments = segment(&text);
        let mut warnings: Vec<Warning> = article
            .notes
            .iter()
            .map(|n| Warning { code: "bad-metadata".into(), span: None, message: n.clone() })
            .collect();
        let sha256 = hex_sha256(&article.bytes);
        let names = self.gazetteers.find(&text, &segments);
        let mut dates = self.dates.find(&text, &segments, article.published);
        let mut casualties = self.casualties.find(&text, &segments);
        let trigger_hits = self.triggers.hits(&text);
        // A name owns its span: "Mouvement du 23 mars" is an actor, not a date.
        let names_ranges: Vec<ViewRange> =
            names.actors.iter().map(|a| a.range).chain(names.persons.iter().map(|p| p.range)).collect();
        let inside_name = |r: ViewRange| names_ranges.iter().any(|n| n.overlaps(r) && n.len() > r.len());
        dates.dates.retain(|d| !inside_name(d.range));
        casualties.numbers.retain(|d| !inside_name(d.range));
        casualties.casualties.retain(|d| !inside_name(d.range));
        let events = assemble(&Findings {
            text: &text,
            segments: &segments,
            dates: &dates,
            casualties: &casualties,
            names: &names,
            triggers: &trigger_hits,
            sha256: &sha256,
            published: article.published,
        });
        let mut mentions: Vec<(ViewRange, u8, &'static str, Mention)> = Vec::new();
        push_all(&mut mentions, 0, &names.places, |m| Mention::Place(m.clone()));
        push_all(&mut mentions, 1, &names.actors, |m| Mention::Actor(m.clone()));
        push_all(&mut mentions, 2, &names.persons, |m| Mention::Person(m.clone()));
        push_all(&mut mentions, 3, &dates.dates, |m| Mention::Date(m.clone()));
        push_all(&mut mentions, 4, &casualties.numbers, |m| Mention::Number(m.clone()));
        push_all(&mut mentions, 5, &casualties.casualties, |m| Mention::Casualty(m.clone()));
        mentions.extend(
            trigger_hits.iter().map(|h| (h.found.range, 6, h.found.rule, Mention::Trigger(h.found.mention.clone()))),
        );
        mentions.sort_by(|a, b| (a.0.start, a.1, a.0.end).cmp(&(b.0.start, b.1, b.0.end)));
        let provenance: Vec<(&'static str, ViewRange)> = mentions.iter().map(|(r, _, rule, _)| (*rule, *r)).collect();
        let mentions: Vec<Mention> = mentions.into_iter().map(|(_, _, _, m)| m).collect();
        for w in names.warnings.iter().chain(&dates.warnings) {
            warnings.push(to_warning(&text, w));
        }
        warnings.sort_by_key(|w| w.span.as_ref().map(|s| (s.start, s.end)));
        let document = Document {
            schema: SCHEMA.into(),
            document: DocumentInfo {
                id: article.id.clone(),
                source: article.source.clone(),
                sha256,
                encoding: decoded.encoding.name(),
                published: article.published.map(|d| d.format("%Y-%m-%d").to_string()),
                chars: text.char_len(),
                url: article.url.clone(),
                title: article.title.clone(),
            },
            mentions,
            events,
            warnings,
        };
        Ok(Analysis { text, segments, document, provenance })
    }
}

/// Lowercase hex SHA-256 of some bytes.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn push_all<M>(
    out: &mut Vec<(ViewRange, u8, &'static str, Mention)>,
    order: u8,
    found: &[Found<M>],
    f: impl Fn(&M) -> Mention,
) {
    out.extend(found.iter().map(|x| (x.range, order, x.rule, f(&x.mention))));
}

fn to_warning(text: &NormalizedText, w: &RuleWarning) -> Warning {
    Warning { code: w.code.to_string(), span: w.range.map(|r| text.span(r)), message: w.message.clone() }
}
