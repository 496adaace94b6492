//! Small answers gzipped where they are made. actix's `Compress` makes a compressor (some
//! 300 KB, zeroed) for each answer and, past 1 KB, hands the body to a blocking thread and back:
//! for a page of 20 items or one article that costs more than reading it from SQLite. A body of
//! known size up to [`INLINE_MAX`] is compressed here instead, on the worker, with a compressor
//! each thread keeps and resets; streams and larger bodies are left to `Compress`, and an answer
//! that carries its own encoding (a kept answer) is sent as it is.

use std::cell::RefCell;

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use flate2::{Compress, Compression, Crc, FlushCompress};

/// The largest body compressed on the worker (about 1 ms of gzip at its fastest level).
pub const INLINE_MAX: u64 = 256 << 10;

thread_local! {
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

/// The middleware, for `middleware::from_fn`; wrapped inside `Compress`.
pub async fn compress_small(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let gzip = super::kept::accepts(req.request(), "gzip");
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let sized = matches!(res.response().body().size(), BodySize::Sized(n) if n > 0 && n <= INLINE_MAX);
    // A 204 or 304 has no body, so it is never `sized`.
    if !gzip || !sized || !status.is_success() || res.headers().contains_key(header::CONTENT_ENCODING) {
        return Ok(res);
    }
    let (req, response) = res.into_parts();
    let (mut response, payload) = response.into_parts();
    let bytes = body::to_bytes(payload)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(ServiceResponse::new(
        req,
        response.set_body(BoxBody::new(gzip_bytes(&bytes))),
    ))
}

/// `bytes` as a gzip member (RFC 1952), deflated by this thread's compressor.
pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
    out.extend_from_slice(&HEADER);
    DEFLATE.with_borrow_mut(|deflate| {
        deflate.reset();
        let mut input = bytes;
        loop {
            out.reserve(input.len() / 2 + 1024);
            let before = deflate.total_in();
            let status = deflate.compress_vec(input, &mut out, FlushCompress::Finish);
            input = &input[(deflate.total_in() - before) as usize..];
            if matches!(status, Ok(flate2::Status::StreamEnd) | Err(_)) {
                break;
            }
        }
    });
    let mut crc = Crc::new();
    crc.update(bytes);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn a_gzipped_body_reads_back_whole_however_often_the_compressor_is_reused() {
        let article = "Tỷ lệ hộ nghèo giảm còn 3,2%. ".repeat(2_000);
        for text in ["", "{}", article.as_str(), &article[..1_000], article.as_str()] {
            let mut back = String::new();
            flate2::read::GzDecoder::new(gzip_bytes(text.as_bytes()).as_slice())
                .read_to_string(&mut back)
                .unwrap();
            assert_eq!(back, text);
        }
    }
}
