//! Types shared by ingest, store and api: what chiso knows, independent of how it is stored or served.

mod article;
mod indicator;
mod locality;
mod query;
mod summary;

pub use article::{Article, ArticleSummary, Caption, NewArticle};
pub use indicator::{Direction, Evidence, Indicator, NewIndicator, Unit};
pub use locality::{Level, Locality, LocalityAlias, LocalityDetail, LocalityRef, UnitType};
pub use query::{ArticleFilter, ArticleSort, IndicatorFilter, IndicatorSort, LocalityFilter, Total};
pub use summary::{ChildCount, LocalitySummary, MetricCount, MetricSeries, SeriesPoint};
