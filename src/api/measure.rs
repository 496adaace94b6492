//! What the comparison and series endpoints share: a metric in the path, and the filters
//! that choose which of its values are given.

use serde::Deserialize;
use utoipa::IntoParams;

use crate::domain::MetricKey;
use crate::error::ApiError;

/// A metric named in a path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MetricPath {
    /// A key of the metric catalog (`GET /metrics`).
    #[param(value_type = MetricKey, inline, example = "poverty_rate")]
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
    #[param(value_type = crate::domain::PlaceId, inline, example = "2024-p06")]
    pub id: String,
    /// A key of the metric catalog (`GET /metrics`).
    #[param(value_type = MetricKey, inline, example = "poverty_rate")]
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
            #[param(inline)]
            pub period: Option<crate::domain::Period>,
            /// Only values of periods that start in this year.
            #[param(inline)]
            pub year: Option<crate::domain::Year>,
            /// Only values of periods that start on this date or later (`2021-01-01`); a year
            /// alone is `year`.
            #[param(inline)]
            pub from: Option<super::params::IsoDate>,
            /// Only values of periods that end on this date or earlier (`2023-12-31`).
            #[param(inline)]
            pub to: Option<super::params::IsoDate>,
            /// The unit of measure to give; by default the one most values have.
            pub unit: Option<crate::domain::Unit>,
            /// Levels or changes (`increase`, `decrease`); by default the direction most values
            /// have.
            pub direction: Option<crate::domain::Direction>,
            $($extra)*
        }

        impl $name {
            fn periods(&self) -> crate::domain::PeriodChoice {
                crate::domain::PeriodChoice {
                    exact: self.period.clone(),
                    year: self.year.map(crate::domain::Year::get),
                    from: self.from.map(|d| d.0),
                    to: self.to.map(|d| d.0),
                }
            }
        }
    };
}

pub(super) use with_measure;
