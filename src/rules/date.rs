//! Dates: temporal expressions of French news resolved to calendar values.
//! (Stub: the date grammar lands here.)

use chrono::NaiveDate;

use super::{Found, RuleWarning};
use crate::model::DateMention;
use crate::normalize::NormalizedText;
use crate::segment::Segments;

/// Date mentions and warnings of one document.
#[derive(Debug, Default)]
pub struct DateFindings {
    /// Date mentions in text order.
    pub dates: Vec<Found<DateMention>>,
    /// Unresolved or inferred dates.
    pub warnings: Vec<RuleWarning>,
}

/// The compiled date grammar.
#[derive(Debug, Default)]
pub struct DateRules {}

impl DateRules {
    /// Compiles the grammar from `gazetteers/dates.tsv`.
    pub fn new() -> DateRules {
        DateRules {}
    }

    /// Finds and resolves the dates of a document against `published`.
    pub fn find(&self, _text: &NormalizedText, _segments: &Segments, _published: Option<NaiveDate>) -> DateFindings {
        DateFindings::default()
    }
}
