//! The explorer page: what a browser is sent at `/`, and what an API client still gets there.
//! The page itself is driven in headless Chromium by `tests/browser/explorer.cjs` (`.ci/browser`).

use actix_web::test as atest;
use serde_json::Value;

use crate::support::*;

const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

#[actix_web::test]
async fn a_browser_at_the_root_gets_the_explorer_and_an_api_client_the_api_root() {
    let (_db, app) = seeded_app().await;
    let page = atest::TestRequest::get()
        .uri("/")
        .insert_header(("Accept", BROWSER_ACCEPT));
    let (status, headers, html) = body_text(&app, page).await;
    assert_eq!(status, 200);
    assert_eq!(content_type(&headers), "text/html; charset=utf-8");
    assert!(html.contains(r#"<html lang="vi">"#) && html.contains("/explorer/app.js"));
    let policy = headers.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'"));
    assert!(headers.get("vary").unwrap().to_str().unwrap().contains("Accept"));

    for accept in [
        None,
        Some("*/*"),
        Some("application/json"),
        Some("application/json, text/html;q=0.5"),
    ] {
        let mut req = atest::TestRequest::get().uri("/");
        if let Some(accept) = accept {
            req = req.insert_header(("Accept", accept));
        }
        let (status, headers, body) = body_text(&app, req).await;
        assert_eq!(status, 200);
        assert_eq!(content_type(&headers), "application/json", "Accept: {accept:?}");
        let root: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(root["name"], "chiso");
        assert!(headers.get("vary").unwrap().to_str().unwrap().contains("Accept"));
    }
}

#[actix_web::test]
async fn every_file_the_page_loads_is_served_from_the_binary_with_a_validator() {
    let (_db, app) = seeded_app().await;
    let page = atest::TestRequest::get()
        .uri("/")
        .insert_header(("Accept", BROWSER_ACCEPT));
    let (_, _, html) = body_text(&app, page).await;
    let assets: Vec<&str> = html
        .split(['"', '\''])
        .filter(|s| s.starts_with("/explorer/"))
        .collect();
    assert_eq!(assets, ["/explorer/app.css", "/explorer/app.js"]);
    for (asset, kind) in assets.iter().zip(["text/css", "text/javascript"]) {
        let (status, headers, body) = body_text(&app, atest::TestRequest::get().uri(asset)).await;
        assert_eq!(status, 200, "{asset}");
        assert!(content_type(&headers).starts_with(kind), "{asset}");
        assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
        let addresses = body.matches("http").count();
        let svg_namespace = body.matches("http://www.w3.org/2000/svg").count();
        assert_eq!(addresses, svg_namespace, "{asset} names an address to fetch");
        let tag = headers.get("etag").unwrap().clone();
        let again = atest::TestRequest::get()
            .uri(asset)
            .insert_header(("If-None-Match", tag));
        let (status, _, _) = body_text(&app, again).await;
        assert_eq!(status, 304, "{asset}");
    }
}

#[actix_web::test]
async fn the_page_is_refused_for_writes_like_any_read() {
    let (_db, app) = seeded_app().await;
    let req = atest::TestRequest::post().uri("/explorer/app.js");
    let (status, headers, body) = body_text(&app, req).await;
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_problem(status, &headers, &body, 405);
}
