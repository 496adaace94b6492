//! Filters that mean one thing: `from`/`to` take dates on every list (a year is `year`),
//! `/indicators` takes a date range, and undated articles are reachable with `undated`.

use serde_json::Value;

use crate::support::{assert_problem, get, post, seeded_app, send};

/// A report with no date anywhere: neither a date line nor a day in its text.
const UNDATED: &str = "Huyện Bác Ái tổng kết công tác dân vận\n\n\
    Huyện Bác Ái, tỉnh Ninh Thuận tổ chức hội nghị tổng kết công tác dân vận. \
    Toàn huyện vận động nhân dân hiến 7.450 m2 đất làm đường giao thông nông thôn.";

fn ids(list: &Value) -> Vec<String> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn a_comparison_and_a_series_take_dates_and_a_year_alone_is_year() {
    let (_db, app) = seeded_app().await;
    let (status, h, body) = get(&app, "/metrics/poverty_rate/localities?scheme=2024&from=2020").await;
    assert_problem(status, &h, &body, 400);
    assert_eq!(body["parameter"], "from");
    let (_, _, by_dates) = get(
        &app,
        "/metrics/poverty_rate/localities?scheme=2024&from=2020-01-01&to=2020-12-31",
    )
    .await;
    let (_, _, by_year) = get(&app, "/metrics/poverty_rate/localities?scheme=2024&year=2020").await;
    assert_eq!(by_dates["reported"], 1);
    assert_eq!(by_dates["reported"], by_year["reported"]);
    let (status, _, series) = get(
        &app,
        "/localities/2024-p58/metrics/poverty_rate/series?from=2021-01-01",
    )
    .await;
    assert_eq!(status, 200);
    let periods: Vec<&str> = series["own"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert!(periods.iter().all(|p| p >= &"2021"), "{periods:?}");
}

#[actix_web::test]
async fn indicators_filter_by_their_articles_dates() {
    let (_db, app) = seeded_app().await;
    let (_, _, all) = get(&app, "/indicators?limit=200").await;
    let (_, _, late) = get(&app, "/indicators?from=2021-06-01&to=2021-12-31&limit=200").await;
    let total = |v: &Value| v["meta"]["total"].as_u64().unwrap();
    assert!(
        total(&late) > 0 && total(&late) < total(&all),
        "{} of {}",
        total(&late),
        total(&all)
    );
    for figure in late["data"].as_array().unwrap() {
        let (_, _, article) = get(
            &app,
            &format!("/articles/{}", figure["article_id"].as_str().unwrap()),
        )
        .await;
        let date = article["published_on"]
            .as_str()
            .or(article["event_date"].as_str())
            .unwrap();
        assert!(("2021-06-01"..="2021-12-31").contains(&date), "{date}");
    }
    let (status, h, body) = get(&app, "/indicators?from=2021").await;
    assert_problem(status, &h, &body, 400);
}

#[actix_web::test]
async fn undated_articles_are_kept_left_out_or_alone_as_asked() {
    let (_db, app) = seeded_app().await;
    let (_, _, before) = get(&app, "/articles?undated=only&limit=200").await;
    let (status, _, article) = send(&app, post(UNDATED, "text/plain")).await;
    assert_eq!(status, 201, "{article}");
    assert!(
        article["published_on"].is_null() && article["event_date"].is_null(),
        "{article}"
    );
    let id = article["id"].as_str().unwrap().to_owned();
    let (_, _, every) = get(&app, "/articles?limit=200").await;
    assert!(ids(&every).contains(&id), "no range: every article");
    let (_, _, dated) = get(&app, "/articles?from=2000-01-01&limit=200").await;
    assert!(
        !ids(&dated).contains(&id),
        "a range leaves undated articles out by default"
    );
    let (_, _, kept) = get(&app, "/articles?from=2000-01-01&undated=include&limit=200").await;
    assert_eq!(ids(&kept).len(), ids(&dated).len() + ids(&before).len() + 1);
    assert!(ids(&kept).contains(&id));
    let (_, _, alone) = get(&app, "/articles?undated=only&limit=200").await;
    let mut undated = ids(&before);
    undated.push(id.clone());
    let mut got = ids(&alone);
    undated.sort();
    got.sort();
    assert_eq!(got, undated, "only the undated articles");
    let (_, _, none) = get(&app, "/articles?undated=exclude&limit=200").await;
    assert_eq!(ids(&none).len(), ids(&every).len() - undated.len());
    let (_, _, figures) = get(&app, "/indicators?undated=only").await;
    let from: Vec<&str> = figures["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["article_id"].as_str().unwrap())
        .collect();
    assert!(
        from.contains(&id.as_str()) && from.iter().all(|a| undated.iter().any(|u| u == a)),
        "{from:?}"
    );
    let (status, h, body) = get(&app, "/articles?undated=sometimes").await;
    assert_problem(status, &h, &body, 400);
    assert_eq!(body["parameter"], "undated");
}
