//! HTTP handlers and their DTOs. No SQL here: handlers validate input, call the store off
//! the async workers and shape the answer.

pub mod article_body;
pub mod articles;
mod auth;
pub mod caching;
pub mod comparison;
pub mod compression;
pub mod explorer;
pub mod export;
mod extraction;
pub mod framing;
pub mod geojson;
pub mod health;
pub mod indicators;
pub mod kept;
mod links;
pub mod localities;
mod measure;
pub mod metrics;
pub mod pagination;
pub(crate) mod params;
pub mod query;
pub mod replica;
pub mod request_id;
pub mod root;
pub mod series;
pub mod summaries;
pub mod writes;

use std::sync::Arc;

use actix_web::web;

use crate::domain::Gazetteer;
use crate::error::ApiError;
use crate::store::{Store, StoreError};
pub use extraction::{Extractions, Limits};
pub use links::PublicBase;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub gazetteer: Arc<Gazetteer>,
    /// Bearer token that writes need; `None` disables writes.
    pub api_token: Option<Arc<str>>,
    pub extractions: Extractions,
    /// Where links in answers start.
    pub public: PublicBase,
    /// Set on a read replica.
    pub replica: Option<replica::ReplicaRole>,
    /// Answers kept as the bytes they are sent as.
    pub kept: Arc<kept::KeptAnswers>,
}

impl AppState {
    pub fn new(store: Store, gazetteer: Arc<Gazetteer>, api_token: Option<Arc<str>>) -> AppState {
        AppState {
            store,
            gazetteer,
            api_token,
            extractions: Extractions::new(Limits::default()),
            public: PublicBase::default(),
            replica: None,
            kept: Default::default(),
        }
    }

    /// The same state serving reads only, as a replica of a primary.
    pub fn as_replica(mut self, role: replica::ReplicaRole) -> AppState {
        self.replica = Some(role);
        self
    }

    /// The same state with links starting at a configured address or a proxy's.
    pub fn with_public_base(mut self, public: PublicBase) -> AppState {
        self.public = public;
        self
    }

    /// The same state with other limits on writes.
    pub fn with_limits(mut self, limits: Limits) -> AppState {
        self.extractions = Extractions::new(limits);
        self
    }
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
    let get = web::get;
    cfg.configure(explorer::routes)
        .service(web::resource("/").route(get().to(root::api_root)))
        .service(web::resource("/health").route(get().to(health::health)))
        .service(web::resource("/ready").route(get().to(health::ready)))
        .service(
            web::resource("/articles")
                .route(get().to(articles::list_articles))
                .route(web::post().to(writes::create_article)),
        )
        .service(
            web::resource("/articles/{id}")
                .route(get().to(articles::get_article))
                .route(web::delete().to(writes::delete_article)),
        )
        .service(web::resource("/articles/{id}/reextract").route(web::post().to(writes::reextract_article)))
        .service(web::resource("/admin/reextract").route(web::post().to(writes::reextract_all)))
        .service(
            web::resource("/articles/{id}/indicators").route(get().to(articles::list_article_indicators)),
        )
        .service(web::resource("/indicators").route(get().to(indicators::list_indicators)))
        .service(web::resource("/indicators/{id}").route(get().to(indicators::get_indicator)))
        .service(web::resource("/metrics").route(get().to(metrics::list_metrics)))
        .service(web::resource("/metrics/{metric}/localities").route(get().to(comparison::compare_metric)))
        .service(web::resource("/localities").route(get().to(localities::list_localities)))
        .service(web::resource("/localities/{id}").route(get().to(localities::get_locality)))
        .service(web::resource("/localities/{id}/summary").route(get().to(summaries::get_locality_summary)))
        .service(
            web::resource("/localities/{id}/metrics/{metric}/series")
                .route(get().to(series::get_metric_series)),
        )
        .service(web::resource("/summaries").route(get().to(summaries::list_summaries)));
}
