use serde::Deserialize;

use super::*;
use crate::api::query::parse;
use crate::domain::{MetricKey, Unit, Year};
use actix_web::ResponseError;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    flag: Option<Flag>,
    day: Option<IsoDate>,
    n: Option<Finite>,
    limit: Option<Limit>,
    offset: Option<Offset>,
    q: Option<Search>,
    ids: Option<Several<PlaceId>>,
    metric: Option<Several<MetricKey>>,
    unit: Option<Unit>,
    year: Option<Year>,
}

/// The refusal of a query string: its parameter and detail.
fn refused(query: &str) -> (String, String) {
    let e = parse::<Probe>(query).unwrap_err();
    let problem = e.problem();
    (problem.parameter.unwrap_or_default(), problem.detail)
}

#[test]
fn each_value_is_read_from_its_text_and_an_empty_one_is_not_sent() {
    let p = parse::<Probe>("flag=1&day=2021-07-20&n=-2.5&limit=200&offset=0&q=h%E1%BB%99&ids=2024-p06,%202025-p19,2024-p06&unit=percent&year=2021&metric=").unwrap();
    assert_eq!(p.flag, Some(Flag(true)));
    assert_eq!(p.day.unwrap().0.to_string(), "2021-07-20");
    assert_eq!(p.n, Some(Finite(-2.5)));
    assert_eq!((p.limit, p.offset), (Some(Limit(200)), Some(Offset(0))));
    assert_eq!(p.q, Some(Search("hộ".into())));
    let ids: Vec<String> = several(p.ids).iter().map(ToString::to_string).collect();
    assert_eq!(ids, ["2024-p06", "2025-p19"], "trimmed, repeats dropped");
    assert_eq!(p.unit, Some(Unit::Percent));
    assert_eq!(p.year.map(Year::get), Some(2021));
    assert!(p.metric.is_none());
}

#[test]
fn a_refusal_names_its_parameter_and_says_what_it_takes() {
    for (query, parameter, detail) in [
        ("flag=yes", "flag", "flag takes true or false, got \"yes\""),
        (
            "day=2021-13-01",
            "day",
            "day takes a date as YYYY-MM-DD, got \"2021-13-01\"",
        ),
        ("n=1e999", "n", "n takes a number, got \"1e999\""),
        ("n=NaN", "n", "n takes a number, got \"NaN\""),
        (
            "limit=0",
            "limit",
            "limit takes an integer from 1 to 200, got \"0\"",
        ),
        (
            "offset=-1",
            "offset",
            "offset takes an integer from 0 to 9007199254740991, got \"-1\"",
        ),
        ("q=%2B%2B", "q", "q takes a text with at least one letter"),
        (
            "ids=2024-p06,,2024-p01",
            "ids",
            "ids takes values separated by commas, none of them empty",
        ),
        ("ids=zz", "ids", "ids: a locality id is its map"),
        (
            "metric=poverty_rate,zz",
            "metric",
            "metric takes keys of the metric catalog (GET /metrics lists them), got \"zz\"",
        ),
        (
            "unit=bananas",
            "unit",
            "unit takes one of percent, percentage_point, count",
        ),
        (
            "year=1899",
            "year",
            "year takes a year from 1900 to 2100, got \"1899\"",
        ),
        (
            "colour=red",
            "colour",
            "unknown parameter `colour`; this endpoint takes `flag`",
        ),
        ("flag=1&flag=0", "flag", "`flag` is given more than once"),
    ] {
        let (p, d) = refused(query);
        assert_eq!(p, parameter, "{query}");
        assert!(d.starts_with(detail), "{query}: {d}");
    }
    let long = format!("q={}", "a".repeat(201));
    assert_eq!(refused(&long).1, "q takes at most 200 characters");
    let many: Vec<String> = (10..61).map(|n| format!("2024-p{n}")).collect();
    let (_, d) = refused(&format!("ids={}", many.join(",")));
    assert_eq!(d, "ids takes at most 50 values separated by commas");
}

#[test]
fn a_unit_that_parses_but_is_not_in_the_gazetteer_is_a_404_naming_the_parameter() {
    let gazetteer = Gazetteer::default();
    let id: PlaceId = "2024-p06".parse().unwrap();
    let e = known("locality", vec![id.clone()], &gazetteer).unwrap_err();
    assert_eq!(e.status_code(), actix_web::http::StatusCode::NOT_FOUND);
    assert_eq!(e.problem().parameter.as_deref(), Some("locality"));
    assert_eq!(known_one("parent", None, &gazetteer).unwrap(), None);
}
