//! One metric over time at one unit, for a chart: one point per period, the unit's own values
//! apart from those of the units on its ground.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ground::{GroundPoint, PeriodOrder, period_order};
use super::like_with_like::choose_value;
use super::{
    Direction, Figure, LeftOut, LocalityRef, MetricKey, MetricName, Period, PeriodChoice, PlaceId, PlaceRef,
    Spread, Unit,
};

/// A metric's series at one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesQuery {
    pub locality: PlaceId,
    pub metric: MetricKey,
    pub periods: PeriodChoice,
    pub unit: Option<Unit>,
    pub direction: Option<Direction>,
    /// The series of the units on its ground too.
    pub rollup: bool,
}

/// A series' values, one for each period, chosen as a comparison chooses a unit's value: the
/// one reported last when several are (a later report restates or corrects an earlier one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SeriesValue {
    #[schema(value_type = String, example = "2021")]
    pub period: Period,
    pub value: f64,
    /// How many values were reported for the period (`figure` is the one reported last).
    pub count: u64,
    /// The lowest and highest of them, and whether they differ beyond rounding.
    pub spread: Option<Spread>,
    pub figure: Figure,
}

/// The series of one unit on the ground of the unit asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PartSeries {
    pub locality: LocalityRef,
    pub points: Vec<SeriesValue>,
}

/// A metric over time at one unit: its own values and, apart, those of the units on its
/// ground, one point per period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LocalityMetricSeries {
    pub locality: PlaceRef,
    pub metric: MetricName,
    /// The unit of measure of every value; `null` when nothing is reported.
    pub unit: Option<Unit>,
    pub direction: Option<Direction>,
    /// Values about the unit itself or its same unit on the other map.
    pub own: Vec<SeriesValue>,
    /// What the units on its ground (under it, or of the other map within it) report, one
    /// point per period: how many units, their range and median; empty with `rollup=false`.
    pub ground: Vec<GroundPoint>,
    /// Units on its ground with values in the series.
    pub unit_count: u64,
    /// With `by=unit`: a series for each unit on its ground, a page of them (`limit`,
    /// `offset`; `unit_count` says how many there are), by code; empty otherwise.
    pub parts: Vec<PartSeries>,
    pub left_out: Vec<LeftOut>,
}

impl LocalityMetricSeries {
    /// The series without its parts' series, to give a page of them.
    pub fn clone_without_parts(&self) -> LocalityMetricSeries {
        LocalityMetricSeries {
            locality: self.locality.clone(),
            metric: self.metric.clone(),
            unit: self.unit,
            direction: self.direction,
            own: self.own.clone(),
            ground: self.ground.clone(),
            unit_count: self.unit_count,
            parts: Vec::new(),
            left_out: self.left_out.clone(),
        }
    }
}

/// One point per period from `figures`, oldest period first; figures without a period are
/// not placed.
pub fn one_per_period(figures: &[Figure]) -> Vec<SeriesValue> {
    let mut by_period: std::collections::BTreeMap<PeriodOrder<'_>, Vec<&Figure>> = Default::default();
    for f in figures {
        if let Some(p) = &f.period {
            by_period.entry(period_order(p)).or_default().push(f);
        }
    }
    by_period
        .into_iter()
        .filter_map(|((_, _, period), fs)| {
            let chosen = choose_value(&fs, None)?;
            Some(SeriesValue {
                period: period.clone(),
                value: chosen.figure.value,
                count: chosen.count,
                spread: chosen.spread,
                figure: chosen.figure,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::comparison::figure;

    #[test]
    fn a_series_has_one_point_per_period_the_last_reported() {
        let fs = [
            figure(1, Some("2021"), "2022-01-10", 4.0),
            figure(2, Some("2020"), "2021-01-10", 5.0),
            figure(3, Some("2021"), "2022-03-01", 3.9),
            figure(4, None, "2022-03-01", 1.0),
            figure(5, Some("2021-H1"), "2021-07-01", 4.5),
        ];
        let points = one_per_period(&fs);
        let got: Vec<(&str, f64, u64)> = points
            .iter()
            .map(|p| (p.period.as_str(), p.value, p.count))
            .collect();
        assert_eq!(got, [("2020", 5.0, 1), ("2021-H1", 4.5, 1), ("2021", 3.9, 2)]);
    }

    #[test]
    fn a_point_says_the_range_of_the_values_behind_it_and_whether_they_disagree() {
        let fs = [
            figure(1, Some("2021"), "2022-01-10", 4.3),
            figure(2, Some("2021"), "2022-03-01", 3.9),
            figure(3, Some("2020"), "2021-01-10", 5.0),
            figure(4, Some("2020"), "2021-02-10", 5.0),
        ];
        let points = one_per_period(&fs);
        let spread = |i: usize| points[i].spread.expect("a spread");
        assert_eq!(
            (spread(0).low, spread(0).high, spread(0).disagree),
            (5.0, 5.0, false)
        );
        assert_eq!(
            (spread(1).low, spread(1).high, spread(1).disagree),
            (3.9, 4.3, true)
        );
    }
}
