//! The body of `POST /articles`: raw text, or JSON whose fields override extraction; read
//! within a time limit, in a content coding the server can undo.

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use super::AppState;
use crate::domain::text::LATIN_LETTER_PATTERN;
use crate::error::ApiError;
use crate::store::Origin;

/// Content codings the server undoes (`Content-Encoding`); anything else is refused with 415.
const CODINGS: [&str; 4] = ["identity", "gzip", "x-gzip", "deflate"];

/// A request body as it arrived, decoded, with its content type.
pub struct ArticleBody {
    pub content_type: String,
    pub bytes: web::Bytes,
}

impl FromRequest for ArticleBody {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<ArticleBody, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            check_coding(&req)?;
            let limit = req
                .app_data::<web::Data<AppState>>()
                .map(|s| s.extractions.limits().body_read)
                .unwrap_or_default();
            let bytes = tokio::time::timeout(limit, web::Bytes::from_request(&req, &mut payload))
                .await
                .map_err(|_| {
                    ApiError::body_timeout(format!("the body did not arrive within {} s", limit.as_secs()))
                })?
                .map_err(unreadable)?;
            let content_type = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            Ok(ArticleBody { content_type, bytes })
        })
    }
}

/// A body that could not be read: too large stays 413; one whose framing broke is a 400 that
/// says so.
fn unreadable(e: actix_web::Error) -> actix_web::Error {
    match e.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) | None => e,
        Some(_) => ApiError::bad_request(
            "the body could not be read: it ended before its length said, or its chunked \
             encoding is malformed (this server does not read chunk trailers)",
        )
        .into(),
    }
}

fn check_coding(req: &HttpRequest) -> Result<(), ApiError> {
    for value in req.headers().get_all(header::CONTENT_ENCODING) {
        let known = value.to_str().is_ok_and(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .all(|c| CODINGS.iter().any(|k| k.eq_ignore_ascii_case(c)))
        });
        if !known {
            return Err(ApiError::unsupported_coding(
                "the body's Content-Encoding is not one this server decodes: send it as identity, gzip or deflate",
            ));
        }
    }
    Ok(())
}

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
    #[schema(format = Date)]
    pub published_on: Option<String>,
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

const JSON_FIELDS: [&str; 3] = ["text", "source_url", "published_on"];

/// Reads the body by its content type into text and what the sender says of it.
pub fn read_body(content_type: &str, body: &[u8]) -> Result<(String, Origin), ApiError> {
    let mut parts = content_type.split(';').map(|p| p.trim().to_ascii_lowercase());
    let essence = parts.next().unwrap_or_default();
    let charset_ok = parts
        .all(|p| !p.starts_with("charset=") || matches!(p.as_str(), "charset=utf-8" | "charset=\"utf-8\""));
    if !charset_ok || !matches!(essence.as_str(), "text/plain" | "application/json") {
        return Err(ApiError::unsupported_media_type(
            "send the article as text/plain; charset=utf-8, or as application/json",
        ));
    }
    let text = std::str::from_utf8(body).map_err(|_| ApiError::bad_request("the body is not valid UTF-8"))?;
    if essence == "text/plain" {
        return Ok((text.to_owned(), Origin::default()));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(ApiError::bad_request(
            "the JSON body must be an object with a `text` field",
        ));
    };
    if let Some(unknown) = map.keys().find(|k| !JSON_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::bad_field(
            StatusCode::UNPROCESSABLE_ENTITY,
            unknown,
            format!("unknown field `{unknown}`; the fields are text, source_url and published_on"),
        ));
    }
    let string = |field: &str| match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::bad_field(
            StatusCode::BAD_REQUEST,
            field,
            format!("`{field}` must be a string"),
        )),
    };
    let text = string("text")?
        .ok_or_else(|| ApiError::bad_field(StatusCode::UNPROCESSABLE_ENTITY, "text", "`text` is required"))?;
    let source_url = string("source_url")?;
    if source_url
        .as_deref()
        .is_some_and(|u| !(u.starts_with("http://") || u.starts_with("https://")) || u.chars().count() > 2048)
    {
        return Err(ApiError::bad_field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "source_url",
            "`source_url` must be an http(s) URL of at most 2,048 characters",
        ));
    }
    let published_on = string("published_on")?
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()
        .map_err(|_| {
            ApiError::bad_field(
                StatusCode::UNPROCESSABLE_ENTITY,
                "published_on",
                "`published_on` must be a date as YYYY-MM-DD",
            )
        })?;
    Ok((
        text,
        Origin {
            source_file: None,
            source_url,
            published_on,
            stored_on: None,
        },
    ))
}
