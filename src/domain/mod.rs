//! Types shared by ingest, store and api, and the vocabulary they speak: places on both maps,
//! the metric catalog and accent folding. Independent of how they are stored or served.

mod article;
mod evidence;
mod indicator;
pub mod metrics;
mod period;
pub mod places;
mod query;
mod summary;
pub mod text;

pub use article::{Article, ArticleSummary, Caption, NewArticle};
pub use evidence::{EVIDENCE_CHARS, Evidence, TextField};
pub use indicator::{Direction, Indicator, NewIndicator, Unit};
pub use metrics::{Metric, MetricKey};
pub use period::{BadPeriod, PERIOD_PATTERN, Period};
pub use places::{
    Gazetteer, Level, Locality, LocalityAlias, LocalityDetail, LocalityLink, LocalityRef, PlaceId, Scheme,
    Share, UnitType,
};
pub use query::{
    ArticleFilter, ArticleSort, IndicatorFilter, IndicatorSort, LocalityFilter, SchemeChoice, Total,
};
pub use summary::{ChildCount, LocalitySummary, MetricCount, MetricSeries, PartsSeries, SeriesPoint};
