//! Choosing a comparison's measure, its latest figure and its periods.

use super::*;

#[test]
fn the_most_common_measure_wins_and_the_rest_is_said() {
    use Direction::*;
    let counts = [
        (Unit::Percent, Decrease, 4),
        (Unit::Percent, Level, 4),
        (Unit::PercentagePoint, Decrease, 2),
    ];
    let (chosen, left) = choose_measure(&counts, None, None);
    assert_eq!(chosen, Some((Unit::Percent, Level)), "levels first at a tie");
    assert_eq!(left.iter().map(|l| l.count).sum::<u64>(), 6);
    let (chosen, left) = choose_measure(&counts, Some(Unit::PercentagePoint), None);
    assert_eq!(chosen, Some((Unit::PercentagePoint, Decrease)));
    assert_eq!(left.len(), 2);
    assert_eq!(choose_measure(&counts, Some(Unit::Vnd), None).0, None);
}

#[test]
fn the_latest_figure_ends_last_then_is_reported_last() {
    let year = figure(1, Some("2021"), "2022-01-10", 4.0);
    let half = figure(2, Some("2021-H2"), "2022-02-10", 5.0);
    let older = figure(3, Some("2020"), "2023-01-01", 6.0);
    assert_eq!(Figure::latest([&half, &older, &year]).unwrap().indicator_id, 1);
    let restated = figure(4, Some("2021"), "2022-03-01", 3.9);
    assert_eq!(Figure::latest([&year, &restated, &half]).unwrap().indicator_id, 4);
}

#[test]
fn periods_are_taken_as_asked() {
    let p = |s: &str| s.parse::<Period>().unwrap();
    let year = PeriodChoice {
        year: Some(2021),
        ..Default::default()
    };
    assert!(year.takes(Some(&p("2021-H1"))) && !year.takes(Some(&p("2020-2021"))));
    let day = |s: &str| Some(s.parse::<chrono::NaiveDate>().unwrap());
    let between = PeriodChoice {
        from: day("2019-01-01"),
        to: day("2021-12-31"),
        ..Default::default()
    };
    assert!(between.takes(Some(&p("2019-2021"))) && !between.takes(Some(&p("2016-2020"))));
    let second_half = PeriodChoice {
        from: day("2021-07-01"),
        ..Default::default()
    };
    assert!(second_half.takes(Some(&p("2021-H2"))) && !second_half.takes(Some(&p("2021"))));
    assert!(!between.takes(None) && PeriodChoice::default().takes(None));
    let both = PeriodChoice {
        exact: Some(p("2020")),
        year: Some(2019),
        ..Default::default()
    };
    assert!(!both.takes(Some(&p("2020"))), "every condition holds");
}
