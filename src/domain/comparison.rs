//! One metric across units (a map, a ranking) and one metric over time at one unit (a chart):
//! comparable values only, one unit of measure and one direction, with what was left out.

use std::cmp::Reverse;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    Direction, Level, LocalityRef, MetricKey, Period, PeriodKind, PlaceId, PlaceRef, Scheme, Spread, Unit,
};

/// Which periods a comparison or a series takes values from: every condition given holds;
/// none given, each unit's latest.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PeriodChoice {
    /// This period exactly.
    pub exact: Option<Period>,
    /// Periods that start in this year (`2021`, `2021-H1`, `2021-2025`).
    pub year: Option<i32>,
    /// Periods that start on this day or later.
    pub from: Option<NaiveDate>,
    /// Periods that end on this day or earlier.
    pub to: Option<NaiveDate>,
}

impl PeriodChoice {
    /// Whether a figure's period is one this choice takes.
    pub fn takes(&self, period: Option<&Period>) -> bool {
        let any = self.exact.is_some() || self.year.is_some() || self.from.is_some() || self.to.is_some();
        match period {
            None => !any,
            Some(q) => {
                self.exact.as_ref().is_none_or(|p| p == q)
                    && self.year.is_none_or(|y| q.first_year() == y)
                    && self.from.is_none_or(|f| q.start() >= f)
                    && self.to.is_none_or(|t| q.end() <= t)
            }
        }
    }
}

/// Orders of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = ComparisonSortKey)]
pub enum ComparisonSort {
    // Largest value first, units without one last (the default: a ranking).
    #[default]
    #[serde(rename = "-value")]
    ValueDescending,
    #[serde(rename = "value")]
    ValueAscending,
    // By name, accents folded ("Đắk Lắk" with the Ds).
    #[serde(rename = "name")]
    Name,
    // By GSO code.
    #[serde(rename = "code")]
    Code,
}

/// What is compared: a metric in units of one level of one map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonQuery {
    pub metric: MetricKey,
    pub scheme: Scheme,
    pub level: Level,
    /// Only the units directly under this one.
    pub parent: Option<PlaceId>,
    pub periods: PeriodChoice,
    /// The kind of period compared; by default the kind most units report.
    pub period_kind: Option<PeriodKind>,
    pub unit: Option<Unit>,
    pub direction: Option<Direction>,
    pub sort: ComparisonSort,
}

/// A catalog metric's key and names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"key": "poverty_rate", "name_vi": "Tỷ lệ hộ nghèo", "name_en": "Poverty rate"}))]
pub struct MetricName {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
}

impl From<MetricKey> for MetricName {
    fn from(m: MetricKey) -> MetricName {
        let m = m.metric();
        MetricName {
            key: m.key.to_owned(),
            name_vi: m.name_vi.to_owned(),
            name_en: m.name_en.to_owned(),
        }
    }
}

/// Why values were left out of a comparison or a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// In another unit of measure or another direction than the values given: not comparable
    /// with them. Ask with `unit` and `direction` to see them.
    OtherMeasure,
    /// Reported without a period: a series has nowhere to put them, a comparison of one kind
    /// of period no place.
    NoPeriod,
    /// Of another kind of period than the comparison's (nine months where years are compared):
    /// ask with `period_kind` to see them.
    OtherPeriodKind,
}

/// Values of the metric that are not in the answer, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"reason": "other_period_kind", "unit": "percent", "direction": "level", "count": 3, "period_kind": "nine_months", "units": 2}))]
pub struct LeftOut {
    pub reason: LeftOutReason,
    pub unit: Unit,
    pub direction: Direction,
    /// How many figures.
    pub count: u64,
    /// With `other_period_kind`: the kind of period of the figures left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_kind: Option<PeriodKind>,
    /// In a comparison: how many units have no value because of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<u64>,
}

/// One figure as a comparison or a series gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Figure {
    pub indicator_id: i64,
    pub value: f64,
    #[schema(value_type = Option<String>, example = "2021")]
    pub period: Option<Period>,
    pub label: String,
    /// The unit the figure is about: the unit itself, its same unit on the other map, or
    /// (in `parts`) a unit on its ground.
    pub locality: LocalityRef,
    /// Whether that unit is on the other map (the figure came through the crosswalk).
    pub crosswalk: bool,
    pub article_id: String,
    pub article_title: Option<String>,
    /// Publication date of the article, else the event date.
    pub date: Option<NaiveDate>,
}

/// The order in which reported values are "later": the period that ends last (the longer at
/// a tie: a year before its second half), then the article published last, then the id.
pub type Recency = (
    Option<NaiveDate>,
    Reverse<Option<NaiveDate>>,
    Option<NaiveDate>,
    i64,
);

/// The [`Recency`] of a value of `period` reported on `date` as indicator `id`.
pub fn recency(period: Option<&Period>, date: Option<NaiveDate>, id: i64) -> Recency {
    (
        period.map(Period::end),
        Reverse(period.map(Period::start)),
        date,
        id,
    )
}

impl Figure {
    fn recency(&self) -> Recency {
        recency(self.period.as_ref(), self.date, self.indicator_id)
    }

    pub fn latest<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> Option<&'a Figure> {
        figures.into_iter().max_by_key(|f| f.recency())
    }
}

/// The unit of measure and direction most values have (levels first at a tie), among those
/// `unit` and `direction` allow; with the values of every other pair, left out.
pub fn choose_measure(
    counts: &[(Unit, Direction, u64)],
    unit: Option<Unit>,
    direction: Option<Direction>,
) -> (Option<(Unit, Direction)>, Vec<LeftOut>) {
    let chosen = counts
        .iter()
        .filter(|(u, d, _)| unit.is_none_or(|x| x == *u) && direction.is_none_or(|x| x == *d))
        .max_by_key(|(u, d, n)| {
            (
                *n,
                *d == Direction::Level,
                Reverse(u.as_str()),
                Reverse(d.as_str()),
            )
        })
        .map(|(u, d, _)| (*u, *d));
    let mut left_out: Vec<LeftOut> = counts
        .iter()
        .filter(|(u, d, n)| *n > 0 && Some((*u, *d)) != chosen)
        .map(|(u, d, n)| LeftOut {
            reason: LeftOutReason::OtherMeasure,
            unit: *u,
            direction: *d,
            count: *n,
            period_kind: None,
            units: None,
        })
        .collect();
    left_out.sort_by_key(|l| (Reverse(l.count), l.unit.as_str(), l.direction.as_str()));
    (chosen, left_out)
}

/// One unit in a comparison: its value for the period asked, or its latest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ComparisonRow {
    /// The unit compared, with its province and coordinates.
    pub locality: PlaceRef,
    /// `null` when nothing comparable is reported about the unit for the periods asked.
    pub value: Option<f64>,
    /// The comparison's unit of measure; `null` with `value`.
    pub unit: Option<Unit>,
    /// The comparison's direction; `null` with `value`.
    pub direction: Option<Direction>,
    /// The period of `value`.
    #[schema(value_type = Option<String>, example = "2021")]
    pub period: Option<Period>,
    /// How many of the unit's figures report on `period` (`figure` is the last reported).
    pub count: u64,
    /// The lowest and highest of those figures, and whether they differ beyond rounding.
    pub spread: Option<Spread>,
    /// The figure `value` comes from.
    pub figure: Option<Figure>,
}

/// A metric compared across the units of a level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MetricComparison {
    pub metric: MetricName,
    pub scheme: Scheme,
    pub level: Level,
    /// The unit whose children are compared, when one was asked for.
    pub parent: Option<LocalityRef>,
    /// The unit of measure of every value; `null` when the metric has no value here.
    pub unit: Option<Unit>,
    /// Whether the values are levels or changes (and which); `null` as `unit`.
    pub direction: Option<Direction>,
    /// The kind of period every value is of: the one asked, else the kind most units report
    /// (a year at a tie); `null` when no value has a period.
    pub period_kind: Option<PeriodKind>,
    /// How many units have a value.
    pub reported: u64,
    /// Values of the metric about these units for the periods asked that are not comparable
    /// with those given.
    pub left_out: Vec<LeftOut>,
    /// Every unit of the level (under `parent`), in the order asked.
    pub data: Vec<ComparisonRow>,
}

/// A figure for tests: about Bắc Kạn, from article `a`.
#[cfg(test)]
pub(super) fn figure(id: i64, period: Option<&str>, date: &str, value: f64) -> Figure {
    Figure {
        indicator_id: id,
        value,
        period: period.map(|p| p.parse().unwrap()),
        label: "Tỷ lệ hộ nghèo".into(),
        locality: LocalityRef::new("06".parse().unwrap(), "Tỉnh Bắc Kạn".into(), Level::Province),
        crosswalk: false,
        article_id: "a".into(),
        article_title: None,
        date: date.parse().ok(),
    }
}

#[cfg(test)]
mod tests;
