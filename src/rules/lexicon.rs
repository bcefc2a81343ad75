//! Tokens of the fold view and phrase tables built from `gazetteers/` TSV files.
//!
//! A *token* is a run of letters and digits (a [`TokKind::Digits`] token has
//! only digits, a [`TokKind::Word`] token has at least one letter) or one
//! punctuation character. Apostrophes and hyphens are tokens of their own, so
//! "d'une" is `d` `'` `une` and "vingt-trois" is `vingt` `-` `trois`; the
//! number grammar reads the gaps between tokens (a space, or none) from the
//! fold view. A *phrase* is a lexicon entry cut into the same tokens, so
//! lexicon entries and text are compared token by token after both went
//! through [`crate::normalize::fold`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: lexicon keys are short words, and SipHash (the std default,
/// built against hostile keys) dominated the grammar's running time.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map with the [`Fnv`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

use crate::segment::Segments;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly with digits ("1er", "06h30").
    Word,
    /// Only ASCII digits.
    Digits,
    /// One punctuation character.
    Punct,
}

/// A token of the fold view.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// Byte offset in the fold view.
    pub start: usize,
    /// Byte offset one past the end in the fold view.
    pub end: usize,
    /// The token's text (a slice of the fold view).
    pub text: &'a str,
    /// Its kind.
    pub kind: TokKind,
    /// Index of its sentence in [`Segments::sentences`].
    pub sentence: usize,
}

/// Cuts the fold view into tokens, each tagged with its sentence.
pub fn tokenize<'a>(fold: &'a str, segments: &Segments) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut it = fold.char_indices().peekable();
    let mut sent = 0usize;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let (end, kind) = if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut letters = !c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                letters |= !d.is_ascii_digit();
                end = j + d.len_utf8();
                it.next();
            }
            (end, if letters { TokKind::Word } else { TokKind::Digits })
        } else {
            (i + c.len_utf8(), TokKind::Punct)
        };
        while sent + 1 < segments.sentences.len() && segments.sentences[sent + 1].range.start <= i {
            sent += 1;
        }
        out.push(Token { start: i, end, text: &fold[i..end], kind, sentence: sent });
    }
    out
}

/// Cuts a (folded) lexicon entry into token texts.
pub fn phrase_tokens(folded: &str) -> Vec<String> {
    let segs = Segments::default();
    tokenize(folded, &segs).into_iter().map(|t| t.text.to_string()).collect()
}

/// One row of a TSV lexicon: the folded term's tokens and the other columns.
#[derive(Debug, Clone)]
pub struct Row {
    /// The term cut into tokens.
    pub tokens: Vec<String>,
    /// The remaining columns, as written.
    pub cols: Vec<&'static str>,
    /// 1-based line number in the file (for messages).
    pub line: usize,
}

/// Reads a lexicon TSV: skips `#` comments, blank lines and the header row
/// (the first non-comment line), folds the first column.
pub fn read_tsv(data: &'static str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut header = true;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let mut cols = line.split('\t');
        let term = cols.next().unwrap_or("");
        let tokens = phrase_tokens(&crate::normalize::fold(term));
        rows.push(Row { tokens, cols: cols.map(str::trim).collect(), line: n + 1 });
    }
    rows
}

/// A table of phrases with a payload, searched token by token, longest first.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: FastMap<String, Vec<(Vec<String>, T)>>,
    by_last: FastMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Clone> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable { by_first: FastMap::default(), by_last: FastMap::default() }
    }
}

impl<T: Clone> PhraseTable<T> {
    /// Adds a phrase (already cut into folded tokens).
    pub fn insert(&mut self, tokens: Vec<String>, value: T) {
        let (Some(first), Some(last)) = (tokens.first().cloned(), tokens.last().cloned()) else {
            return;
        };
        for (key, map) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let v = map.entry(key).or_default();
            v.push((tokens.clone(), value.clone()));
            v.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
    }

    /// The longest phrase starting at token `i`: (end token index, payload).
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<(usize, &T)> {
        let first = toks.get(i)?;
        let cands = self.by_first.get(first.text)?;
        cands.iter().find_map(|(p, v)| {
            let ok = p.len() <= toks.len() - i
                && p.iter().zip(&toks[i..]).all(|(a, t)| a == t.text && t.sentence == first.sentence);
            ok.then_some((i + p.len(), v))
        })
    }

    /// The longest phrase ending just before token `end`: (start token index, payload).
    pub fn match_before(&self, toks: &[Token], end: usize) -> Option<(usize, &T)> {
        let last = toks.get(end.checked_sub(1)?)?;
        let cands = self.by_last.get(last.text)?;
        cands.iter().find_map(|(p, v)| {
            let start = end.checked_sub(p.len())?;
            let ok = p.iter().zip(&toks[start..end]).all(|(a, t)| a == t.text && t.sentence == last.sentence);
            ok.then_some((start, v))
        })
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when the table has no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}
