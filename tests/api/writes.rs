//! The write path: authentication, idempotency, every bad input with its status and
//! nothing written, deletion and re-extraction.

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test as atest;
use serde_json::{Value, json};

use crate::support::{TOKEN, TestStore, app, assert_problem, get, post, seeded_app, send, synthetic_article};

async fn counts<S, B>(app: &S) -> (Value, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let (_, _, articles) = get(app, "/articles").await;
    let (_, _, indicators) = get(app, "/indicators").await;
    (
        articles["meta"]["total"].clone(),
        indicators["meta"]["total"].clone(),
    )
}

#[actix_web::test]
async fn posting_raw_text_stores_the_article_with_its_indicators() {
    let (_db, app) = seeded_app().await;
    let text = synthetic_article(1);
    let (status, headers, article) = send(&app, post(text.clone(), "text/plain; charset=utf-8")).await;
    assert_eq!(status, 201, "{article}");
    let id = article["id"].as_str().unwrap();
    assert_eq!(headers.get("location").unwrap(), &format!("/articles/{id}"));
    assert_eq!(article["source_file"], Value::Null);
    assert_eq!(article["locality"]["code"], "58");
    let values: Vec<f64> = article["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [4.11, 2.11, 5.11, 51.0, 11.0], "{article}");
    let (status, _, again) = send(&app, post(text, "text/plain")).await;
    assert_eq!(status, 200, "the same text again creates nothing");
    assert_eq!(again["id"], article["id"]);
    assert_eq!(counts(&app).await.0, 6);
}

#[actix_web::test]
async fn json_fields_override_extraction_and_survive_reextraction() {
    let (_db, app) = seeded_app().await;
    let body = json!({"text": synthetic_article(2), "source_url": "https://example.vn/a/2", "published_on": "2024-02-29"});
    let (status, _, article) = send(&app, post(body.to_string(), "application/json")).await;
    assert_eq!(status, 201, "{article}");
    assert_eq!(article["published_on"], "2024-02-29");
    assert_eq!(article["source_url"], "https://example.vn/a/2");
    let id = article["id"].as_str().unwrap().to_owned();
    let req = atest::TestRequest::post()
        .uri(&format!("/articles/{id}/reextract"))
        .insert_header(("authorization", format!("Bearer {TOKEN}")));
    let (status, _, again) = send(&app, req).await;
    assert_eq!(status, 200);
    assert_eq!(again["id"], article["id"], "ids stay stable");
    assert_eq!(again["published_on"], "2024-02-29");
    let len = |a: &Value| a["indicators"].as_array().map(Vec::len);
    assert_eq!(len(&again), len(&article));
}

#[actix_web::test]
async fn every_bad_input_gets_its_status_and_writes_nothing() {
    let (_db, app) = seeded_app().await;
    let before = counts(&app).await;
    let long = "Tiêu đề\n\n".to_owned() + &"Năm 2021 tỷ lệ hộ nghèo giảm 2%. ".repeat(40_000);
    let cases: Vec<(atest::TestRequest, u16, Option<&str>)> = vec![
        (post(long, "text/plain"), 413, None),
        (post("Tiêu đề\n\nThân bài.", "image/png"), 415, None),
        (
            post("Tiêu đề\n\nThân bài.", "text/plain; charset=iso-8859-1"),
            415,
            None,
        ),
        (
            post(vec![0x54, 0x69, 0xea, 0x75, 0xff, 0xfe], "text/plain"),
            400,
            None,
        ),
        (post("{\"text\": ", "application/json"), 400, None),
        (post("[1, 2]", "application/json"), 400, None),
        (
            post(json!({"text": 42}).to_string(), "application/json"),
            400,
            Some("text"),
        ),
        (
            post(
                json!({"text": "a", "published_on": 20240101}).to_string(),
                "application/json",
            ),
            400,
            Some("published_on"),
        ),
        (post("", "text/plain"), 422, None),
        (post("  \n\u{a0}\n ", "text/plain"), 422, None),
        (post("0912.345.678 | 15:30 - 20/07/2021", "text/plain"), 422, None),
        (
            post(
                json!({"text": synthetic_article(3), "author": "x"}).to_string(),
                "application/json",
            ),
            422,
            Some("author"),
        ),
        (
            post(
                json!({"text": synthetic_article(3), "published_on": "30/06/2021"}).to_string(),
                "application/json",
            ),
            422,
            Some("published_on"),
        ),
        (
            post(
                json!({"text": synthetic_article(3), "source_url": "javascript:alert(1)"}).to_string(),
                "application/json",
            ),
            422,
            Some("source_url"),
        ),
        (
            post(
                json!({"source_url": "https://example.vn"}).to_string(),
                "application/json",
            ),
            422,
            Some("text"),
        ),
    ];
    for (req, want, field) in cases {
        let (status, headers, body) = send(&app, req).await;
        assert_problem(status, &headers, &body, want);
        if let Some(f) = field {
            assert_eq!(body["field"], f, "{body}");
        }
    }
    assert_eq!(counts(&app).await, before, "nothing was written");
}

#[actix_web::test]
async fn writes_need_the_token_and_reads_do_not() {
    let (_db, app) = seeded_app().await;
    let bare = atest::TestRequest::post()
        .uri("/articles")
        .insert_header(("content-type", "text/plain"))
        .set_payload(synthetic_article(4));
    let (status, headers, body) = send(&app, bare).await;
    assert_problem(status, &headers, &body, 401);
    assert!(
        headers
            .get("www-authenticate")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let wrong = post(synthetic_article(4), "text/plain").insert_header(("authorization", "Bearer nope"));
    let (status, headers, body) = send(&app, wrong).await;
    assert_problem(status, &headers, &body, 401);
    let delete = atest::TestRequest::delete().uri("/articles/0000000000000000");
    assert_eq!(send(&app, delete).await.0, 401);
    assert_eq!(get(&app, "/articles").await.0, 200);

    let (t, g) = TestStore::seeded();
    let closed = app_without_token(&t, g).await;
    let (status, headers, body) = send(&closed, post(synthetic_article(4), "text/plain")).await;
    assert_problem(status, &headers, &body, 403);
    assert!(body["detail"].as_str().unwrap().contains("disabled"));
}

async fn app_without_token(
    t: &TestStore,
    g: chiso::domain::Gazetteer,
) -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl actix_web::body::MessageBody>,
    Error = actix_web::Error,
> {
    let mut state = t.state(g);
    state.api_token = None;
    app(state).await
}

#[actix_web::test]
async fn deleting_an_article_removes_its_indicators() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles?metric=voter_turnout").await;
    let id = list["data"][0]["id"].as_str().unwrap().to_owned();
    let del = || {
        atest::TestRequest::delete()
            .uri(&format!("/articles/{id}"))
            .insert_header(("authorization", format!("Bearer {TOKEN}")))
    };
    assert_eq!(send(&app, del()).await.0, 204);
    assert_eq!(send(&app, del()).await.0, 404);
    assert_eq!(get(&app, &format!("/articles/{id}")).await.0, 404);
    let (_, _, left) = get(&app, &format!("/indicators?article={id}")).await;
    assert_eq!(left["meta"]["total"], 0);
    let (_, _, search) = get(&app, "/articles?q=bo%20phieu").await;
    assert_eq!(search["meta"]["total"], 0, "gone from search too");
}

#[actix_web::test]
async fn bulk_reextraction_updates_every_article_and_keeps_ids() {
    let (_db, app) = seeded_app().await;
    let (_, _, before) = get(&app, "/articles?sort=title").await;
    let req = atest::TestRequest::post()
        .uri("/admin/reextract")
        .insert_header(("authorization", format!("Bearer {TOKEN}")));
    let (status, _, report) = send(&app, req).await;
    assert_eq!(status, 200);
    assert_eq!(report, json!({"articles": 5, "updated": 5, "failed": 0}));
    let (_, _, after) = get(&app, "/articles?sort=title").await;
    assert_eq!(before["data"], after["data"]);
}

#[actix_web::test]
async fn summaries_show_a_new_or_removed_article_at_once() {
    let (_db, app) = seeded_app().await;
    let (_, _, before) = get(&app, "/localities/58/summary").await;
    assert_eq!(before["article_count"], 1);
    let (status, _, added) = send(&app, post(synthetic_article(1), "text/plain")).await;
    assert_eq!(status, 201);
    let (_, _, after) = get(&app, "/localities/58/summary").await;
    assert_eq!(
        after["article_count"], 2,
        "the kept summary was dropped by the write"
    );
    let id = added["id"].as_str().unwrap();
    let del = atest::TestRequest::delete()
        .uri(&format!("/articles/{id}"))
        .insert_header(("authorization", format!("Bearer {TOKEN}")));
    assert_eq!(send(&app, del).await.0, 204);
    let (_, _, again) = get(&app, "/localities/58/summary").await;
    assert_eq!(again["article_count"], 1);
    assert_eq!(again, before);
}

#[actix_web::test]
async fn a_page_of_one_line_or_without_a_headline_is_still_an_article() {
    let (_db, app) = seeded_app().await;
    let (status, _, one_line) =
        send(&app, post("Xã Hòa An có 12 mô hình “Dân vận khéo”", "text/plain")).await;
    assert_eq!(status, 201, "{one_line}");
    assert_eq!(one_line["indicators"][0]["value"], 12.0, "its figure is read");
    let lede = "(HA) - Năm 2023, xã Hòa An có 12 mô hình mới.\n\nXã đạt 19/19 tiêu chí nông thôn mới.";
    let (status, _, headless) = send(&app, post(lede, "text/plain")).await;
    assert_eq!(status, 201, "{headless}");
    assert!(
        headless["title"].is_null(),
        "a lede is not a headline: {headless}"
    );
    assert_eq!(headless["indicators"].as_array().unwrap().len(), 2, "{headless}");
}
