//! The media types `POST /articles` reads besides plain text: chiso's JSON, HTML pages as
//! served, and trafilatura records; each with the schema the OpenAPI document shows.

use actix_web::http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};

use crate::domain::Origin;
use crate::domain::text::LATIN_LETTER_PATTERN;
use crate::error::ApiError;
use crate::ingest::markup::{self, PageError};

/// An article sent as JSON; the optional fields override what extraction finds. Other fields
/// are refused (422), so that a misspelt override is never silently ignored.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "text": "Ban Dân vận Huyện ủy Nghi Lộc tổng kết công tác dân vận năm 2022\n\nNăm 2022, toàn huyện có 1.520 mô hình “Dân vận khéo”.",
    "source_url": "https://nghean.gov.vn/tin-tuc/123", "published_on": "2022-12-30"
}))]
pub struct NewArticleRequest {
    #[schema(schema_with = <PlainArticle as utoipa::PartialSchema>::schema)]
    pub text: String,
    /// Where the text was published: an http(s) URL.
    #[schema(pattern = "^https?://", max_length = 2048)]
    pub source_url: Option<String>,
    /// Publication date (YYYY-MM-DD); overrides the date read from the page.
    #[schema(value_type = Option<String>, format = Date)]
    pub published_on: Option<chrono::NaiveDate>,
}

impl NewArticleRequest {
    /// What the sender said of the text.
    fn origin(self) -> Result<(String, Origin), ApiError> {
        if self.source_url.as_deref().is_some_and(|u| {
            !(u.starts_with("http://") || u.starts_with("https://")) || u.chars().count() > 2048
        }) {
            return Err(ApiError::bad_field(
                StatusCode::UNPROCESSABLE_ENTITY,
                "source_url",
                "`source_url` must be an http(s) URL of at most 2,048 characters",
            ));
        }
        let origin = Origin {
            source_url: self.source_url,
            published_on: self.published_on,
            ..Origin::default()
        };
        Ok((self.text, origin))
    }
}

/// The problem of a JSON article serde refused: a wrong type is 400, a value that cannot be
/// used (an unknown field, no text, a date that is not one) 422, each naming its field.
fn refused_field(path: &str, message: &str) -> ApiError {
    let unprocessable =
        |field: &str, detail: String| ApiError::bad_field(StatusCode::UNPROCESSABLE_ENTITY, field, detail);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = &rest[..rest.find('`').unwrap_or(rest.len())];
        return unprocessable(
            unknown,
            format!(
                "unknown field `{unknown}`; the fields are text, source_url and published_on \
                 (or those of a trafilatura record)"
            ),
        );
    }
    if message.starts_with("missing field `text`") {
        return unprocessable("text", "`text` is required".into());
    }
    let field = path.split('.').next().unwrap_or(path);
    match (field, message.starts_with("invalid type")) {
        (_, true) => ApiError::bad_field(
            StatusCode::BAD_REQUEST,
            field,
            format!("`{field}` must be a string"),
        ),
        ("published_on", false) => unprocessable(field, "`published_on` must be a date as YYYY-MM-DD".into()),
        _ => unprocessable(field, format!("`{field}`: {message}")),
    }
}

/// A page sent as `text/plain`, exactly as scraped. Its schema says it holds at least one
/// letter of the Latin script Vietnamese is written in, as ingestion requires.
pub struct PlainArticle;

impl utoipa::PartialSchema for PlainArticle {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "The page exactly as scraped; it holds at least one letter of the Latin script.",
            ))
            .pattern(Some(LATIN_LETTER_PATTERN))
            .examples(["Tiêu đề bài viết\n\nNăm 2022, tỷ lệ hộ nghèo giảm còn 3,5%."])
            .into()
    }
}

impl utoipa::ToSchema for PlainArticle {}

/// An HTML page as served, in the charset its `Content-Type` or its markup declares.
pub struct HtmlPage;

impl utoipa::PartialSchema for HtmlPage {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "An HTML page as served (it opens with its markup). Its main content is extracted (menus, captions, related \
                 links, comments and footers left out); its headline, publication date, author and \
                 canonical address are read from its markup (JSON-LD, Open Graph, `<meta>`, `<h1>`, \
                 `<link rel=canonical>`). The charset is the one `Content-Type` names, else the one \
                 the page declares, else UTF-8. `Content-Location` gives the address it was fetched \
                 from, which overrides its canonical one.",
            ))
            .pattern(Some(markup::PAGE_PATTERN))
            .examples([HTML_EXAMPLE])
            .into()
    }
}

impl utoipa::ToSchema for HtmlPage {}

const HTML_EXAMPLE: &str = "<html><head><meta charset=\"utf-8\"><title>Xã A tổng kết năm 2024</title></head>\
<body><article><h1>Xã A tổng kết năm 2024</h1><p>Năm 2024, tỷ lệ hộ nghèo của xã A giảm còn 2,1%, \
thu nhập bình quân đầu người đạt 62 triệu đồng.</p></article></body></html>";

/// A record of `trafilatura --json`; fields besides `text` are optional, and readers'
/// `comments` are never read.
pub struct TrafilaturaRecord;

impl utoipa::PartialSchema for TrafilaturaRecord {
    fn schema() -> RefOr<Schema> {
        let string = || ObjectBuilder::new().schema_type(SchemaType::Array(vec![Type::String, Type::Null]));
        let mut object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "A record of trafilatura's JSON output. `title`, `author` and `date` override what \
                 extraction reads from the text; `url` (else `source`) is the article's `source_url`.",
            ))
            .required("text")
            .examples([serde_json::json!({
                "title": "Xã A tổng kết năm 2024", "author": "Lê An", "date": "2024-12-28",
                "url": "https://xaa.gov.vn/tin/1", "hostname": "xaa.gov.vn",
                "text": "Năm 2024, tỷ lệ hộ nghèo của xã A giảm còn 2,1%."
            })]);
        for field in markup::TRAFILATURA_FIELDS {
            object = match field {
                "text" => object.property(field, ObjectBuilder::new().schema_type(Type::String)),
                _ => object.property(field, string()),
            };
        }
        object.into()
    }
}

impl utoipa::ToSchema for TrafilaturaRecord {}

/// Reads chiso's JSON ([`NewArticleRequest`]), or a trafilatura record recognised by its
/// fields.
pub fn read_json(text: &str) -> Result<(String, Origin), ApiError> {
    let mut map = json_object(text)?;
    if markup::is_trafilatura(&map) {
        return trafilatura(&map);
    }
    // A text sent as null is a text not sent.
    if map.get("text") == Some(&Value::Null) {
        map.remove("text");
    }
    let request: NewArticleRequest = serde_path_to_error::deserialize(Value::Object(map))
        .map_err(|e| refused_field(&e.path().to_string(), &e.inner().to_string()))?;
    request.origin()
}

fn json_object(text: &str) -> Result<Map<String, Value>, ApiError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))?;
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(ApiError::bad_request(
            "the JSON body must be an object with a `text` field",
        )),
    }
}

/// Reads a body sent as a trafilatura record.
pub fn read_trafilatura_body(text: &str) -> Result<(String, Origin), ApiError> {
    trafilatura(&json_object(text)?)
}

fn trafilatura(record: &Map<String, Value>) -> Result<(String, Origin), ApiError> {
    let page = markup::read_trafilatura(record).map_err(page_error)?;
    Ok((page.text, page.origin))
}

/// Reads an HTML page; `sent_url` (the request's `Content-Location`) overrides its canonical
/// address.
pub fn read_page(
    bytes: &[u8],
    charset: Option<&str>,
    sent_url: Option<&str>,
) -> Result<(String, Origin), ApiError> {
    if sent_url.is_some_and(|u| markup::address(u).is_none()) {
        return Err(ApiError::bad_request(
            "`Content-Location` must be an http(s) URL of at most 2,048 characters",
        ));
    }
    let page = markup::read_html(bytes, charset, sent_url).map_err(page_error)?;
    Ok((page.text, page.origin))
}

fn page_error(e: PageError) -> ApiError {
    match e {
        PageError::UnknownCharset(_) => ApiError::unsupported_media_type(e.to_string()),
        PageError::NoText => {
            ApiError::bad_field(StatusCode::UNPROCESSABLE_ENTITY, "text", "`text` is required")
        }
        PageError::NotAString(field) => ApiError::bad_field(StatusCode::BAD_REQUEST, field, e.to_string()),
        PageError::NotHtml | PageError::TooDeep(_) => ApiError::unprocessable(e.to_string()),
        PageError::Undecodable(_) | PageError::NoWords => {
            ApiError::unprocessable(format!("{e}: there is no article in it"))
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::ResponseError;

    use super::*;

    fn refusal(body: &str) -> (u16, Option<String>) {
        let e = read_json(body).unwrap_err();
        (e.status_code().as_u16(), e.problem().field)
    }

    #[test]
    fn a_json_article_is_read_by_serde_and_each_refusal_names_its_field() {
        let (text, origin) = read_json(
            r#"{"text": "Năm 2022", "source_url": "https://a.vn/1", "published_on": "2022-12-30"}"#,
        )
        .unwrap();
        assert_eq!(text, "Năm 2022");
        assert_eq!(origin.source_url.as_deref(), Some("https://a.vn/1"));
        assert_eq!(
            origin.published_on.map(|d| d.to_string()).as_deref(),
            Some("2022-12-30")
        );
        for (body, status, field) in [
            (r#"{"text": "x", "colour": "red"}"#, 422, "colour"),
            (r#"{"text": 5}"#, 400, "text"),
            (r#"{"source_url": "https://a.vn"}"#, 422, "text"),
            (r#"{"text": null}"#, 422, "text"),
            (r#"{"text": "x", "source_url": "ftp://a.vn"}"#, 422, "source_url"),
            (
                r#"{"text": "x", "published_on": "30/12/2022"}"#,
                422,
                "published_on",
            ),
            (r#"{"text": "x", "published_on": 2022}"#, 400, "published_on"),
        ] {
            assert_eq!(refusal(body), (status, Some(field.to_owned())), "{body}");
        }
    }
}
