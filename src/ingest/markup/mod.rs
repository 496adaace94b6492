//! Pages as crawlers hand them over: HTML as served, or a record of trafilatura's JSON. Each
//! becomes the cleaned text the extractor reads (headline, a blank line, the main content's
//! paragraphs) and what the page's markup states plainly of itself: headline, publication
//! date, author and canonical address, which override what the text alone would suggest.

mod charset;
mod dates;
mod html;
mod metadata;
mod trafilatura;

use crate::domain::Origin;
pub use charset::decode;
pub use html::{PAGE_PATTERN, read_html};
pub use trafilatura::{TRAFILATURA_FIELDS, is_trafilatura, read_trafilatura};

/// A page read: the cleaned text and what its markup says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebPage {
    /// NFC, the headline first, then the main content, paragraphs separated by a blank line.
    pub text: String,
    /// Headline, date, author and canonical address, and how the text was obtained.
    pub origin: Origin,
}

/// Why a page gives no text to extract from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("the page declares the charset {0:?}, which is not one this server knows")]
    UnknownCharset(String),
    #[error("the page's bytes are not valid {0}, the charset it is read in")]
    Undecodable(&'static str),
    #[error("the body holds no HTML markup: send text as text/plain")]
    NotHtml,
    #[error("the page nests its elements more than {0} levels deep, which no page of news does")]
    TooDeep(usize),
    #[error("the page's main content has no words in the Latin script Vietnamese is written in")]
    NoWords,
    #[error("the record has no `text`")]
    NoText,
    #[error("`{0}` must be a string or null")]
    NotAString(&'static str),
}

/// The text of a page: its headline, then its paragraphs, each once, the headline not
/// repeated; NFC. `None` when no paragraph has a word.
fn compose(title: Option<&str>, paragraphs: impl IntoIterator<Item = String>) -> Option<String> {
    let mut text = String::new();
    let mut has_words = false;
    let mut last = title.map(crate::domain::text::fold_key);
    if let Some(t) = title {
        text.push_str(t);
    }
    for paragraph in paragraphs {
        let paragraph = super::text::normalize(&paragraph);
        for line in paragraph.lines().filter(|l| !l.is_empty()) {
            let key = crate::domain::text::fold_key(line);
            if last.as_ref() == Some(&key) {
                continue;
            }
            has_words |= line.chars().any(crate::domain::text::is_latin_letter);
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(line);
            last = Some(key);
        }
    }
    has_words.then_some(text)
}

/// A field of the markup as the store keeps it: NFC, one line, `None` when blank.
fn one_line(text: &str) -> Option<String> {
    let line = super::text::normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!line.is_empty()).then_some(line)
}

/// An absolute http(s) address of at most 2,048 characters, as `source_url` must be.
pub fn address(url: &str) -> Option<String> {
    let url = url.trim();
    let ok = (url.starts_with("http://") || url.starts_with("https://"))
        && url.chars().count() <= 2048
        && !url.chars().any(char::is_whitespace);
    ok.then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_text_is_its_headline_then_each_paragraph_once() {
        let text = compose(
            Some("Xã A tổng kết năm 2024"),
            [
                "Xã A tổng kết năm 2024".into(),
                "Năm 2024, xã có 12 mô hình.\n\nNăm 2024, xã có 12 mô hình.".into(),
                "Thu nhập đạt 60 triệu đồng.".into(),
            ],
        );
        assert_eq!(
            text.as_deref(),
            Some("Xã A tổng kết năm 2024\n\nNăm 2024, xã có 12 mô hình.\n\nThu nhập đạt 60 triệu đồng.")
        );
        assert_eq!(
            compose(Some("Tiêu đề"), ["123 456".into()]),
            None,
            "a headline alone is no content"
        );
    }

    #[test]
    fn a_source_url_is_an_absolute_web_address() {
        assert_eq!(address(" https://a.gov.vn/x "), Some("https://a.gov.vn/x".into()));
        assert_eq!(address("/tin-tuc/x"), None);
        assert_eq!(address("javascript:void(0)"), None);
    }
}
