//! A period's keys, ends and starts, in examples.

use super::*;

#[test]
fn every_form_parses_and_ends_where_it_should() {
    let end = |s: &str| s.parse::<Period>().unwrap().end().to_string();
    assert_eq!(end("2021"), "2021-12-31");
    assert_eq!(end("2025-H1"), "2025-06-30");
    assert_eq!(end("2024-Q1"), "2024-03-31");
    assert_eq!(end("2024-02"), "2024-02-29");
    assert_eq!(end("2023-9M"), "2023-09-30");
    assert_eq!(end("2016-2020"), "2020-12-31");
    let start = |s: &str| s.parse::<Period>().unwrap().start().to_string();
    assert_eq!(start("2025-H2"), "2025-07-01");
    assert_eq!(start("2024-Q3"), "2024-07-01");
    let p = |s: &str| s.parse::<Period>().unwrap();
    assert!(p("2019-H1").covers(&p("2019-Q2")) && !p("2019-Q2").covers(&p("2019-H1")));
    assert_eq!(start("2018-08/2019-07"), "2018-08-01");
    assert_eq!(end("2018-08/2019-07"), "2019-07-31");
    assert_eq!(p("2025-9M").in_year(2024), Some(p("2024-9M")));
    assert_eq!(p("2021-2025").in_year(2020), None);
}

#[test]
fn spans_of_months_take_the_plainest_key() {
    let key = |y1, m1, y2, m2| Period::months(y1, m1, y2, m2).map(|p| p.to_string());
    assert_eq!(key(2018, 8, 2019, 7).as_deref(), Some("2018-08/2019-07"));
    assert_eq!(key(2023, 1, 2023, 12).as_deref(), Some("2023"));
    assert_eq!(key(2021, 1, 2023, 12).as_deref(), Some("2021-2023"));
    assert_eq!(key(2022, 1, 2022, 6).as_deref(), Some("2022-H1"));
    assert_eq!(key(2022, 7, 2022, 9).as_deref(), Some("2022-Q3"));
    assert_eq!(key(2022, 1, 2022, 9).as_deref(), Some("2022-9M"));
    assert_eq!(key(2022, 5, 2022, 5).as_deref(), Some("2022-05"));
    assert_eq!(key(2022, 3, 2022, 8).as_deref(), Some("2022-03/2022-08"));
    assert_eq!(key(2022, 8, 2021, 3), None);
    assert!("2018-08/2019-07".parse::<Period>().is_ok());
}

#[test]
fn spans_written_oddly_are_read_as_meant() {
    assert_eq!("2021-2021".parse::<Period>().unwrap().as_str(), "2021");
    assert_eq!("2021-2019".parse::<Period>().unwrap().as_str(), "2019-2021");
}

#[test]
fn malformed_periods_are_refused() {
    for bad in [
        "",
        "21",
        "2021-",
        "2021-H3",
        "2021-Q5",
        "2021-13",
        "abcd",
        "2021-9m",
        "2018-8/2019-07",
        "2018-08/2019-13",
        "2018-08/",
        "/2019-07",
    ] {
        assert!(bad.parse::<Period>().is_err(), "{bad:?}");
    }
}

#[test]
fn a_span_of_months_written_backwards_or_equal_is_read_as_meant() {
    let p = |s: &str| s.parse::<Period>().map(|p| p.to_string());
    assert_eq!(p("2019-07/2018-08"), Ok("2018-08/2019-07".into()));
    assert_eq!(p("2020-05/2020-05"), Ok("2020-05".into()));
    assert!(p("2020-13/2020-05").is_err());
    assert_eq!(
        p("4444-11/0440-03"),
        Ok("0440-03/4444-11".into()),
        "every key has four-digit years"
    );
}
