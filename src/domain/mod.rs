//! Types shared by ingest, store and api: what chiso knows, independent of how it is stored or served.

mod article;
mod indicator;
mod locality;

pub use article::{Article, ArticleSummary, Caption, NewArticle};
pub use indicator::{Direction, Evidence, Indicator, NewIndicator, Unit};
pub use locality::{Level, Locality, LocalityAlias, LocalityRef, UnitType};
