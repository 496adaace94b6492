//! Text normalisation for Vietnamese portal pages, and accent folding for matching.
//!
//! [`fold`] maps every character to exactly one character, so an offset in folded text is
//! the same offset (in Unicode scalar values) in the original.

use sha2::{Digest, Sha256};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC, with look-alike letters and exotic spaces replaced, each line trimmed and inner
/// runs of spaces collapsed. Line structure is kept: it carries the page's layout.
pub fn normalize(raw: &str) -> String {
    let unix = raw.replace("\r\n", "\n");
    let composed: Box<dyn Iterator<Item = char>> = match is_nfc_quick(unix.chars()) {
        IsNormalized::Yes => Box::new(unix.chars()),
        _ => Box::new(unix.nfc()),
    };
    let nfc: String = composed
        .map(|c| match c {
            // Icelandic eth, used by some portals for the Vietnamese Đ.
            'Ð' => 'Đ',
            'ð' => 'đ',
            '\u{00a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => ' ',
            '\u{200b}' | '\u{feff}' | '\u{00ad}' => '\u{0}',
            '\r' => '\n',
            c => c,
        })
        .filter(|&c| c != '\u{0}')
        .collect();
    let mut out = String::with_capacity(nfc.len());
    for line in nfc.lines() {
        let mut last_space = false;
        for c in line.trim().chars() {
            if c == ' ' {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// Lower-case, accent-free form of one character: 'Ắ' → 'a', 'Đ' → 'd'.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
        _ => {
            let base = c.nfd().find(|&d| !is_combining_mark(d)).unwrap_or(c);
            let mut lower = base.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => base,
            }
        }
    }
}

/// Folded text with exactly one character per input character.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Folded text with every run of non-alphanumeric characters turned into one space: the
/// key under which names are compared ("Hoà Bình", "Hòa  Bình" and "hoa-binh" agree).
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(fold_char) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// The stable article id: first 16 hex digits of the SHA-256 of the normalised text.
pub fn article_id(normalized: &str) -> String {
    let digest = Sha256::digest(normalized.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_composes_and_collapses_spaces() {
        let raw = "Ban Da\u{0302}n vận  sơ\u{00a0} kết\r\n\u{00a0}\nÐảng";
        assert_eq!(normalize(raw), "Ban Dân vận sơ kết\n\nĐảng");
    }

    #[test]
    fn fold_is_one_char_per_char() {
        for s in ["Bắc Kạn", "ĐẢNG ủy", "Hoà Bình", "ǅ İ ß ﬁ"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
        assert_eq!(fold("Bắc Kạn"), "bac kan");
        assert_eq!(fold("Đảng"), "dang");
    }

    #[test]
    fn fold_key_ignores_spelling_variants() {
        assert_eq!(fold_key("Hoà Bình"), fold_key("Hòa  Bình"));
        assert_eq!(fold_key("Phan Rang - Tháp Chàm"), "phan rang thap cham");
    }

    #[test]
    fn article_id_is_sixteen_hex_digits_and_stable() {
        let id = article_id("Dân vận");
        assert_eq!(id.len(), 16);
        assert_eq!(id, article_id("Dân vận"));
        assert_ne!(id, article_id("Dân vận khéo"));
    }
}
