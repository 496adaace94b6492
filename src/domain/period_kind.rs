//! What kind of period a figure is of, so that a map or a ranking compares like with like: a
//! year with years, nine months with nine months.

use crate::domain::keyword::keyword;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

keyword! {
/// The kind of a period: `year` (2021), `half` (2021-H1), `quarter` (2021-Q3), `nine_months`
/// (2021-9M), `month` (2021-09), `term` (a span of years, 2016-2020) or `months` (a span of
/// months, 2018-08/2019-07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    Year = "year",
    Half = "half",
    Quarter = "quarter",
    NineMonths = "nine_months",
    Month = "month",
    Term = "term",
    Months = "months",
}
}

/// Whether the values reported for one unit, metric and period agree: equal once each is
/// rounded to the precision of the least precise ("4%" and "3,95%" agree; "4,2%" and "3,9%" do
/// not).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"low": 3.9, "high": 4.2, "disagree": true}))]
pub struct Spread {
    pub low: f64,
    pub high: f64,
    /// The values differ beyond rounding.
    pub disagree: bool,
}

/// Decimals a value was written with, as far as its shortest form shows (at most 6).
fn decimals(v: f64) -> i32 {
    let s = format!("{v}");
    s.split_once('.').map_or(0, |(_, d)| d.len().min(6) as i32)
}

/// `x`, computed from `inputs`, rounded to one decimal more than the most precise of them:
/// the difference of 4.2 and 4.5 is -0.3, not -0.2999999999999998.
pub fn rounded_like(x: f64, inputs: &[f64]) -> f64 {
    let places = inputs.iter().map(|v| decimals(*v)).max().unwrap_or(0) + 1;
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

impl Spread {
    /// The spread of some values; `None` for none.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
        let values: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
        let low = values.iter().copied().reduce(f64::min)?;
        let high = values.iter().copied().reduce(f64::max)?;
        let places = values.iter().map(|v| decimals(*v)).min().unwrap_or(0);
        let scale = 10f64.powi(places);
        let disagree = (low * scale).round() != (high * scale).round();
        Some(Spread { low, high, disagree })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_spelled_once() {
        for k in PeriodKind::ALL {
            assert_eq!(PeriodKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn a_computed_value_keeps_the_precision_of_its_inputs() {
        assert_eq!(rounded_like(4.2 - 4.5, &[4.2, 4.5]), -0.3);
        assert_eq!(rounded_like((10.6 + 11.0) / 2.0, &[10.6, 11.0]), 10.8);
        assert_eq!(rounded_like((1.0 + 2.0) / 2.0, &[1.0, 2.0]), 1.5);
    }

    #[test]
    fn values_agree_up_to_the_rounding_of_the_least_precise() {
        assert!(!Spread::of([4.0, 3.95]).unwrap().disagree);
        assert!(Spread::of([4.2, 3.9]).unwrap().disagree);
        assert!(!Spread::of([2.81]).unwrap().disagree);
        assert_eq!(Spread::of([]), None);
    }
}
