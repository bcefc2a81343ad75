//! Segmentation of the fold view into paragraphs and sentences.
//!
//! Paragraphs end at blank lines (collapsed to `"\n\n"` by normalization)
//! and at separator lines such as `**` or `---`; a blank line followed by a
//! lowercase word that continues an unfinished line does not end one (scraped
//! blogs break sentences across blank lines). Sentences end at `.` `!` `?`
//! or `...` followed by an uppercase letter, a digit, a quote or a dash —
//! unless the period closes an abbreviation of `gazetteers/abbreviations.txt`
//! (M., Mme, Gén., Col., av. J.-C.) or an initial — and at line breaks that
//! start a new line with an uppercase letter or a bullet. Numbers written
//! `1.200` never split (no space follows the period). Case is read from the
//! original text through the offset map, since the fold view is lowercase.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::normalize::NormalizedText;
use crate::span::ViewRange;

/// A sentence: its range in the fold view and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Range in the fold view, trimmed of whitespace.
    pub range: ViewRange,
    /// Index into [`Segments::paragraphs`].
    pub paragraph: usize,
}

/// Paragraphs and sentences of a document, in text order.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Paragraph ranges in the fold view.
    pub paragraphs: Vec<ViewRange>,
    /// Sentences, each inside one paragraph.
    pub sentences: Vec<Sentence>,
}

impl Segments {
    /// Index of the sentence containing fold offset `pos` (or the nearest before it).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences.partition_point(|s| s.range.start <= pos).saturating_sub(1)
    }
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../gazetteers/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Splits a normalized text into paragraphs and sentences.
pub fn segment(text: &NormalizedText) -> Segments {
    let f = text.fold();
    let mut segs = Segments::default();
    // Lines with their ranges.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in f.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, f.len()));

    // Group lines into paragraphs; `blank_before` marks a blank line before a line.
    let mut para: Option<(usize, usize)> = None;
    let mut para_lines: Vec<(usize, usize)> = Vec::new();
    let mut prev_end_char: Option<u8> = None;
    let mut blank_pending = false;
    let mut hard_break = false;
    for &(ls, le) in &lines {
        let line = &f[ls..le];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_pending = true;
            continue;
        }
        if is_separator(trimmed) {
            hard_break = true;
            continue;
        }
        let continues = !hard_break
            && blank_pending
            && starts_lowercase(text, ls + (line.len() - line.trim_start().len()))
            && prev_end_char.is_some_and(|c| !b".!?:\"".contains(&c));
        if para.is_some() && (hard_break || blank_pending) && !continues {
            flush_paragraph(text, &mut segs, para.take(), &mut para_lines);
        }
        para = Some(match para {
            Some((s, _)) => (s, le),
            None => (ls, le),
        });
        para_lines.push((ls, le));
        prev_end_char = trimmed.bytes().last();
        blank_pending = false;
        hard_break = false;
    }
    flush_paragraph(text, &mut segs, para, &mut para_lines);
    segs
}

fn is_separator(line: &str) -> bool {
    line.bytes().all(|b| b"*-_=#~ ".contains(&b))
}

fn starts_lowercase(text: &NormalizedText, pos: usize) -> bool {
    let f = text.fold().as_bytes();
    pos < f.len() && f[pos].is_ascii_alphabetic() && !text.is_upper_at(pos)
}

fn flush_paragraph(
    text: &NormalizedText,
    segs: &mut Segments,
    para: Option<(usize, usize)>,
    lines: &mut Vec<(usize, usize)>,
) {
    let Some((ps, pe)) = para else { return };
    let index = segs.paragraphs.len();
    segs.paragraphs.push(ViewRange::new(ps, pe));
    let f = text.fold();
    let mut sent_start = ps;
    for (k, &(ls, le)) in lines.iter().enumerate() {
        split_line(text, ls, le, &mut sent_start, |r| push_sentence(f, segs, index, r));
        // A line break ends the sentence unless the next line continues it.
        if let Some(&(next_s, _)) = lines.get(k + 1) {
            let prev = f[ls..le].trim_end().bytes().last();
            let next_pos = next_s + (f[next_s..].len() - f[next_s..].trim_start().len());
            let continues = starts_lowercase(text, next_pos) && prev.is_some_and(|c| !b".!?:".contains(&c));
            if !continues {
                push_sentence(f, segs, index, ViewRange::new(sent_start, le));
                sent_start = next_s;
            }
        }
    }
    push_sentence(f, segs, index, ViewRange::new(sent_start, pe));
    lines.clear();
}

/// Finds sentence ends inside one line.
fn split_line(text: &NormalizedText, ls: usize, le: usize, sent_start: &mut usize, mut emit: impl FnMut(ViewRange)) {
    let f = text.fold().as_bytes();
    let mut i = ls;
    while i < le {
        let b = f[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Take the whole run of terminal punctuation and closing quotes.
            let mut j = i + 1;
            while j < le && b".!?\")".contains(&f[j]) {
                j += 1;
            }
            // A closing guillemet after a space (French typography) belongs here.
            if j + 1 < le && f[j] == b' ' && f[j + 1] == b'"' && is_closing_quote(text, j + 1) {
                j += 2;
            }
            if j < le && f[j] == b' ' && is_boundary(text, i, j, le) {
                emit(ViewRange::new(*sent_start, j));
                *sent_start = j + 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

fn is_closing_quote(text: &NormalizedText, pos: usize) -> bool {
    let orig = text.original_of(ViewRange::new(pos, pos + 1));
    matches!(orig.chars().next(), Some('»' | '”' | '›'))
}

fn is_boundary(text: &NormalizedText, punct: usize, after: usize, le: usize) -> bool {
    let f = text.fold().as_bytes();
    // What follows must look like a sentence start.
    let mut k = after;
    while k < le && f[k] == b' ' {
        k += 1;
    }
    if k >= le {
        return false;
    }
    let next = f[k];
    let starts = next.is_ascii_digit()
        || b"\"-*(".contains(&next)
        || (next.is_ascii_alphabetic() && text.is_upper_at(k))
        || next >= 0x80;
    if !starts {
        return false;
    }
    if f[punct] != b'.' || (punct + 1 < le && f[punct + 1] == b'.') {
        return true; // ! ? and ellipses
    }
    // The word before the period: an abbreviation or an initial does not end.
    let mut w = punct;
    while w > 0 && (f[w - 1].is_ascii_alphanumeric() || f[w - 1] == b'.' || f[w - 1] == b'-' || f[w - 1] >= 0x80) {
        w -= 1;
    }
    let word = std::str::from_utf8(&f[w..punct]).unwrap_or("");
    if word.is_empty() {
        return true;
    }
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false; // an initial: "J. Dupont"
    }
    !abbreviations().contains(word)
}

fn push_sentence(f: &str, segs: &mut Segments, paragraph: usize, r: ViewRange) {
    let s = &f[r.start..r.end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    segs.sentences.push(Sentence { range: ViewRange::new(r.start + lead, r.end - trail), paragraph });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<String> {
        let t = NormalizedText::new(s.to_string());
        let segs = segment(&t);
        segs.sentences.iter().map(|x| t.original_of(x.range).to_string()).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("Le camp a été attaqué. Trois soldats sont morts ! Qui ?"),
            vec!["Le camp a été attaqué.", "Trois soldats sont morts !", "Qui ?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_numbers() {
        let s = "Le Gén. Traoré et M. Diallo ont vu 1.200 hommes. J. Dupont l’a dit av. J.-C. Mme Keïta aussi.";
        assert_eq!(
            sentences(s),
            vec!["Le Gén. Traoré et M. Diallo ont vu 1.200 hommes.", "J. Dupont l’a dit av. J.-C. Mme Keïta aussi."]
        );
    }

    #[test]
    fn guillemets_and_ellipses() {
        let s = "Il a dit « c’est fini. » Puis il est parti... Ensuite, rien… et la suite.";
        assert_eq!(
            sentences(s),
            vec!["Il a dit « c’est fini. »", "Puis il est parti...", "Ensuite, rien… et la suite."]
        );
    }

    #[test]
    fn paragraphs_from_blank_lines_and_separators() {
        let t = NormalizedText::new(
            "Titre\n\nPremier paragraphe.\n**\nDeuxième.\n\n\nTroisième\nligne suivante.".to_string(),
        );
        let segs = segment(&t);
        let paras: Vec<&str> = segs.paragraphs.iter().map(|r| t.original_of(*r)).collect();
        assert_eq!(paras, vec!["Titre", "Premier paragraphe.", "Deuxième.", "Troisième\nligne suivante."]);
        assert_eq!(segs.sentences.len(), 4);
        assert_eq!(segs.sentences[3].paragraph, 3);
    }

    #[test]
    fn broken_lines_continue_a_sentence() {
        let s = "Bamoussa Diarra\n\nest un ex colonel\n\n originaire de la région de kidal\n\nEn 2006 il déserte.";
        assert_eq!(
            sentences(s),
            vec!["Bamoussa Diarra\n\nest un ex colonel\n\n originaire de la région de kidal", "En 2006 il déserte."]
        );
    }

    #[test]
    fn bullets_start_sentences() {
        let s = "Bilan :\n- 12 morts\n- 3 blessés";
        assert_eq!(sentences(s), vec!["Bilan :", "- 12 morts", "- 3 blessés"]);
    }
}
