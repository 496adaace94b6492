//! `/localities`, `/localities/{id}`, its summary and `/summaries` on the seed data.

use crate::support::{assert_problem, get, seeded_app};

#[actix_web::test]
async fn localities_filter_by_name_level_type_parent_and_articles() {
    let (_db, app) = seeded_app().await;
    let (_, _, bac_kan) = get(&app, "/localities?q=bac%20kan&scheme=2024").await;
    let codes: Vec<&str> = bac_kan["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["06", "058"]);
    let (_, _, provinces) = get(&app, "/localities?level=province&limit=1&scheme=2024").await;
    assert_eq!(provinces["meta"]["total"], 63);
    let (_, _, cities) = get(&app, "/localities?type=municipality&scheme=2024").await;
    assert_eq!(
        cities["meta"]["total"], 6,
        "Hà Nội, Hải Phòng, Đà Nẵng, Huế, Hồ Chí Minh, Cần Thơ"
    );
    let (_, _, wards) = get(&app, "/localities?parent=058&type=ward").await;
    assert!(
        wards["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["parent_code"] == "058" && w["type"] == "ward")
    );
    let (_, _, named) = get(&app, "/localities?has_articles=true&level=province&scheme=2024").await;
    let codes: Vec<&str> = named["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["06", "34", "58"]);
}

#[actix_web::test]
async fn a_locality_shows_parents_aliases_children_and_successor() {
    let (_db, app) = seeded_app().await;
    let (_, _, city) = get(&app, "/localities/058").await;
    assert_eq!(city["parents"][0]["code"], "06");
    assert_eq!(city["aliases"][0]["name"], "Thị xã Bắc Kạn");
    assert_eq!(
        city["successor_2025_code"], "19",
        "Bắc Kạn merged into Thái Nguyên"
    );
    assert!(city["children_count"].as_u64().unwrap() > 0);
    assert_eq!(city["article_count"], 2);
    let (status, headers, body) = get(&app, "/localities/999").await;
    assert_problem(status, &headers, &body, 404);
}

#[actix_web::test]
async fn the_summary_of_ninh_thuan_shows_its_poverty_rate_series() {
    let (_db, app) = seeded_app().await;
    let (_, _, s) = get(&app, "/localities/58/summary?include=series,children").await;
    assert_eq!(s["article_count"], 1);
    assert_eq!(s["indicator_count"], 8);
    assert_eq!(s["first_date"], "2021-01-15");
    let poverty = s["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == "poverty_rate")
        .unwrap();
    let series: Vec<(&str, f64)> = poverty["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap(), p["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        series,
        [("2020", 5.33)],
        "the province's own levels, one per period; its fall of 1.41 is no level"
    );
    assert_eq!(
        poverty["latest"]["value"], 5.33,
        "the province's own level, not Bác Ái's"
    );
    assert_eq!(poverty["latest"]["period"], "2020");
    assert_eq!(poverty["latest"]["direction"], "level");
    assert!(poverty["trend"].is_null(), "no earlier year: {poverty}");
    let ground = &poverty["parts"]["latest"];
    assert_eq!(
        (&ground["units"], &ground["median"]),
        (&serde_json::json!(1), &serde_json::json!(28.75)),
        "Bác Ái's level, not its fall: {poverty}"
    );
    assert_eq!(poverty["parts"]["direction"], "level");
    let bac_ai = s["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["locality"]["code"] == "584")
        .unwrap();
    assert_eq!(bac_ai["indicator_count"], 2);
    let (_, _, own) = get(&app, "/localities/58/summary?rollup=false").await;
    let poverty = own["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == "poverty_rate")
        .unwrap();
    assert_eq!(poverty["count"], 2);
    assert_eq!(poverty["parts"]["count"], 0);
    assert_eq!(own["rolled_up"], false);
}

#[actix_web::test]
async fn summaries_compare_every_province_with_articles() {
    let (_db, app) = seeded_app().await;
    let (_, _, page) = get(&app, "/summaries?level=province&scheme=2024").await;
    let codes: Vec<&str> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["locality"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["06", "34", "58"]);
    let bac_kan = &page["data"][0];
    assert_eq!(bac_kan["article_count"], 3);
    let metrics = bac_kan["metrics"].as_array().unwrap();
    assert!(
        metrics
            .iter()
            .all(|m| m.get("series").is_none() && m["parts"].get("series").is_none()),
        "an item of a comparison is a card without series"
    );
    assert!(bac_kan.get("children").is_none() && bac_kan["child_count"].as_u64() > Some(0));
    let (_, _, districts) = get(&app, "/summaries?level=district&limit=1").await;
    assert!(districts["meta"]["total"].as_u64().unwrap() >= 3);
    assert!(districts["links"]["next"].is_string());
}
