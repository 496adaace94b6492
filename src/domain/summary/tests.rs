use super::*;
use crate::domain::comparison::figure;

fn level(id: i64, period: &str, date: &str, value: f64) -> (Direction, Figure) {
    (Direction::Level, figure(id, Some(period), date, value))
}

fn card(own: &[(Direction, Figure)]) -> MetricCard {
    metric_card(
        MetricKey::parse("poverty_rate").unwrap(),
        Unit::Percent,
        (own.len() as u64, own),
        (0, &[]),
    )
}

#[test]
fn a_card_shows_the_level_of_the_period_that_ends_last_as_last_reported() {
    let own = [
        level(1, "2021-H1", "2021-07-20", 30.7),
        level(2, "2021", "2022-01-10", 4.5),
        level(3, "2021", "2022-02-01", 4.2),
        (Direction::Increase, figure(4, Some("2022"), "2023-01-05", 5.0)),
    ];
    let latest = card(&own).latest.expect("a value");
    assert_eq!((latest.figure.indicator_id, latest.count), (3, 2));
    let spread = latest.spread.expect("a spread");
    assert_eq!((spread.low, spread.high, spread.disagree), (4.2, 4.5, true));
    let changes = [(Direction::Increase, figure(5, Some("2022"), "2023-01-05", 5.0))];
    let change = card(&changes).latest.expect("a change when there is no level");
    assert_eq!(
        (change.figure.indicator_id, change.direction),
        (5, Direction::Increase)
    );
    assert_eq!(card(&[]).latest, None);
}

#[test]
fn a_trend_compares_with_the_latest_earlier_period_of_the_same_kind() {
    let own = [
        level(1, "2019", "2020-01-10", 6.0),
        level(2, "2020", "2021-01-10", 5.5),
        level(3, "2021-H1", "2021-07-10", 9.0),
        level(4, "2021", "2022-01-10", 4.25),
    ];
    let trend = card(&own).trend.expect("a trend");
    assert_eq!(
        (trend.period.as_str(), trend.value, trend.change, trend.direction),
        ("2020", 5.5, -1.25, Direction::Decrease)
    );
    let same = [
        level(1, "2020", "2021-01-10", 4.0),
        level(2, "2021", "2022-01-10", 3.95),
    ];
    assert_eq!(card(&same).trend.map(|t| t.direction), Some(Direction::Level));
    let alone = [
        level(1, "2021-H1", "2021-07-10", 9.0),
        level(2, "2021", "2022-01-10", 4.0),
    ];
    assert_eq!(card(&alone).trend, None, "a half is no year before a year");
}

#[test]
fn a_card_leaves_its_series_and_children_out_unless_asked() {
    let own = [
        level(1, "2020", "2021-01-10", 5.5),
        level(2, "2021", "2022-01-10", 4.0),
    ];
    let summary = LocalitySummary {
        locality: figure(1, None, "2021-01-10", 0.0).locality,
        rolled_up: true,
        article_count: 2,
        first_date: None,
        last_date: None,
        indicator_count: 2,
        crosswalk_indicator_count: 0,
        metrics: vec![card(&own)],
        child_count: 0,
        children_with_articles: 0,
        children: Some(Vec::new()),
    };
    let bare = summary.card(CardParts::default());
    assert_eq!(
        (bare.metrics[0].series.as_ref(), bare.children.as_ref()),
        (None, None)
    );
    assert_eq!(bare.metrics[0].parts.series, None);
    let full = summary.card(CardParts {
        series: true,
        children: true,
    });
    assert_eq!(full.metrics[0].series.as_ref().map(Vec::len), Some(2));
    assert!(full.children.is_some());
}
