//! What the comparison and series endpoints share: a metric in the path, and the filters
//! that choose which of its values are given.

use serde::Deserialize;
use utoipa::IntoParams;

use super::params;
use crate::domain::{Direction, MetricKey, Period, PeriodChoice, Unit};
use crate::error::ApiError;

/// A metric named in a path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MetricPath {
    /// A key of the metric catalog (`GET /metrics`).
    #[param(example = "poverty_rate")]
    pub metric: String,
}

impl MetricPath {
    pub(super) fn key(&self) -> Result<MetricKey, ApiError> {
        MetricKey::parse(&self.metric).ok_or_else(|| {
            ApiError::not_found(format!(
                "{:?} is not a metric; GET /metrics lists them",
                self.metric
            ))
        })
    }
}

/// A unit and a metric named in a path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct LocalityMetricPath {
    /// Id on either map (`2024-p06`, `2025-p19`).
    #[param(example = "2024-p06")]
    pub id: String,
    /// A key of the metric catalog (`GET /metrics`).
    #[param(example = "poverty_rate")]
    pub metric: String,
}

/// A query struct with the filters that choose a comparison's or a series' values, and
/// `$extra` fields of its own. No filter has an example value.
macro_rules! with_measure {
    ($(#[$meta:meta])* pub struct $name:ident { $($extra:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Default, Deserialize, IntoParams)]
        #[serde(deny_unknown_fields)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            /// Only values of this exact period (every period filter given must hold) (`2021`, `2021-H1`, `2016-2020`).
            pub period: Option<String>,
            /// Only values of periods that start in this year.
            #[param(value_type = Option<crate::domain::Year>, inline)]
            pub year: Option<String>,
            /// Only values of periods that start on this date or later (`2021-01-01`); a year
            /// alone is `year`.
            #[param(value_type = Option<String>, format = Date)]
            pub from: Option<String>,
            /// Only values of periods that end on this date or earlier (`2023-12-31`).
            #[param(value_type = Option<String>, format = Date)]
            pub to: Option<String>,
            /// The unit of measure to give; by default the one most values have.
            #[param(value_type = Option<Unit>)]
            pub unit: Option<String>,
            /// Levels or changes (`increase`, `decrease`); by default the direction most values
            /// have.
            #[param(value_type = Option<Direction>)]
            pub direction: Option<String>,
            $($extra)*
        }

        impl $name {
            fn measure(&self) -> MeasureQuery<'_> {
                MeasureQuery {
                    period: self.period.as_deref(),
                    year: self.year.as_deref(),
                    from: self.from.as_deref(),
                    to: self.to.as_deref(),
                    unit: self.unit.as_deref(),
                    direction: self.direction.as_deref(),
                }
            }
        }
    };
}

pub(super) use with_measure;

/// The filters that choose a comparison's or a series' values, as given.
pub(super) struct MeasureQuery<'a> {
    pub period: Option<&'a str>,
    pub year: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub direction: Option<&'a str>,
}

impl MeasureQuery<'_> {
    pub(super) fn periods(&self) -> Result<PeriodChoice, ApiError> {
        let year = params::year;
        let period = self
            .period
            .map(|p| {
                p.parse::<Period>()
                    .map_err(|e| ApiError::bad_parameter("period", format!("{e}; got {p:?}")))
            })
            .transpose()?;
        let (y, from, to) = (
            year("year", self.year)?,
            params::date("from", self.from)?,
            params::date("to", self.to)?,
        );
        Ok(PeriodChoice {
            exact: period,
            year: y,
            from,
            to,
        })
    }

    pub(super) fn unit(&self) -> Result<Option<Unit>, ApiError> {
        params::keyword("unit", self.unit, Unit::parse, &Unit::ALL.map(Unit::as_str))
    }

    pub(super) fn direction(&self) -> Result<Option<Direction>, ApiError> {
        params::keyword(
            "direction",
            self.direction,
            Direction::parse,
            &Direction::ALL.map(Direction::as_str),
        )
    }
}
