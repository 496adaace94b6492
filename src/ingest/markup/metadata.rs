//! What a page's markup says of it: JSON-LD `NewsArticle` (`headline`, `datePublished`,
//! `author`, `url`), Open Graph and article `<meta>` tags, `<meta name="author">`,
//! `<link rel="canonical">`, the `<h1>` and `<title>`. Read before the main content is.

use std::collections::HashMap;

use chrono::NaiveDate;
use dom_query::Document;
use serde_json::Value;

use super::dates::markup_date;
use super::{address, one_line};

/// The facts a page's markup states; `None` where it says nothing usable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup {
    pub title: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub byline: Option<String>,
    pub canonical: Option<String>,
    pub site_name: Option<String>,
}

/// The `<meta>` tags of a page by their lower-cased `property`, `name` or `itemprop`, the
/// first of each.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = node.attr(key) {
                tags.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    tags
}

/// JSON-LD objects whose `@type` is an article, however nested (`@graph`, arrays).
fn json_ld_articles(doc: &Document) -> Vec<Value> {
    fn walk(value: Value, out: &mut Vec<Value>) {
        match value {
            Value::Array(items) => items.into_iter().for_each(|v| walk(v, out)),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    walk(graph, out);
                }
                let is_article = |t: &Value| {
                    t.as_str()
                        .is_some_and(|t| t.ends_with("Article") || t == "Report" || t == "BlogPosting")
                };
                let typed = match map.get("@type") {
                    Some(Value::Array(types)) => types.iter().any(is_article),
                    Some(t) => is_article(t),
                    None => false,
                };
                if typed {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for node in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = node.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            walk(value, &mut out);
        }
    }
    out
}

/// A JSON-LD person or organisation as its name: a string, `{"name": …}`, or a list of them.
fn names(value: &Value) -> Option<String> {
    let name = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let all: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        v => name(v).into_iter().collect(),
    };
    (!all.is_empty()).then(|| all.join(", "))
}

/// The facts of a page, each from the first source that states it usably.
pub fn read(doc: &Document) -> Markup {
    let meta = meta_tags(doc);
    let ld = json_ld_articles(doc);
    let ld_str = |key: &str| ld.iter().find_map(|a| a.get(key)?.as_str().map(str::to_owned));
    let tag = |key: &str| meta.get(key).cloned();
    let site_name = tag("og:site_name")
        .or_else(|| tag("application-name"))
        .and_then(|s| one_line(&s));
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .filter_map(|n| one_line(&n.text()))
        .collect();
    let page_title = doc
        .select("head title")
        .nodes()
        .first()
        .and_then(|n| one_line(&n.text()));
    let headline = [ld_str("headline"), tag("og:title"), tag("twitter:title")]
        .into_iter()
        .flatten()
        .chain(h1s.iter().cloned())
        .chain(page_title)
        .filter_map(|t| one_line(&t))
        .map(|t| without_site_name(&t, site_name.as_deref(), &h1s))
        .find(|t| is_headline(t, site_name.as_deref()));
    let published_on = [
        ld_str("datePublished"),
        tag("article:published_time"),
        tag("og:published_time"),
        tag("datepublished"),
        tag("pubdate"),
        tag("publishdate"),
        tag("dc.date.issued"),
        tag("dc.date"),
        tag("date"),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| markup_date(&d));
    let byline = ld
        .iter()
        .filter_map(|a| a.get("author").and_then(names))
        .chain(
            [tag("author"), tag("article:author"), tag("dc.creator")]
                .into_iter()
                .flatten(),
        )
        .find_map(|name| author(&name, site_name.as_deref()));
    let canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .nodes()
        .iter()
        .filter_map(|n| n.attr("href"))
        .map(|h| h.to_string())
        .chain(tag("og:url"))
        .chain(ld_str("url"))
        .find_map(|u| address(&u));
    Markup {
        title: headline,
        published_on,
        byline,
        canonical,
        site_name,
    }
}

/// A headline with the site's name that `<title>` and `og:title` often append ("… - Báo X",
/// "… | Cổng TTĐT") taken off: the site name given, or what follows an `<h1>` that the
/// title opens with.
fn without_site_name(title: &str, site: Option<&str>, h1s: &[String]) -> String {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site =
                site.is_some_and(|s| crate::domain::text::fold_key(s) == crate::domain::text::fold_key(tail));
            if tail_is_site || h1s.iter().any(|h| h == head) {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Whether a line can be a story's headline: not the site's name, a contact line or a date.
fn is_headline(title: &str, site: Option<&str>) -> bool {
    let fold = crate::domain::text::fold_key;
    title.split_whitespace().count() >= 2
        && !title.contains('@')
        && site.is_none_or(|s| fold(s) != fold(title))
        && super::super::page::date_line(title).is_none_or(|_| title.split_whitespace().count() > 8)
}

/// An author as the store keeps it: a person's name, never the outlet's or an address.
pub(super) fn author(name: &str, site: Option<&str>) -> Option<String> {
    let name = one_line(name)?;
    let fold = crate::domain::text::fold_key;
    if name.contains("://") || name.contains('@') || site.is_some_and(|s| fold(s) == fold(&name)) {
        return None;
    }
    super::super::page::byline(&name).filter(|n| !names_an_outlet(n))
}

/// Whether a name is an outlet's or an office's: "Báo …", "Cổng thông tin …", "Tạp chí …".
fn names_an_outlet(name: &str) -> bool {
    const HEADS: [&str; 9] = [
        "bao ",
        "cong thong tin",
        "cong ttdt",
        "tap chi",
        "dai ",
        "truyen hinh",
        "ban bien tap",
        "toa soan",
        "trang tin",
    ];
    let folded = crate::domain::text::fold_key(name);
    HEADS.iter().any(|h| folded.starts_with(h))
}
