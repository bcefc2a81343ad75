//! Event triggers. (Stub.)

use super::Found;
use crate::model::TriggerMention;
use crate::normalize::NormalizedText;

/// The compiled trigger lexicon.
#[derive(Debug, Default)]
pub struct TriggerRules {}

impl TriggerRules {
    /// Compiles `gazetteers/triggers.tsv`.
    pub fn new() -> TriggerRules {
        TriggerRules {}
    }

    /// Finds event triggers.
    pub fn find(&self, _text: &NormalizedText) -> Vec<Found<TriggerMention>> {
        Vec::new()
    }
}
