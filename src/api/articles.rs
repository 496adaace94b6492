//! `/articles`: the stored reports, their bodies and their indicators.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::pagination::{Page, PageQuery};
use super::{AppState, blocking};
use crate::domain::{Article, ArticleSummary, Indicator};
use crate::error::{ApiError, Problem};

/// Query of `GET /articles/{id}`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ArticleQuery {
    /// `indicators` to embed the article's indicators in the answer.
    #[param(example = "indicators", pattern = "^indicators$")]
    pub include: Option<String>,
}

/// Id of an article: 16 hex digits.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ArticlePath {
    /// Stable article id.
    #[param(example = "7b0f3c5e9a1d2468")]
    pub id: String,
}

/// Indicators embedded by `include=indicators`: an article has at most a few hundred.
const EMBEDDED_INDICATORS: u32 = 1000;

/// List articles
///
/// Articles newest first (by publication date, else event date), without their bodies.
#[utoipa::path(
    get,
    path = "/articles",
    tag = "articles",
    operation_id = "list_articles",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of articles", body = Page<ArticleSummary>,
         headers(("Link" = String, description = "RFC 8288 links to the first, last, next and previous pages"))),
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_articles(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.validate()?;
    let store = state.store.clone();
    let (items, total) = blocking(move || store.list_articles(page.limit, page.offset)).await?;
    Ok(Page::new(&req, page, items, total).respond())
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
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_article(
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
    query: web::Query<ArticleQuery>,
) -> Result<HttpResponse, ApiError> {
    let with_indicators = match query.include.as_deref() {
        None | Some("") => false,
        Some("indicators") => true,
        Some(other) => {
            return Err(ApiError::bad_parameter(
                "include",
                format!("include takes `indicators`, got {other:?}"),
            ));
        }
    };
    let id = path.into_inner().id;
    let store = state.store.clone();
    let found = blocking(move || {
        let Some(mut article) = store.get_article(&id)? else {
            return Ok(None);
        };
        if with_indicators {
            article.indicators = Some(store.list_article_indicators(&id, EMBEDDED_INDICATORS, 0)?.0);
        }
        Ok(Some(article))
    })
    .await?;
    found
        .map(|a| HttpResponse::Ok().json(a))
        .ok_or_else(|| ApiError::NotFound("no article has this id".into()))
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
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_article_indicators(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = query.validate()?;
    let id = path.into_inner().id;
    let store = state.store.clone();
    let found = blocking(move || {
        if !store.article_exists(&id)? {
            return Ok(None);
        }
        store
            .list_article_indicators(&id, page.limit, page.offset)
            .map(Some)
    })
    .await?;
    let (items, total) = found.ok_or_else(|| ApiError::NotFound("no article has this id".into()))?;
    Ok(Page::new(&req, page, items, total).respond())
}
