//! `/articles`: the stored reports, filtered and sorted, their bodies and their indicators.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::export::{self, FieldList, Format, ListFormat, Output};
use super::pagination::{Page, PageQuery, PageRequest};
use super::params;
use super::params::{Flag, IsoDate, Limit, Offset, Search, Several};
use super::state::{AppState, blocking};
use crate::domain::{
    Article, ArticleFilter, ArticleId, ArticleSort, ArticleSummary, FacetKey, Indicator, IndicatorFilter,
    MetricKey, PlaceId, Undated,
};
use crate::error::{ApiError, Problem};

/// Filters of `GET /articles`. No filter has an example value: each is optional, and
/// several at once rarely match anything.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArticleListQuery {
    /// Items per page, 1 to 200 (default 20).
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Items to skip (default 0).
    #[param(inline)]
    pub offset: Option<Offset>,
    /// Id of a unit on either map (`2024-p06`, `2025-p19`), or several separated by commas: articles
    /// about them and, by default, about the units on their ground: the units under them, and
    /// the units of the other map within them (`2025-p19`, Thái Nguyên since 2025, includes
    /// articles about the old Bắc Kạn, `2024-p06`).
    #[param(inline)]
    pub locality: Option<Several<PlaceId>>,
    /// With `false`, only articles whose primary unit is one of `locality` (or its same unit
    /// on the other map).
    #[param(value_type = Option<bool>, default = true)]
    pub include_descendants: Option<Flag>,
    /// Earliest date of the article (publication, else event), inclusive: `2021-01-01`.
    #[param(inline)]
    pub from: Option<IsoDate>,
    /// Latest date of the article (publication, else event), inclusive: `2021-12-31`.
    #[param(inline)]
    pub to: Option<IsoDate>,
    /// Articles with neither a publication nor an event date: `include` them (the default
    /// without `from`/`to`), `exclude` them (the default with either), or list `only` them.
    pub undated: Option<Undated>,
    /// Words to find in title and body, whole, with or without accents (`dang` finds "Đảng");
    /// a word ending in `*` matches as a prefix (`phi*` finds "phiếu" and "phiên").
    #[param(inline)]
    pub q: Option<Search>,
    /// Articles reporting a metric: one key (`poverty_rate`), or several separated by commas
    /// (see `GET /metrics`).
    #[param(inline)]
    pub metric: Option<Several<MetricKey>>,
    /// Order; `relevance` (best match first) orders as `-published_on` without `q`.
    pub sort: Option<ArticleSort>,
    /// Counts of the whole filtered list for filter sidebars, separated by commas: `metric`,
    /// `unit`, `direction` (of the articles' figures), `period`, `locality` (primary unit).
    #[param(inline)]
    pub facets: Option<Several<FacetKey>>,
    /// Only these fields of each item, separated by commas (`fields=id,title,published_on`).
    #[param(inline)]
    pub fields: Option<FieldList<ArticleSummary>>,
    /// `json` (one page, the default), `csv` or `ndjson` (the whole filtered list, streamed);
    /// also chosen by `Accept: text/csv` or `Accept: application/x-ndjson`.
    pub format: Option<ListFormat>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}

impl ArticleListQuery {
    fn filter(&self, state: &AppState) -> Result<ArticleFilter, ApiError> {
        let localities = params::several(self.locality.clone());
        Ok(ArticleFilter {
            localities: params::known("locality", localities, &state.gazetteer)?,
            descendants: params::flag_or(self.include_descendants, true),
            dates: params::date_range(self.from, self.to, self.undated),
            q: self.q.clone().map(|q| q.0),
            metrics: params::several(self.metric.clone()),
            sort: self.sort.unwrap_or_default(),
        })
    }
}

/// List articles
///
/// Articles without their bodies, newest first (publication date, else event date), filtered
/// by unit, dates, words, or metric. `facets=` adds counts for filter sidebars, `fields=`
/// cuts items down; `format=csv` or `ndjson` (or the `Accept` header) streams the whole
/// filtered list instead of a page.
#[utoipa::path(
    get,
    path = "/articles",
    tag = "articles",
    operation_id = "list_articles",
    params(ArticleListQuery),
    responses(
        (status = 200, description = "One page of articles, or all of them as CSV or NDJSON",
         content((Page<ArticleSummary> = "application/json"), (String = "text/csv"), (ArticleSummary = "application/x-ndjson")),
         headers(("Link" = String, description = "RFC 8288 links to the first, last, next and previous pages"),
                 ("ETag" = String, description = "Weak validator for If-None-Match"))),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`locality` is well-formed but no unit has that code", body = Problem, content_type = "application/problem+json"),
        crate::error::ExportsBusy,
        crate::error::ReadFailures,
    )
)]
pub async fn list_articles(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: Query<ArticleListQuery>,
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
        "articles",
        filter,
        |filter, export, sink| export.for_each_article(filter, |a| sink.push(&a)),
        move |filter, store| {
            let (items, total) = store.list_articles(filter, page.limit, page.offset)?;
            Ok((items, total, store.article_facets(filter, &facets)?))
        },
    )
    .await
}

/// Query of `GET /articles/{id}`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArticleQuery {
    /// `indicators` to embed the article's indicators in the answer.
    #[param(example = "indicators")]
    pub include: Option<IncludeKey>,
}

/// What `include` can embed.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum IncludeKey {
    Indicators,
}

/// Id of an article.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ArticlePath {
    /// Stable article id: 16 hex digits.
    #[param(example = "7bc80139dd48fc98")]
    pub id: String,
}

impl ArticlePath {
    /// The id, parsed once here: a malformed one names no article (404, as an unknown one).
    pub fn article_id(self) -> Result<ArticleId, ApiError> {
        self.id.parse().map_err(|_| ApiError::no_such("article"))
    }
}

/// Get an article
///
/// The full article: cleaned body (NFC; offsets count Unicode scalar values), photo
/// captions, every locality it names, and with `include=indicators` its indicators.
#[utoipa::path(
    get,
    path = "/articles/{id}",
    tag = "articles",
    operation_id = "get_article",
    params(ArticlePath, ArticleQuery),
    responses(
        (status = 200, description = "The article", body = Article),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn get_article(
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
    query: Query<ArticleQuery>,
) -> Result<HttpResponse, ApiError> {
    let with_indicators = query.include.is_some();
    let id = path.into_inner().article_id()?;
    let store = state.store.clone();
    let found = blocking(move || match with_indicators {
        true => store.article_with_indicators(&id),
        false => store.get_article(&id),
    })
    .await?;
    found
        .map(|a| HttpResponse::Ok().json(a))
        .ok_or_else(|| ApiError::no_such("article"))
}

/// List an article's indicators
///
/// The figures extracted from one article, in the order they appear in its body.
#[utoipa::path(
    get,
    path = "/articles/{id}/indicators",
    tag = "articles",
    operation_id = "list_article_indicators",
    params(ArticlePath, PageQuery),
    responses(
        (status = 200, description = "One page of the article's indicators", body = Page<Indicator>,
         headers(("Link" = String, description = "RFC 8288 links to the first, last, next and previous pages"))),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn list_article_indicators(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
    query: Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.page();
    let id = path.into_inner().article_id()?;
    let store = state.store.clone();
    let found = blocking(move || {
        if !store.article_exists(&id)? {
            return Ok(None);
        }
        let filter = IndicatorFilter {
            articles: vec![id.clone()],
            ..IndicatorFilter::default()
        };
        store.list_indicators(&filter, page.limit, page.offset).map(Some)
    })
    .await?;
    let (items, total) = found.ok_or_else(|| ApiError::no_such("article"))?;
    Ok(Page::new(&req, page, items, total).respond())
}
