//! Spans: the two offset spaces of vigie.
//!
//! * A [`Span`] points into the **original** document text (decoded, BOM
//!   removed, line ends kept). It is what every output carries: code-point
//!   offsets, UTF-8 byte offsets and the exact original characters.
//! * A [`ViewRange`] is a byte range into a **normalized view** (see
//!   [`crate::normalize`]). Extractors only ever hold view ranges; the offset
//!   map of the view is the one bridge from a view range to a [`Span`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A span of the original text, as written in every output (SPEC "Spans").
///
/// Invariant: `text == original[start..end]` in code points and
/// `text == original_utf8[byte_start..byte_end]` in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// UTF-8 byte offset of the first character.
    pub byte_start: usize,
    /// UTF-8 byte offset one past the last character.
    pub byte_end: usize,
    /// The original characters of the span.
    pub text: String,
}

impl Span {
    /// True when the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A byte range into one normalized view (normally the folded view).
///
/// Only meaningful together with the view it was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ViewRange {
    /// Byte offset of the first byte in the view.
    pub start: usize,
    /// Byte offset one past the last byte in the view.
    pub end: usize,
}

impl ViewRange {
    /// A new range; panics in debug builds when `start > end`.
    pub fn new(start: usize, end: usize) -> ViewRange {
        debug_assert!(start <= end, "view range {start}..{end} is reversed");
        ViewRange { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty range.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: ViewRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the ranges share at least one byte.
    pub fn overlaps(&self, other: ViewRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range covering both.
    pub fn cover(&self, other: ViewRange) -> ViewRange {
        ViewRange::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl ViewRange {
    /// As a standard range, for slicing the view.
    pub fn as_range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<std::ops::Range<usize>> for ViewRange {
    fn from(r: std::ops::Range<usize>) -> ViewRange {
        ViewRange::new(r.start, r.end)
    }
}
