//! Kept answers sent as kept: one serialization, a gzip and a brotli copy and one ETag per
//! answer and store generation, in the encoding the client accepts.

use std::io::Read;

use actix_web::body::MessageBody;
use actix_web::test;

use crate::support::{TestApp, body_bytes, post, seeded_app, send};

/// Status, headers and body, as sent, of a GET with these headers.
async fn fetch<S: TestApp<B>, B: MessageBody>(
    app: &S,
    uri: &str,
    headers: &[(&str, &str)],
) -> (u16, actix_web::http::header::HeaderMap, Vec<u8>) {
    let mut req = test::TestRequest::get().uri(uri);
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    body_bytes(app, req).await
}

fn header<'a>(h: &'a actix_web::http::header::HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[actix_web::test]
async fn a_kept_answer_comes_in_the_encoding_asked_for_with_one_etag_until_a_write() {
    let (_db, app) = seeded_app().await;
    for uri in [
        "/localities/58/summary",
        "/summaries?level=province&scheme=2024",
        "/localities/58/metrics/poverty_rate/series",
        "/metrics/poverty_rate/localities?scheme=2024",
    ] {
        let (status, plain_h, plain) = fetch(&app, uri, &[("accept-encoding", "identity")]).await;
        assert_eq!(status, 200, "{uri}");
        assert!(
            serde_json::from_slice::<serde_json::Value>(&plain).is_ok(),
            "{uri}: plain JSON"
        );
        let (_, gz_h, gz) = fetch(&app, uri, &[("accept-encoding", "gzip")]).await;
        assert_eq!(header(&gz_h, "content-encoding"), "gzip", "{uri}");
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, plain, "{uri}: the same bytes, gzipped");
        let (_, br_h, br) = fetch(&app, uri, &[("accept-encoding", "gzip, br")]).await;
        assert_eq!(header(&br_h, "content-encoding"), "br", "{uri}");
        let mut unbrotlied = Vec::new();
        brotli::Decompressor::new(br.as_slice(), 4096)
            .read_to_end(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, plain, "{uri}: the same bytes, brotli");
        let (_, refused_h, _) = fetch(&app, uri, &[("accept-encoding", "br;q=0, gzip")]).await;
        assert_eq!(
            header(&refused_h, "content-encoding"),
            "gzip",
            "{uri}: br;q=0 is a refusal"
        );
        let tag = header(&plain_h, "etag");
        assert!(tag.starts_with("W/\""), "{uri}: {tag}");
        assert_eq!((header(&gz_h, "etag"), header(&br_h, "etag")), (tag, tag));
        assert!(header(&br_h, "vary").contains("accept-encoding"));
        let (status, h, body) = fetch(&app, uri, &[("if-none-match", tag)]).await;
        assert_eq!((status, header(&h, "etag"), body.len()), (304, tag, 0), "{uri}");
    }
    let (_, before, _) = fetch(&app, "/localities/58/summary", &[]).await;
    let report = "Ninh Thuận giảm nghèo năm 2022\n\n10/01/2023\n\n\
        Năm 2022, tỷ lệ hộ nghèo toàn tỉnh Ninh Thuận còn 4,1%.\n\nPhóng Viên";
    let (status, _, posted) = send(&app, post(report, "text/plain")).await;
    assert_eq!(status, 201, "{posted}");
    let (_, after, body) = fetch(&app, "/localities/58/summary", &[]).await;
    assert_ne!(
        header(&before, "etag"),
        header(&after, "etag"),
        "a write makes it again"
    );
    let card: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(card["article_count"], 2);
}

#[actix_web::test]
async fn an_answer_made_per_request_comes_gzipped_with_its_length_when_gzip_is_accepted() {
    let (_db, app) = seeded_app().await;
    for uri in ["/articles?limit=2", "/indicators?limit=3", "/metrics"] {
        let (status, plain_h, plain) = fetch(&app, uri, &[("accept-encoding", "identity")]).await;
        assert_eq!(status, 200, "{uri}");
        assert_eq!(
            header(&plain_h, "content-encoding"),
            "",
            "{uri}: identity is plain"
        );
        let (_, gz_h, gz) = fetch(&app, uri, &[("accept-encoding", "br, gzip")]).await;
        assert_eq!(header(&gz_h, "content-encoding"), "gzip", "{uri}");
        assert!(header(&gz_h, "vary").contains("accept-encoding"), "{uri}");
        assert_eq!(header(&gz_h, "etag"), header(&plain_h, "etag"), "{uri}: one tag");
        assert!(gz.len() < plain.len(), "{uri}: {} of {}", gz.len(), plain.len());
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, plain, "{uri}: the same bytes, gzipped");
        let (_, refused_h, _) = fetch(&app, uri, &[("accept-encoding", "gzip;q=0")]).await;
        assert_eq!(header(&refused_h, "content-encoding"), "", "{uri}: q=0 honoured");
    }
}
