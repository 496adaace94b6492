//! Roll-ups for dashboards: what the articles about a unit report, metric by metric, with the
//! unit's own figures kept apart from those of the units on its ground.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::comparison::recency;
use super::{Direction, LocalityRef, Period, Spread, Unit};

/// One value of a metric's series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "indicator_id": 42, "value": 5.33, "unit": "percent", "direction": "level", "period": "2020",
    "label": "Tỷ lệ hộ nghèo",
    "locality": {"id": "2024-p58", "scheme": "2024", "code": "58", "name": "Tỉnh Ninh Thuận", "level": "province"},
    "crosswalk": false,
    "article_id": "9c1d2e3f4a5b6c7d", "article_title": "Đồng chí Nguyễn Long Biên – Phó Chủ tịch UBND tỉnh dự hội nghị tổng kết công tác dân vận năm 2020",
    "date": "2021-01-15"
}))]
pub struct SeriesPoint {
    pub indicator_id: i64,
    pub value: f64,
    pub unit: Unit,
    pub direction: Direction,
    pub period: Option<String>,
    pub label: String,
    /// The unit the figure is about.
    pub locality: Option<LocalityRef>,
    /// Whether that unit is on the other map than the summarised one: the figure is counted in
    /// through the crosswalk between the 2024 and 2025 maps.
    pub crosswalk: bool,
    pub article_id: String,
    /// The headline of the article; `null` when it has none.
    pub article_title: Option<String>,
    /// Publication date of the article, else the event date.
    pub date: Option<NaiveDate>,
}

/// A metric's values about the units on a unit's ground: the units under it, and the units of
/// the other map that lie within it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
pub struct PartsSeries {
    /// How many values there are in all.
    pub count: u64,
    /// The most recent level reported about any of them (by period, then article date); a
    /// change when none reported a level.
    pub latest: Option<SeriesPoint>,
    /// How many values of `latest`'s direction were reported for its period, their range and
    /// whether they differ beyond rounding.
    pub latest_count: u64,
    pub latest_spread: Option<Spread>,
    /// The values reported most recently (by article date; at most 50), oldest period first.
    pub series: Vec<SeriesPoint>,
}

/// One metric in one unit of measure, as reported about a unit and about the units on its
/// ground. A metric reported in two units (percent and percentage points, đồng and US
/// dollars) has one entry for each: values in different units never share a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MetricSeries {
    pub metric: String,
    pub name_vi: String,
    pub name_en: String,
    /// The unit of every value below.
    pub unit: Unit,
    /// How many values there are about the unit itself (or its same unit on the other map).
    pub count: u64,
    /// The most recent level reported about the unit itself (by period, then article date); a
    /// change when it has no level; `null` when nothing is reported about the unit itself:
    /// a value of a part is never given as the unit's own.
    pub latest: Option<SeriesPoint>,
    /// How many values of `latest`'s direction were reported for its period, their range and
    /// whether they differ beyond rounding.
    pub latest_count: u64,
    pub latest_spread: Option<Spread>,
    /// The unit's own values reported most recently (by article date; at most 50, `count` says
    /// how many there are), oldest period first.
    pub series: Vec<SeriesPoint>,
    /// The same metric and unit about the units on its ground; empty with `rollup=false`.
    pub parts: PartsSeries,
}

/// A child unit with how much is reported about it and the units on its ground.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"locality": {"id": "2024-d058", "scheme": "2024", "code": "058", "name": "Thành phố Bắc Kạn", "level": "district"}, "article_count": 2, "indicator_count": 32}))]
pub struct ChildCount {
    pub locality: LocalityRef,
    pub article_count: u64,
    pub indicator_count: u64,
}

/// What a dashboard card shows for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LocalitySummary {
    pub locality: LocalityRef,
    /// Whether what is reported about the units on its ground is counted in: the units under
    /// it, and the units of the other map within it.
    pub rolled_up: bool,
    pub article_count: u64,
    /// Earliest and latest article date (publication, else event).
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub indicator_count: u64,
    /// Of `indicator_count`, the values about units of the other map (see `crosswalk` on each
    /// value).
    pub crosswalk_indicator_count: u64,
    pub metrics: Vec<MetricSeries>,
    /// Units one level down on the unit's own map, every one of them, with their counts.
    pub children: Vec<ChildCount>,
}

/// A catalog metric with how much the store holds of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "key": "poverty_rate", "name_vi": "Tỷ lệ hộ nghèo", "name_en": "Poverty rate", "units": ["percent", "percentage_point"],
    "description": "Share of households below the poverty line (near-poor households are near_poor_rate).",
    "indicator_count": 5, "locality_count": 3
}))]
pub struct MetricCount {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    /// Units the metric is reported in; empty means any.
    pub units: Vec<Unit>,
    /// What the metric measures and how it is told from its neighbours.
    pub description: String,
    pub indicator_count: u64,
    /// Distinct units the metric's indicators are about.
    pub locality_count: u64,
}

impl LocalitySummary {
    /// The summary with each metric's counts and latest values but not its series: an item
    /// of a comparison list.
    pub fn without_series(&self) -> LocalitySummary {
        LocalitySummary {
            locality: self.locality.clone(),
            rolled_up: self.rolled_up,
            article_count: self.article_count,
            first_date: self.first_date,
            last_date: self.last_date,
            indicator_count: self.indicator_count,
            crosswalk_indicator_count: self.crosswalk_indicator_count,
            metrics: self
                .metrics
                .iter()
                .map(|m| MetricSeries {
                    metric: m.metric.clone(),
                    name_vi: m.name_vi.clone(),
                    name_en: m.name_en.clone(),
                    unit: m.unit,
                    count: m.count,
                    latest: m.latest.clone(),
                    latest_count: m.latest_count,
                    latest_spread: m.latest_spread,
                    series: Vec::new(),
                    parts: PartsSeries {
                        count: m.parts.count,
                        latest: m.parts.latest.clone(),
                        latest_count: m.parts.latest_count,
                        latest_spread: m.parts.latest_spread,
                        series: Vec::new(),
                    },
                })
                .collect(),
            children: self.children.clone(),
        }
    }
}

/// The value a card shows of a series, chosen as a comparison chooses a unit's: its levels
/// (its changes when it has none); of them the period that ends last, the longer at a tie (a
/// year before its second half); of that period the last reported. With the count and spread
/// of the values of that period and direction.
pub fn card_value(series: &[SeriesPoint]) -> (Option<SeriesPoint>, u64, Option<Spread>) {
    let has_level = series.iter().any(|p| p.direction == Direction::Level);
    let candidates: Vec<&SeriesPoint> = series
        .iter()
        .filter(|p| !has_level || p.direction == Direction::Level)
        .collect();
    let key = |p: &SeriesPoint| {
        let period = p.period.as_deref().and_then(|t| t.parse::<Period>().ok());
        recency(period.as_ref(), p.date, p.indicator_id)
    };
    let Some(chosen) = candidates.iter().copied().max_by_key(|p| key(p)) else {
        return (None, 0, None);
    };
    let same: Vec<f64> = candidates
        .iter()
        .filter(|p| p.period == chosen.period)
        .map(|p| p.value)
        .collect();
    (Some(chosen.clone()), same.len() as u64, Spread::of(same))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(id: i64, direction: Direction, period: &str, date: &str, value: f64) -> SeriesPoint {
        SeriesPoint {
            indicator_id: id,
            value,
            unit: Unit::Percent,
            direction,
            period: Some(period.to_owned()),
            label: String::new(),
            locality: None,
            crosswalk: false,
            article_id: String::new(),
            article_title: None,
            date: date.parse().ok(),
        }
    }

    #[test]
    fn a_card_shows_the_level_of_the_period_that_ends_last_as_last_reported() {
        let series = [
            point(1, Direction::Level, "2021-H1", "2021-07-20", 30.7),
            point(2, Direction::Level, "2021", "2022-01-10", 4.5),
            point(3, Direction::Level, "2021", "2022-02-01", 4.2),
            point(4, Direction::Increase, "2022", "2023-01-05", 5.0),
        ];
        let (chosen, count, spread) = card_value(&series);
        assert_eq!(chosen.map(|p| p.indicator_id), Some(3));
        assert_eq!(count, 2);
        let spread = spread.expect("a spread");
        assert_eq!((spread.low, spread.high, spread.disagree), (4.2, 4.5, true));
        let changes = [point(5, Direction::Increase, "2022", "2023-01-05", 5.0)];
        assert_eq!(card_value(&changes).0.map(|p| p.indicator_id), Some(5));
        assert_eq!(card_value(&[]), (None, 0, None));
    }
}
