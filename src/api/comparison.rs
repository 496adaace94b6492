//! `/metrics/{metric}/localities`: one metric across the units of a level, for a map or a
//! ranking.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use utoipa::IntoParams;

use super::export::{Format, Output};
use super::kept::kept_answer;
use super::measure::{MetricPath, with_measure};
use super::params::Flag;
use super::state::{AppState, blocking};
use super::{geojson, params};
use crate::domain::{
    ComparisonQuery, ComparisonRow, ComparisonSort, Level, MetricComparison, PeriodKind, PlaceId, Scheme,
};
use crate::error::{ApiError, Problem};

with_measure! {
/// Query of `GET /metrics/{metric}/localities`.
pub struct ComparisonListQuery {
    /// The map: `2025` (the default) or `2024`; with `parent`, the parent's map.
    pub scheme: Option<Scheme>,
    /// The level compared: `province` (the default), `district` (2024 map only: on the 2025
    /// map it lists nothing) or `commune`.
    pub level: Option<Level>,
    /// Only the units directly under this one (`2025-p19`: the communes of Thái Nguyên); the
    /// level then defaults to the one below it.
    #[param(inline)]
    pub parent: Option<PlaceId>,
    /// The kind of period compared: `year`, `half`, `quarter`, `nine_months`, `month`, `term`
    /// or `months`; by default the kind most units report (a year at a tie). Units whose
    /// values are all of other kinds are counted in `left_out`.
    pub period_kind: Option<PeriodKind>,
    /// `-value` (the default: a ranking, units without a value last), `value`, `name`, `code`.
    pub sort: Option<ComparisonSort>,
    /// `json` (the default), `geojson` (a Point feature for each unit), `csv` or `ndjson`
    /// (the rows); also chosen by the `Accept` header.
    pub format: Option<Format>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}
}

/// Compare one metric across units
///
/// Every unit of a level on one map (34 provinces by default), each with its value of the
/// metric for the periods asked, or its latest of the kind of period compared (its period
/// said: years with years, nine months with nine months), the figure it comes from,
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
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No metric has this key, or `parent` names no unit", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn compare_metric(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<MetricPath>,
    query: Query<ComparisonListQuery>,
) -> Result<HttpResponse, ApiError> {
    let metric = path.key()?;
    let parent = params::known_one("parent", query.parent.clone(), &state.gazetteer)?;
    let parent_unit = parent.as_ref().and_then(|p| state.gazetteer.get(p));
    let scheme = match &parent {
        Some(p) => p.scheme(),
        None => query.scheme.unwrap_or(Scheme::Y2025),
    };
    let below = |l: Level| match (scheme, l) {
        (Scheme::Y2024, Level::Province) => Level::District,
        _ => Level::Commune,
    };
    let level = query
        .level
        .or(parent_unit.map(|u| below(u.level)))
        .unwrap_or(Level::Province);
    let sort = query.sort.unwrap_or_default();
    let q = ComparisonQuery {
        metric,
        scheme,
        level,
        parent,
        periods: query.periods(),
        period_kind: query.period_kind,
        unit: query.unit,
        direction: query.direction,
        sort,
    };
    let output = Output::of::<ComparisonRow>(&req, query.format, None, query.bom, Format::UNITS);
    if output.format == Format::Json {
        return kept_answer(
            &req,
            &state,
            move |store| store.compare_metric(&q),
            |c| (serde_json::to_vec(c.as_ref()), None),
        )
        .await;
    }
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
