//! A map compares like with like: one kind of period across units (years with years), one
//! value per unit and period, the last reported, with how far the reports behind it agree.

use serde_json::{Value, json};

use crate::support::*;

async fn post_all<S, B>(app: &S, pages: &[(&str, &str)])
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    for (text, published) in pages {
        let body = json!({"text": text, "published_on": published}).to_string();
        let (status, _, answer) = send(app, post(body, "application/json")).await;
        assert_eq!(status, 201, "{answer}");
    }
}

fn row<'a>(c: &'a Value, id: &str) -> &'a Value {
    c["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["locality"]["id"] == id)
        .unwrap()
}

#[actix_web::test]
async fn a_map_compares_one_kind_of_period_and_shows_one_value_per_unit_with_its_spread() {
    let (_db, app) = seeded_app().await;
    post_all(
        &app,
        &[
            (
                "Cao Bằng giảm nghèo\n\nNăm 2024, tỷ lệ hộ nghèo của tỉnh Cao Bằng là 20,5%.",
                "2025-01-10",
            ),
            (
                "Cao Bằng tổng kết\n\nNăm 2024, tỷ lệ hộ nghèo của tỉnh Cao Bằng là 21,2%.",
                "2025-03-02",
            ),
            (
                "Điện Biên giảm nghèo\n\nNăm 2024, tỷ lệ hộ nghèo của tỉnh Điện Biên là 19,3%.",
                "2025-01-12",
            ),
            (
                "Lạng Sơn 9 tháng\n\n9 tháng năm 2025, tỷ lệ hộ nghèo của tỉnh Lạng Sơn là 8,1%.",
                "2025-10-05",
            ),
        ],
    )
    .await;
    let (status, _, c) = get(&app, "/metrics/poverty_rate/localities?scheme=2024").await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["period_kind"], "year", "the kind most units report");
    let cao_bang = row(&c, "2024-p04");
    assert_eq!(
        (cao_bang["value"].as_f64(), cao_bang["period"].as_str()),
        (Some(21.2), Some("2024"))
    );
    assert_eq!(cao_bang["count"], 2, "two reports of one period, the later shown");
    assert_eq!(
        cao_bang["spread"],
        json!({"low": 20.5, "high": 21.2, "disagree": true})
    );
    assert_eq!(row(&c, "2024-p11")["spread"]["disagree"], false);
    assert!(
        row(&c, "2024-p20")["value"].is_null(),
        "nine months are not compared with years"
    );
    let left = c["left_out"].as_array().unwrap();
    assert!(
        left.iter().any(|l| l["reason"] == "other_period_kind"
            && l["period_kind"] == "nine_months"
            && l["units"] == 1),
        "{left:?}"
    );
    let (_, _, nine) = get(
        &app,
        "/metrics/poverty_rate/localities?scheme=2024&period_kind=nine_months",
    )
    .await;
    assert_eq!(nine["period_kind"], "nine_months");
    assert_eq!(row(&nine, "2024-p20")["period"], "2025-9M");
    assert!(row(&nine, "2024-p04")["value"].is_null());
    let (status, _, bad) = get(&app, "/metrics/poverty_rate/localities?period_kind=decade").await;
    assert_eq!((status, bad["parameter"].as_str()), (400, Some("period_kind")));
}
