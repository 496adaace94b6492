//! Types shared by ingest, store and api, and the vocabulary they speak: places on both maps,
//! the metric catalog and accent folding. Independent of how they are stored or served.

mod article;
mod indicator;
pub mod metrics;
mod period;
pub mod places;
mod query;
mod summary;
pub mod text;

pub use article::{Article, ArticleSummary, Caption, NewArticle};
pub use indicator::{Direction, EVIDENCE_CHARS, Evidence, Indicator, NewIndicator, TextField, Unit};
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
