//! `/localities/{id}/summary` and `/summaries`: what the articles report per unit, on either
//! map, rolled up over the ground of each unit.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{FieldList, Format, ListFormat, Output};
use super::kept::kept_answer;
use super::localities::LocalityPath;
use super::pagination::{Page, PageRequest};
use super::params;
use super::params::{Flag, Limit, Offset, Several};
use super::state::{AppState, blocking};
use crate::domain::{CardPart, CardParts, Level, LocalitySummary, Scheme, UnitOrder};
use crate::error::{ApiError, Problem};
use crate::store::{Store, StoreError};

/// Query of the summary endpoints.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// With `false`, only what is about the unit itself, not the units on its ground.
    #[param(value_type = Option<bool>, default = true)]
    pub rollup: Option<Flag>,
    /// What to embed besides the counts and latest values, separated by commas: `series`
    /// (each metric's points per period, the unit's own and its ground's), `children` (every
    /// child unit with its counts).
    #[param(
        value_type = Option<String>,
        pattern = r"^(series|children)(,(series|children))?$",
        example = "series,children"
    )]
    pub include: Option<Several<CardPart>>,
}

/// Summarise a locality
///
/// What a dashboard card shows: article count and date range, indicator and child-unit
/// counts, and for each metric in each unit of measure the unit's own latest value (about the
/// unit itself: its source figure and article, how many values of its period there are and
/// their range) with its trend against the period before, and apart what the units on its
/// ground report in the period that ends last (how many units, their range and median). The
/// value chosen for a period is the unit's level over a change, of the period the last
/// reported (a later report restates or corrects an earlier one); cards read the 50 values of
/// each metric reported most recently. `include=series` adds each metric's points per period,
/// chosen the same way; `include=children` every child unit with its counts; the series
/// endpoint has the whole series. The ground of a unit covers both maps:
/// the 2025 Thái Nguyên (`2025-p19`) includes what was reported about the old Bắc Kạn (`2024-p06`)
/// and its districts and communes; the old Bắc Kạn includes reports on 2025 communes formed
/// wholly from its communes. A 2024 commune that was split between several 2025 communes lies
/// within none of them, only within their province. Values about a unit of the other map say
/// `crosswalk: true`. Roll-ups are skipped with `rollup=false`.
#[utoipa::path(
    get,
    path = "/localities/{id}/summary",
    tag = "localities",
    operation_id = "get_locality_summary",
    params(LocalityPath, SummaryQuery),
    responses(
        (status = 200, description = "The summary", body = LocalitySummary),
        crate::error::NotModified,
        (status = 400, description = "The id or a query parameter is malformed, or a parameter is unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit has this id", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn get_locality_summary(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<LocalityPath>,
    query: Query<SummaryQuery>,
) -> Result<HttpResponse, ApiError> {
    let rollup = params::flag_or(query.rollup, true);
    let parts = CardParts::of(&params::several(query.include.clone()));
    let id = path.unit(&state.gazetteer)?;
    kept_answer(
        &req,
        &state,
        move |store| store.locality_summary(&id, rollup),
        |s| (serde_json::to_vec(&s.card(parts)), None),
    )
    .await
}

/// Query of `GET /summaries`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SummaryListQuery {
    /// Level of the units to compare.
    #[param(value_type = Level, example = "province")]
    pub level: Option<Level>,
    /// The map: `2025` (the default; its 34 provinces) or `2024` (63 provinces); `district`
    /// exists on the 2024 map only and implies it (`scheme=2025&level=district` lists nothing).
    #[param(example = "2025")]
    pub scheme: Option<Scheme>,
    /// Items per page, 1 to 200.
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Items to skip.
    #[param(inline)]
    pub offset: Option<Offset>,
    /// With `false`, only what is about each unit itself.
    #[param(value_type = Option<bool>, default = true)]
    pub rollup: Option<Flag>,
    /// `code` (the default), `name` (accents folded) or `-article_count` (most written about
    /// first).
    pub sort: Option<UnitOrder>,
    /// Only these fields of each summary, separated by commas.
    #[param(inline)]
    pub fields: Option<FieldList<LocalitySummary>>,
    /// `json` (the default), `csv` or `ndjson` (this page's summaries, their counts only).
    pub format: Option<ListFormat>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}

/// Compare localities
///
/// The summary of every unit of a level on a map that articles name (itself, a unit on its
/// ground, or a unit of the other map within it), by code: a comparison table, province
/// against province. `scheme=2025&level=province` compares the 34 provinces of today, each
/// with what was reported about the provinces merged into it. Each item is the unit's card
/// without `include`.
#[utoipa::path(
    get,
    path = "/summaries",
    tag = "localities",
    operation_id = "list_summaries",
    params(SummaryListQuery),
    responses(
        (status = 200, description = "One page of summaries (as CSV or NDJSON: their counts)",
         content((Page<LocalitySummary> = "application/json"), (String = "text/csv"), (LocalitySummary = "application/x-ndjson"))),
        crate::error::NotModified,
        (status = 400, description = "level is missing, or a parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn list_summaries(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: Query<SummaryListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::of(query.limit, query.offset);
    let level = query.level.ok_or_else(|| {
        ApiError::bad_parameter("level", "level is required: province, district or commune")
    })?;
    let implied = match level {
        Level::District => Scheme::Y2024,
        _ => Scheme::Y2025,
    };
    let scheme = query.scheme.unwrap_or(implied);
    let rollup = params::flag_or(query.rollup, true);
    let sort = query.sort.unwrap_or_default();
    let output = Output::of(
        &req,
        query.format.map(Format::from),
        query.fields.clone(),
        query.bom,
        Format::LIST,
    );
    let compute = move |limit: u32, offset: u64| {
        move |store: &Store| -> Result<(Vec<LocalitySummary>, u64), StoreError> {
            let (ids, total) = store.units_with_articles(scheme, level, sort, limit, offset)?;
            let summaries = store.locality_summaries(&ids, rollup)?;
            let cards = summaries.iter().map(|s| s.card(CardParts::default())).collect();
            Ok((cards, total))
        }
    };
    if output.format != Format::Json {
        // An export is the whole filtered list, never one page of it.
        let store = state.store.clone();
        let compute = compute(u32::MAX, 0);
        let (items, _) = blocking(move || compute(&store)).await?;
        return Ok(output.whole("summaries", &items));
    }
    let fields = output.fields;
    kept_answer(
        &req,
        &state,
        compute(page.limit, page.offset),
        |(items, total)| {
            let page = Page::new(&req, page, items, total).with_fields(fields.as_ref());
            let link = page.link_header();
            (serde_json::to_vec(&page), Some(link))
        },
    )
    .await
}
