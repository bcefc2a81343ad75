//! Event assembly: triggers, dates, places, actors and casualty counts
//! become events. (Stub.)

use crate::gazetteer::NameFindings;
use crate::model::{Event, TriggerMention};
use crate::normalize::NormalizedText;
use crate::rules::casualty::CasualtyFindings;
use crate::rules::date::DateFindings;
use crate::rules::Found;
use crate::segment::Segments;

/// Everything found in one document, the input of assembly.
#[derive(Debug)]
pub struct Findings<'a> {
    /// The text and its views.
    pub text: &'a NormalizedText,
    /// Paragraphs and sentences.
    pub segments: &'a Segments,
    /// Dates.
    pub dates: &'a DateFindings,
    /// Numbers and casualties.
    pub casualties: &'a CasualtyFindings,
    /// Places, actors, people.
    pub names: &'a NameFindings,
    /// Event triggers.
    pub triggers: &'a [Found<TriggerMention>],
    /// SHA-256 of the document, for event ids.
    pub sha256: &'a str,
}

/// Builds the events of a document.
pub fn assemble(_f: &Findings) -> Vec<Event> {
    Vec::new()
}
