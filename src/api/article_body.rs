//! The body of `POST /articles`, read within a time limit, in a content coding the server can
//! undo, and turned into text by its media type: raw text, an HTML page, chiso's JSON or a
//! trafilatura record.

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use super::article_formats::{read_json, read_page, read_trafilatura_body};
use super::state::AppState;
use crate::domain::Origin;
use crate::error::ApiError;

/// Content codings the server undoes (`Content-Encoding`); anything else is refused with 415.
const CODINGS: [&str; 4] = ["identity", "gzip", "x-gzip", "deflate"];

/// A request body as it arrived, decoded, with its content type and the address it says it
/// was fetched from (`Content-Location`).
pub struct ArticleBody {
    pub content_type: String,
    pub content_location: Option<String>,
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
            let header = |name| {
                req.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            Ok(ArticleBody {
                content_type: header(header::CONTENT_TYPE).unwrap_or_default(),
                content_location: header(header::CONTENT_LOCATION),
                bytes,
            })
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

/// The media types a body may have, each read its own way.
pub const MEDIA_TYPES: [&str; 5] = [
    "text/plain",
    "text/html",
    "application/xhtml+xml",
    "application/json",
    TRAFILATURA_MEDIA_TYPE,
];

/// A trafilatura record sent as such (a JSON body of its shape is recognised as well).
pub const TRAFILATURA_MEDIA_TYPE: &str = "application/vnd.trafilatura+json";

/// Reads the body by its content type into text and what the sender (or the page's markup)
/// says of it. CPU work: run off the async workers.
pub fn read_body(body: &ArticleBody) -> Result<(String, Origin), ApiError> {
    let mut parts = body
        .content_type
        .split(';')
        .map(|p| p.trim().to_ascii_lowercase());
    let essence = parts.next().unwrap_or_default();
    let charset = parts
        .find_map(|p| p.strip_prefix("charset=").map(|c| c.trim_matches('"').to_owned()))
        .filter(|c| !c.is_empty());
    let utf8 = || {
        if charset.as_deref().is_some_and(|c| c != "utf-8") {
            return Err(ApiError::unsupported_media_type(format!(
                "a {essence} body is read as UTF-8 only; send it with charset=utf-8"
            )));
        }
        std::str::from_utf8(&body.bytes).map_err(|_| ApiError::bad_request("the body is not valid UTF-8"))
    };
    let sent_url = body.content_location.as_deref();
    match essence.as_str() {
        "text/plain" => Ok((utf8()?.to_owned(), Origin::default())),
        "text/html" | "application/xhtml+xml" => read_page(&body.bytes, charset.as_deref(), sent_url),
        "application/json" => read_json(utf8()?),
        TRAFILATURA_MEDIA_TYPE => read_trafilatura_body(utf8()?),
        _ => Err(ApiError::unsupported_media_type(format!(
            "send the article as one of {}",
            MEDIA_TYPES.join(", ")
        ))),
    }
}
