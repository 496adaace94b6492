//! `/indicators` and `/metrics`: every figure, filtered and sorted, and the metric catalog.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{self, FieldList, Format, ListFormat, Output};
use super::pagination::{Page, PageRequest};
use super::params;
use super::params::{Finite, Flag, IsoDate, Limit, Offset, Search, Several};
use super::state::{AppState, blocking};
use crate::domain::{
    ArticleId, Direction, FacetKey, Indicator, IndicatorFilter, IndicatorSort, MetricKey, Period, PlaceId,
    Undated, Unit, Year,
};
use crate::error::{ApiError, Problem};

/// Filters of `GET /indicators`. No filter has an example value: each is optional, and
/// several at once rarely match anything.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IndicatorListQuery {
    /// Items per page, 1 to 200 (default 20).
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Items to skip (default 0).
    #[param(inline)]
    pub offset: Option<Offset>,
    /// One metric key (`poverty_rate`), or several separated by commas (see `GET /metrics`).
    #[param(inline)]
    pub metric: Option<Several<MetricKey>>,
    /// Id of a unit on either map (`2024-p58`, `2025-p56`), or several separated by commas: figures
    /// about them and, by default, about the units on their ground (the units under them, and
    /// the units of the other map within them).
    #[param(inline)]
    pub locality: Option<Several<PlaceId>>,
    /// With `false`, only figures about `locality` itself (or its same unit on the other map).
    #[param(value_type = Option<bool>, default = true)]
    pub include_descendants: Option<Flag>,
    /// Id of the article the figures come from (16 hex digits), or several separated by commas.
    #[param(inline)]
    pub article: Option<Several<ArticleId>>,
    /// Earliest date of the figure's article (publication, else event), inclusive:
    /// `2021-01-01`. The figure's own period is `period` or `year`.
    #[param(inline)]
    pub from: Option<IsoDate>,
    /// Latest date of the figure's article (publication, else event), inclusive: `2021-12-31`.
    #[param(inline)]
    pub to: Option<IsoDate>,
    /// Figures of articles with neither a publication nor an event date: `include` them (the
    /// default without `from`/`to`), `exclude` them (the default with either), or list `only`
    /// them.
    pub undated: Option<Undated>,
    pub unit: Option<Unit>,
    pub direction: Option<Direction>,
    /// Exact period: `2021`, `2021-H1`, `2021-Q3`, `2021-9M`, `2021-09`, or a span `2016-2020`.
    #[param(inline)]
    pub period: Option<Period>,
    /// Every period that starts in a year (`2021`).
    #[param(inline)]
    pub year: Option<Year>,
    #[param(inline)]
    pub min_value: Option<Finite>,
    #[param(inline)]
    pub max_value: Option<Finite>,
    /// Words of the label, with or without accents (`ho ngheo`).
    #[param(inline)]
    pub q: Option<Search>,
    pub sort: Option<IndicatorSort>,
    /// Counts of the whole filtered list for filter sidebars, by any of `metric`, `unit`,
    /// `direction`, `period`, `locality`, separated by commas (`facets=metric,unit`).
    #[param(inline)]
    pub facets: Option<Several<FacetKey>>,
    /// Only these fields of each item, separated by commas (`fields=id,value,period`).
    #[param(inline)]
    pub fields: Option<FieldList<Indicator>>,
    /// `json` (one page, the default), `csv` or `ndjson` (the whole filtered list, streamed);
    /// also chosen by `Accept: text/csv` or `Accept: application/x-ndjson`.
    pub format: Option<ListFormat>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}

impl IndicatorListQuery {
    fn filter(&self, state: &AppState) -> Result<IndicatorFilter, ApiError> {
        let localities = params::several(self.locality.clone());
        Ok(IndicatorFilter {
            metrics: params::several(self.metric.clone()),
            localities: params::known("locality", localities, &state.gazetteer)?,
            descendants: params::flag_or(self.include_descendants, true),
            articles: params::several(self.article.clone()),
            dates: params::date_range(self.from, self.to, self.undated),
            unit: self.unit,
            direction: self.direction,
            period: self.period.clone(),
            year: self.year.map(Year::get),
            min_value: self.min_value.map(|v| v.0),
            max_value: self.max_value.map(|v| v.0),
            q: self.q.clone().map(|q| q.0),
            sort: self.sort.unwrap_or_default(),
        })
    }
}

/// List indicators
///
/// Every figure extracted, with what a table row needs: metric and its names, label, value,
/// unit, period, unit the figure is about, source article and the evidence sentence with
/// the figure's offsets in the article body (Unicode scalar values), its date and its unit's
/// province and coordinates. `facets=` adds counts for filter sidebars, `fields=` cuts items
/// down; `format=csv` or `ndjson` (or the `Accept` header) streams the whole filtered list.
#[utoipa::path(
    get,
    path = "/indicators",
    tag = "indicators",
    operation_id = "list_indicators",
    params(IndicatorListQuery),
    responses(
        (status = 200, description = "One page of indicators, or all of them as CSV or NDJSON",
         content((Page<Indicator> = "application/json"), (String = "text/csv"), (Indicator = "application/x-ndjson")),
         headers(("Link" = String, description = "RFC 8288 links to the first, last, next and previous pages"))),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`locality` is well-formed but no unit has that code", body = Problem, content_type = "application/problem+json"),
        crate::error::ExportsBusy,
        crate::error::ReadFailures,
    )
)]
pub async fn list_indicators(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: Query<IndicatorListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::of(query.limit, query.offset);
    let filter = query.filter(&state)?;
    let output = Output::of(
        &req,
        query.format.map(Format::from),
        query.fields.clone(),
        query.bom,
        Format::LIST,
    );
    let facets = params::several(query.facets.clone());
    export::list_or_stream(
        &req,
        &state.store,
        &output,
        page,
        "indicators",
        filter,
        |filter, export, sink| export.for_each_indicator(filter, |i| sink.push(&i)),
        move |filter, store| {
            let (items, total) = store.list_indicators(filter, page.limit, page.offset)?;
            Ok((items, total, store.indicator_facets(filter, &facets)?))
        },
    )
    .await
}

/// Id of an indicator.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct IndicatorPath {
    #[param(value_type = i64, minimum = 1, example = 1)]
    pub id: String,
}

/// Query of `GET /indicators/{id}`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IndicatorQuery {
    /// `sentence`: the evidence carries the whole sentence the figure was read from
    /// (`evidence.sentence`), not only the window around the figure.
    #[param(example = "sentence")]
    pub include: Option<IndicatorInclude>,
}

/// What `GET /indicators/{id}` can add.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorInclude {
    Sentence,
}

/// Get an indicator
///
/// One figure with its metric, source article and evidence: the window of at most 240
/// characters of its sentence around it, and with `include=sentence` the whole sentence.
#[utoipa::path(
    get,
    path = "/indicators/{id}",
    tag = "indicators",
    operation_id = "get_indicator",
    params(IndicatorPath, IndicatorQuery),
    responses(
        (status = 200, description = "The indicator", body = Indicator),
        crate::error::NotModified,
        (status = 400, description = "The id is not a number, or a query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No indicator has this id", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The figure was in its article and re-extraction no longer finds it (or the article was deleted); the detail links the article", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn get_indicator(
    state: web::Data<AppState>,
    path: web::Path<IndicatorPath>,
    query: Query<IndicatorQuery>,
) -> Result<HttpResponse, ApiError> {
    let id: i64 = path
        .id
        .parse()
        .map_err(|_| ApiError::bad_parameter("id", "an indicator id is a whole number"))?;
    let with_sentence = query.include.is_some();
    let store = state.store.clone();
    let found = blocking(move || {
        let Some(mut indicator) = store.get_indicator(id)? else {
            return Ok(Err(store.retired_indicator(id)?));
        };
        if with_sentence {
            indicator.evidence.sentence = store.indicator_sentence(id)?;
        }
        Ok(Ok(indicator))
    })
    .await?;
    match found {
        Ok(indicator) => Ok(HttpResponse::Ok().json(indicator)),
        Err(Some(article)) => Err(ApiError::gone(format!(
            "re-extraction no longer finds this figure in its article: /articles/{article} lists what it finds"
        ))),
        Err(None) => Err(ApiError::no_such("indicator")),
    }
}
