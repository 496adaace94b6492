//! `/articles`, `/articles/{id}` and `/articles/{id}/indicators` on the seed data.

use actix_web::test;
use serde_json::Value;

use crate::support::{TestStore, app, assert_problem, get, seeded_app};

#[actix_web::test]
async fn articles_lists_the_five_seed_articles_with_title_and_id() {
    let (_db, app) = seeded_app().await;
    let (status, _, body) = get(&app, "/articles").await;
    assert_eq!(status, 200);
    let data = body["data"].as_array().expect("data array");
    assert_eq!(data.len(), 5);
    assert_eq!(body["meta"]["total"], 5);
    assert_eq!(body["meta"]["limit"], 20);
    assert_eq!(body["meta"]["offset"], 0);
    let mut files: Vec<&str> = data
        .iter()
        .map(|a| a["source_file"].as_str().expect("source_file"))
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "000_01e126a4b9fa0ced.txt",
            "001_6a91b1397c98279c.txt",
            "002_a40628a3c672c19e.txt",
            "003_26fad8488583522c.txt",
            "004_a488596a3e4504d7.txt"
        ]
    );
    for a in data {
        assert_eq!(a["id"].as_str().map(str::len), Some(16), "{a}");
        assert!(a["title"].as_str().is_some_and(|t| t.len() > 20), "{a}");
        assert!(a.get("body").is_none(), "list items carry no body");
    }
}

#[actix_web::test]
async fn articles_are_listed_newest_first() {
    let (_db, app) = seeded_app().await;
    let (_, _, body) = get(&app, "/articles").await;
    let dates: Vec<Option<&str>> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["published_on"].as_str().or(a["event_date"].as_str()))
        .collect();
    let known: Vec<&str> = dates.iter().flatten().copied().collect();
    let mut sorted = known.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(known, sorted);
    assert_eq!(dates.last(), Some(&None), "undated articles come last");
}

#[actix_web::test]
async fn every_listed_article_can_be_fetched_by_id() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    for summary in list["data"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let (status, _, article) = get(&app, &format!("/articles/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(article["id"], summary["id"]);
        assert_eq!(article["title"], summary["title"]);
        assert!(article["body"].as_str().is_some_and(|b| b.len() > 500));
        assert!(article["localities"].is_array());
        assert!(article.get("indicators").is_none(), "indicators only on request");
    }
}

#[actix_web::test]
async fn article_fields_match_the_page() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    let by_file = |f: &str| -> Value {
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["source_file"] == f)
            .cloned()
            .unwrap()
    };
    let a = by_file("000_01e126a4b9fa0ced.txt");
    assert_eq!(
        a["title"],
        "Dân vận tốt góp phần thực hiện thắng lợi các “mục tiêu kép”"
    );
    assert_eq!(a["published_on"], "2021-07-20");
    assert_eq!(a["byline"], "Hương Dịu");
    assert_eq!(a["locality"]["code"], "06");
    assert_eq!(a["period"], "2021-H1");
    let b = by_file("004_a488596a3e4504d7.txt");
    assert_eq!(
        b["locality"]["code"], "058",
        "historical name Thị xã Bắc Kạn resolves to the city"
    );
    let (_, _, full) = get(&app, &format!("/articles/{}", b["id"].as_str().unwrap())).await;
    let body = full["body"].as_str().unwrap();
    assert_eq!(
        body.matches("Nhằm tăng cường vai trò lãnh chỉ đạo").count(),
        1,
        "repeated lead kept once"
    );
    assert!(!body.contains("Xem thêm"));
    let c = by_file("002_a40628a3c672c19e.txt");
    let (_, _, full) = get(&app, &format!("/articles/{}", c["id"].as_str().unwrap())).await;
    let body = full["body"].as_str().unwrap();
    assert!(!body.contains("lượt xem") && !body.contains(".mp4") && !body.contains("Từ khóa"));
    assert!(
        body.trim_end().ends_with('.'),
        "teasers after the byline are not body"
    );
}

#[actix_web::test]
async fn captions_are_marked_with_offsets_into_the_body() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    for summary in list["data"].as_array().unwrap() {
        let (_, _, a) = get(&app, &format!("/articles/{}", summary["id"].as_str().unwrap())).await;
        let body: Vec<char> = a["body"].as_str().unwrap().chars().collect();
        for c in a["captions"].as_array().unwrap() {
            let (s, e) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            let slice: String = body[s..e].iter().collect();
            assert_eq!(slice, c["text"].as_str().unwrap());
        }
    }
}

#[actix_web::test]
async fn include_indicators_embeds_them_and_other_values_are_rejected() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    let id = list["data"][0]["id"].as_str().unwrap().to_owned();
    let (status, _, a) = get(&app, &format!("/articles/{id}?include=indicators")).await;
    assert_eq!(status, 200);
    assert_eq!(
        a["indicators"].as_array().map(Vec::len),
        a["indicator_count"].as_u64().map(|n| n as usize)
    );
    let (status, headers, body) = get(&app, &format!("/articles/{id}?include=everything")).await;
    assert_problem(status, &headers, &body, 400);
    assert_eq!(body["parameter"], "include");
}

#[actix_web::test]
async fn unknown_article_is_a_404_problem() {
    let (_db, app) = seeded_app().await;
    for uri in [
        "/articles/0000000000000000",
        "/articles/%E2%80%9C'%3B--",
        "/articles/x/indicators",
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 404);
    }
}

#[actix_web::test]
async fn article_indicators_come_in_the_list_envelope() {
    let (_db, app) = seeded_app().await;
    let (_, _, list) = get(&app, "/articles").await;
    for summary in list["data"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let (status, headers, page) = get(&app, &format!("/articles/{id}/indicators?limit=200")).await;
        assert_eq!(status, 200);
        assert!(headers.contains_key("link"));
        assert_eq!(page["meta"]["total"], summary["indicator_count"]);
        for i in page["data"].as_array().unwrap() {
            assert_eq!(i["article_id"], summary["id"]);
        }
    }
}

#[actix_web::test]
async fn pagination_links_walk_the_list() {
    let (_db, app) = seeded_app().await;
    let (status, headers, first) = get(&app, "/articles?limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(first["data"].as_array().unwrap().len(), 2);
    assert_eq!(first["links"]["prev"], Value::Null);
    let origin = "http://localhost:8080";
    assert_eq!(
        first["links"]["next"],
        format!("{origin}/articles?limit=2&offset=2")
    );
    assert_eq!(
        first["links"]["last"],
        format!("{origin}/articles?limit=2&offset=4")
    );
    let link = headers.get("link").unwrap().to_str().unwrap();
    assert!(
        link.contains(&format!("<{origin}/articles?limit=2&offset=2>; rel=\"next\"")),
        "{link}"
    );
    let mut seen = Vec::new();
    let mut next = Some(format!("{origin}/articles?limit=2"));
    while let Some(url) = next {
        let (_, _, page) = get(
            &app,
            url.strip_prefix(origin).expect("an absolute link to this server"),
        )
        .await;
        seen.extend(page["data"].as_array().unwrap().iter().map(|a| a["id"].clone()));
        next = page["links"]["next"].as_str().map(str::to_owned);
    }
    assert_eq!(seen.len(), 5);
    let (_, _, past) = get(&app, "/articles?offset=50").await;
    assert_eq!(past["data"].as_array().unwrap().len(), 0);
    assert_eq!(past["meta"]["total"], 5);
}

#[actix_web::test]
async fn lists_past_the_counting_cap_say_their_total_is_a_lower_bound() {
    let (t, g) = TestStore::seeded();
    let mut state = t.state(g);
    state.store = state.store.with_count_cap(3);
    let app = app(state).await;
    let (status, headers, first) = get(&app, "/articles?limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(first["meta"]["total"], 3);
    assert_eq!(first["meta"]["total_exact"], false);
    assert_eq!(first["links"]["last"], Value::Null, "the end was not counted");
    let link = headers.get("link").unwrap().to_str().unwrap();
    assert!(!link.contains("rel=\"last\""), "{link}");
    // Walking on still reaches every article, and the last page is counted to the end.
    let mut seen = Vec::new();
    let mut next = Some("/articles?limit=2".to_owned());
    let mut last_meta = Value::Null;
    while let Some(uri) = next {
        let (_, _, page) = get(&app, &uri).await;
        seen.extend(page["data"].as_array().unwrap().iter().map(|a| a["id"].clone()));
        next = page["links"]["next"].as_str().map(str::to_owned);
        last_meta = page["meta"].clone();
    }
    assert_eq!(seen.len(), 5);
    assert_eq!(
        (last_meta["total"].as_u64(), last_meta["total_exact"].as_bool()),
        (Some(5), Some(true))
    );
    let (_, _, indicators) = get(&app, "/indicators?metric=poverty_rate&limit=1").await;
    assert_eq!(indicators["meta"]["total_exact"], false);
    let (_, _, exact) = get(&app, "/indicators?metric=voter_turnout").await;
    assert_eq!(exact["meta"]["total_exact"], true, "{exact}");
}

#[actix_web::test]
async fn bad_paging_parameters_are_400_problems_naming_the_parameter() {
    let (_db, app) = seeded_app().await;
    for (uri, param) in [
        ("/articles?limit=0", "limit"),
        ("/articles?limit=100000", "limit"),
        ("/articles?limit=abc", "limit"),
        ("/articles?offset=-1", "offset"),
        ("/articles?offset=1.5", "offset"),
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 400);
        assert_eq!(body["parameter"], param, "{uri}");
    }
}

#[actix_web::test]
async fn unknown_query_parameters_are_rejected() {
    let (_db, app) = seeded_app().await;
    let (status, headers, body) = get(&app, "/articles?colour=red").await;
    assert_problem(status, &headers, &body, 400);
    assert!(body["detail"].as_str().unwrap().contains("colour"), "{body}");
}

#[actix_web::test]
async fn list_responses_are_compressed_when_the_client_accepts_gzip() {
    let (_db, app) = seeded_app().await;
    let req = test::TestRequest::get()
        .uri("/articles")
        .insert_header(("accept-encoding", "gzip"))
        .to_request();
    let res = test::call_service(&app, req).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("content-encoding").unwrap(), "gzip");
}
