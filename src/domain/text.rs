//! Accent folding, the key under which Vietnamese names and words are compared.
//!
//! [`fold`] maps every character to exactly one character, so an offset in folded text is
//! the same offset (in Unicode scalar values) in the original.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A letter of the Latin script, in which Vietnamese is written: Basic Latin, Latin-1,
/// Latin Extended-A and -B, Latin Extended Additional. The OpenAPI document spells the
/// same class as [`LATIN_LETTER_PATTERN`]; tests hold the two together.
pub fn is_latin_letter(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | 'Ḁ'..='ỿ')
}

/// [`is_latin_letter`] as a regular expression, for the OpenAPI document.
pub const LATIN_LETTER_PATTERN: &str = "[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]";

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
