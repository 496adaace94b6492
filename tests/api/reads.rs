//! The read API a dashboard needs, on the seed data: filters, sorts, errors, caching, CSV.

use actix_web::test as atest;
use serde_json::Value;

use crate::support::{TestStore, app, assert_problem, get, seeded_app};

fn files(page: &Value) -> Vec<String> {
    let mut f: Vec<String> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["source_file"].as_str().unwrap().to_owned())
        .collect();
    f.sort();
    f
}

fn values(page: &Value) -> Vec<f64> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["value"].as_f64().unwrap())
        .collect()
}

#[actix_web::test]
async fn a_province_returns_its_articles_and_those_of_its_city() {
    let (_db, app) = seeded_app().await;
    let (_, _, province) = get(&app, "/articles?locality=06").await;
    assert_eq!(
        files(&province),
        [
            "000_01e126a4b9fa0ced.txt",
            "001_6a91b1397c98279c.txt",
            "004_a488596a3e4504d7.txt"
        ]
    );
    let (_, _, city) = get(&app, "/articles?locality=058").await;
    assert_eq!(
        files(&city),
        ["001_6a91b1397c98279c.txt", "004_a488596a3e4504d7.txt"]
    );
    let (_, _, own) = get(&app, "/articles?locality=06&include_descendants=false").await;
    assert_eq!(files(&own), ["000_01e126a4b9fa0ced.txt"], "primary unit only");
}

#[actix_web::test]
async fn search_matches_whole_words_unless_a_word_ends_with_a_star() {
    let (_db, app) = seeded_app().await;
    let (_, _, whole) = get(&app, "/articles?q=phie").await;
    assert_eq!(whole["meta"]["total"], 0, "\"phie\" is no word");
    let (_, _, prefix) = get(&app, "/articles?q=phie*").await;
    let (_, _, word) = get(&app, "/articles?q=phi%E1%BA%BFu").await; // phiếu
    assert!(word["meta"]["total"].as_u64().unwrap() >= 1);
    let total = |p: &Value| p["meta"]["total"].as_u64().unwrap();
    assert!(
        total(&prefix) >= total(&word),
        "phiếu, phiên, … all start with phie"
    );
    let (_, _, two) = get(&app, "/articles?q=b%E1%BA%A7u%20c*").await; // bầu c*
    let (_, _, full) = get(&app, "/articles?q=bau%20cu").await;
    assert!(full["meta"]["total"].as_u64().unwrap() >= 1);
    assert_eq!(two["meta"]["total"], full["meta"]["total"]);
}

#[actix_web::test]
async fn a_search_for_a_common_word_lists_the_same_articles_past_the_counting_cap() {
    let (t, g) = TestStore::seeded();
    let state = t.state(g);
    let counted_to_the_end = app(state.clone()).await;
    let mut capped = state;
    capped.store = capped.store.with_count_cap(2);
    let capped = app(capped).await;
    for uri in [
        "/articles?q=dan&limit=1",
        "/articles?q=dan&limit=2&offset=2",
        "/articles?q=bau%20cu",
    ] {
        let (_, _, all) = get(&counted_to_the_end, uri).await;
        let (status, _, walked) = get(&capped, uri).await;
        assert_eq!(status, 200);
        assert_eq!(files(&walked), files(&all), "{uri}");
        let ids = |p: &Value| {
            p["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&walked), ids(&all), "same order: {uri}");
    }
    let (_, _, walked) = get(&capped, "/articles?q=dan&limit=1").await;
    assert_eq!(
        (
            walked["meta"]["total"].as_u64(),
            walked["meta"]["total_exact"].as_bool()
        ),
        (Some(2), Some(false))
    );
}

#[actix_web::test]
async fn search_folds_accents_and_d_bar() {
    let (_db, app) = seeded_app().await;
    let (_, _, plain) = get(&app, "/articles?q=dang").await;
    let (_, _, accented) = get(&app, "/articles?q=%C4%90%E1%BA%A3ng").await; // Đảng
    assert!(plain["meta"]["total"].as_u64().unwrap() >= 1);
    assert_eq!(plain["meta"]["total"], accented["meta"]["total"]);
    let (_, _, ninh) = get(&app, "/articles?q=bac%20ai&sort=relevance").await;
    assert_eq!(files(&ninh), ["003_26fad8488583522c.txt"]);
    let (_, _, none) = get(&app, "/articles?q=xyzzyq").await;
    assert_eq!(none["meta"]["total"], 0);
}

#[actix_web::test]
async fn articles_filter_by_dates_and_metric_and_sort_by_title() {
    let (_db, app) = seeded_app().await;
    let (_, _, h1) = get(&app, "/articles?from=2021-06-01&to=2021-12-31").await;
    assert_eq!(
        files(&h1),
        ["000_01e126a4b9fa0ced.txt", "002_a40628a3c672c19e.txt"]
    );
    let (_, _, voters) = get(&app, "/articles?metric=voter_turnout").await;
    assert_eq!(files(&voters), ["000_01e126a4b9fa0ced.txt"]);
    let (_, _, empty) = get(&app, "/articles?from=2021-12-01&to=2021-01-01").await;
    assert_eq!(empty["meta"]["total"], 0, "an empty range is no error");
    let (_, _, by_title) = get(&app, "/articles?sort=title").await;
    let titles: Vec<&str> = by_title["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
}

#[actix_web::test]
async fn bad_filter_values_are_400_problems_naming_the_parameter() {
    let (_db, app) = seeded_app().await;
    for (uri, param) in [
        ("/articles?locality=abc", "locality"),
        ("/indicators?locality=1234", "locality"),
        ("/articles?metric=happiness", "metric"),
        ("/articles?from=2021-13-01", "from"),
        ("/articles?sort=random", "sort"),
        ("/articles?include_descendants=maybe", "include_descendants"),
        ("/articles?format=xml", "format"),
        ("/indicators?metric=poverty_rate,nope", "metric"),
        ("/indicators?unit=furlong", "unit"),
        ("/indicators?direction=up", "direction"),
        ("/indicators?min_value=abc", "min_value"),
        ("/indicators?year=21", "year"),
        ("/indicators?period=2021-H3", "period"),
        ("/indicators?limit=100000", "limit"),
        ("/localities?level=village", "level"),
        ("/localities?type=kingdom", "type"),
        ("/summaries", "level"),
        ("/localities/06/summary?rollup=perhaps", "rollup"),
        ("/indicators/abc", "id"),
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 400);
        assert_eq!(body["parameter"], param, "{uri}: {body}");
    }
    for uri in [
        "/indicators?color=red",
        "/localities?name=x",
        "/metrics?sort=x",
        "/summaries?level=province&x=1",
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_problem(status, &headers, &body, 400);
    }
}

#[actix_web::test]
async fn indicators_filter_by_metric_locality_and_value() {
    let (_db, app) = seeded_app().await;
    let (_, _, poverty) = get(&app, "/indicators?metric=poverty_rate&locality=58").await;
    assert_eq!(values(&poverty), [1.41, 5.33, 5.5, 28.75]);
    let (_, _, own) = get(
        &app,
        "/indicators?metric=poverty_rate&locality=58&include_descendants=false",
    )
    .await;
    assert_eq!(values(&own), [1.41, 5.33]);
    let (_, _, two) = get(&app, "/indicators?metric=poverty_rate,voter_turnout&sort=-value").await;
    assert_eq!(values(&two), [99.81, 28.75, 5.5, 5.33, 5.03, 1.41]);
    let (_, _, big) = get(&app, "/indicators?min_value=1000&sort=value").await;
    assert_eq!(values(&big), [1800.0, 11963.0, 60_700_000.0]);
    let (_, _, ratios) = get(&app, "/indicators?unit=ratio&direction=level").await;
    assert_eq!(ratios["meta"]["total"], 4);
    let (_, _, h1) = get(&app, "/indicators?period=2022-H1").await;
    let (_, _, h2) = get(&app, "/indicators?period=2022-H2").await;
    let (_, _, whole) = get(&app, "/indicators?period=2022").await;
    let (_, _, y2022) = get(&app, "/indicators?year=2022").await;
    let total = |page: &serde_json::Value| page["meta"]["total"].as_u64().unwrap();
    assert_eq!(
        (total(&h1), total(&whole), total(&h2)),
        (12, 1, 1),
        "the seed of 2022-H1: its figures, conscripts of the year, tasks for the second half"
    );
    assert_eq!(total(&y2022), total(&h1) + total(&whole) + total(&h2));
    let (_, _, label) = get(&app, "/indicators?q=ho%20ngheo").await;
    assert_eq!(label["meta"]["total"], 5);
}

#[actix_web::test]
async fn an_indicator_row_needs_no_other_call() {
    let (_db, app) = seeded_app().await;
    let (_, _, page) = get(&app, "/indicators?metric=voter_turnout").await;
    let row = &page["data"][0];
    assert_eq!(row["metric_name_en"], "Voter turnout");
    assert_eq!(row["metric_name_vi"], "Tỷ lệ cử tri đi bầu");
    assert_eq!(row["locality"]["code"], "06");
    assert_eq!(row["locality"]["level"], "province");
    assert!(row["article_title"].as_str().unwrap().starts_with("Dân vận tốt"));
    assert!(row["evidence"]["text"].as_str().unwrap().contains("99,81%"));
    let (status, _, one) = get(&app, &format!("/indicators/{}", row["id"])).await;
    assert_eq!(status, 200);
    assert_eq!(&one, row);
    let (status, headers, body) = get(&app, "/indicators/999999").await;
    assert_problem(status, &headers, &body, 404);
}

#[actix_web::test]
async fn metrics_list_the_catalog_with_counts() {
    let (_db, app) = seeded_app().await;
    let (_, _, page) = get(&app, "/metrics?limit=200").await;
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.last().unwrap()["key"], "other");
    let poverty = data.iter().find(|m| m["key"] == "poverty_rate").unwrap();
    assert_eq!(poverty["name_en"], "Poverty rate");
    assert_eq!(poverty["indicator_count"], 5);
    assert_eq!(poverty["locality_count"], 3);
    let total: u64 = data.iter().map(|m| m["indicator_count"].as_u64().unwrap()).sum();
    assert_eq!(total, 50, "every seed indicator counted once");
}

#[actix_web::test]
async fn reads_carry_an_etag_and_answer_304_when_it_matches() {
    let (_db, app) = seeded_app().await;
    for uri in [
        "/articles",
        "/indicators?metric=poverty_rate",
        "/localities/06/summary",
        "/metrics",
    ] {
        let res = atest::call_service(&app, atest::TestRequest::get().uri(uri).to_request()).await;
        let etag = res.headers().get("etag").expect("etag").clone();
        assert!(
            res.headers()
                .get("cache-control")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("max-age")
        );
        let again = atest::TestRequest::get()
            .uri(uri)
            .insert_header(("if-none-match", etag.clone()))
            .to_request();
        let res = atest::call_service(&app, again).await;
        assert_eq!(res.status(), 304, "{uri}");
        assert_eq!(res.headers().get("etag"), Some(&etag));
        assert!(atest::read_body(res).await.is_empty());
        let other = atest::TestRequest::get()
            .uri(uri)
            .insert_header(("if-none-match", "W/\"0\""))
            .to_request();
        assert_eq!(atest::call_service(&app, other).await.status(), 200);
    }
}

#[actix_web::test]
async fn csv_exports_the_whole_filtered_list() {
    let (_db, app) = seeded_app().await;
    let (_, _, json) = get(&app, "/indicators?metric=poverty_rate").await;
    for req in [
        atest::TestRequest::get().uri("/indicators?metric=poverty_rate&format=csv&limit=1"),
        atest::TestRequest::get()
            .uri("/indicators?metric=poverty_rate")
            .insert_header(("accept", "text/csv")),
    ] {
        let res = atest::call_service(&app, req.to_request()).await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers().get("content-type").unwrap(),
            "text/csv; charset=utf-8"
        );
        let text = String::from_utf8(atest::read_body(res).await.to_vec()).unwrap();
        assert!(
            !text.starts_with('\u{feff}'),
            "no byte order mark unless asked for"
        );
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("id,metric,metric_name_en,label,value")
        );
        let rows = text.matches("\r\n").count() - 1;
        assert_eq!(
            rows as u64,
            json["meta"]["total"].as_u64().unwrap(),
            "every row, not one page"
        );
        assert!(text.contains("Tỷ lệ hộ nghèo"));
    }
    let res = atest::call_service(
        &app,
        atest::TestRequest::get().uri("/articles?format=csv").to_request(),
    )
    .await;
    let text = String::from_utf8(atest::read_body(res).await.to_vec()).unwrap();
    assert_eq!(text.matches("\r\n").count(), 6, "header and five articles");
}
