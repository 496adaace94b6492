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
    if !matches!(res.response().body().size(), BodySize::Sized(_)) {
        return Ok(res); // a streamed export: no tag without buffering it
    }
    let (req, response) = res.into_parts();
    let (mut response, payload) = response.into_parts();
    let bytes = body::to_bytes(payload)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let digest = Sha256::digest(&bytes);
    let tag = format!(
        "W/\"{}\"",
        digest[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let value = HeaderValue::from_str(&tag).map_err(actix_web::error::ErrorInternalServerError)?;
    response.headers_mut().insert(header::ETAG, value);
    let matched = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(str::trim)
                .any(|t| t == "*" || t.trim_start_matches("W/") == tag.trim_start_matches("W/"))
        });
    if matched {
        let mut not_modified = actix_web::HttpResponse::NotModified();
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(v) = response.headers().get(&name) {
                not_modified.insert_header((name.clone(), v.clone()));
            }
        }
        return Ok(ServiceResponse::new(req, not_modified.finish()));
    }
    Ok(ServiceResponse::new(req, response.set_body(BoxBody::new(bytes))))
}
