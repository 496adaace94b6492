//! HTTP caching for reads: a weak `ETag` on every successful GET, `304 Not Modified` on a
//! matching `If-None-Match`, and `Cache-Control` suited to read-mostly data.

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use sha2::{Digest, Sha256};

/// Clients and proxies may reuse a read for a minute, then must revalidate (cheap with ETag).
const READ_CACHE: &str = "public, max-age=60, must-revalidate";

/// The caching middleware, for `middleware::from_fn`.
pub async fn etag(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_read = req.method() == Method::GET || req.method() == Method::HEAD;
    let probe = matches!(req.path(), "/health" | "/ready");
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.call(req).await?.map_into_boxed_body();
    if !is_read || res.status() != StatusCode::OK {
        return Ok(res);
    }
    let mut res = res;
    if probe {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(res);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(READ_CACHE));
    if let Some(tag) = res.headers().get(header::ETAG).and_then(|t| t.to_str().ok()) {
        // A kept answer, tagged when it was made: no need to read its body.
        let tag = tag.to_owned();
        if !matches(if_none_match.as_ref(), &tag) {
            return Ok(res);
        }
        let (req, response) = res.into_parts();
        return Ok(ServiceResponse::new(req, not_modified(&response)));
    }
    if !matches!(res.response().body().size(), BodySize::Sized(_)) {
        return Ok(res); // a streamed export: no tag without buffering it
    }
    let (req, response) = res.into_parts();
    let (mut response, payload) = response.into_parts();
    let bytes = body::to_bytes(payload)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let tag = weak_tag(&bytes);
    let value = HeaderValue::from_str(&tag).map_err(actix_web::error::ErrorInternalServerError)?;
    response.headers_mut().insert(header::ETAG, value);
    if matches(if_none_match.as_ref(), &tag) {
        return Ok(ServiceResponse::new(req, not_modified(&response)));
    }
    Ok(ServiceResponse::new(req, response.set_body(BoxBody::new(bytes))))
}

/// The weak ETag of a body: the first 12 bytes of its SHA-256.
pub fn weak_tag(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!(
        "W/\"{}\"",
        digest[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

/// Whether `If-None-Match` names `tag` (weakly) or is `*`.
fn matches(if_none_match: Option<&HeaderValue>, tag: &str) -> bool {
    if_none_match.and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(',')
            .map(str::trim)
            .any(|t| t == "*" || t.trim_start_matches("W/") == tag.trim_start_matches("W/"))
    })
}

/// 304 with the headers of the answer it stands for that a cache needs.
fn not_modified<B>(response: &actix_web::HttpResponse<B>) -> actix_web::HttpResponse {
    let mut not_modified = actix_web::HttpResponse::NotModified();
    for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
        if let Some(v) = response.headers().get(&name) {
            not_modified.insert_header((name.clone(), v.clone()));
        }
    }
    not_modified.finish()
}
