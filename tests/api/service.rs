//! Probes, errors on unknown routes and methods, CORS and docs.

use actix_web::test as atest;

use crate::support::{TestStore, app, assert_problem, get, seeded_app};

#[actix_web::test]
async fn health_answers_ok() {
    let (_db, app) = seeded_app().await;
    let (status, _, body) = get(&app, "/health").await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
}

#[actix_web::test]
async fn ready_is_503_before_seeding_and_200_after() {
    let empty = TestStore::empty();
    let unseeded = app(empty.state(chiso::domain::Gazetteer::default())).await;
    let (status, headers, body) = get(&unseeded, "/ready").await;
    assert_problem(status, &headers, &body, 503);

    let (_db, seeded) = seeded_app().await;
    let (status, _, body) = get(&seeded, "/ready").await;
    assert_eq!(status, 200);
    assert_eq!(body["articles"], 5);
    assert_eq!(body["localities"], 10794 + 3355, "units of both maps");
}

#[actix_web::test]
async fn unknown_routes_are_404_problems() {
    let (_db, app) = seeded_app().await;
    for uri in ["/nope", "/articles/a/b/c", "/%FF%FE"] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 404);
    }
}

#[actix_web::test]
async fn wrong_methods_are_405_problems_with_allow() {
    let (_db, app) = seeded_app().await;
    let req = atest::TestRequest::put().uri("/articles").to_request();
    let res = atest::call_service(&app, req).await;
    assert_eq!(res.status(), 405);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    assert!(res.headers().contains_key("allow"));
    let body: serde_json::Value = atest::read_body_json(res).await;
    assert_eq!(body["status"], 405);
}

#[actix_web::test]
async fn internal_details_never_reach_clients() {
    let (_db, app) = seeded_app().await;
    let (_, _, body) = get(&app, "/articles?limit=1%27%20OR%201=1").await;
    let detail = body["detail"].as_str().unwrap().to_lowercase();
    assert!(!detail.contains("sqlite") && !detail.contains("select") && !detail.contains("/work"));
}

#[actix_web::test]
async fn cors_lets_any_origin_read_and_exposes_link_and_etag() {
    let (_db, app) = seeded_app().await;
    let req = atest::TestRequest::get()
        .uri("/articles")
        .insert_header(("origin", "https://dashboard.example"))
        .to_request();
    let res = atest::call_service(&app, req).await;
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "*");
    let exposed = res
        .headers()
        .get("access-control-expose-headers")
        .unwrap()
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("link") && exposed.contains("etag"), "{exposed}");

    let preflight = atest::TestRequest::default()
        .method(actix_web::http::Method::OPTIONS)
        .uri("/articles")
        .insert_header(("origin", "https://dashboard.example"))
        .insert_header(("access-control-request-method", "POST"))
        .insert_header(("access-control-request-headers", "authorization, content-type"))
        .to_request();
    let res = atest::call_service(&app, preflight).await;
    assert!(res.status().is_success(), "{}", res.status());
    let allowed = res
        .headers()
        .get("access-control-allow-headers")
        .unwrap()
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allowed.contains("authorization"), "{allowed}");
}

#[actix_web::test]
async fn docs_redirects_to_swagger_ui_served_from_the_binary() {
    let (_db, app) = seeded_app().await;
    let res = atest::call_service(&app, atest::TestRequest::get().uri("/docs").to_request()).await;
    assert_eq!(res.status(), 308);
    assert_eq!(res.headers().get("location").unwrap(), "/docs/");
    let res = atest::call_service(&app, atest::TestRequest::get().uri("/docs/").to_request()).await;
    assert_eq!(res.status(), 200);
    let html = String::from_utf8(atest::read_body(res).await.to_vec()).unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("cdn") && !html.contains("unpkg"),
        "no CDN at run time"
    );
    let res = atest::call_service(
        &app,
        atest::TestRequest::get()
            .uri("/docs/swagger-initializer.js")
            .to_request(),
    )
    .await;
    let js = String::from_utf8(atest::read_body(res).await.to_vec()).unwrap();
    assert!(js.contains("/openapi.json"), "{js}");
}
