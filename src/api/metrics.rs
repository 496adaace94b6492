//! `/metrics`: the metric catalog with how much the store holds of each metric.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};

use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{Format, ListFormat, Output};
use super::pagination::{Page, PageRequest};
use super::params::{Flag, Limit, Offset};
use super::state::{AppState, blocking};
use crate::domain::MetricCount;
use crate::error::{ApiError, Problem};

/// Query of `GET /metrics`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MetricListQuery {
    /// Items per page, 1 to 200 (default 20).
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Items to skip (default 0).
    #[param(inline)]
    pub offset: Option<Offset>,
    /// `json` (one page, the default), `csv` or `ndjson` (the whole catalog).
    pub format: Option<ListFormat>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}

/// List metrics
///
/// The metric catalog: every key `metric` filters take, with Vietnamese and English names,
/// its units, and how many indicators and units the store holds for it. `other` is last.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "indicators",
    operation_id = "list_metrics",
    params(MetricListQuery),
    responses(
        (status = 200, description = "The catalog",
         content((Page<MetricCount> = "application/json"), (String = "text/csv"), (MetricCount = "application/x-ndjson"))),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn list_metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: Query<MetricListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::of(query.limit, query.offset);
    let output = Output::of::<MetricCount>(
        &req,
        query.format.map(Format::from),
        None,
        query.bom,
        Format::LIST,
    );
    let store = state.store.clone();
    let all = blocking(move || store.metric_counts()).await?;
    if output.format != Format::Json {
        return Ok(output.whole("metrics", &all));
    }
    let total = all.len() as u64;
    let items = all
        .iter()
        .skip(page.offset as usize)
        .take(page.limit as usize)
        .cloned()
        .collect();
    Ok(Page::new(&req, page, items, total).respond())
}
