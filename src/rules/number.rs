//! Numbers: quantities of French news text, with the uncertainty the text states.
//!
//! A *quantity* is a number as written ("1 200", "1.200", "1,5 million",
//! "vingt-trois", "soixante et onze", "treize (13)"), an approximate noun
//! ("une vingtaine", "un millier"), a vague noun ("des dizaines", "plusieurs
//! centaines") or a vague determiner ("plusieurs", "de nombreux"), with an
//! optional qualifier before it ("au moins", "plus de", "près de", "moins de",
//! "entre … et …"). Each gets UCDP-style `low` / `best` / `high` values, the
//! convention of `corpus/README.md` ("Casualty counts"):
//!
//! | qualifier   | low  | best | high | example |
//! |-------------|------|------|------|---------|
//! | `exact`     | n    | n    | n    | 37 |
//! | `at_least`  | n    | n    | null | au moins 21 |
//! | `more_than` | n+1  | n+1  | null | plus de 20 |
//! | `at_most`   | null | n    | n    | au plus 20 |
//! | `less_than` | null | n-1  | n-1  | moins de 20 |
//! | `approx`    | null | n    | null | une vingtaine, près de 20 |
//! | `range`     | a    | a    | b    | entre 8 et 20 |
//! | `vague`     | 20   | null | 99   | des dizaines (200/999 centaines, 2000/9999 milliers, 2/null/null plusieurs) |
//!
//! A number's *unit* is the noun right after it when that noun makes it
//! something other than a count of people (ages, money, distances,
//! durations, vehicles, weapons, attacks: `gazetteers/number_units.tsv`);
//! years, dates ("17 mars", "17/03/2019"), times ("06h30") and ordinals
//! ("1er", "premier") are not quantities at all. Cardinal words go through
//! the `text2num` crate; this module adds what it lacks: digit grouping with
//! spaces and periods, decimal commas, scale words after digits ("1,5
//! million"), the approximate and vague nouns, and qualifiers.
//!
//! The [`NumberMention`] written for a quantity carries `value` (the number
//! as stated, for single-valued quantities), `low`/`high` (the bounds the
//! qualifier gives: `at_least`/`more_than` set `low` to the stated number,
//! `at_most`/`less_than` set `high`, `range` both, `vague` the table's
//! bounds) and the qualifier.

use std::sync::OnceLock;

use text2num::{text2digits, Language};

use super::lexicon::{read_tsv, FastMap, PhraseTable, TokKind, Token};
use crate::model::NumberMention;

/// How a quantity is qualified (SPEC's `qualifier` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// As written.
    Exact,
    /// "au moins".
    AtLeast,
    /// "plus de".
    MoreThan,
    /// "au plus", "jusqu'à".
    AtMost,
    /// "moins de".
    LessThan,
    /// "environ", "une vingtaine".
    Approx,
    /// "entre 8 et 20".
    Range,
    /// "des dizaines", "plusieurs".
    Vague,
}

impl Qualifier {
    /// The SPEC name.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Approx => "approx",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    fn parse(s: &str) -> Qualifier {
        match s {
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "at_most" => Qualifier::AtMost,
            "less_than" => Qualifier::LessThan,
            "approx" => Qualifier::Approx,
            "range" => Qualifier::Range,
            "vague" => Qualifier::Vague,
            _ => Qualifier::Exact,
        }
    }
}

/// What the core of a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Core {
    /// Digits or cardinal words.
    Cardinal,
    /// The word "un"/"une" alone (also an article: only kept when it counts people).
    One,
    /// "une vingtaine", "un millier".
    ApproxNoun,
    /// "des dizaines", "plusieurs centaines".
    VagueNoun,
    /// "plusieurs", "quelques", "de nombreux".
    VagueDet,
}

/// A quantity found in the token stream.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// First token (the qualifier's, when there is one).
    pub t0: usize,
    /// One past the last token of the number itself.
    pub t1: usize,
    /// First token of the number without its qualifier.
    pub core_t0: usize,
    /// The number as stated (the lower one for ranges), when single-valued.
    pub stated: Option<f64>,
    /// Upper number of a range.
    pub upper: Option<f64>,
    /// UCDP-style low estimate.
    pub low: Option<f64>,
    /// UCDP-style best estimate.
    pub best: Option<f64>,
    /// UCDP-style high estimate.
    pub high: Option<f64>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// What the core is.
    pub core: Core,
    /// The unit family when the next noun makes it a non-count (age, money…).
    pub unit: Option<&'static str>,
    /// Token index of the unit noun's end, when there is a unit.
    pub unit_end: usize,
}

impl Quantity {
    /// The number mention of this quantity (span made by the caller).
    pub fn to_mention(&self, span: crate::span::Span) -> NumberMention {
        let (value, low, high) = match self.qualifier {
            Qualifier::Exact | Qualifier::Approx => (self.stated, None, None),
            Qualifier::AtLeast | Qualifier::MoreThan => (self.stated, self.stated, None),
            Qualifier::AtMost | Qualifier::LessThan => (self.stated, None, self.stated),
            Qualifier::Range => (None, self.stated, self.upper),
            Qualifier::Vague => (None, self.low, self.high),
        };
        NumberMention { span, value, low, high, qualifier: self.qualifier.as_str().to_string() }
    }
}

#[derive(Debug, Clone)]
enum Word {
    Prefix(Qualifier),
    ApproxNoun(f64),
    VagueNoun(f64, f64),
    VagueDet(f64),
    Scale(f64),
    Number(f64),
}

/// The compiled number grammar (lexicons of `gazetteers/quantity_words.tsv`
/// and `gazetteers/number_units.tsv`).
#[derive(Debug)]
pub struct NumberGrammar {
    words: PhraseTable<Word>,
    single: FastMap<String, Word>,
    units: PhraseTable<&'static str>,
}

impl Default for NumberGrammar {
    fn default() -> Self {
        NumberGrammar::new()
    }
}

fn language() -> &'static Language {
    static LANG: OnceLock<Language> = OnceLock::new();
    LANG.get_or_init(Language::french)
}

fn parse_range(s: &str) -> (f64, f64) {
    let mut it = s.split('-').map(|x| x.parse::<f64>().unwrap_or(0.0));
    let a = it.next().unwrap_or(0.0);
    (a, it.next().unwrap_or(a))
}

impl NumberGrammar {
    /// Compiles the built-in lexicons.
    pub fn new() -> NumberGrammar {
        let mut words = PhraseTable::default();
        let mut single = FastMap::default();
        for row in read_tsv(include_str!("../../gazetteers/quantity_words.tsv")) {
            let role = row.cols.first().copied().unwrap_or("");
            let value = row.cols.get(1).copied().unwrap_or("-");
            let qual = Qualifier::parse(row.cols.get(2).copied().unwrap_or("exact"));
            let w = match role {
                "prefix" => Word::Prefix(qual),
                "approx_noun" => Word::ApproxNoun(value.parse().unwrap_or(0.0)),
                "vague_noun" => {
                    let (a, b) = parse_range(value);
                    Word::VagueNoun(a, b)
                }
                "vague_det" => Word::VagueDet(value.parse().unwrap_or(2.0)),
                "scale" => Word::Scale(value.parse().unwrap_or(1.0)),
                _ => Word::Number(value.parse().unwrap_or(0.0)),
            };
            if row.tokens.len() == 1 && !matches!(w, Word::Prefix(_)) {
                single.insert(row.tokens[0].clone(), w.clone());
            }
            words.insert(row.tokens, w);
        }
        let mut units = PhraseTable::default();
        for row in read_tsv(include_str!("../../gazetteers/number_units.tsv")) {
            units.insert(row.tokens, row.cols.first().copied().unwrap_or("thing"));
        }
        NumberGrammar { words, single, units }
    }

    fn is_number_word(&self, t: &str) -> bool {
        matches!(self.single.get(t), Some(Word::Number(_)))
    }

    /// Finds every quantity in the token stream, in text order.
    pub fn find(&self, fold: &str, toks: &[Token]) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.core_at(fold, toks, i) {
                Some(mut q) => {
                    self.qualify(fold, toks, &mut q);
                    i = q.t1.max(i + 1);
                    if let Some(q) = self.finish(fold, toks, q) {
                        out.push(q);
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// The number core starting at token `i`: (value, end token, kind).
    fn core_at(&self, fold: &str, toks: &[Token], i: usize) -> Option<Quantity> {
        let t = toks.get(i)?;
        let mk = |t1: usize, v: Option<f64>, core: Core, low, high, qualifier| Quantity {
            t0: i,
            t1,
            core_t0: i,
            stated: v,
            upper: None,
            low,
            best: v,
            high,
            qualifier,
            core,
            unit: None,
            unit_end: t1,
        };
        match t.kind {
            TokKind::Digits => {
                let (v, end) = self.digits_at(fold, toks, i)?;
                Some(mk(end, Some(v), Core::Cardinal, Some(v), Some(v), Qualifier::Exact))
            }
            TokKind::Word => {
                // "des dizaines", "plusieurs centaines", "dizaines de milliers".
                let det = matches!(t.text, "des" | "plusieurs" | "quelques" | "les" | "de");
                let noun_i = if det { i + 1 } else { i };
                if let Some(nt) = toks.get(noun_i).filter(|n| n.sentence == t.sentence) {
                    if let Some(Word::VagueNoun(a, b)) = self.single.get(nt.text) {
                        let (mut a, mut b, mut end) = (*a, *b, noun_i + 1);
                        // "des dizaines de milliers": scale the bounds.
                        if tok(toks, end) == "de" && matches!(tok(toks, end + 1), "milliers" | "millions") {
                            let s = if tok(toks, end + 1) == "milliers" { 1000.0 } else { 1e6 };
                            a *= s;
                            b = (b + 1.0) * s - 1.0;
                            end += 2;
                        }
                        return Some(mk(end, None, Core::VagueNoun, Some(a), Some(b), Qualifier::Vague)).map(
                            |mut q| {
                                q.best = None;
                                q
                            },
                        );
                    }
                }
                if matches!(t.text, "un" | "une") {
                    if let Some(Word::ApproxNoun(v)) = toks.get(i + 1).and_then(|n| self.single.get(n.text)) {
                        return Some(mk(i + 2, Some(*v), Core::ApproxNoun, None, None, Qualifier::Approx)).map(
                            |mut q| {
                                q.best = Some(*v);
                                q
                            },
                        );
                    }
                }
                if let Some(Word::ApproxNoun(v)) = self.single.get(t.text) {
                    // A bare "dizaine de morts" (the article dropped or quoted away).
                    if tok(toks, i + 1) == "de" || tok(toks, i + 1) == "d" {
                        return Some(mk(i + 1, Some(*v), Core::ApproxNoun, None, None, Qualifier::Approx));
                    }
                }
                if let Some((end, Word::VagueDet(low))) = self.words.match_at(toks, i) {
                    return Some(mk(end, None, Core::VagueDet, Some(*low), None, Qualifier::Vague));
                }
                if self.is_number_word(t.text) {
                    return self.words_at(fold, toks, i).map(|(v, end, one)| {
                        let core = if one { Core::One } else { Core::Cardinal };
                        mk(end, Some(v), core, Some(v), Some(v), Qualifier::Exact)
                    });
                }
                None
            }
            TokKind::Punct => None,
        }
    }

    /// Digits with French grouping ("1 200", "1.200"), decimals ("1,5") and
    /// a scale word ("2 millions", "5 mille").
    fn digits_at(&self, fold: &str, toks: &[Token], i: usize) -> Option<(f64, usize)> {
        let t = &toks[i];
        // Dates and times written with separators: 17/03/2019, 06:30.
        let glued = |a: &Token, b: &Token| a.end == b.start;
        if let Some(p) = i.checked_sub(1).map(|p| &toks[p]) {
            if matches!(p.text, "/" | ":" | "-" | "." | ",") && glued(p, t) && p.start > 0 {
                let before = fold[..p.start].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    return None;
                }
            }
        }
        if let Some(n) = toks.get(i + 1) {
            if matches!(n.text, "/" | ":") && glued(t, n) {
                return None;
            }
        }
        let mut digits = t.text.to_string();
        let mut end = i + 1;
        if t.text.len() <= 3 {
            loop {
                let (Some(a), Some(b)) = (toks.get(end), toks.get(end + 1)) else {
                    // A group separated by one space.
                    if let Some(a) = toks.get(end) {
                        if a.kind == TokKind::Digits && a.text.len() == 3 && &fold[toks[end - 1].end..a.start] == " " {
                            digits.push_str(a.text);
                            end += 1;
                            continue;
                        }
                    }
                    break;
                };
                if a.kind == TokKind::Digits
                    && a.text.len() == 3
                    && &fold[toks[end - 1].end..a.start] == " "
                    && a.sentence == t.sentence
                {
                    digits.push_str(a.text);
                    end += 1;
                } else if a.text == "."
                    && b.kind == TokKind::Digits
                    && b.text.len() == 3
                    && glued(&toks[end - 1], a)
                    && glued(a, b)
                {
                    digits.push_str(b.text);
                    end += 2;
                } else {
                    break;
                }
            }
        }
        let mut v: f64 = digits.parse().ok()?;
        // Decimal comma: "1,5 million".
        if let (Some(c), Some(d)) = (toks.get(end), toks.get(end + 1)) {
            if c.text == "," && d.kind == TokKind::Digits && glued(&toks[end - 1], c) && glued(c, d) {
                let frac: f64 = format!("0.{}", d.text).parse().unwrap_or(0.0);
                v += frac;
                end += 2;
            }
        }
        match toks.get(end).map(|n| (n.text, self.single.get(n.text))) {
            Some((_, Some(Word::Scale(s)))) => {
                v *= s;
                end += 1;
            }
            Some(("mille", _)) => {
                v *= 1000.0;
                end += 1;
            }
            _ => {}
        }
        Some(((v * 1000.0).round() / 1000.0, end))
    }

    /// Cardinal words ("quatre-vingt-dix-neuf", "soixante et onze", "deux
    /// cent mille") through text2num. Returns (value, end, is a lone un/une).
    fn words_at(&self, _fold: &str, toks: &[Token], i: usize) -> Option<(f64, usize, bool)> {
        let sent = toks[i].sentence;
        let mut parts: Vec<&str> = Vec::new();
        let mut end = i;
        let mut j = i;
        while let Some(t) = toks.get(j).filter(|t| t.sentence == sent) {
            // "vingt-et-un": the hyphenated spelling of "vingt et un".
            if t.text == "-"
                && j > i
                && tok(toks, j + 1) == "et"
                && tok(toks, j + 2) == "-"
                && matches!(tok(toks, j + 3), "un" | "une" | "onze")
                && toks[j - 1].end == t.start
                && toks[j + 3].start == toks[j + 2].end
            {
                parts.push("et");
                j += 3;
                continue;
            }
            let glued_hyphen = t.text == "-"
                && j > i
                && toks[j - 1].end == t.start
                && toks.get(j + 1).is_some_and(|n| {
                    n.start == t.end
                        && (self.is_number_word(n.text) || matches!(self.single.get(n.text), Some(Word::Scale(_))))
                });
            if self.is_number_word(t.text) || matches!(self.single.get(t.text), Some(Word::Scale(_))) && j > i {
                // "un"/"une" only start a number or follow "et".
                if j > i && matches!(t.text, "un" | "une") && parts.last() != Some(&"et") {
                    break;
                }
                parts.push(t.text);
                end = j + 1;
            } else if glued_hyphen {
                parts.push("-");
            } else if t.text == "et" && j > i && matches!(tok(toks, j + 1), "un" | "une" | "onze") {
                parts.push("et");
            } else {
                break;
            }
            j += 1;
        }
        while parts.last().is_some_and(|p| *p == "-" || *p == "et") {
            parts.pop();
        }
        if parts.is_empty() {
            return None;
        }
        let mut s = String::new();
        for p in &parts {
            if *p == "-" || s.ends_with('-') {
                s.push_str(p);
            } else {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(p);
            }
        }
        // One word needs no parser (and "un"/"une" are everywhere).
        let v: f64 = match (parts.len(), self.single.get(parts[0])) {
            (1, Some(Word::Number(v))) => *v,
            _ => text2digits(&s, language()).ok()?.parse().ok()?,
        };
        let one = parts.len() == 1 && matches!(parts[0], "un" | "une");
        // "treize (13)": the digits in brackets repeat the number.
        if tok(toks, end) == "("
            && toks.get(end + 1).is_some_and(|t| t.kind == TokKind::Digits && t.text.parse::<f64>().ok() == Some(v))
            && tok(toks, end + 2) == ")"
        {
            end += 3;
        }
        Some((v, end, one))
    }

    /// Applies a qualifier before the core ("au moins", "plus d'une") and
    /// ranges ("entre 8 et 20").
    fn qualify(&self, fold: &str, toks: &[Token], q: &mut Quantity) {
        // Quotes may sit between the qualifier and the number.
        let mut k = q.t0;
        while k > 0 && toks[k - 1].text == "\"" {
            k -= 1;
        }
        if let Some((start, Word::Prefix(p))) = self.words.match_before(toks, k) {
            if toks[start].sentence == toks[q.t0].sentence && q.core != Core::VagueNoun && q.core != Core::VagueDet {
                let p = *p;
                q.t0 = start;
                q.qualifier = p;
                let n = q.stated.unwrap_or(0.0);
                let (low, best, high) = match p {
                    Qualifier::AtLeast => (Some(n), Some(n), None),
                    Qualifier::MoreThan => (Some(n + 1.0), Some(n + 1.0), None),
                    Qualifier::AtMost => (None, Some(n), Some(n)),
                    Qualifier::LessThan => (None, Some((n - 1.0).max(0.0)), Some((n - 1.0).max(0.0))),
                    _ => (None, Some(n), None),
                };
                q.low = low;
                q.best = best;
                q.high = high;
                if q.core == Core::One {
                    q.core = Core::Cardinal;
                }
                return;
            }
        }
        // "entre 8 et 20", "de 20 à 30" (but "passé de 12 à 20" is a change, not a range).
        let change = q.t0 > 1
            && matches!(
                toks[q.t0 - 2].text,
                "passe" | "passant" | "passait" | "grimpe" | "augmente" | "evolue" | "monte" | "alourdi" | "baisse"
            );
        let year = |t: &Token| {
            t.kind == TokKind::Digits
                && t.text.len() == 4
                && (1900..=2100).contains(&t.text.parse::<u32>().unwrap_or(0))
        };
        let de_a =
            q.t0 > 0 && toks[q.t0 - 1].text == "de" && tok(toks, q.t1) == "a" && !change && !year(&toks[q.core_t0]);
        if q.t0 > 0 && (toks[q.t0 - 1].text == "entre" && tok(toks, q.t1) == "et" || de_a) && q.core == Core::Cardinal {
            if let Some(second) = self.core_at(fold, toks, q.t1 + 1) {
                if second.core == Core::Cardinal {
                    q.t0 -= 1;
                    q.t1 = second.t1;
                    q.qualifier = Qualifier::Range;
                    q.upper = second.stated;
                    q.low = q.stated;
                    q.best = q.stated;
                    q.high = second.stated;
                }
            }
        }
    }

    /// Unit, year and date checks; None when the number is not a quantity.
    fn finish(&self, fold: &str, toks: &[Token], mut q: Quantity) -> Option<Quantity> {
        let _ = fold;
        let mut j = q.t1;
        if matches!(tok(toks, j), "de" | "d") {
            j += 1;
            if tok(toks, j) == "'" {
                j += 1;
            }
        }
        // "du 9 au 10 juillet": a date range.
        if matches!(tok(toks, j), "au" | "et" | "-")
            && self.units.match_at(toks, j + 2).is_some_and(|(_, f)| *f == "month")
        {
            return None;
        }
        // "de 25 à 50 ans": the unit follows the second number.
        if matches!(tok(toks, j), "a" | "et")
            && toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Digits || self.is_number_word(t.text))
        {
            if let Some((_, fam)) = self.units.match_at(toks, j + 2) {
                q.unit = Some(fam);
                q.unit_end = j + 2;
            }
        }
        if let Some((end, fam)) = self.units.match_at(toks, j) {
            if *fam == "month" {
                return None; // "17 mars": a date.
            }
            q.unit = Some(fam);
            q.unit_end = end;
        }
        if q.core == Core::Cardinal && q.qualifier == Qualifier::Exact && q.unit.is_none() {
            let t = &toks[q.core_t0];
            if t.kind == TokKind::Digits && t.text.len() == 4 && q.t1 == q.core_t0 + 1 {
                let y: u32 = t.text.parse().unwrap_or(0);
                if (1900..=2100).contains(&y) {
                    return None; // a year
                }
            }
        }
        Some(q)
    }
}

/// Token text at `i`, or "" past the end.
pub fn tok<'a>(toks: &[Token<'a>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.text).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::NormalizedText;
    use crate::rules::lexicon::tokenize;
    use crate::segment::segment;

    fn quantities(s: &str) -> Vec<(String, Option<f64>, Option<f64>, Option<f64>, &'static str, Option<&'static str>)> {
        let text = NormalizedText::new(s.to_string());
        let segs = segment(&text);
        let toks = tokenize(text.fold(), &segs);
        let g = NumberGrammar::new();
        g.find(text.fold(), &toks)
            .into_iter()
            .map(|q| {
                (
                    text.fold()[toks[q.t0].start..toks[q.t1 - 1].end].to_string(),
                    q.low,
                    q.best,
                    q.high,
                    q.qualifier.as_str(),
                    q.unit,
                )
            })
            .collect()
    }

    fn one(s: &str) -> (Option<f64>, Option<f64>, Option<f64>, &'static str) {
        let qs = quantities(s);
        let q =
            qs.iter().find(|q| q.0 != "un" && q.0 != "une").unwrap_or_else(|| panic!("no quantity in {s:?}: {qs:?}"));
        (q.1, q.2, q.3, q.4)
    }

    #[test]
    fn digits_with_french_separators() {
        assert_eq!(one("on compte 1 200 réfugiés").1, Some(1200.0));
        assert_eq!(one("on compte 1.200 réfugiés").1, Some(1200.0));
        assert_eq!(one("on compte 1\u{a0}200 réfugiés").1, Some(1200.0));
        assert_eq!(one("on compte 1\u{202f}200 réfugiés").1, Some(1200.0));
        assert_eq!(one("on compte 12 500 000 réfugiés").1, Some(12_500_000.0));
        assert_eq!(one("il y a 1,5 million de réfugiés").1, Some(1_500_000.0));
        assert_eq!(one("il y a 3 millions de réfugiés").1, Some(3_000_000.0));
    }

    #[test]
    fn cardinal_words() {
        for (s, v) in [
            ("vingt-trois soldats", 23.0),
            ("soixante et onze soldats", 71.0),
            ("quatre-vingt-dix-neuf soldats", 99.0),
            ("deux cents soldats", 200.0),
            ("mille cinq cents soldats", 1500.0),
            ("vingt et un soldats", 21.0),
            ("deux cent soixante-seize élèves", 276.0),
            ("septante-deux soldats", 72.0),
            ("treize (13) soldats", 13.0),
            ("vingt-et-un soldats", 21.0),
            ("soixante-et-onze soldats", 71.0),
        ] {
            assert_eq!(one(s), (Some(v), Some(v), Some(v), "exact"), "{s}");
        }
    }

    #[test]
    fn qualifiers_follow_the_corpus_table() {
        assert_eq!(one("au moins 21 civils"), (Some(21.0), Some(21.0), None, "at_least"));
        assert_eq!(one("plus de 20 civils"), (Some(21.0), Some(21.0), None, "more_than"));
        assert_eq!(one("plus d'un millier de civils"), (Some(1001.0), Some(1001.0), None, "more_than"));
        assert_eq!(one("près de 200 civils"), (None, Some(200.0), None, "approx"));
        assert_eq!(one("environ 40 civils"), (None, Some(40.0), None, "approx"));
        assert_eq!(one("moins de 20 civils"), (None, Some(19.0), Some(19.0), "less_than"));
        assert_eq!(one("jusqu'à 20 civils"), (None, Some(20.0), Some(20.0), "at_most"));
        assert_eq!(one("entre 8 et 20 civils"), (Some(8.0), Some(8.0), Some(20.0), "range"));
        assert_eq!(one("de 8 à 20 civils"), (Some(8.0), Some(8.0), Some(20.0), "range"));
        assert_eq!(one("le bilan est passé de 8 à 20 civils"), (Some(8.0), Some(8.0), Some(8.0), "exact"));
        assert_eq!(one("une vingtaine de civils"), (None, Some(20.0), None, "approx"));
        assert_eq!(one("une quinzaine de civils"), (None, Some(15.0), None, "approx"));
        assert_eq!(one("une centaine de civils"), (None, Some(100.0), None, "approx"));
        assert_eq!(one("des dizaines de civils"), (Some(20.0), None, Some(99.0), "vague"));
        assert_eq!(one("plusieurs centaines de civils"), (Some(200.0), None, Some(999.0), "vague"));
        assert_eq!(one("des milliers de civils"), (Some(2000.0), None, Some(9999.0), "vague"));
        assert_eq!(one("plusieurs civils"), (Some(2.0), None, None, "vague"));
    }

    #[test]
    fn units_years_dates_and_ordinals() {
        assert_eq!(quantities("un homme de 35 ans")[1].5, Some("age"));
        assert_eq!(quantities("une amende de 500 000 FCFA")[1].5, Some("money"));
        assert_eq!(quantities("à 45 km de Kaya")[0].5, Some("distance"));
        assert_eq!(quantities("un taux de 12 %")[1].5, Some("percent"));
        assert_eq!(quantities("deux véhicules détruits")[0].5, Some("vehicle"));
        assert!(quantities("en 2019, le 17 mars").is_empty());
        assert!(quantities("le 17/03/2019 à 06h30").is_empty());
        assert!(quantities("le 1er bataillon, le premier jour").iter().all(|q| q.0 == "un" || q.0 == "une"));
    }
}
