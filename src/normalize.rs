//! Normalization with an offset map back to the original text.
//!
//! # Design
//!
//! The original text is never rewritten. [`NormalizedText`] keeps it and
//! builds two *views* of it in one pass:
//!
//! * the **norm** view: Unicode NFC; typographic apostrophes (’ ‘ ʼ) become
//!   `'`; quotes (« » “ ” „) become `"`; every kind of space (NBSP U+00A0,
//!   narrow NBSP U+202F, thin and em spaces, tabs) is a space; dashes
//!   (‐ ‑ – — −) become `-`; `…` becomes `...`; ligatures œ æ ﬁ ﬂ are spelled
//!   out; zero-width characters and soft hyphens disappear; control characters
//!   are spaces; and whitespace runs collapse: a run with two or more line
//!   breaks becomes `"\n\n"` (a paragraph break), a run with one becomes
//!   `"\n"`, any other run a single space. Case and accents are kept.
//! * the **fold** view: the same, then lowercased and stripped of accents
//!   (é→e, ç→c, Œ→oe). Gazetteers, lexicons and every rule match on it, so it
//!   is nearly pure ASCII and regexes can use ASCII-only word boundaries.
//!
//! Each view has an [`OffsetMap`]: the list of *edits* (places where the view
//! differs from the original other than by a same-length single-character
//! substitution such as `A`→`a`), kept sorted and searched by binary search.
//! Between edits, view and original advance byte for byte. A view position
//! that falls inside an edit snaps outward to the edit's boundaries (a span
//! never cuts an original character in two). A deleted character (zero width
//! in the view) is left out of a span that starts or ends next to it.
//!
//! View offsets are bytes of the view. [`NormalizedText::span`] turns a view
//! range into an output [`Span`] with code-point and byte offsets into the
//! original; it is the only way spans are made.
//!
//! # Speed
//!
//! Most news text is already NFC (checked once with the quick check, so NFC
//! composition is skipped), and most of it is ASCII: runs of plain ASCII are
//! copied in bulk and lowercased in place. The benchmark `cargo bench --bench
//! normalize` measures this stage.

use std::sync::OnceLock;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::span::{Span, ViewRange};

/// One place where a view differs from the original in length or shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    view_start: usize,
    view_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Maps byte offsets of a view back to byte offsets of the original.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// Original byte offset of a span that starts at view offset `v`.
    pub fn orig_start(&self, v: usize) -> usize {
        // Edits entirely at or before v (view_end <= v), deletions at v included:
        // a span starting at v begins after a deleted character.
        let n = self.edits.partition_point(|e| e.view_end <= v);
        if let Some(e) = self.edits.get(n) {
            if e.view_start < v {
                return e.orig_start; // inside an edit: snap outward
            }
        }
        match n.checked_sub(1).map(|i| self.edits[i]) {
            Some(prev) => prev.orig_end + (v - prev.view_end),
            None => v,
        }
    }

    /// Original byte offset of a span that ends at view offset `v`.
    pub fn orig_end(&self, v: usize) -> usize {
        let mut n = self.edits.partition_point(|e| e.view_end <= v);
        if let Some(e) = self.edits.get(n) {
            if e.view_start < v {
                return e.orig_end; // inside an edit: snap outward
            }
        }
        // A span ending at v does not take in characters deleted at v.
        while n > 0 && self.edits[n - 1].view_start == v && self.edits[n - 1].view_end == v {
            n -= 1;
        }
        match n.checked_sub(1).map(|i| self.edits[i]) {
            Some(prev) => prev.orig_end + (v - prev.view_end),
            None => v,
        }
    }

    /// Number of recorded edits (a measure of how much normalization changed).
    pub fn len(&self) -> usize {
        self.edits.len()
    }

    /// True when the view equals the original byte for byte up to case.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Converts byte offsets of a string to code-point offsets quickly.
#[derive(Debug, Clone)]
struct CharIndex {
    /// Code points before each block of `BLOCK` bytes; empty for ASCII text.
    blocks: Vec<usize>,
}

const BLOCK: usize = 256;

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { blocks: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        }
        // One more entry so that the offset one past the end resolves too.
        blocks.push(count);
        CharIndex { blocks }
    }

    fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks[block.min(self.blocks.len() - 1)];
        let from = block * BLOCK;
        base + text.as_bytes()[from.min(byte)..byte].iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }
}

/// A normalized view of the original text and its map back.
#[derive(Debug, Clone, Default)]
pub struct View {
    text: String,
    map: OffsetMap,
}

impl View {
    /// The view's text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The view's offset map.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }
}

/// The original text of a document with its norm and fold views.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    original: String,
    chars: CharIndex,
    /// Built on first use: the rules only need the fold view.
    norm: OnceLock<View>,
    fold: View,
}

/// Which view a range belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// NFC, punctuation and spaces unified, case and accents kept.
    Norm,
    /// The norm view lowercased and without accents.
    Fold,
}

impl NormalizedText {
    /// Normalizes `original` (already decoded): builds the fold view now and
    /// the norm view when first asked for.
    pub fn new(original: String) -> NormalizedText {
        let fold = build(&original, false).fold;
        let chars = CharIndex::new(&original);
        NormalizedText { original, chars, norm: OnceLock::new(), fold }
    }

    fn norm_view(&self) -> &View {
        self.norm.get_or_init(|| build(&self.original, true).norm)
    }

    /// The original text.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The norm view's text.
    pub fn norm(&self) -> &str {
        &self.norm_view().text
    }

    /// The fold view's text (what rules match on).
    pub fn fold(&self) -> &str {
        &self.fold.text
    }

    /// The requested view.
    pub fn view(&self, kind: ViewKind) -> &View {
        match kind {
            ViewKind::Norm => self.norm_view(),
            ViewKind::Fold => &self.fold,
        }
    }

    /// Original byte range of a view range.
    pub fn orig_range(&self, kind: ViewKind, r: ViewRange) -> std::ops::Range<usize> {
        let map = &self.view(kind).map;
        let start = map.orig_start(r.start);
        let end = map.orig_end(r.end).max(start);
        start..end
    }

    /// The output span of a range of the fold view.
    pub fn span(&self, r: ViewRange) -> Span {
        self.span_in(ViewKind::Fold, r)
    }

    /// The output span of a range of either view.
    pub fn span_in(&self, kind: ViewKind, r: ViewRange) -> Span {
        let b = self.orig_range(kind, r);
        self.span_of_original_bytes(b.start, b.end)
    }

    /// The output span of an original byte range (must be on char boundaries).
    pub fn span_of_original_bytes(&self, byte_start: usize, byte_end: usize) -> Span {
        Span {
            start: self.chars.char_offset(&self.original, byte_start),
            end: self.chars.char_offset(&self.original, byte_end),
            byte_start,
            byte_end,
            text: self.original[byte_start..byte_end].to_string(),
        }
    }

    /// The original text behind a fold-view range.
    pub fn original_of(&self, r: ViewRange) -> &str {
        let b = self.orig_range(ViewKind::Fold, r);
        &self.original[b]
    }

    /// True when the original text behind the fold position `v` starts with
    /// an uppercase letter (used for proper-name and sentence checks).
    pub fn is_upper_at(&self, v: usize) -> bool {
        let o = self.fold.map.orig_start(v);
        self.original[o..].chars().next().is_some_and(char::is_uppercase)
    }

    /// Number of code points of the original text.
    pub fn char_len(&self) -> usize {
        self.chars.char_offset(&self.original, self.original.len())
    }
}

/// Runs the builder over a whole text; the norm view only when asked.
fn build(original: &str, with_norm: bool) -> Builder {
    // ASCII, Latin letters below U+0300 and general punctuation are always
    // NFC: only the rest goes through the (slower) quick check.
    let nfc = !needs_nfc_check(original)
        || matches!(is_nfc_quick(original.chars().filter(|&c| may_need_nfc(c))), IsNormalized::Yes);
    let mut b = Builder::with_capacity(original.len(), with_norm);
    if nfc {
        b.run_nfc(original);
    } else {
        b.run_general(original);
    }
    b.finish_whitespace(original.len());
    b
}

/// Folds a string the way the fold view is made (for lexicon entries).
pub fn fold(s: &str) -> String {
    NormalizedText::new(s.to_string()).fold.text.trim().to_string()
}

/// How one original character appears in the views.
enum CharClass {
    /// Horizontal whitespace (collapses).
    Space,
    /// A line break (collapses; two or more make a paragraph break).
    Break,
    /// Removed from the views (zero-width characters, soft hyphen).
    Delete,
    /// Replaced in both views by fixed ASCII text.
    Replace(&'static str, &'static str),
    /// Kept in the norm view, folded in the fold view.
    Keep,
}

fn classify(c: char) -> CharClass {
    match c {
        ' ' | '\t' => CharClass::Space,
        '\n' | '\r' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' | '\u{2029}' => CharClass::Break,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => CharClass::Space,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => CharClass::Delete,
        '`' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '\u{02BB}' => {
            CharClass::Replace("'", "'")
        }
        '\u{AB}' | '\u{BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}'
        | '\u{2033}' => CharClass::Replace("\"", "\""),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => CharClass::Replace("-", "-"),
        '\u{2026}' => CharClass::Replace("...", "..."),
        'œ' => CharClass::Replace("oe", "oe"),
        'Œ' => CharClass::Replace("OE", "oe"),
        'æ' => CharClass::Replace("ae", "ae"),
        'Æ' => CharClass::Replace("AE", "ae"),
        '\u{FB01}' => CharClass::Replace("fi", "fi"),
        '\u{FB02}' => CharClass::Replace("fl", "fl"),
        c if c.is_control() => CharClass::Space,
        _ => CharClass::Keep,
    }
}

/// Lowercase, accentless form of a kept character, appended to `out`.
fn push_folded(c: char, out: &mut String) {
    if (c as u32) < 0x80 {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        let table = latin_fold_table();
        out.push_str(table[(c as usize) - 0xC0].as_str());
        return;
    }
    fold_generic(c, out);
}

/// True when `c` leaves nothing in the fold view (a mark, or a character
/// whose decomposition is only marks, like U+0F73).
fn folds_to_nothing(c: char) -> bool {
    // Letters, digits and Latin punctuation always leave something: no
    // allocation on the hot path, where this runs after every space.
    if c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) {
        return false;
    }
    let mut s = String::new();
    push_folded(c, &mut s);
    s.is_empty()
}

fn fold_generic(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

fn latin_fold_table() -> &'static Vec<String> {
    static TABLE: OnceLock<Vec<String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0xC0u32..=0x24F)
            .map(|u| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(u) {
                    match c {
                        'ß' => s.push_str("ss"),
                        'Ø' | 'ø' => s.push('o'),
                        'Đ' | 'đ' => s.push('d'),
                        'Ł' | 'ł' => s.push('l'),
                        'Ħ' | 'ħ' => s.push('h'),
                        _ => fold_generic(c, &mut s),
                    }
                }
                s
            })
            .collect()
    })
}

/// Bytes copied verbatim into both views (lowercased in the fold view).
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 0x7F {
        t[b] = b != b'`' as usize;
        b += 1;
    }
    t
};

#[inline]
fn is_plain_ascii(b: u8) -> bool {
    PLAIN[b as usize]
}

struct Builder {
    /// Whether the norm view is built at all.
    with_norm: bool,
    norm: View,
    fold: View,
    /// Start of the pending whitespace run in the original, if any.
    ws_start: Option<usize>,
    /// Line breaks in the pending run.
    ws_breaks: u32,
    /// The previous whitespace character was '\r' (CRLF counts once).
    ws_after_cr: bool,
}

impl Builder {
    fn with_capacity(n: usize, with_norm: bool) -> Builder {
        Builder {
            with_norm,
            norm: View { text: String::with_capacity(if with_norm { n } else { 0 }), map: OffsetMap::default() },
            fold: View { text: String::with_capacity(n), map: OffsetMap::default() },
            ws_start: None,
            ws_breaks: 0,
            ws_after_cr: false,
        }
    }

    /// Fast path for NFC text: bulk-copies ASCII runs.
    fn run_nfc(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if is_plain_ascii(b) {
                // A run of plain ASCII, single spaces between words included.
                let mut j = i + 1;
                while j < bytes.len()
                    && (is_plain_ascii(bytes[j])
                        || (bytes[j] == b' ' && j + 1 < bytes.len() && is_plain_ascii(bytes[j + 1])))
                {
                    j += 1;
                }
                self.flush_whitespace(i);
                let run = &text[i..j];
                if self.with_norm {
                    self.norm.text.push_str(run);
                }
                let from = self.fold.text.len();
                self.fold.text.push_str(run);
                // SAFETY-free: ASCII lowercase keeps the string valid UTF-8.
                self.fold.text[from..].make_ascii_lowercase();
                i = j;
            } else if b == 0xC3 && i + 1 < bytes.len() && bytes[i + 1] != 0x86 && bytes[i + 1] != 0xA6 {
                // U+00C0..U+00FF, the common French accents: folded by table
                // without decoding the character (Æ and æ are spelled out by
                // `classify` instead).
                self.flush_whitespace(i);
                if self.with_norm {
                    self.norm.text.push_str(&text[i..i + 2]);
                }
                let from = self.fold.text.len();
                self.fold.text.push_str(&latin_fold_table()[(bytes[i + 1] - 0x80) as usize]);
                let to = self.fold.text.len();
                record(&mut self.fold, from, to, i, i + 2);
                i += 2;
            } else {
                let c = text[i..].chars().next().expect("index is on a char boundary");
                let end = i + c.len_utf8();
                self.push_char(c, i, end);
                i = end;
            }
        }
    }

    /// General path: composes NFC chunk by chunk so that offsets stay exact.
    fn run_general(&mut self, text: &str) {
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            let mut end = start + c.len_utf8();
            // A chunk is a character followed by everything NFC may attach to it.
            while let Some(&(next_start, next)) = iter.peek() {
                if canonical_combining_class(next) != 0 || nfc_maybe(next) {
                    end = next_start + next.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let chunk = &text[start..end];
            if end == start + c.len_utf8() && nfc_yes(c) {
                self.push_char(c, start, end);
                continue;
            }
            let composed: String = chunk.nfc().collect();
            // Marks after whitespace vanish with it, in whatever order.
            let after_space = matches!(classify(c), CharClass::Space | CharClass::Break | CharClass::Delete);
            if composed == chunk || after_space {
                for (k, ch) in chunk.char_indices() {
                    self.push_char(ch, start + k, start + k + ch.len_utf8());
                }
            } else {
                self.push_composed(&composed, start, end);
            }
        }
    }

    fn push_char(&mut self, c: char, start: usize, end: usize) {
        match classify(c) {
            CharClass::Space => self.add_whitespace(start, false, c),
            CharClass::Break => self.add_whitespace(start, true, c),
            // Inside a whitespace run a deleted character joins the run.
            CharClass::Delete if self.ws_start.is_some() => {}
            CharClass::Delete => {
                if self.with_norm {
                    delete(&mut self.norm, start, end);
                }
                delete(&mut self.fold, start, end);
            }
            CharClass::Replace(n, f) => {
                self.flush_whitespace(start);
                if self.with_norm {
                    replace(&mut self.norm, n, start, end);
                }
                replace(&mut self.fold, f, start, end);
            }
            // A stray combining mark after whitespace disappears with it.
            CharClass::Keep if self.ws_start.is_some() && (is_combining_mark(c) || folds_to_nothing(c)) => {}
            CharClass::Keep => {
                self.flush_whitespace(start);
                if self.with_norm {
                    self.norm.text.push(c);
                }
                let from = self.fold.text.len();
                push_folded(c, &mut self.fold.text);
                let out = &self.fold.text[from..];
                let same_shape = out.len() == end - start && out.chars().nth(1).is_none();
                if !same_shape {
                    let view_end = self.fold.text.len();
                    record(&mut self.fold, from, view_end, start, end);
                }
            }
        }
    }

    /// A chunk whose NFC form differs from the original: one edit per view.
    fn push_composed(&mut self, composed: &str, start: usize, end: usize) {
        // Marks alone after whitespace ("\u{f73}" is two of them) go with it.
        if self.ws_start.is_some() && composed.chars().all(|c| is_combining_mark(c) || folds_to_nothing(c)) {
            return;
        }
        self.flush_whitespace(start);
        let (n0, f0) = (self.norm.text.len(), self.fold.text.len());
        for c in composed.chars() {
            match classify(c) {
                CharClass::Replace(n, f) => {
                    self.norm.text.push_str(n);
                    self.fold.text.push_str(f);
                }
                CharClass::Keep => {
                    self.norm.text.push(c);
                    push_folded(c, &mut self.fold.text);
                }
                // Spaces and deletions inside a composed chunk are rare enough
                // to be dropped.
                _ => {}
            }
        }
        let (n1, f1) = (self.norm.text.len(), self.fold.text.len());
        record(&mut self.norm, n0, n1, start, end);
        record(&mut self.fold, f0, f1, start, end);
    }

    fn add_whitespace(&mut self, start: usize, is_break: bool, c: char) {
        if self.ws_start.is_none() {
            self.ws_start = Some(start);
            self.ws_breaks = 0;
            self.ws_after_cr = false;
        }
        if is_break {
            // "\r\n" is one line break.
            if !(c == '\n' && self.ws_after_cr) {
                self.ws_breaks += 1;
            }
            self.ws_after_cr = c == '\r';
        } else {
            self.ws_after_cr = false;
        }
    }

    /// Emits the pending whitespace run that ends at original offset `end`.
    fn flush_whitespace(&mut self, end: usize) {
        let Some(start) = self.ws_start.take() else { return };
        // Leading whitespace of the document disappears.
        let out = if self.fold.text.is_empty() {
            ""
        } else {
            match self.ws_breaks {
                0 => " ",
                1 => "\n",
                _ => "\n\n",
            }
        };
        if self.with_norm {
            emit_whitespace(&mut self.norm, out, start, end);
        }
        emit_whitespace(&mut self.fold, out, start, end);
    }

    /// Trailing whitespace of the document disappears.
    fn finish_whitespace(&mut self, len: usize) {
        if let Some(start) = self.ws_start.take() {
            if self.with_norm {
                delete(&mut self.norm, start, len);
            }
            delete(&mut self.fold, start, len);
        }
    }
}

/// True when some character may need the NFC quick check. Characters below
/// U+0300 have lead bytes below 0xCC, so most bytes are skipped unread.
fn needs_nfc_check(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| b >= 0xCC && s[i..].chars().next().is_some_and(may_need_nfc))
}

/// False for characters that are NFC-stable whatever surrounds them.
fn may_need_nfc(c: char) -> bool {
    let u = c as u32;
    u >= 0x300 && !(0x2000..=0x206F).contains(&u) && !(0x20A0..=0x20CF).contains(&u)
}

/// True for characters that NFC may compose with what precedes them.
fn nfc_maybe(c: char) -> bool {
    (c as u32) >= 0x300 && matches!(is_nfc_quick(std::iter::once(c)), IsNormalized::Maybe)
}

fn nfc_yes(c: char) -> bool {
    (c as u32) < 0x300 || matches!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes)
}

fn emit_whitespace(view: &mut View, out: &str, start: usize, end: usize) {
    let from = view.text.len();
    view.text.push_str(out);
    // A single space or newline that stays as it is needs no edit; a tab or
    // CR becoming a space or newline is a same-length substitution.
    if end - start == out.len() && out.len() == 1 {
        return;
    }
    let to = view.text.len();
    record(view, from, to, start, end);
}

fn replace(view: &mut View, out: &str, start: usize, end: usize) {
    let from = view.text.len();
    view.text.push_str(out);
    let to = view.text.len();
    if !(out.len() == end - start && out.len() == 1) {
        record(view, from, to, start, end);
    }
}

fn delete(view: &mut View, start: usize, end: usize) {
    let at = view.text.len();
    // Merge consecutive deletions into one.
    if let Some(last) = view.map.edits.last_mut() {
        if last.view_start == at && last.view_end == at && last.orig_end == start {
            last.orig_end = end;
            return;
        }
    }
    record(view, at, at, start, end);
}

fn record(view: &mut View, view_start: usize, view_end: usize, orig_start: usize, orig_end: usize) {
    view.map.edits.push(Edit { view_start, view_end, orig_start, orig_end });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_text(t: &NormalizedText, kind: ViewKind, a: usize, b: usize) -> String {
        t.span_in(kind, ViewRange::new(a, b)).text
    }

    #[test]
    fn folds_accents_case_and_punctuation() {
        let t = NormalizedText::new("L’Armée a tué «\u{a0}20\u{202f}000\u{a0}» Œufs – Ménaka…".to_string());
        assert_eq!(t.fold(), "l'armee a tue \" 20 000 \" oeufs - menaka...");
        assert_eq!(t.norm(), "L'Armée a tué \" 20 000 \" OEufs - Ménaka...");
    }

    #[test]
    fn maps_fold_ranges_back_to_original() {
        let orig = "Le camp de Dioura\u{a0}: l’attaque";
        let t = NormalizedText::new(orig.to_string());
        let f = t.fold();
        let at = f.find("dioura").unwrap();
        let s = t.span(ViewRange::new(at, at + 6));
        assert_eq!(s.text, "Dioura");
        assert_eq!(s.start, 11);
        let at = f.find("l'attaque").unwrap();
        assert_eq!(span_text(&t, ViewKind::Fold, at, at + 9), "l’attaque");
    }

    #[test]
    fn a_character_of_marks_only_after_whitespace_goes_with_it() {
        // U+0F73 decomposes to two marks: it leaves no space behind, NFC or not.
        assert_eq!(NormalizedText::new("a\u{7f}\u{f73} a".into()).fold(), "a a");
        let nfc: String = "a \u{f73} ".nfc().collect();
        assert_eq!(NormalizedText::new("a \u{f73} ".into()).fold(), "a");
        assert_eq!(NormalizedText::new(nfc).fold(), "a");
    }

    #[test]
    fn collapses_whitespace_and_keeps_paragraphs() {
        let t = NormalizedText::new("  Titre\r\n \r\nUn  texte\tici.\r\nSuite\n".to_string());
        assert_eq!(t.fold(), "titre\n\nun texte ici.\nsuite");
        let f = t.fold();
        let at = f.find("suite").unwrap();
        assert_eq!(span_text(&t, ViewKind::Fold, at, at + 5), "Suite");
        // The paragraph break maps to the whole run of original whitespace.
        let at = f.find("\n\n").unwrap();
        assert_eq!(span_text(&t, ViewKind::Fold, at, at + 2), "\r\n \r\n");
    }

    #[test]
    fn deleted_characters_stay_out_of_spans() {
        let t = NormalizedText::new("Dio\u{ad}ura\u{200b} Kidal".to_string());
        assert_eq!(t.fold(), "dioura kidal");
        assert_eq!(span_text(&t, ViewKind::Fold, 0, 6), "Dio\u{ad}ura");
        assert_eq!(span_text(&t, ViewKind::Fold, 7, 12), "Kidal");
    }

    #[test]
    fn ligature_halves_snap_to_the_whole_character() {
        let t = NormalizedText::new("cœur".to_string());
        assert_eq!(t.fold(), "coeur");
        assert_eq!(span_text(&t, ViewKind::Fold, 2, 5), "œur");
        assert_eq!(span_text(&t, ViewKind::Fold, 0, 2), "cœ");
    }

    #[test]
    fn composes_decomposed_accents() {
        let t = NormalizedText::new("Me\u{301}naka e\u{301}te\u{301}".to_string());
        assert_eq!(t.norm(), "Ménaka été");
        assert_eq!(t.fold(), "menaka ete");
        assert_eq!(span_text(&t, ViewKind::Fold, 0, 6), "Me\u{301}naka");
        assert_eq!(span_text(&t, ViewKind::Norm, 0, 7), "Me\u{301}naka");
    }

    #[test]
    fn code_point_offsets_count_characters() {
        let t = NormalizedText::new("éé 😀 Kidal".to_string());
        let at = t.fold().find("kidal").unwrap();
        let s = t.span(ViewRange::new(at, at + 5));
        assert_eq!((s.start, s.end, s.byte_start, s.byte_end), (5, 10, 10, 15));
    }

    #[test]
    fn fold_helper_matches_view() {
        assert_eq!(fold("  Ansar Dine’s "), "ansar dine's");
        assert_eq!(fold("Forces armées maliennes"), "forces armees maliennes");
    }
}
