//! Decoding: raw bytes of an article to Unicode text.
//!
//! Accepted: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and legacy
//! single-byte encodings (Windows-1252 / Latin-1, which French sites and old
//! archives still ship), detected with `chardetng` and decoded with
//! `encoding_rs`. Rejected with a reason: empty input, binary data (NUL bytes
//! or a high share of control characters), malformed UTF-16.
//!
//! The decoded text is the *original* of SPEC "Spans": the BOM is removed,
//! everything else (CR, CRLF, control characters) is kept as it is.

use std::fmt;

use encoding_rs::{Encoding as RsEncoding, UTF_16BE, UTF_16LE, UTF_8};

/// The encoding a document was read in, as reported in `document.encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little endian (with BOM).
    Utf16Le,
    /// UTF-16 big endian (with BOM).
    Utf16Be,
    /// A legacy single-byte encoding, by its WHATWG name (`windows-1252`…).
    Legacy(&'static RsEncoding),
}

impl Encoding {
    /// The name written in `document.encoding`.
    pub fn name(&self) -> String {
        match self {
            Encoding::Utf8 => "utf-8".into(),
            Encoding::Utf8Bom => "utf-8-bom".into(),
            Encoding::Utf16Le => "utf-16le".into(),
            Encoding::Utf16Be => "utf-16be".into(),
            Encoding::Legacy(e) => e.name().to_ascii_lowercase(),
        }
    }
}

/// Why a byte sequence is not an article vigie can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes, or nothing but whitespace.
    Empty,
    /// Not text: the reason says what gave it away.
    Binary(String),
    /// A declared Unicode encoding with invalid sequences.
    Malformed(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty: no text to read"),
            DecodeError::Binary(why) => write!(f, "not a text file: {why}"),
            DecodeError::Malformed(enc) => write!(f, "invalid {enc} byte sequence"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A decoded article text and the encoding it was found in.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The original text (BOM removed).
    pub text: String,
    /// The detected encoding.
    pub encoding: Encoding,
}

/// Decodes raw article bytes, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (decode_strict(UTF_8, rest, "UTF-8")?, Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_strict(UTF_16LE, rest, "UTF-16")?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_strict(UTF_16BE, rest, "UTF-16")?, Encoding::Utf16Be)
    } else {
        if bytes.contains(&0) {
            let pos = bytes.iter().position(|&b| b == 0).unwrap_or(0);
            return Err(DecodeError::Binary(format!("NUL byte at offset {pos}")));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => {
                let mut det = chardetng::EncodingDetector::new();
                det.feed(bytes, true);
                let guess = det.guess(Some(b"fr"), false);
                // Text that is not UTF-8 is read as a single-byte legacy
                // encoding; French sources are Windows-1252 in practice.
                let enc = if guess.is_single_byte() { guess } else { encoding_rs::WINDOWS_1252 };
                let (cow, _) = enc.decode_without_bom_handling(bytes);
                (cow.into_owned(), Encoding::Legacy(enc))
            }
        }
    };
    check_text(&text)?;
    Ok(Decoded { text, encoding })
}

fn decode_strict(enc: &'static RsEncoding, bytes: &[u8], name: &'static str) -> Result<String, DecodeError> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
        .ok_or(DecodeError::Malformed(name))
}

/// Rejects empty text and text that is mostly control characters.
fn check_text(text: &str) -> Result<(), DecodeError> {
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        return Err(DecodeError::Empty);
    }
    // Branch-free counts that the compiler vectorizes. C1 controls
    // (U+0080..U+009F, encoded C2 80..C2 9F) are counted only when one is
    // there at all (French text is full of C2 A0, the no-break space).
    let bytes = text.as_bytes();
    if bytes.contains(&0) {
        return Err(DecodeError::Binary("NUL character".into()));
    }
    let mut controls = bytes
        .iter()
        .map(|&b| ((b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F) as usize)
        .sum::<usize>();
    if bytes.windows(2).any(|w| w[0] == 0xC2 && w[1] < 0xA0) {
        controls += text.chars().filter(|c| ('\u{80}'..='\u{9F}').contains(c)).count();
    }
    // A few stray controls happen in scraped text; binary data has many.
    if controls > 8 && controls * 50 > bytes.len() {
        return Err(DecodeError::Binary(format!("{controls} control characters in {} bytes", bytes.len())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom() {
        let d = decode("Ménaka".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name()), ("Ménaka", "utf-8".to_string()));
        let d = decode(b"\xEF\xBB\xBFM\xC3\xA9naka").unwrap();
        assert_eq!((d.text.as_str(), d.encoding.name()), ("Ménaka", "utf-8-bom".to_string()));
    }

    #[test]
    fn reads_utf16_both_orders() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Kidal é".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Kidal é".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&le).unwrap().text, "Kidal é");
        assert_eq!(decode(&le).unwrap().encoding, Encoding::Utf16Le);
        assert_eq!(decode(&be).unwrap().text, "Kidal é");
    }

    #[test]
    fn reads_windows_1252() {
        let bytes = b"L\x92arm\xE9e malienne a \xE9t\xE9 attaqu\xE9e \xE0 Dioura, \xAB selon \xBB l\x92\xE9tat-major.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "L’armée malienne a été attaquée à Dioura, « selon » l’état-major.");
        assert_eq!(d.encoding.name(), "windows-1252");
    }

    #[test]
    fn rejects_empty_binary_and_bad_utf16() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\t ").unwrap_err(), DecodeError::Empty);
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(), DecodeError::Binary(_)));
        let controls: Vec<u8> = (0..200u8).map(|i| if i % 3 == 0 { 0x01 } else { b'a' }).collect();
        assert!(matches!(decode(&controls).unwrap_err(), DecodeError::Binary(_)));
        assert_eq!(decode(b"\xFF\xFE\x00\xD8").unwrap_err(), DecodeError::Malformed("UTF-16"));
    }
}
