//! `X-Request-Id` on every response: the client's own when it sent a usable one, else a new
//! one; the access log prints it, so that a client's report finds its log line.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest client-sent id echoed; a longer or stranger one is replaced.
const MAX_LEN: usize = 128;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// An id for a request that came without one: 16 hex digits, distinct within a process and
/// unlikely to repeat across restarts (the start time is mixed in).
fn new_id() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let start = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    // SplitMix64 of the count offset by the time: well spread, cheap.
    let mut z = start.wrapping_add(n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    format!("{:016x}", z ^ (z >> 31))
}

/// A client's id kept as sent when it is 1–128 visible ASCII characters without spaces.
fn usable(value: &HeaderValue) -> bool {
    let b = value.as_bytes();
    !b.is_empty() && b.len() <= MAX_LEN && b.iter().all(|c| c.is_ascii_graphic())
}

/// The request-id middleware, for `middleware::from_fn`.
pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = match req.headers().get(&REQUEST_ID) {
        Some(v) if usable(v) => v.clone(),
        _ => HeaderValue::from_str(&new_id()).unwrap_or(HeaderValue::from_static("-")),
    };
    let mut res = next.call(req).await?;
    res.headers_mut().insert(REQUEST_ID, id);
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differ_and_odd_client_ids_are_not_echoed() {
        assert_ne!(new_id(), new_id());
        assert!(usable(&HeaderValue::from_static("abc-123")));
        assert!(!usable(&HeaderValue::from_static("a b")));
        assert!(!usable(&HeaderValue::from_str(&"x".repeat(129)).unwrap()));
    }
}
