//! SQLite persistence: schema, migrations and queries. Returns domain types; knows nothing of HTTP.
//!
//! Calls block: the API runs them on actix's blocking pool, never on the async workers.

mod article_detail;
mod article_reads;
mod articles;
mod comparison;
mod facets;
mod first_screen;
mod gazetteer;
mod handle;
mod indicators;
mod localities;
mod meta;
mod pages;
mod refs;
mod schema;
mod sql;
mod summaries;
mod summary_cache;
mod summary_series;
mod verified;
mod vfs;

mod connections;

pub use crate::domain::Origin;
pub use articles::{SaveOutcome, StoredSource};
pub use connections::{Conn, ExportConn, ExportPermit, Sharing};
pub use first_screen::Warmed;
use handle::{SERVING_CACHE_KIB, date_column, register_functions};
pub use handle::{Store, StoreError};
pub use meta::Readiness;
