//! Adding, removing and re-extracting articles. Every write needs the bearer token and is
//! one store transaction: an article never exists without its indicators.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::articles::ArticlePath;
use super::auth::WriteAccess;
use super::{AppState, blocking};
use crate::domain::{Article, IndicatorFilter, NewArticle};
use crate::error::{ApiError, Problem};
use crate::ingest::{self, EXTRACTOR_VERSION, IngestError};
use crate::store::{Origin, SaveOutcome, Store, StoreError};

/// An article sent as JSON; the optional fields override what extraction finds.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({
    "text": "Ban Dân vận Huyện ủy Nghi Lộc tổng kết công tác dân vận năm 2022\n\nNăm 2022, toàn huyện có 1.520 mô hình “Dân vận khéo”.",
    "source_url": "https://nghean.gov.vn/tin-tuc/123", "published_on": "2022-12-30"
}))]
pub struct NewArticleRequest {
    /// The page text exactly as scraped.
    pub text: String,
    /// Where the text was published.
    pub source_url: Option<String>,
    /// Publication date (YYYY-MM-DD); overrides the date read from the page.
    #[schema(format = Date)]
    pub published_on: Option<String>,
}

/// What a bulk re-extraction did.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"articles": 5, "updated": 5, "failed": 0}))]
pub struct ReextractReport {
    pub articles: u64,
    pub updated: u64,
    /// Articles in which the current extractor finds no article any more (left as they were).
    pub failed: u64,
}

const JSON_FIELDS: [&str; 3] = ["text", "source_url", "published_on"];

/// Reads the body by its content type into text and what the sender says of it.
fn read_body(req: &HttpRequest, body: &[u8]) -> Result<(String, Origin), ApiError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut parts = content_type.split(';').map(|p| p.trim().to_ascii_lowercase());
    let essence = parts.next().unwrap_or_default();
    let charset_ok = parts
        .all(|p| !p.starts_with("charset=") || matches!(p.as_str(), "charset=utf-8" | "charset=\"utf-8\""));
    if !charset_ok || !matches!(essence.as_str(), "text/plain" | "application/json") {
        return Err(ApiError::unsupported_media_type(
            "send the article as text/plain; charset=utf-8, or as application/json",
        ));
    }
    let text = std::str::from_utf8(body).map_err(|_| ApiError::bad_request("the body is not valid UTF-8"))?;
    if essence == "text/plain" {
        return Ok((text.to_owned(), Origin::default()));
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(ApiError::bad_request(
            "the JSON body must be an object with a `text` field",
        ));
    };
    if let Some(unknown) = map.keys().find(|k| !JSON_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::bad_field(
            StatusCode::UNPROCESSABLE_ENTITY,
            unknown,
            format!("unknown field `{unknown}`; the fields are text, source_url and published_on"),
        ));
    }
    let string = |field: &str| match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::bad_field(
            StatusCode::BAD_REQUEST,
            field,
            format!("`{field}` must be a string"),
        )),
    };
    let text = string("text")?
        .ok_or_else(|| ApiError::bad_field(StatusCode::UNPROCESSABLE_ENTITY, "text", "`text` is required"))?;
    let source_url = string("source_url")?;
    if source_url
        .as_deref()
        .is_some_and(|u| !(u.starts_with("http://") || u.starts_with("https://")) || u.len() > 2048)
    {
        return Err(ApiError::bad_field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "source_url",
            "`source_url` must be an http(s) URL",
        ));
    }
    let published_on = string("published_on")?
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()
        .map_err(|_| {
            ApiError::bad_field(
                StatusCode::UNPROCESSABLE_ENTITY,
                "published_on",
                "`published_on` must be a date as YYYY-MM-DD",
            )
        })?;
    Ok((
        text,
        Origin {
            source_file: None,
            source_url,
            published_on,
        },
    ))
}

fn extract(text: &str, state: &AppState) -> Result<NewArticle, ApiError> {
    ingest::ingest(text, &state.gazetteer).map_err(|e| match e {
        IngestError::Empty => ApiError::unprocessable("the text is empty"),
        IngestError::NoArticle => ApiError::unprocessable(
            "no article found in the text: it needs a headline line followed by paragraphs",
        ),
    })
}

/// The stored article with its indicators.
fn stored(store: &Store, id: &str) -> Result<Option<Article>, StoreError> {
    let Some(mut article) = store.get_article(id)? else {
        return Ok(None);
    };
    let filter = IndicatorFilter {
        article: Some(id.to_owned()),
        ..IndicatorFilter::default()
    };
    article.indicators = Some(store.list_indicators(&filter, 1000, 0)?.0);
    Ok(Some(article))
}

/// Add an article
///
/// Runs the extraction on the text and stores the article with its indicators. Send the raw
/// page as `text/plain; charset=utf-8`, or JSON whose optional fields override what
/// extraction finds. Posting the same text again answers 200 with the stored article and
/// creates nothing.
#[utoipa::path(
    post,
    path = "/articles",
    tag = "articles",
    operation_id = "create_article",
    security(("bearer_token" = [])),
    request_body(content(
        (String = "text/plain", example = "Tiêu đề bài viết\n\nNăm 2022, tỷ lệ hộ nghèo giảm còn 3,5%."),
        (NewArticleRequest = "application/json"),
    )),
    responses(
        (status = 201, description = "Stored; `Location` names it", body = Article,
         headers(("Location" = String, description = "The new article's URL"))),
        (status = 200, description = "The same text was stored before; nothing was created", body = Article),
        (status = 400, description = "Malformed JSON, a field of the wrong type, or a body that is not UTF-8", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or wrong bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Writes are disabled on this server", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than the server accepts", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither text/plain (UTF-8) nor JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty text, no article in it, an unknown field or a bad date", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_article(
    _: WriteAccess,
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let (text, origin) = read_body(&req, &body)?;
    let article = extract(&text, &state)?;
    let store = state.store.clone();
    let (outcome, saved) = blocking(move || {
        let outcome = store.save_article(&article, &origin, EXTRACTOR_VERSION)?;
        Ok((outcome, stored(&store, &article.id)?))
    })
    .await?;
    let saved = saved.ok_or_else(|| ApiError::internal("an article vanished right after it was saved"))?;
    Ok(match outcome {
        SaveOutcome::Created => HttpResponse::Created()
            .insert_header((header::LOCATION, format!("/articles/{}", saved.summary.id)))
            .json(saved),
        SaveOutcome::Unchanged | SaveOutcome::Updated => HttpResponse::Ok().json(saved),
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
    params(ArticlePath),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No or wrong bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Writes are disabled on this server", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_article(
    _: WriteAccess,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner().id;
    let store = state.store.clone();
    match blocking(move || store.delete_article(&id)).await? {
        true => Ok(HttpResponse::NoContent().finish()),
        false => Err(ApiError::not_found("no article has this id")),
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
        (status = 401, description = "No or wrong bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Writes are disabled on this server", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No article has this id", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The current extractor finds no article in the stored text", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reextract_article(
    _: WriteAccess,
    state: web::Data<AppState>,
    path: web::Path<ArticlePath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner().id;
    let store = state.store.clone();
    let source = blocking({
        let id = id.clone();
        move || store.article_source(&id)
    })
    .await?
    .ok_or_else(|| ApiError::not_found("no article has this id"))?;
    let article = extract(&source.raw_text, &state)?;
    let store = state.store.clone();
    let saved = blocking(move || {
        store.replace_article(&article, &source.origin, EXTRACTOR_VERSION)?;
        stored(&store, &id)
    })
    .await?;
    saved
        .map(|a| HttpResponse::Ok().json(a))
        .ok_or_else(|| ApiError::not_found("no article has this id"))
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
        (status = 401, description = "No or wrong bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Writes are disabled on this server", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
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
            match ingest::ingest(&source.raw_text, &gazetteer) {
                Ok(article) => {
                    store.replace_article(&article, &source.origin, EXTRACTOR_VERSION)?;
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
