//! `/metrics/{metric}/localities` and `/localities/{id}/metrics/{metric}/series`: one metric
//! on a map or in a ranking, and one metric over time at one unit.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::IntoParams;

use super::export::{Format, Output};
use super::localities::LocalityPath;
use super::{AppState, blocking, geojson, params};
use crate::domain::{
    ComparisonQuery, ComparisonRow, ComparisonSort, Direction, Level, LocalityMetricSeries, MetricComparison,
    MetricKey, Period, PeriodChoice, Scheme, SeriesQuery, Unit,
};
use crate::error::{ApiError, Problem};

/// A metric named in a path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MetricPath {
    /// A key of the metric catalog (`GET /metrics`).
    #[param(example = "poverty_rate")]
    pub metric: String,
}

impl MetricPath {
    fn key(&self) -> Result<MetricKey, ApiError> {
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
    /// Id on either map (`06`, `2025-19`).
    #[param(example = "06")]
    pub id: String,
    /// A key of the metric catalog (`GET /metrics`).
    #[param(example = "poverty_rate")]
    pub metric: String,
}

/// Orders of a comparison.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
pub enum ComparisonSortKey {
    #[serde(rename = "-value")]
    ValueDescending,
    #[serde(rename = "value")]
    ValueAscending,
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "code")]
    Code,
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
            #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
            pub year: Option<String>,
            /// Only values of periods that start in this year or later.
            #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
            pub from: Option<String>,
            /// Only values of periods that end in this year or earlier.
            #[param(value_type = Option<i32>, minimum = 1900, maximum = 2100)]
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

/// The filters that choose a comparison's or a series' values, as given.
struct MeasureQuery<'a> {
    period: Option<&'a str>,
    year: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    unit: Option<&'a str>,
    direction: Option<&'a str>,
}

impl MeasureQuery<'_> {
    fn periods(&self) -> Result<PeriodChoice, ApiError> {
        let year = |name: &str, v: Option<&str>| -> Result<Option<i32>, ApiError> {
            params::number(name, v)?
                .map(|y| {
                    (y.fract() == 0.0 && (1900.0..=2100.0).contains(&y))
                        .then_some(y as i32)
                        .ok_or_else(|| {
                            ApiError::bad_parameter(name, format!("{name} takes a year from 1900 to 2100"))
                        })
                })
                .transpose()
        };
        let period = self
            .period
            .map(|p| {
                p.parse::<Period>()
                    .map_err(|e| ApiError::bad_parameter("period", format!("{e}; got {p:?}")))
            })
            .transpose()?;
        let (y, from, to) = (
            year("year", self.year)?,
            year("from", self.from)?,
            year("to", self.to)?,
        );
        Ok(PeriodChoice {
            exact: period,
            year: y,
            from,
            to,
        })
    }

    fn unit(&self) -> Result<Option<Unit>, ApiError> {
        params::keyword("unit", self.unit, Unit::parse, &Unit::ALL.map(Unit::as_str))
    }

    fn direction(&self) -> Result<Option<Direction>, ApiError> {
        params::keyword(
            "direction",
            self.direction,
            Direction::parse,
            &Direction::ALL.map(Direction::as_str),
        )
    }
}

with_measure! {
/// Query of `GET /metrics/{metric}/localities`.
pub struct ComparisonListQuery {
    /// The map: `2025` (the default) or `2024`; with `parent`, the parent's map.
    #[param(value_type = Option<Scheme>)]
    pub scheme: Option<String>,
    /// The level compared: `province` (the default), `district` (2024 map only: on the 2025
    /// map it lists nothing) or `commune`.
    #[param(value_type = Option<Level>)]
    pub level: Option<String>,
    /// Only the units directly under this one (`2025-19`: the communes of Thái Nguyên); the
    /// level then defaults to the one below it.
    pub parent: Option<String>,
    /// `-value` (the default: a ranking, units without a value last), `value`, `name`, `code`.
    #[param(value_type = Option<ComparisonSortKey>)]
    pub sort: Option<String>,
    /// `json` (the default), `geojson` (a Point feature for each unit), `csv` or `ndjson`
    /// (the rows); also chosen by the `Accept` header.
    #[param(value_type = Option<Format>)]
    pub format: Option<String>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>)]
    pub bom: Option<String>,
}
}

/// Compare one metric across units
///
/// Every unit of a level on one map (34 provinces by default), each with its value of the
/// metric for the periods asked, or its latest (its period said), the figure it comes from,
/// its source article and the unit's coordinates: a choropleth, a proportional-symbol map or a
/// ranking in one request. Values are comparable: one unit of measure and one direction
/// (`unit`, `direction`; by default those most values have); the rest is counted in
/// `left_out`. A unit's values are those about itself and its same unit on the other map,
/// never its parts'. Units without a value are listed with `value: null`.
#[utoipa::path(
    get,
    path = "/metrics/{metric}/localities",
    tag = "indicators",
    operation_id = "compare_metric",
    params(MetricPath, ComparisonListQuery),
    responses(
        (status = 200, description = "The units with their values",
         content((MetricComparison = "application/json"), (geojson::FeatureCollection = "application/geo+json"),
                 (String = "text/csv"), (ComparisonRow = "application/x-ndjson"))),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No metric has this key, or `parent` names no unit", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is busy or the query ran past its time budget; try again after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn compare_metric(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<MetricPath>,
    query: web::Query<ComparisonListQuery>,
) -> Result<HttpResponse, ApiError> {
    let metric = path.key()?;
    let parent = params::locality("parent", query.parent.as_deref(), &state.gazetteer)?;
    let parent_unit = parent.as_ref().and_then(|p| state.gazetteer.get(p));
    let scheme = match &parent {
        Some(p) => p.scheme(),
        None => params::keyword(
            "scheme",
            query.scheme.as_deref(),
            Scheme::parse,
            &["2024", "2025"],
        )?
        .unwrap_or(Scheme::Y2025),
    };
    let below = |l: Level| match (scheme, l) {
        (Scheme::Y2024, Level::Province) => Level::District,
        _ => Level::Commune,
    };
    let level = params::keyword(
        "level",
        query.level.as_deref(),
        Level::parse,
        &Level::ALL.map(Level::as_str),
    )?
    .or(parent_unit.map(|u| below(u.level)))
    .unwrap_or(Level::Province);
    let sort = match params::named::<ComparisonSortKey>(
        "sort",
        query.sort.as_deref(),
        &["-value", "value", "name", "code"],
    )? {
        None | Some(ComparisonSortKey::ValueDescending) => ComparisonSort::ValueDescending,
        Some(ComparisonSortKey::ValueAscending) => ComparisonSort::ValueAscending,
        Some(ComparisonSortKey::Name) => ComparisonSort::Name,
        Some(ComparisonSortKey::Code) => ComparisonSort::Code,
    };
    let q = ComparisonQuery {
        metric,
        scheme,
        level,
        parent,
        periods: query.measure().periods()?,
        unit: query.measure().unit()?,
        direction: query.measure().direction()?,
        sort,
    };
    let output = Output::of::<ComparisonRow>(
        &req,
        query.format.as_deref(),
        None,
        query.bom.as_deref(),
        &[Format::Json, Format::Geojson, Format::Csv, Format::Ndjson],
    )?;
    let store = state.store.clone();
    let comparison = blocking(move || store.compare_metric(&q)).await?;
    Ok(match output.format {
        Format::Json => HttpResponse::Ok().json(comparison.as_ref()),
        Format::Geojson => comparison_geojson(&comparison),
        _ => output.whole(
            &format!("{}-by-{}", metric.as_str(), level.as_str()),
            &comparison.data,
        ),
    })
}

fn comparison_geojson(c: &MetricComparison) -> HttpResponse {
    let features = c
        .data
        .iter()
        .filter_map(|row| {
            let (lat, lon) = (row.locality.lat?, row.locality.lon?);
            let properties = serde_json::to_value(row).unwrap_or_default();
            Some(geojson::feature(
                &row.locality.id.to_string(),
                lon,
                lat,
                properties,
            ))
        })
        .collect();
    let mut members = match serde_json::to_value(c) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    members.remove("data");
    members.insert("count".into(), json!(c.data.len()));
    geojson::respond(features, members)
}

with_measure! {
/// Query of `GET /localities/{id}/metrics/{metric}/series`.
pub struct SeriesListQuery {
    /// With `false`, only the unit's own values, not its parts'.
    #[param(value_type = Option<bool>)]
    pub rollup: Option<String>,
}
}

/// A metric's series at a locality
///
/// One point per period, oldest first, for a chart: the unit's own values (about itself or
/// its same unit on the other map) and, apart, a series for each unit on its ground that has
/// values. A period reported more than once gives the value reported last (`count` says how
/// many there were); each point carries its source figure and article. Values are comparable:
/// one unit of measure and one direction (by default those most of the unit's own values
/// have); the rest, and values without a period, are counted in `left_out`.
#[utoipa::path(
    get,
    path = "/localities/{id}/metrics/{metric}/series",
    tag = "localities",
    operation_id = "get_metric_series",
    params(LocalityMetricPath, SeriesListQuery),
    responses(
        (status = 200, description = "The series", body = LocalityMetricSeries),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "The id or a query parameter is malformed, or a parameter is unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit has this id, or no metric this key", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is busy or the query ran past its time budget; try again after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn get_metric_series(
    state: web::Data<AppState>,
    path: web::Path<LocalityMetricPath>,
    query: web::Query<SeriesListQuery>,
) -> Result<HttpResponse, ApiError> {
    let path = path.into_inner();
    let locality = LocalityPath { id: path.id }.unit(&state.gazetteer)?;
    let metric = MetricPath { metric: path.metric }.key()?;
    let q = SeriesQuery {
        locality,
        metric,
        periods: query.measure().periods()?,
        unit: query.measure().unit()?,
        direction: query.measure().direction()?,
        rollup: params::flag("rollup", query.rollup.as_deref(), true)?,
    };
    let store = state.store.clone();
    let series = blocking(move || store.metric_series(&q)).await?;
    series
        .map(|s| HttpResponse::Ok().json(s.as_ref()))
        .ok_or_else(|| ApiError::not_found("no locality has this id"))
}
