//! Requests the API refuses, each with a problem that says why: bodies in a coding the
//! server cannot undo or that never arrive, refused CORS, unknown or repeated parameters,
//! searches and article texts outside their documented pattern; and a `HEAD` of an export, which starts none.

use std::time::Duration;

use actix_web::dev::Service;
use actix_web::test as atest;
use chiso::api::Limits;

use crate::support::{TestStore, app, assert_problem, get, post, send, synthetic_article};

#[actix_web::test]
async fn a_head_of_an_export_starts_no_export() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    for _ in 0..8 {
        let req = atest::TestRequest::default()
            .method(actix_web::http::Method::HEAD)
            .uri("/articles?format=csv")
            .to_request();
        let res = atest::call_service(&app, req).await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers().get("content-type").unwrap(),
            "text/csv; charset=utf-8"
        );
        assert!(atest::read_body(res).await.is_empty());
    }
}

/// A gzip stream of `data` in stored (uncompressed) deflate blocks.
fn gzip_stored(data: &[u8]) -> Vec<u8> {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let blocks: Vec<&[u8]> = data.chunks(65535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&(!crc).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

#[actix_web::test]
async fn bodies_in_a_coding_the_server_cannot_undo_are_415_and_gzip_is_read() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    let text = synthetic_article(31);
    for coding in ["br", "zstd", "xyz", "gzip, br"] {
        let req = post(text.clone(), "text/plain").insert_header(("content-encoding", coding));
        let (status, headers, body) = send(&app, req).await;
        assert_problem(status, &headers, &body, 415);
        assert!(
            headers.get("accept-encoding").is_some(),
            "{coding}: the codings it can undo"
        );
    }
    let (_, _, list) = get(&app, "/articles?limit=1").await;
    assert_eq!(list["meta"]["total"], 5, "nothing stored from the refused bodies");
    let req = post(gzip_stored(text.as_bytes()), "text/plain").insert_header(("content-encoding", "gzip"));
    let (status, _, body) = send(&app, req).await;
    assert_eq!(status, 201, "{body}");
    assert!(
        body["body"].as_str().unwrap().contains("đơn thư"),
        "decoded: {body}"
    );
}

#[actix_web::test]
async fn a_body_that_does_not_arrive_in_time_is_408_on_a_closing_connection() {
    let (t, g) = TestStore::seeded();
    let limits = Limits {
        body_read: Duration::from_millis(200),
        ..Limits::default()
    };
    let app = app(t.state(g).with_limits(limits)).await;
    // A client that sends its headers and then nothing.
    let (_sender, payload) = actix_http::h1::Payload::create(false);
    let (req, _) = post(Vec::new(), "text/plain")
        .to_request()
        .replace_payload(payload.into());
    let res = app.call(req).await.unwrap();
    assert_eq!(res.status(), 408);
    assert_eq!(
        res.response().head().connection_type(),
        actix_web::http::ConnectionType::Close
    );
    let body: serde_json::Value = atest::read_body_json(res).await;
    assert_eq!(body["status"], 408);
}

#[actix_web::test]
async fn a_refused_cors_preflight_is_a_problem() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    let req = atest::TestRequest::default()
        .method(actix_web::http::Method::OPTIONS)
        .uri("/articles")
        .insert_header(("origin", "https://dashboard.example"))
        .insert_header(("access-control-request-method", "PATCH"));
    let (status, headers, body) = send(&app, req).await;
    assert_problem(status, &headers, &body, 400);
    assert!(
        body["detail"].as_str().unwrap().to_lowercase().contains("method"),
        "{body}"
    );
}

#[actix_web::test]
async fn unknown_and_repeated_parameters_are_named() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    for (uri, parameter) in [
        ("/articles?colour=red", "colour"),
        ("/indicators?limit=1&limit=2", "limit"),
        ("/localities?q=ha&q=noi", "q"),
        ("/summaries?levle=province", "levle"),
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 400);
        assert_eq!(body["parameter"], parameter, "{uri}: {body}");
    }
}

#[actix_web::test]
async fn a_search_is_accepted_exactly_when_its_documented_pattern_matches() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    let spec = chiso::openapi::spec_json();
    let spec: serde_json::Value = serde_json::from_str(&spec).unwrap();
    for path in ["/localities", "/articles", "/indicators"] {
        let q = spec["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "q")
            .unwrap();
        let schemas = q["schema"]["anyOf"].as_array().unwrap();
        let written = schemas.iter().find_map(|s| s["pattern"].as_str()).unwrap();
        let pattern = regex::Regex::new(written).unwrap();
        for sample in [
            "a", "Z", "7", "đ", "Ơ", "ạ", "ỹ", "é", "ÿ", "α", "я", "中", "١", "²", "×", "÷", "-", "_",
        ] {
            let encoded: String = sample.bytes().map(|b| format!("%{b:02X}")).collect();
            let (status, _, body) = get(&app, &format!("{path}?q={encoded}&limit=1")).await;
            let documented = if pattern.is_match(sample) { 200 } else { 400 };
            assert_eq!(status, documented, "{path}?q={sample}: {body}");
        }
    }
}

#[actix_web::test]
async fn an_article_is_accepted_exactly_when_its_documented_text_pattern_matches() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    let spec: serde_json::Value = serde_json::from_str(&chiso::openapi::spec_json()).unwrap();
    let plain = &spec["components"]["schemas"]["PlainArticle"];
    let json_text = &spec["components"]["schemas"]["NewArticleRequest"]["properties"]["text"];
    assert_eq!(plain["pattern"], json_text["pattern"]);
    let pattern = regex::Regex::new(plain["pattern"].as_str().unwrap()).unwrap();
    for sample in [
        "a",
        "Đ",
        "ạ 7",
        "ỹ",
        "ÿ",
        "7",
        "",
        " \n\t",
        "2022 - 3,5%",
        "α",
        "Москва",
        "中国",
        "١٢",
        "²",
    ] {
        let documented = if pattern.is_match(sample) {
            [200, 201]
        } else {
            [422, 422]
        };
        let (status, _, body) = send(&app, post(sample, "text/plain; charset=utf-8")).await;
        assert!(
            documented.contains(&status),
            "text/plain {sample:?}: {status} {body}"
        );
        let json = serde_json::json!({ "text": format!("{sample} ") }).to_string();
        let (status, headers, body) = send(&app, post(json, "application/json")).await;
        assert!(documented.contains(&status), "JSON {sample:?}: {status} {body}");
        if status == 422 {
            assert_problem(status, &headers, &body, 422);
        }
    }
}
