//! What a dashboard is made of: one metric across units and over time, GeoJSON, facets,
//! field selection, NDJSON and CSV, absolute links, request ids, uniform filters.

use actix_web::test as atest;
use serde_json::Value;

use crate::support::*;

#[actix_web::test]
async fn a_comparison_gives_every_unit_of_the_level_with_comparable_values_and_coordinates() {
    let (_db, app) = seeded_app().await;
    let (status, _, c) = get(&app, "/metrics/poverty_rate/localities?scheme=2024").await;
    assert_eq!(status, 200, "{c}");
    let rows = c["data"].as_array().unwrap();
    assert_eq!(rows.len(), 63, "every province of the 2024 map");
    assert_eq!(
        (c["unit"].as_str(), c["direction"].as_str()),
        (Some("percent"), Some("level"))
    );
    let ninh_thuan = &rows[0];
    assert_eq!(
        ninh_thuan["locality"]["id"], "2024-p58",
        "the ranking starts with a value"
    );
    assert_eq!(
        (ninh_thuan["value"].as_f64(), ninh_thuan["period"].as_str()),
        (Some(5.33), Some("2020"))
    );
    assert!(ninh_thuan["locality"]["lat"].is_f64() && ninh_thuan["figure"]["indicator_id"].is_i64());
    let (_, _, source) = get(
        &app,
        &format!("/indicators/{}", ninh_thuan["figure"]["indicator_id"]),
    )
    .await;
    assert_eq!(source["value"], 5.33);
    assert!(
        rows[1..].iter().all(|r| r["value"].is_null()),
        "units without a value come last"
    );
    let left: u64 = c["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["count"].as_u64().unwrap())
        .sum();
    assert!(left >= 1, "the decrease is said to be left out: {c}");
    for l in c["left_out"].as_array().unwrap() {
        assert!(l["reason"] == "other_measure" && l["direction"] != "level", "{l}");
    }
    let (_, _, changes) = get(
        &app,
        "/metrics/poverty_rate/localities?scheme=2024&direction=decrease",
    )
    .await;
    assert_eq!(changes["direction"], "decrease");
    assert!(changes["data"][0]["value"].is_f64());
    let (_, _, other_year) = get(&app, "/metrics/poverty_rate/localities?scheme=2024&year=2019").await;
    assert_eq!(other_year["reported"], 0, "no value for a year nobody reported");
    let (_, _, by_name) = get(&app, "/metrics/poverty_rate/localities?scheme=2024&sort=name").await;
    assert_eq!(by_name["data"][0]["locality"]["name"], "Tỉnh An Giang");
    let (_, _, today) = get(&app, "/metrics/poverty_rate/localities").await;
    assert_eq!(
        today["data"].as_array().unwrap().len(),
        34,
        "the 2025 provinces by default"
    );
    let (_, _, communes) = get(&app, "/metrics/poverty_rate/localities?parent=06").await;
    assert_eq!(
        communes["level"], "district",
        "a 2024 province's children are districts"
    );
    assert!(
        communes["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["locality"]["province"]["id"] == "2024-p06")
    );
    let (status, h, b) = get(&app, "/metrics/no_such_metric/localities").await;
    assert_problem(status, &h, &b, 404);
    let (_, _, both) = get(
        &app,
        "/metrics/poverty_rate/localities?scheme=2024&period=2020&year=2020",
    )
    .await;
    assert_eq!(both["reported"], 1, "period and year agree");
    let (_, _, neither) = get(
        &app,
        "/metrics/poverty_rate/localities?scheme=2024&period=2020&to=2019-12-31",
    )
    .await;
    assert_eq!(neither["reported"], 0, "every period filter holds");
}

#[actix_web::test]
async fn a_comparison_and_the_units_come_as_geojson_for_a_map() {
    let (_db, app) = seeded_app().await;
    for (uri, features) in [
        ("/metrics/poverty_rate/localities?scheme=2024&format=geojson", 63),
        ("/localities?level=province&limit=200&format=geojson", 34),
    ] {
        let (status, headers, body) = get(&app, uri).await;
        assert_eq!(status, 200, "{uri}");
        assert_eq!(content_type(&headers), "application/geo+json");
        assert_eq!(body["type"], "FeatureCollection");
        let fs = body["features"].as_array().unwrap();
        assert_eq!(fs.len(), features, "{uri}");
        for f in fs {
            let c = f["geometry"]["coordinates"].as_array().unwrap();
            let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
            assert!(
                (102.0..110.0).contains(&lon) && (8.0..24.0).contains(&lat),
                "lon, lat in Vietnam: {f}"
            );
            assert_eq!(f["type"], "Feature");
            assert!(
                f["properties"]
                    .as_object()
                    .unwrap()
                    .values()
                    .all(|v| !v.is_object() && !v.is_array())
            );
        }
    }
    let (_, h, geo) = get(&app, "/metrics/poverty_rate/localities?scheme=2024").await;
    assert_eq!(content_type(&h), "application/json");
    let req = atest::TestRequest::get()
        .uri("/metrics/poverty_rate/localities?scheme=2024")
        .insert_header(("accept", "application/geo+json"));
    let (_, h, text) = body_text(&app, req).await;
    assert_eq!(content_type(&h), "application/geo+json");
    let asked: Value = serde_json::from_str(&text).unwrap();
    let ninh_thuan = asked["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "2024-p58")
        .unwrap();
    assert_eq!(ninh_thuan["properties"]["value"], geo["data"][0]["value"]);
    assert_eq!(ninh_thuan["properties"]["figure_period"], "2020");
}

#[actix_web::test]
async fn a_series_has_one_point_per_period_with_own_values_apart_from_the_parts() {
    let (_db, app) = seeded_app().await;
    let (status, _, s) = get(&app, "/localities/58/metrics/poverty_rate/series").await;
    assert_eq!(status, 200, "{s}");
    let own = s["own"].as_array().unwrap();
    assert!(!own.is_empty(), "{s}");
    let periods: Vec<&str> = own.iter().map(|p| p["period"].as_str().unwrap()).collect();
    let mut distinct = periods.clone();
    distinct.dedup();
    assert_eq!(periods, distinct, "one point per period");
    assert!(
        own.iter()
            .all(|p| p["figure"]["indicator_id"].is_i64() && p["value"] == p["figure"]["value"])
    );
    let (_, _, bac_kan) = get(&app, "/localities/06/metrics/poverty_rate/series").await;
    assert_eq!(
        bac_kan["own"],
        Value::Array(vec![]),
        "nothing is said about the province itself"
    );
    let ground = bac_kan["ground"].as_array().unwrap();
    assert!(!ground.is_empty(), "its city's values are a part's: {bac_kan}");
    assert!(ground.iter().all(|p| p["units"].as_u64() >= Some(1)));
    assert_eq!(
        bac_kan["parts"],
        Value::Array(vec![]),
        "a series per unit only with by=unit"
    );
    let (_, _, by_unit) = get(&app, "/localities/06/metrics/poverty_rate/series?by=unit").await;
    let parts = by_unit["parts"].as_array().unwrap();
    assert_eq!(parts.len() as u64, by_unit["unit_count"].as_u64().unwrap());
    assert!(parts.iter().all(|p| p["locality"]["id"] != "2024-p06"));
    let (_, _, alone) = get(&app, "/localities/06/metrics/poverty_rate/series?rollup=false").await;
    assert_eq!(alone["parts"], Value::Array(vec![]));
    let (_, _, merged) = get(&app, "/localities/2025-19/metrics/poverty_rate/series?by=unit").await;
    assert!(
        merged["parts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["points"][0]["figure"]["crosswalk"] == true),
        "old units' values reach the 2025 province through the crosswalk: {merged}"
    );
    let (status, h, b) = get(&app, "/localities/06/metrics/nope/series").await;
    assert_problem(status, &h, &b, 404);
    let (status, h, b) = get(&app, "/localities/99999/metrics/poverty_rate/series").await;
    assert_problem(status, &h, &b, 404);
}

#[actix_web::test]
async fn facets_count_the_whole_filtered_list_for_a_sidebar() {
    let (_db, app) = seeded_app().await;
    let (_, _, all) = get(
        &app,
        "/indicators?limit=1&facets=metric,unit,direction,period,locality",
    )
    .await;
    let facets = all["facets"].as_array().unwrap();
    assert_eq!(facets.len(), 5);
    let total = all["meta"]["total"].as_u64().unwrap();
    for f in facets {
        assert_eq!(f["timed_out"], false);
        let counted: u64 = f["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["count"].as_u64().unwrap())
            .sum();
        assert!(
            counted <= total && (f["truncated"] == true || counted == total),
            "{f}"
        );
    }
    let metric = &facets[0]["values"][0];
    let (_, _, narrowed) = get(
        &app,
        &format!("/indicators?metric={}", metric["value"].as_str().unwrap()),
    )
    .await;
    assert_eq!(
        narrowed["meta"]["total"], metric["count"],
        "a facet's count is what its filter finds"
    );
    assert!(metric["label"].is_string());
    let (_, _, articles) = get(&app, "/articles?facets=locality,metric").await;
    let place = &articles["facets"][0]["values"][0];
    let (_, _, primary) = get(
        &app,
        &format!(
            "/articles?locality={}&include_descendants=false",
            place["value"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(primary["meta"]["total"], place["count"]);
    let (_, _, plain) = get(&app, "/articles").await;
    assert!(plain.get("facets").is_none(), "no facets unless asked");
    let (status, h, b) = get(&app, "/articles?facets=colour").await;
    assert_problem(status, &h, &b, 400);
    assert_eq!(b["parameter"], "facets");
}

#[actix_web::test]
async fn fields_ndjson_and_csv_shape_every_list() {
    let (_db, app) = seeded_app().await;
    let (_, _, whole) = get(&app, "/indicators?limit=1").await;
    let wanted = ["locality", "id", "date", "value"];
    let own_order: Vec<&String> = whole["data"][0]
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| wanted.contains(&k.as_str()))
        .collect();
    assert_eq!(own_order.len(), 4, "{own_order:?}");
    let (_, _, cut) = get(&app, "/indicators?fields=locality,id,date,value&limit=3").await;
    for i in cut["data"].as_array().unwrap() {
        let keys: Vec<&String> = i.as_object().unwrap().keys().collect();
        assert_eq!(keys, own_order, "the fields asked for, in the item's own order");
    }
    let (status, h, b) = get(&app, "/indicators?fields=id,colour").await;
    assert_problem(status, &h, &b, 400);
    let (status, headers, text) = body_text(
        &app,
        atest::TestRequest::get().uri("/articles?format=ndjson&fields=id,title"),
    )
    .await;
    assert_eq!(
        (status, content_type(&headers).as_str()),
        (200, "application/x-ndjson")
    );
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.as_object().unwrap().len() == 2));
    let req = atest::TestRequest::get()
        .uri("/indicators?metric=poverty_rate")
        .insert_header(("accept", "application/x-ndjson"));
    let (_, _, ndjson) = body_text(&app, req).await;
    let (_, _, page) = get(&app, "/indicators?metric=poverty_rate").await;
    assert_eq!(
        ndjson.lines().count() as u64,
        page["meta"]["total"].as_u64().unwrap()
    );
    for (uri, header) in [
        ("/localities?level=province&format=csv", "id,scheme,code,level"),
        (
            "/summaries?level=province&format=csv",
            "locality_id,locality_name",
        ),
        ("/metrics?format=csv", "key,name_vi,name_en"),
        (
            "/metrics/poverty_rate/localities?format=csv",
            "locality_id,locality_name",
        ),
        (
            "/indicators?format=csv&fields=id,unit,locality",
            "id,unit,locality_id,locality_name",
        ),
    ] {
        let (status, headers, text) = body_text(&app, atest::TestRequest::get().uri(uri)).await;
        assert_eq!(status, 200, "{uri}");
        assert!(content_type(&headers).starts_with("text/csv"), "{uri}");
        assert!(text.starts_with(header), "{uri}: {}", &text[..80.min(text.len())]);
    }
    let (_, _, provinces) = body_text(
        &app,
        atest::TestRequest::get().uri("/localities?level=province&format=csv"),
    )
    .await;
    assert_eq!(
        provinces.lines().count(),
        35,
        "header and the 34 provinces, not a page of 20"
    );
    let (_, _, bom) = body_text(
        &app,
        atest::TestRequest::get().uri("/articles?format=csv&bom=true"),
    )
    .await;
    assert!(bom.starts_with('\u{feff}'));
}

#[actix_web::test]
async fn every_indicator_carries_its_date_and_its_place_carries_province_and_coordinates() {
    let (_db, app) = seeded_app().await;
    let (_, _, page) = get(&app, "/indicators?limit=200").await;
    let items = page["data"].as_array().unwrap();
    assert!(items.iter().filter(|i| i["date"].is_string()).count() * 2 > items.len());
    for i in items {
        assert!(i.as_object().unwrap().contains_key("date"), "{i}");
        if let Some(l) = i["locality"].as_object() {
            assert!(
                l["province"]["id"].is_string() && l["lat"].is_f64() && l["lon"].is_f64(),
                "{i}"
            );
        }
        assert!(
            i["qualifier"].is_null()
                || ["over", "under", "about", "nearly"].contains(&i["qualifier"].as_str().unwrap())
        );
    }
}

#[actix_web::test]
async fn the_root_links_everything_absolutely_and_the_public_address_is_honoured() {
    let (t, g) = TestStore::seeded();
    let url: chiso::config::PublicUrl = "https://chiso.example.vn/api".parse().unwrap();
    let state = t
        .state(g)
        .with_public_base(chiso::api::PublicBase::new(Some(&url), false));
    let app = app(state).await;
    let (status, _, root) = get(&app, "/").await;
    assert_eq!(status, 200);
    for (name, link) in root["links"].as_object().unwrap() {
        let path = link
            .as_str()
            .unwrap()
            .strip_prefix("https://chiso.example.vn/api")
            .unwrap();
        if name != "docs" {
            let (status, _, _) = get(&app, path).await;
            assert_eq!(status, 200, "{name}: {path}");
        }
    }
    let (_, headers, page) = get(&app, "/articles?limit=2").await;
    assert_eq!(
        page["links"]["next"],
        "https://chiso.example.vn/api/articles?limit=2&offset=2"
    );
    assert!(
        headers
            .get("link")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("<https://chiso.example.vn/api/articles?")
    );
    let (_, _, spec) = get(&app, "/openapi.json").await;
    assert_eq!(
        spec["servers"][0]["url"], "https://chiso.example.vn/api",
        "a Postman import reaches this server"
    );
    let forged = atest::TestRequest::get()
        .uri("/articles?limit=2")
        .insert_header(("x-forwarded-host", "evil.example"));
    let (_, _, body) = body_text(&app, forged).await;
    assert!(!body.contains("evil.example"));
}

#[actix_web::test]
async fn every_response_carries_a_request_id_echoed_when_the_client_sent_one() {
    let (_db, app) = seeded_app().await;
    for uri in ["/articles", "/nowhere", "/indicators?limit=0"] {
        let (_, headers, _) = get(&app, uri).await;
        let id = headers.get("x-request-id").expect("an id").to_str().unwrap();
        assert_eq!(id.len(), 16, "{uri}");
    }
    let (_, h1, _) = get(&app, "/health").await;
    let (_, h2, _) = get(&app, "/health").await;
    assert_ne!(h1.get("x-request-id"), h2.get("x-request-id"));
    let mine = atest::TestRequest::get()
        .uri("/health")
        .insert_header(("x-request-id", "trace-42"));
    let (_, headers, _) = body_text(&app, mine).await;
    assert_eq!(headers.get("x-request-id").unwrap(), "trace-42");
}

#[actix_web::test]
async fn multi_value_filters_behave_alike_on_every_list_and_repeated_keys_are_refused() {
    let (_db, app) = seeded_app().await;
    let total = |v: &Value| v["meta"]["total"].as_u64().unwrap();
    let (_, _, a) = get(&app, "/articles?locality=58").await;
    let (_, _, b) = get(&app, "/articles?locality=06").await;
    let (_, _, both) = get(&app, "/articles?locality=58,06").await;
    assert_eq!(
        total(&both),
        total(&a) + total(&b),
        "Ninh Thuận and Bắc Kạn share no article"
    );
    let (_, _, ia) = get(&app, "/indicators?locality=58").await;
    let (_, _, ib) = get(&app, "/indicators?locality=06").await;
    let (_, _, iboth) = get(&app, "/indicators?locality=58,06").await;
    assert_eq!(total(&iboth), total(&ia) + total(&ib));
    let (_, _, articles) = get(&app, "/articles?limit=2").await;
    let ids: Vec<&str> = articles["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let (_, _, two) = get(&app, &format!("/indicators?article={}", ids.join(","))).await;
    let counts: u64 = articles["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["indicator_count"].as_u64().unwrap())
        .sum();
    assert_eq!(total(&two), counts);
    let (status, _, m) = get(&app, "/articles?metric=poverty_rate,voter_turnout").await;
    assert_eq!(status, 200);
    assert!(total(&m) >= 1);
    for uri in [
        "/articles?locality=58&locality=06",
        "/indicators?metric=a&metric=b",
        "/localities?q=a&q=b",
        "/summaries?level=province&level=commune",
        "/metrics/poverty_rate/localities?year=2020&year=2021",
    ] {
        let (status, h, b) = get(&app, uri).await;
        assert_problem(status, &h, &b, 400);
        assert!(
            b["detail"].as_str().unwrap().contains("more than once"),
            "{uri}: {b}"
        );
    }
    let (status, h, b) = get(&app, "/indicators?article=nothex").await;
    assert_problem(status, &h, &b, 400);
}

#[actix_web::test]
async fn place_search_matches_word_prefixes_and_places_and_summaries_sort() {
    let (_db, app) = seeded_app().await;
    let (_, _, found) = get(&app, "/localities?q=ninh%20th&scheme=all").await;
    assert_eq!(
        found["data"][0]["name"], "Tỉnh Ninh Thuận",
        "the phrase first, the province first"
    );
    let (_, _, none) = get(&app, "/localities?q=inh").await;
    assert_eq!(none["meta"]["total"], 0, "a prefix of a word, not any part of it");
    let (_, _, by_name) = get(&app, "/localities?level=province&sort=name&limit=3").await;
    let names: Vec<&str> = by_name["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["short_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["An Giang", "Bắc Ninh", "Cà Mau"]);
    let (_, _, busiest) = get(&app, "/summaries?level=province&scheme=2024&sort=-article_count").await;
    let counts: Vec<u64> = busiest["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["article_count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]) && counts.len() >= 2,
        "{counts:?}"
    );
}
