//! `/metrics`: the metric catalog with how much the store holds of each metric.

use actix_web::{HttpRequest, HttpResponse, web};

use super::pagination::{Page, PageQuery};
use super::{AppState, blocking};
use crate::domain::MetricCount;
use crate::error::{ApiError, Problem};

/// List metrics
///
/// The metric catalog: every key `metric` filters take, with Vietnamese and English names,
/// its units, and how many indicators and units the store holds for it. `other` is last.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "indicators",
    operation_id = "list_metrics",
    params(PageQuery),
    responses(
        (status = 200, description = "The catalog", body = Page<MetricCount>),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is busy or the query ran past its time budget; try again after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn list_metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.validate()?;
    let store = state.store.clone();
    let all = blocking(move || store.metric_counts()).await?;
    let total = all.len() as u64;
    let items = all
        .iter()
        .skip(page.offset as usize)
        .take(page.limit as usize)
        .cloned()
        .collect();
    Ok(Page::new(&req, page, items, total).respond())
}
