//! HTTP handlers and their DTOs. No SQL here: handlers validate input, call the store off
//! the async workers and shape the answer.

pub mod articles;
pub mod health;
pub mod pagination;

use std::sync::Arc;

use actix_web::web;

use crate::error::ApiError;
use crate::ingest::Gazetteer;
use crate::store::{Store, StoreError};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub gazetteer: Arc<Gazetteer>,
}

/// Runs a blocking store call on actix's blocking thread pool.
pub async fn blocking<T, F>(f: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, StoreError> + Send + 'static,
    T: Send + 'static,
{
    web::block(f)
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::from)
}

/// Registers every route of the API.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/health").route(web::get().to(health::health)))
        .service(web::resource("/ready").route(web::get().to(health::ready)))
        .service(web::resource("/articles").route(web::get().to(articles::list_articles)))
        .service(web::resource("/articles/{id}").route(web::get().to(articles::get_article)))
        .service(
            web::resource("/articles/{id}/indicators")
                .route(web::get().to(articles::list_article_indicators)),
        );
}
