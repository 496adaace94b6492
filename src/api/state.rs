//! What every handler can reach, and the one way a handler runs a store call: off the async
//! workers.

use std::sync::Arc;

use actix_web::web;

use super::extraction::{Extractions, Limits};
use super::kept;
use super::links::PublicBase;
use super::replica;
use crate::domain::Gazetteer;
use crate::error::ApiError;
use crate::store::{Store, StoreError};

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
