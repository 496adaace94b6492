//! A record of trafilatura's JSON output (`trafilatura --json`): the main content it found,
//! one paragraph a line, with the headline, author, date and address it read from the page.

use serde_json::{Map, Value};

use super::dates::markup_date;
use super::{PageError, WebPage, address, compose, one_line};
use crate::domain::{ContentSource, Origin};

/// The fields trafilatura writes (as of its 2.0); a record's other fields are not read.
pub const TRAFILATURA_FIELDS: [&str; 22] = [
    "title",
    "author",
    "hostname",
    "date",
    "fingerprint",
    "id",
    "license",
    "comments",
    "raw_text",
    "text",
    "language",
    "image",
    "pagetype",
    "filedate",
    "source",
    "source-hostname",
    "excerpt",
    "categories",
    "tags",
    "url",
    "description",
    "sitename",
];

/// Fields trafilatura always writes (null when it found nothing) and no other sender would:
/// a JSON object with one of them is one of its records.
const TELLING_FIELDS: [&str; 4] = ["fingerprint", "raw_text", "hostname", "source-hostname"];

/// Reads one record. `comments` (readers' comments) never reach the text.
pub fn read_trafilatura(record: &Map<String, Value>) -> Result<WebPage, PageError> {
    let typed = |k: &&str| record.get(*k).is_none_or(|v| v.is_string() || v.is_null());
    if let Some(field) = TRAFILATURA_FIELDS.iter().find(|k| !typed(k)) {
        return Err(PageError::NotAString(field));
    }
    let field = |key: &str| {
        record
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    };
    let body = field("text")
        .or_else(|| field("raw_text"))
        .ok_or(PageError::NoText)?;
    let title = field("title").and_then(one_line);
    let paragraphs = body.lines().map(str::to_owned).collect::<Vec<_>>();
    let text = compose(title.as_deref(), paragraphs).ok_or(PageError::NoWords)?;
    // trafilatura joins several authors with "; ".
    let byline = field("author").and_then(|a| {
        let names: Vec<String> = a
            .split(';')
            .filter_map(|n| super::super::page::byline(n.trim()))
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    });
    Ok(WebPage {
        text,
        origin: Origin {
            source_url: field("url").or_else(|| field("source")).and_then(address),
            published_on: field("date").and_then(markup_date),
            title,
            byline,
            content_source: ContentSource::Trafilatura,
            ..Origin::default()
        },
    })
}

/// Whether a JSON object is a trafilatura record: a `text` and a field only trafilatura
/// writes. An object of `text` and an author or title alone is not (it may be a misspelt
/// override, which is refused rather than read another way).
pub fn is_trafilatura(record: &Map<String, Value>) -> bool {
    (record.contains_key("text") || record.contains_key("raw_text"))
        && TELLING_FIELDS.iter().any(|k| record.contains_key(*k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn a_record_gives_its_headline_author_date_and_address() {
        let r = record(serde_json::json!({
            "title": "Xã B tổng kết năm 2023", "author": "Lê An; Minh Hà", "date": "2023-12-28",
            "url": "https://xab.gov.vn/tin/1", "hostname": "xab.gov.vn",
            "text": "Năm 2023, xã có 40 hộ thoát nghèo.\nThu nhập đạt 52 triệu đồng.",
            "comments": "Bạn đọc A: bài hay"
        }));
        assert!(is_trafilatura(&r));
        let page = read_trafilatura(&r).unwrap();
        assert_eq!(
            page.text,
            "Xã B tổng kết năm 2023\n\nNăm 2023, xã có 40 hộ thoát nghèo.\n\nThu nhập đạt 52 triệu đồng."
        );
        assert_eq!(page.origin.byline.as_deref(), Some("Lê An, Minh Hà"));
        assert_eq!(
            page.origin.published_on,
            chrono::NaiveDate::from_ymd_opt(2023, 12, 28)
        );
        assert_eq!(
            page.origin.source_url.as_deref(),
            Some("https://xab.gov.vn/tin/1")
        );
        assert_eq!(page.origin.content_source, ContentSource::Trafilatura);
    }

    #[test]
    fn a_record_needs_words_and_other_objects_are_not_records() {
        assert_eq!(
            read_trafilatura(&record(serde_json::json!({"title": "X Y"}))),
            Err(PageError::NoText)
        );
        assert_eq!(
            read_trafilatura(&record(serde_json::json!({"text": "12 34"}))),
            Err(PageError::NoWords)
        );
        assert!(!is_trafilatura(&record(
            serde_json::json!({"text": "a", "source_url": "https://x.vn"})
        )));
        assert!(!is_trafilatura(&record(serde_json::json!({"text": "a"}))));
        assert!(!is_trafilatura(&record(
            serde_json::json!({"text": "a", "author": "Lê An"})
        )));
        assert!(is_trafilatura(&record(
            serde_json::json!({"text": "a", "raw_text": null, "fingerprint": null})
        )));
    }
}
