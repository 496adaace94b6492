//! The text of a page's bytes, in the charset the page is sent in: a byte-order mark first,
//! then the charset its sender declares (HTTP `Content-Type`), then the one its markup
//! declares in its first kilobytes (`<meta charset>`, `<meta http-equiv>`), else UTF-8.
//! Vietnamese pages of the 2000s still come in windows-1258, with tones as combining marks.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

use super::PageError;

/// How far into a page its markup's charset declaration is looked for (the HTML standard's
/// prescan reads 1,024 bytes; pages with long `<head>` comments put it later).
const PRESCAN_BYTES: usize = 4096;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9._:-]+)"#).expect("meta charset")
});

/// Decodes `bytes` as the page's declared charset; `declared` is the sender's (HTTP) one.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, PageError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]);
    }
    let (label, in_markup) = match declared {
        Some(label) => (Some(label.to_owned()), false),
        None => (markup_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]), true),
    };
    let encoding = match label {
        None => UTF_8,
        Some(label) => Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())
            .ok_or(PageError::UnknownCharset(label))?,
    };
    // Markup read as ASCII cannot be UTF-16: such a declaration means UTF-8 (HTML standard).
    let encoding = if in_markup {
        encoding.output_encoding()
    } else {
        encoding
    };
    strict(encoding, bytes)
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, PageError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(PageError::Undecodable(encoding.name()))
}

fn markup_charset(head: &[u8]) -> Option<String> {
    let found = META_CHARSET.captures(head)?.get(1)?;
    Some(String::from_utf8_lossy(found.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charset_is_taken_from_the_sender_then_the_markup_then_utf8() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>Nga\u{300}y</body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(page);
        assert!(decode(&bytes, None).unwrap().contains("Nga\u{300}y"));
        assert!(matches!(
            decode(&bytes, Some("utf-8")),
            Err(PageError::Undecodable("UTF-8"))
        ));
        assert_eq!(
            decode("<p>Xã Đông</p>".as_bytes(), None).unwrap(),
            "<p>Xã Đông</p>"
        );
        let short = "<meta charset=utf-8><p>Đông</p>";
        assert_eq!(decode(short.as_bytes(), None).unwrap(), short);
    }

    #[test]
    fn a_byte_order_mark_wins_and_an_unknown_charset_is_named() {
        let bom = [&[0xEF, 0xBB, 0xBF][..], "<p>Đông</p>".as_bytes()].concat();
        assert_eq!(decode(&bom, Some("windows-1258")).unwrap(), "<p>Đông</p>");
        assert_eq!(
            decode(b"<p>x</p>", Some("vni-win")),
            Err(PageError::UnknownCharset("vni-win".into()))
        );
        let utf16 = "<meta charset=\"utf-16\"><p>Đông</p>";
        assert_eq!(decode(utf16.as_bytes(), None).unwrap(), utf16);
    }
}
