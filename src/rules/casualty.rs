//! Numbers and casualty counts. (Stub: the number and casualty grammars land here.)

use super::Found;
use crate::model::{CasualtyMention, NumberMention};
use crate::normalize::NormalizedText;
use crate::segment::Segments;

/// Numbers and casualty counts of one document.
#[derive(Debug, Default)]
pub struct CasualtyFindings {
    /// Every quantity, in text order.
    pub numbers: Vec<Found<NumberMention>>,
    /// Casualty counts, in text order.
    pub casualties: Vec<Found<CasualtyMention>>,
}

/// The compiled number and casualty grammar.
#[derive(Debug, Default)]
pub struct CasualtyRules {}

impl CasualtyRules {
    /// Compiles the grammar from `gazetteers/casualties.tsv`.
    pub fn new() -> CasualtyRules {
        CasualtyRules {}
    }

    /// Finds numbers and casualty counts.
    pub fn find(&self, _text: &NormalizedText, _segments: &Segments) -> CasualtyFindings {
        CasualtyFindings::default()
    }
}
