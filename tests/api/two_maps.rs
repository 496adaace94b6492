//! Both maps of Vietnam: units of the 2024 and 2025 maps, ids that never name two units,
//! predecessors and successors, extraction on the map in force, and roll-ups across maps.

use chiso::domain::{PlaceId, Scheme};
use serde_json::Value;

use crate::extraction::gazetteer;
use crate::support::{get, post, seeded_app, send, text};

/// A post-reform report about a ward formed wholly from wards and a commune of the old city of
/// Bắc Kạn, written for these tests.
const NEW_WARD_REPORT: &str = "Phường Bắc Kạn tổng kết công tác dân vận năm 2025\n\n\
    18/12/2025\n\n\
    Ngày 16/12, Đảng ủy phường Bắc Kạn, tỉnh Thái Nguyên tổ chức hội nghị tổng kết công tác dân vận năm 2025. \
    Năm 2025, toàn phường có 42 mô hình “Dân vận khéo”; tỷ lệ hộ nghèo của phường giảm còn 1,25%.\n\n\
    Phóng Viên";

fn ids(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn the_2025_map_lists_34_provinces_by_default_and_the_earlier_map_63() {
    let (_db, app) = seeded_app().await;
    let (_, _, default) = get(&app, "/localities?level=province&limit=200").await;
    assert_eq!(default["meta"]["total"], 34);
    assert!(
        default["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["scheme"] == "2025")
    );
    assert!(ids(&default).contains(&"2025-p19".to_owned()));
    let (_, _, new) = get(&app, "/localities?scheme=2025&level=province&limit=1").await;
    assert_eq!(new["meta"]["total"], 34);
    let (_, _, old) = get(&app, "/localities?scheme=2024&level=province&limit=1").await;
    assert_eq!(old["meta"]["total"], 63);
    let (_, _, both) = get(&app, "/localities?scheme=all&level=province&limit=1").await;
    assert_eq!(both["meta"]["total"], 97);
    let (_, _, no_districts) = get(&app, "/localities?scheme=2025&level=district").await;
    assert_eq!(no_districts["meta"]["total"], 0);
    let (_, _, communes) = get(&app, "/localities?parent=2025-19&limit=200").await;
    assert_eq!(communes["meta"]["total"], 92, "the parent's map is the default");
    assert!(
        communes["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["parent_id"] == "2025-p19" && u["level"] == "commune")
    );
}

#[test]
fn no_id_names_two_units() {
    let g = gazetteer();
    let mut seen = std::collections::HashSet::new();
    for u in g.units() {
        assert!(seen.insert(u.id.to_string()), "{} twice", u.id);
        assert_eq!(u.id.to_string().parse::<PlaceId>().unwrap(), u.id);
        assert_eq!((u.scheme, u.code.as_str()), (u.id.scheme(), u.id.code()));
    }
    assert_eq!(seen.len(), 10_794 + 3_355);
    let old: PlaceId = "2024-p19".parse().unwrap();
    let new: PlaceId = "2025-p19".parse().unwrap();
    assert_eq!(g.get(&old).unwrap().name, "Tỉnh Thái Nguyên");
    assert_eq!(g.get(&new).unwrap().name, "Tỉnh Thái Nguyên");
    assert_ne!(old, new, "the same code names two units, two ids tell them apart");
}

#[actix_web::test]
async fn a_new_commune_lists_its_predecessors_and_an_old_province_its_successor() {
    let (_db, app) = seeded_app().await;
    let (status, _, ung_hoa) = get(&app, "/localities/2025-10402").await;
    assert_eq!(status, 200);
    assert_eq!(
        (ung_hoa["scheme"].as_str(), ung_hoa["code"].as_str()),
        (Some("2025"), Some("10402"))
    );
    assert_eq!(ung_hoa["parents"][0]["id"], "2025-p01");
    let preds = ung_hoa["predecessors"].as_array().unwrap();
    assert_eq!(preds.len(), 8, "eight communes of the old Ứng Hòa district");
    assert!(
        preds
            .iter()
            .all(|p| p["locality"]["scheme"] == "2024" && p["share"] == "whole")
    );
    let (_, _, bac_kan) = get(&app, "/localities/06").await;
    assert_eq!(bac_kan["scheme"], "2024");
    assert_eq!(bac_kan["successors"][0]["locality"]["id"], "2025-p19");
    assert_eq!(bac_kan["successors"][0]["share"], "whole");
    let (_, _, thai_nguyen) = get(&app, "/localities/2025-19").await;
    let merged: Vec<&str> = thai_nguyen["predecessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["locality"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(merged, ["2024-p06", "2024-p19"]);
    let (status, _, _) = get(&app, "/localities/2025-058").await;
    assert_eq!(
        status, 400,
        "the 2025 map has no districts: a three-digit 2025 id is malformed"
    );
    let (status, _, _) = get(&app, "/localities/2025-99999").await;
    assert_eq!(status, 404);
}

#[test]
fn a_post_reform_report_resolves_to_the_new_ward_and_its_province() {
    let a = chiso::ingest::ingest(&chiso::ingest::Source::text(NEW_WARD_REPORT), gazetteer()).unwrap();
    assert_eq!(text(&a.primary_locality).as_deref(), Some("2025-c01843"));
    assert!(
        a.localities.iter().any(|l| l.to_string() == "2025-p19"),
        "{:?}",
        a.localities
    );
    assert!(
        a.localities.iter().all(|l| l.scheme() == Scheme::Y2025),
        "{:?}",
        a.localities
    );
    let located: Vec<String> = a.indicators.iter().filter_map(|i| text(&i.locality)).collect();
    assert_eq!(located, ["2025-c01843", "2025-c01843"]);
}

#[test]
fn the_date_decides_which_map_a_shared_name_is_on() {
    let report = |date: &str| {
        format!(
            "Phường Đức Xuân sơ kết công tác dân vận\n\n{date}\n\n\
             Phường Đức Xuân tổ chức sơ kết công tác dân vận. Toàn phường có 12 mô hình mới.\n\nPhóng Viên"
        )
    };
    let before =
        chiso::ingest::ingest(&chiso::ingest::Source::text(&report("20/07/2021")), gazetteer()).unwrap();
    let after =
        chiso::ingest::ingest(&chiso::ingest::Source::text(&report("20/07/2026")), gazetteer()).unwrap();
    let (old, new) = (before.primary_locality.unwrap(), after.primary_locality.unwrap());
    assert_eq!(old.scheme(), Scheme::Y2024);
    assert_eq!(new.scheme(), Scheme::Y2025);
    assert_eq!(gazetteer().get(&old).unwrap().short_name, "Đức Xuân");
    assert_eq!(gazetteer().get(&new).unwrap().short_name, "Đức Xuân");
}

#[test]
fn a_district_in_a_post_reform_report_is_the_former_district() {
    let report = "Xã Ứng Hòa tổng kết năm 2025\n\n20/12/2025\n\n\
        Xã Ứng Hòa, thành phố Hà Nội được thành lập từ 8 xã của huyện Ứng Hòa cũ. \
        Năm 2025, thu ngân sách của xã đạt 120 tỷ đồng.\n\nPhóng Viên";
    let a = chiso::ingest::ingest(&chiso::ingest::Source::text(report), gazetteer()).unwrap();
    assert_eq!(text(&a.primary_locality).as_deref(), Some("2025-c10402"));
    let ids: Vec<String> = a.localities.iter().map(ToString::to_string).collect();
    assert!(ids.contains(&"2025-p01".into()), "{ids:?}");
    let former = PlaceId::new(Scheme::Y2024, "281").unwrap();
    assert_eq!(gazetteer().get(&former).unwrap().short_name, "Ứng Hòa");
    assert!(
        ids.contains(&"2024-d281".into()),
        "the former district is named: {ids:?}"
    );
}

#[actix_web::test]
async fn old_bac_kan_is_in_the_new_thai_nguyen_and_a_new_ward_in_old_bac_kan() {
    let (_db, app) = seeded_app().await;
    let (status, _, posted) = send(&app, post(NEW_WARD_REPORT, "text/plain")).await;
    assert_eq!(status, 201, "{posted}");
    let id = posted["id"].as_str().unwrap().to_owned();
    assert_eq!(posted["locality"]["id"], "2025-c01843");

    // The new province's articles and figures include the old Bắc Kạn's (three seed articles).
    let (_, _, articles) = get(&app, "/articles?locality=2025-19").await;
    assert_eq!(articles["meta"]["total"], 4);
    let (_, _, old_figures) = get(&app, "/indicators?locality=2025-19&limit=200").await;
    let on_old_map = old_figures["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["locality"]["scheme"] == "2024")
        .count();
    assert!(on_old_map > 20, "{on_old_map} figures of the old Bắc Kạn");

    // The old Bắc Kạn (and its city) include the report on a ward formed wholly from its units.
    for old in ["2024-p06", "2024-d058"] {
        let (_, _, listed) = get(&app, &format!("/articles?locality={old}")).await;
        let found = listed["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == id.as_str());
        assert!(found, "{old} lists the new ward's report");
    }
    let (_, _, summary) = get(&app, "/localities/06/summary").await;
    assert!(summary["metrics"].as_array().is_some_and(|m| !m.is_empty()));
    let (_, _, series) = get(
        &app,
        "/localities/06/metrics/poverty_rate/series?by=unit&limit=200",
    )
    .await;
    let through = series["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["locality"]["id"] == "2025-c01843")
        .expect("the new ward's poverty rate is in the old province's roll-up");
    assert_eq!(through["points"][0]["figure"]["crosswalk"], true);
    assert_eq!(through["points"][0]["value"], 1.25);
    assert!(summary["crosswalk_indicator_count"].as_u64().unwrap() >= 2);

    // The new province's card: Bắc Kạn's figures come in through the crosswalk as parts.
    let (_, _, card) = get(&app, "/localities/2025-19/summary").await;
    assert_eq!(card["locality"]["scheme"], "2025");
    assert_eq!(card["article_count"], 4);
    let dan_van = metric(&card, "dan_van_kheo", "count");
    assert_eq!(
        dan_van["count"], 0,
        "nothing is reported about the new province itself"
    );
    assert!(dan_van["latest"].is_null());
    assert!(dan_van["parts"]["count"].as_u64().unwrap() >= 2);

    // The dashboard view of today: the 34 provinces, those with articles.
    let (_, _, today) = get(&app, "/summaries?level=province&scheme=2025").await;
    let listed: Vec<&str> = today["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["locality"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["2025-p19", "2025-p33", "2025-p56"]);
    let (status, _, none) = get(&app, "/summaries?level=district&scheme=2025").await;
    assert_eq!(
        (status, &none["meta"]["total"]),
        (200, &serde_json::json!(0)),
        "the 2025 map has no districts"
    );
}

/// The entry of a summary for a metric in a unit of measure.
fn metric<'a>(summary: &'a Value, key: &str, unit: &str) -> &'a Value {
    summary["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == key && m["unit"] == unit)
        .unwrap_or_else(|| panic!("no {key} in {unit}: {summary}"))
}

#[actix_web::test]
async fn a_summary_keeps_its_own_values_apart_and_never_mixes_units_of_measure() {
    let (_db, app) = seeded_app().await;
    let report = "Tỉnh Lào Cai giảm nghèo năm 2023\n\n10/01/2024\n\n\
        Năm 2023, tỷ lệ hộ nghèo toàn tỉnh giảm 2,5 điểm phần trăm, còn 9,5%. \
        Riêng xã Tả Phìn (Sa Pa), tỷ lệ hộ nghèo còn 31,2%.\n\nPhóng Viên";
    let (status, _, posted) = send(&app, post(report, "text/plain")).await;
    assert_eq!(status, 201, "{posted}");
    let (_, _, card) = get(&app, "/localities/10/summary").await;
    let percent = metric(&card, "poverty_rate", "percent");
    assert_eq!(
        percent["latest"]["value"], 9.5,
        "the province's own level, not the commune's"
    );
    assert_eq!(percent["parts"]["latest"]["median"], 31.2);
    assert_eq!(percent["parts"]["latest"]["units"], 1, "the commune alone");
    let points = metric(&card, "poverty_rate", "percentage_point");
    assert_eq!(points["latest"]["value"], 2.5);
    assert_eq!(points["latest"]["figure"]["value"], 2.5);
    let (_, _, with_series) = get(&app, "/localities/10/summary?include=series").await;
    let percent = metric(&with_series, "poverty_rate", "percent");
    let own: Vec<f64> = percent["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_f64().unwrap())
        .collect();
    assert_eq!(own, [9.5], "percentage points never join a series in percent");
}
