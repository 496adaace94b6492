//! Text normalisation for Vietnamese portal pages, and the stable id of a text.

use sha2::{Digest, Sha256};

use crate::domain::ArticleId;
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

/// The stable article id: first 16 hex digits of the SHA-256 of the normalised text.
pub fn article_id(normalized: &str) -> ArticleId {
    ArticleId::of_digest(&Sha256::digest(normalized.as_bytes()))
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
    fn article_id_is_sixteen_hex_digits_and_stable() {
        let id = article_id("Dân vận");
        assert_eq!(id.as_str().len(), 16);
        assert_eq!(id, article_id("Dân vận"));
        assert_ne!(id, article_id("Dân vận khéo"));
    }
}
