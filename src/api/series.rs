//! `/localities/{id}/metrics/{metric}/series`: one metric over time at one unit, for a chart.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::kept::kept_answer;
use super::localities::LocalityPath;
use super::measure::{LocalityMetricPath, MetricPath, with_measure};
use super::pagination::PageRequest;
use super::params;
use super::params::{Flag, Limit, Offset};
use super::state::AppState;
use crate::domain::{LocalityMetricSeries, SeriesQuery};
use crate::error::{ApiError, Problem};

with_measure! {
/// Query of `GET /localities/{id}/metrics/{metric}/series`.
pub struct SeriesListQuery {
    /// With `false`, only the unit's own values, not its parts'.
    #[param(value_type = Option<bool>, default = true)]
    pub rollup: Option<Flag>,
    /// How the units on its ground are given: `period` (the default: `ground`, one point per
    /// period across them) or `unit` (`parts`, a series for each unit, a page of them).
    pub by: Option<SeriesGrouping>,
    /// With `by=unit`: units per page, 1 to 200.
    #[param(inline)]
    pub limit: Option<Limit>,
    /// With `by=unit`: units to skip.
    #[param(inline)]
    pub offset: Option<Offset>,
}
}

/// How a series gives the units on a unit's ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeriesGrouping {
    Period,
    Unit,
}

/// A metric's series at a locality
///
/// One point per period, oldest first, for a chart: the unit's own values (about itself or
/// its same unit on the other map) and, apart, what the units on its ground report: by
/// default one point per period across them (`ground`: how many units, their range and
/// median), with `by=unit` a series for each unit (`parts`, a page of units by code). A period
/// reported more than once gives the value reported last (`count` says how many there were,
/// `spread` their range and whether they disagree); each point carries its source figure and
/// article. Values are comparable:
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
        crate::error::NotModified,
        (status = 400, description = "The id or a query parameter is malformed, or a parameter is unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit has this id, or no metric this key", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn get_metric_series(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<LocalityMetricPath>,
    query: Query<SeriesListQuery>,
) -> Result<HttpResponse, ApiError> {
    let path = path.into_inner();
    let locality = LocalityPath { id: path.id }.unit(&state.gazetteer)?;
    let metric = MetricPath { metric: path.metric }.key()?;
    let q = SeriesQuery {
        locality,
        metric,
        periods: query.periods(),
        unit: query.unit,
        direction: query.direction,
        rollup: params::flag_or(query.rollup, true),
    };
    let by = query.by;
    let page = PageRequest::of(query.limit, query.offset);
    kept_answer(
        &req,
        &state,
        move |store| store.metric_series(&q),
        |s| {
            let mut answer = s.clone_without_parts();
            if by == Some(SeriesGrouping::Unit) {
                answer.parts = s
                    .parts
                    .iter()
                    .skip(usize::try_from(page.offset).unwrap_or(usize::MAX))
                    .take(page.limit as usize)
                    .cloned()
                    .collect();
            }
            (serde_json::to_vec(&answer), None)
        },
    )
    .await
}
