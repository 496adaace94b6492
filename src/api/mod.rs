//! HTTP handlers and their DTOs. No SQL here: handlers validate input, call the store off
//! the async workers and shape the answer.

pub mod article_body;
pub mod article_formats;
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
mod routes;
pub mod series;
pub(crate) mod state;
pub mod summaries;
pub mod writes;

pub use extraction::{Extractions, Limits};
pub use links::PublicBase;
pub use routes::{ROUTES, RouteDoc, routes};
pub use state::{AppState, blocking};
