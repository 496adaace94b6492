//! What the units on a unit's ground report, period by period, as one point each: how many
//! units report, the figures behind them, the range and the median of their values. A chart
//! of a province draws its districts as one band, not as three hundred lines.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::like_with_like::choose_value;
use super::period_kind::rounded_like;
use super::{Figure, Period, PlaceId};

/// The units on a unit's ground in one period: each unit's value chosen as a series chooses
/// it (the last reported of the period), then across the units their range and median.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"period": "2021", "units": 3, "count": 4, "low": 2.1, "median": 4.5, "high": 9.8}))]
pub struct GroundPoint {
    #[schema(value_type = String, example = "2021")]
    pub period: Period,
    /// Units on the ground with a value for the period.
    pub units: u64,
    /// Figures behind those values.
    pub count: u64,
    pub low: f64,
    /// The middle of the units' values (the mean of the two middle ones for an even count).
    pub median: f64,
    pub high: f64,
}

/// Periods ordered as a chart reads them: by end, the longer first at a tie.
pub(super) type PeriodOrder<'a> = (NaiveDate, Reverse<NaiveDate>, &'a Period);

pub(super) fn period_order(p: &Period) -> PeriodOrder<'_> {
    (p.end(), Reverse(p.start()), p)
}

/// One point per period of `figures` (about units on a ground), oldest period first; figures
/// without a period are not placed.
pub fn ground_per_period(figures: &[Figure]) -> Vec<GroundPoint> {
    let mut by_period: BTreeMap<PeriodOrder<'_>, BTreeMap<&PlaceId, Vec<&Figure>>> = BTreeMap::new();
    for f in figures {
        if let Some(p) = &f.period {
            by_period
                .entry(period_order(p))
                .or_default()
                .entry(&f.locality.id)
                .or_default()
                .push(f);
        }
    }
    by_period
        .into_iter()
        .filter_map(|((_, _, period), units)| {
            let count = units.values().map(|fs| fs.len() as u64).sum();
            let mut values: Vec<f64> = units
                .values()
                .filter_map(|fs| choose_value(fs, None))
                .map(|c| c.figure.value)
                .filter(|v| v.is_finite())
                .collect();
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let median = match n {
                0 => return None,
                _ if n % 2 == 1 => values[n / 2],
                _ => {
                    let (a, b) = (values[n / 2 - 1], values[n / 2]);
                    rounded_like((a + b) / 2.0, &[a, b])
                }
            };
            Some(GroundPoint {
                period: period.clone(),
                units: n as u64,
                count,
                low: values[0],
                median,
                high: values[n - 1],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::comparison::figure;

    fn about(mut f: Figure, id: &str) -> Figure {
        f.locality.id = id.parse().unwrap();
        f
    }

    #[test]
    fn a_ground_point_counts_each_unit_once_with_its_last_reported_value() {
        let fs = [
            about(figure(1, Some("2021"), "2022-01-10", 9.0), "2024-d001"),
            about(figure(2, Some("2021"), "2022-03-01", 8.0), "2024-d001"),
            about(figure(3, Some("2021"), "2022-01-12", 2.0), "2024-d002"),
            about(figure(4, Some("2021"), "2022-01-12", 5.0), "2024-d003"),
            about(figure(5, Some("2020"), "2021-01-12", 5.0), "2024-d003"),
            about(figure(6, None, "2021-01-12", 7.0), "2024-d004"),
        ];
        let points = ground_per_period(&fs);
        let got: Vec<(&str, u64, u64, f64, f64, f64)> = points
            .iter()
            .map(|p| (p.period.as_str(), p.units, p.count, p.low, p.median, p.high))
            .collect();
        assert_eq!(
            got,
            [("2020", 1, 1, 5.0, 5.0, 5.0), ("2021", 3, 4, 2.0, 5.0, 8.0)]
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let fs = [
            about(figure(1, Some("2021"), "2022-01-10", 2.0), "2024-d001"),
            about(figure(2, Some("2021"), "2022-01-10", 4.0), "2024-d002"),
        ];
        assert_eq!(ground_per_period(&fs)[0].median, 3.0);
    }
}
