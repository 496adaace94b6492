//! Adding, removing and re-extracting articles. Every write needs the bearer token and is
//! one store transaction: an article never exists without its indicators.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::article_body::{ArticleBody, read_body};
use super::article_formats;
use super::articles::ArticlePath;
use super::auth::WriteAccess;
use super::state::{AppState, blocking};
use crate::domain::{Article, Gazetteer, NewArticle};
use crate::error::{ApiError, Problem};
use crate::ingest::IngestError;
use crate::intake;
use crate::store::{Origin, SaveOutcome};

/// What a bulk re-extraction did.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"articles": 5, "updated": 5, "failed": 0}))]
pub struct ReextractReport {
    pub articles: u64,
    pub updated: u64,
    /// Articles in which the current extractor finds no article any more (left as they were).
    pub failed: u64,
}

/// An article as its JSON body, written on the blocking thread that read it: an article may
/// carry thousands of indicators.
fn json(article: Article) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(&article).map_err(ApiError::internal)
}

fn extract(text: &str, origin: &Origin, gazetteer: &Gazetteer) -> Result<NewArticle, ApiError> {
    intake::extract(text, origin, gazetteer).map_err(|e| match e {
        IngestError::NoWords => ApiError::unprocessable(
            "the text has no words in the Latin script Vietnamese is written in: there is no article in it",
        ),
    })
}

/// Add an article
///
/// Runs the extraction on the text and stores the article with its indicators. Send the raw
/// page as `text/plain; charset=utf-8`; the page as served as `text/html` (its main content
/// is read, and its headline, date, author and canonical address come from its markup;
/// `Content-Location` names the address it was fetched from); JSON whose optional fields
/// override what extraction finds; or a record of `trafilatura --json` (as
/// `application/vnd.trafilatura+json`, or as `application/json`, recognised by its fields).
/// Posting the same text again answers 200 with the stored article and creates nothing.
#[utoipa::path(
    post,
    path = "/articles",
    tag = "articles",
    operation_id = "create_article",
    security(("bearer_token" = [])),
    request_body(content(
        (article_formats::PlainArticle = "text/plain"),
        (article_formats::HtmlPage = "text/html"),
        (article_formats::NewArticleRequest = "application/json"),
        (article_formats::TrafilaturaRecord = "application/vnd.trafilatura+json"),
    )),
    responses(
        (status = 201, description = "Stored; `Location` names it", body = Article,
         headers(("Location" = String, description = "The new article's URL"))),
        (status = 200, description = "The same text was stored before; nothing was created", body = Article),
        (status = 400, description = "Malformed JSON, a field of the wrong type, a body that is not UTF-8, or a `Content-Location` that is not an http(s) URL", body = Problem, content_type = "application/problem+json"),
        crate::error::WriteRefusals,
        (status = 408, description = "The body did not arrive within the server's time limit; the connection is closed", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than the server accepts", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A media type other than text/plain, text/html, JSON or a trafilatura record; a charset other than UTF-8 for text or JSON; a page in a charset this server does not know; or a `Content-Encoding` other than gzip, deflate or identity (the answer's `Accept-Encoding` lists them)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A text, or a page's main content, with no letter of the Latin script (it would have no words); a page whose bytes are not valid in its declared charset; an unknown field or a bad date", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server is busy (every extraction slot or the store's writer is taken, or reading the text ran past its time budget); try again after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn create_article(
    _: WriteAccess,
    state: web::Data<AppState>,
    body: ArticleBody,
) -> Result<HttpResponse, ApiError> {
    let gazetteer = state.gazetteer.clone();
    let (article, origin) = state
        .extractions
        .run(move || {
            let (text, origin) = read_body(&body)?;
            Ok((extract(&text, &origin, &gazetteer)?, origin))
        })
        .await?;
    let store = state.store.clone();
    let id = article.id.clone();
    let (outcome, saved) = blocking(move || {
        let outcome = intake::save(&store, &article, &origin)?;
        Ok((outcome, store.article_with_indicators(&article.id)?.map(json)))
    })
    .await?;
    let saved = saved.ok_or_else(|| ApiError::internal("an article vanished right after it was saved"))??;
    Ok(match outcome {
        SaveOutcome::Created => HttpResponse::Created()
            .insert_header((header::LOCATION, format!("/articles/{id}")))
            .content_type(ContentType::json())
            .body(saved),
        SaveOutcome::Unchanged | SaveOutcome::Updated => {
            HttpResponse::Ok().content_type(ContentType::json()).body(saved)
        }
    })
}

/// Remove an article
///
/// Removes the article with its indicators.
#[utoipa::path(
    delete,
    path = "/articles/{id}",
    tag = "articles",
    operation_id = "delete_article",
    security(("bearer_token" = [])),
    params(("id" = String, Path, description = "Stable article id: 16 hex digits. The example is the article \
that the example of `POST /articles` creates, so that a collection run in order leaves the store as it found it.",
            example = "c40f8e328ba1fe37")),
    responses(
        (status = 204, description = "Removed"),
        crate::error::WriteRefusals,
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        crate::error::WriterBusy,
    )
)]
pub async fn delete_article(
    _: WriteAccess,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner().article_id()?;
    let store = state.store.clone();
    match blocking(move || store.delete_article(&id)).await? {
        true => Ok(HttpResponse::NoContent().finish()),
        false => Err(ApiError::no_such("article")),
    }
}

/// Re-extract an article
///
/// Runs the current extractor over the stored text and replaces the article's fields and
/// indicators; the id stays the same.
#[utoipa::path(
    post,
    path = "/articles/{id}/reextract",
    tag = "articles",
    operation_id = "reextract_article",
    security(("bearer_token" = [])),
    params(ArticlePath),
    responses(
        (status = 200, description = "The article as the current extractor reads it", body = Article),
        crate::error::WriteRefusals,
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The stored text has no words", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server is busy (every extraction slot or the store's writer is taken, or reading the text ran past its time budget); try again after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn reextract_article(
    _: WriteAccess,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner().article_id()?;
    let store = state.store.clone();
    let source = blocking({
        let id = id.clone();
        move || store.article_source(&id)
    })
    .await?
    .ok_or_else(|| ApiError::no_such("article"))?;
    let gazetteer = state.gazetteer.clone();
    let (article, source) = state
        .extractions
        .run(move || Ok((extract(&source.raw_text, &source.origin, &gazetteer)?, source)))
        .await?;
    let store = state.store.clone();
    let saved = blocking(move || {
        intake::replace(&store, &article, &source.origin)?;
        Ok(store.article_with_indicators(&id)?.map(json))
    })
    .await?
    .ok_or_else(|| ApiError::no_such("article"))??;
    Ok(HttpResponse::Ok().content_type(ContentType::json()).body(saved))
}

/// Re-extract every article
///
/// Runs the current extractor over every stored article, one transaction each. An article
/// in which it finds no article any more is left as it was and counted as failed.
#[utoipa::path(
    post,
    path = "/admin/reextract",
    tag = "admin",
    operation_id = "reextract_all",
    security(("bearer_token" = [])),
    responses(
        (status = 200, description = "What was done", body = ReextractReport),
        crate::error::WriteRefusals,
        crate::error::WriterBusy,
    )
)]
pub async fn reextract_all(_: WriteAccess, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let gazetteer = state.gazetteer.clone();
    let report = blocking(move || {
        let ids = store.article_ids()?;
        let mut report = ReextractReport {
            articles: ids.len() as u64,
            updated: 0,
            failed: 0,
        };
        for id in ids {
            let Some(source) = store.article_source(&id)? else {
                continue;
            };
            match intake::extract(&source.raw_text, &source.origin, &gazetteer) {
                Ok(article) => {
                    intake::replace(&store, &article, &source.origin)?;
                    report.updated += 1;
                }
                Err(_) => report.failed += 1,
            }
        }
        Ok(report)
    })
    .await?;
    Ok(HttpResponse::Ok().json(report))
}
