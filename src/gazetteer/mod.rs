//! Gazetteers: places, actors and people matched on the fold view and
//! resolved to one entry each. (Stub: matching and resolution land here.)

use crate::model::{ActorMention, PersonMention, PlaceMention};
use crate::normalize::NormalizedText;
use crate::rules::{Found, RuleWarning};
use crate::segment::Segments;

/// Names found in one document.
#[derive(Debug, Default)]
pub struct NameFindings {
    /// Place mentions, resolved.
    pub places: Vec<Found<PlaceMention>>,
    /// Actor mentions.
    pub actors: Vec<Found<ActorMention>>,
    /// Person mentions.
    pub persons: Vec<Found<PersonMention>>,
    /// Fuzzy matches and other doubts.
    pub warnings: Vec<RuleWarning>,
}

/// All gazetteers, compiled once and shared across threads.
#[derive(Debug, Default)]
pub struct Gazetteers {}

impl Gazetteers {
    /// The built-in gazetteers of `gazetteers/`.
    pub fn builtin() -> Gazetteers {
        Gazetteers {}
    }

    /// Finds and resolves every place, actor and person.
    pub fn find(&self, _text: &NormalizedText, _segments: &Segments) -> NameFindings {
        NameFindings::default()
    }

    /// The id of an actor or person name or alias (`kind`: `actor` or `person`).
    pub fn canonical_id(&self, _kind: &str, _name: &str) -> Option<String> {
        None
    }
}
