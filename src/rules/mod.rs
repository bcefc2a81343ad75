//! Rule-based extractors over the fold view: dates, numbers and casualty
//! counts, event triggers. Each submodule compiles its lexicon (data under
//! `gazetteers/`) once and exposes one `…Rules` type whose `find` returns
//! [`Found`] items: a fold-view range, the rule's name and the finished
//! mention (its span made by the offset map).

pub mod casualty;
pub mod date;
pub mod lexicon;
pub mod number;
pub mod trigger;

use crate::span::ViewRange;

/// A mention found by a rule, with its fold-view range kept for assembly.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<M> {
    /// Range in the fold view.
    pub range: ViewRange,
    /// Name of the rule that matched (for `vigie debug`).
    pub rule: &'static str,
    /// The mention, its span already mapped to the original text.
    pub mention: M,
}

/// A warning found by a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleWarning {
    /// Where, in the fold view.
    pub range: Option<ViewRange>,
    /// Stable code.
    pub code: &'static str,
    /// Explanation.
    pub message: String,
}
