//! Property tests of the span contract: every view range maps back to a
//! span that slices the original exactly, on character boundaries, with
//! monotone offsets — on hostile French input.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vigie::model::check_span;
use vigie::normalize::{NormalizedText, ViewKind};
use vigie::span::ViewRange;

/// Characters that stress normalization: NBSP family, apostrophes, quotes,
/// ligatures, decomposed accents, emoji, CRLF, zero-width, controls.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        1 => Just(' '),
        1 => prop::sample::select(vec![
            '\u{a0}', '\u{202f}', '\u{2009}', '\u{2019}', '\u{2018}', '«', '»', '“', '”', 'œ', 'Œ', 'æ',
            '\u{301}', '\u{300}', '\u{327}', '\u{308}', 'é', 'É', 'ç', 'à', 'ï', '😀', '👍', '\r', '\n', '\t',
            '\u{200b}', '\u{ad}', '\u{feff}', '\u{c}', '\u{1}', '–', '—', '…', 'ﬁ', 'ß', 'İ', 'Å', '\u{212b}',
            '한', '\u{1161}', '\u{11a8}', 'ا', '.', '\'', '-', '1', '0',
        ]),
        1 => any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

/// Char-boundary positions of a view.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

fn check_view(t: &NormalizedText, kind: ViewKind, picks: &[(usize, usize)]) -> Result<(), TestCaseError> {
    let view = t.view(kind).as_str();
    let b = boundaries(view);
    // Monotone: mapping is non-decreasing along the view.
    let mut last_start = 0;
    let mut last_end = 0;
    for &p in &b {
        let r = t.orig_range(kind, ViewRange::new(p, p));
        let s = t.view(kind).map().orig_start(p);
        let e = t.view(kind).map().orig_end(p);
        prop_assert!(s >= last_start && e >= last_end, "not monotone at {p}");
        prop_assert!(t.original().is_char_boundary(s) && t.original().is_char_boundary(e));
        prop_assert!(r.start <= r.end);
        last_start = s;
        last_end = e;
    }
    for &(x, y) in picks {
        let (i, j) = (b[x % b.len()], b[y % b.len()]);
        let (a, z) = (i.min(j), i.max(j));
        let span = t.span_in(kind, ViewRange::new(a, z));
        check_span(t.original(), &span).map_err(TestCaseError::fail)?;
        prop_assert!(span.start <= span.end);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_view_span_slices_the_original(s in hostile_text(), picks in prop::collection::vec((0usize..200, 0usize..200), 1..12)) {
        let t = NormalizedText::new(s);
        check_view(&t, ViewKind::Fold, &picks)?;
        check_view(&t, ViewKind::Norm, &picks)?;
    }

    #[test]
    fn whole_view_maps_to_trimmed_original(s in hostile_text()) {
        let t = NormalizedText::new(s.clone());
        let len = t.fold().len();
        let span = t.span(ViewRange::new(0, len));
        check_span(&s, &span).map_err(TestCaseError::fail)?;
        // Nothing but whitespace and invisible characters lies outside.
        let outside = format!("{}{}", &s[..span.byte_start], &s[span.byte_end..]);
        prop_assert!(NormalizedText::new(outside).fold().is_empty());
    }

    #[test]
    fn folding_does_not_depend_on_nfc(s in hostile_text()) {
        let nfc: String = s.nfc().collect();
        let (a, b) = (NormalizedText::new(s), NormalizedText::new(nfc));
        prop_assert_eq!(a.fold(), b.fold());
    }

    #[test]
    fn fold_view_has_no_uppercase_ascii_or_special_spaces(s in hostile_text()) {
        let t = NormalizedText::new(s);
        prop_assert!(!t.fold().bytes().any(|b| b.is_ascii_uppercase() || b == b'\r' || b == b'\t'));
        let clean = !t.fold().contains(['\u{a0}', '\u{2019}']) && !t.fold().contains("  ");
        prop_assert!(clean, "special spaces or apostrophes left in {:?}", t.fold());
    }
}

/// French words, names and numbers mixed with hostile characters: the whole
/// pipeline must neither panic nor break the span invariant on any of them.
fn hostile_article() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Le",
        "camp",
        "de",
        "Dioura",
        "kidal",
        "a été",
        "attaqué",
        "dimanche",
        "17 mars 2019",
        "hier",
        "la veille",
        "vingt-trois",
        "soldats",
        "tués",
        "1 200",
        "blessés",
        "par",
        "le GSIM",
        "l’armée malienne",
        "à",
        "Ménaka",
        "entre le 11 janvier et le 26 février 2013",
        "« selon »",
        "aucun",
        "mort",
        ",",
        ".",
        "\n\n",
        "**",
        "Bamako,",
        "– ",
        "enlevés",
        "Mouvement du 23 mars",
        "plus de",
        "une vingtaine",
        "d’",
        "\u{a0}",
        "\u{fffd}",
        "é\u{301}",
        "œ",
        "😀",
        "\r\n",
        "selon l’armée",
        "auraient",
        "embuscade",
        "BAMAKO",
        "Niono et Diabaly",
        "En 2012",
    ]);
    prop::collection::vec(
        prop_oneof![4 => words.prop_map(str::to_string), 1 => hostile_char().prop_map(String::from)],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

fn shared_extractor() -> &'static vigie::pipeline::Extractor {
    static E: std::sync::OnceLock<vigie::pipeline::Extractor> = std::sync::OnceLock::new();
    E.get_or_init(vigie::pipeline::Extractor::new)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_pipeline_keeps_the_span_invariant_on_any_article(s in hostile_article()) {
        let article = vigie::input::Article {
            id: "p".into(),
            source: "p.txt".into(),
            bytes: s.clone().into_bytes(),
            published: vigie::input::parse_date("2019-03-18"),
            url: None,
            title: None,
            notes: vec![],
        };
        if let Ok(doc) = shared_extractor().extract(&article) {
            // The original is the decoded text (a leading BOM is not part of it).
            let original = vigie::decode::decode(s.as_bytes()).expect("decodes when extraction succeeded").text;
            doc.check_spans(&original).map_err(TestCaseError::fail)?;
        }
    }
}
