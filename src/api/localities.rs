//! `/localities` and `/summaries`: the gazetteer, and what the articles report per unit.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::pagination::{Page, page_request};
use super::{AppState, blocking, params};
use crate::domain::{Level, Locality, LocalityDetail, LocalityFilter, LocalitySummary, UnitType};
use crate::error::{ApiError, Problem};

/// Filters of `GET /localities`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LocalityListQuery {
    /// Items per page, 1 to 200.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200, example = 20)]
    pub limit: Option<String>,
    /// Items to skip.
    #[param(value_type = Option<u64>, minimum = 0, maximum = 9007199254740991_u64, example = 0)]
    pub offset: Option<String>,
    #[param(value_type = Option<Level>, example = "province")]
    pub level: Option<String>,
    /// Legal type of the unit, in English.
    #[param(value_type = Option<UnitType>, rename = "type", example = "city")]
    #[serde(rename = "type")]
    pub unit_type: Option<String>,
    /// Code of the parent unit.
    #[param(example = "06", pattern = "^[0-9]{2}([0-9]([0-9]{2})?)?$")]
    pub parent: Option<String>,
    /// Words of the name, with or without accents ("bac kan").
    #[param(
        example = "bac kan",
        min_length = 1,
        max_length = 200,
        pattern = "[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]"
    )]
    pub q: Option<String>,
    /// Only units that articles name (`true`) or that none does (`false`).
    #[param(value_type = Option<bool>, example = true)]
    pub has_articles: Option<String>,
}

const LEVELS: &[&str] = &["province", "district", "commune"];
const TYPES: &[&str] = &[
    "municipality",
    "province",
    "city",
    "town",
    "urban_district",
    "rural_district",
    "ward",
    "township",
    "commune",
];

/// List localities
///
/// Vietnam's administrative units before the 2025 reform (63 provinces, 696 districts,
/// 10,035 communes), by GSO code, filtered by level, type, parent, name or articles.
#[utoipa::path(
    get,
    path = "/localities",
    tag = "localities",
    operation_id = "list_localities",
    params(LocalityListQuery),
    responses(
        (status = 200, description = "One page of units", body = Page<Locality>),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`parent` is well-formed but no unit has that code", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_localities(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<LocalityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page_request(query.limit.as_deref(), query.offset.as_deref())?;
    let filter = LocalityFilter {
        level: params::keyword("level", query.level.as_deref(), Level::parse, LEVELS)?,
        unit_type: params::keyword("type", query.unit_type.as_deref(), UnitType::parse, TYPES)?,
        parent: params::locality("parent", query.parent.as_deref(), &state.gazetteer)?,
        q: params::search("q", query.q.as_deref())?,
        has_articles: query
            .has_articles
            .as_deref()
            .map(|v| params::flag("has_articles", Some(v), true))
            .transpose()?,
    };
    let store = state.store.clone();
    let (items, total) = blocking(move || store.list_localities(&filter, page.limit, page.offset)).await?;
    Ok(Page::new(&req, page, items, total).respond())
}

/// Code of a unit.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct LocalityPath {
    /// GSO code: 2 digits for a province, 3 for a district, 5 for a commune.
    #[param(example = "058")]
    pub code: String,
}

/// Get a locality
///
/// One unit with its parents, how many units it has under it, its historical names, its
/// 2025 successor province and how many articles name it.
#[utoipa::path(
    get,
    path = "/localities/{code}",
    tag = "localities",
    operation_id = "get_locality",
    params(LocalityPath),
    responses(
        (status = 200, description = "The unit", body = LocalityDetail),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 404, description = "No unit has this code", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_locality(
    state: web::Data<AppState>,
    path: web::Path<LocalityPath>,
) -> Result<HttpResponse, ApiError> {
    let code = path.into_inner().code;
    let store = state.store.clone();
    let found = blocking(move || store.locality_detail(&code)).await?;
    found
        .map(|l| HttpResponse::Ok().json(l))
        .ok_or_else(|| ApiError::not_found("no locality has this code"))
}

/// Query of the summary endpoints.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// With `false`, only what is about the unit itself, not the units under it.
    #[param(value_type = Option<bool>, example = true)]
    pub rollup: Option<String>,
}

/// Summarise a locality
///
/// What a dashboard card shows: article count and date range, indicator count, for each
/// metric the latest value (with period and source article) and the full series, and every
/// child unit with its own counts. Rolled up over the units under it unless `rollup=false`.
#[utoipa::path(
    get,
    path = "/localities/{code}/summary",
    tag = "localities",
    operation_id = "get_locality_summary",
    params(LocalityPath, SummaryQuery),
    responses(
        (status = 200, description = "The summary", body = LocalitySummary),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit has this code", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_locality_summary(
    state: web::Data<AppState>,
    path: web::Path<LocalityPath>,
    query: web::Query<SummaryQuery>,
) -> Result<HttpResponse, ApiError> {
    let rollup = params::flag("rollup", query.rollup.as_deref(), true)?;
    let code = path.into_inner().code;
    let store = state.store.clone();
    let found = blocking(move || store.locality_summary(&code, rollup)).await?;
    found
        .map(|s| HttpResponse::Ok().json(&*s))
        .ok_or_else(|| ApiError::not_found("no locality has this code"))
}

/// Query of `GET /summaries`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SummaryListQuery {
    /// Level of the units to compare.
    #[param(value_type = Level, example = "province")]
    pub level: Option<String>,
    /// Items per page, 1 to 200.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200, example = 20)]
    pub limit: Option<String>,
    /// Items to skip.
    #[param(value_type = Option<u64>, minimum = 0, maximum = 9007199254740991_u64, example = 0)]
    pub offset: Option<String>,
    /// With `false`, only what is about each unit itself.
    #[param(value_type = Option<bool>, example = true)]
    pub rollup: Option<String>,
}

/// Compare localities
///
/// The summary of every unit of a level that articles name, by code: a comparison table
/// (province against province, city against town). Each metric carries its count and latest
/// value; its series is left out here (`GET /localities/{code}/summary` has it).
#[utoipa::path(
    get,
    path = "/summaries",
    tag = "localities",
    operation_id = "list_summaries",
    params(SummaryListQuery),
    responses(
        (status = 200, description = "One page of summaries", body = Page<LocalitySummary>),
        (status = 304, description = "Not modified since the ETag given in If-None-Match"),
        (status = 400, description = "level is missing, or a parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_summaries(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<SummaryListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page_request(query.limit.as_deref(), query.offset.as_deref())?;
    let level = params::keyword("level", query.level.as_deref(), Level::parse, LEVELS)?.ok_or_else(|| {
        ApiError::bad_parameter("level", "level is required: province, district or commune")
    })?;
    let rollup = params::flag("rollup", query.rollup.as_deref(), true)?;
    let store = state.store.clone();
    let (items, total) = blocking(move || {
        let (codes, total) = store.units_with_articles(level, page.limit, page.offset)?;
        let mut summaries = Vec::with_capacity(codes.len());
        for code in codes {
            if let Some(summary) = store.locality_summary(&code, rollup)? {
                summaries.push(summary.without_series());
            }
        }
        Ok((summaries, total))
    })
    .await?;
    Ok(Page::new(&req, page, items, total).respond())
}
