//! Types shared by ingest, store and api, and the vocabulary they speak: places on both maps,
//! the metric catalog and accent folding. Independent of how they are stored or served.

mod article;
mod article_id;
mod columns;
mod comparison;
mod evidence;
mod facet;
mod ground;
mod indicator;
pub mod keyword;
mod like_with_like;
pub mod metrics;
mod origin;
mod period;
mod period_kind;
pub mod places;
mod query;
mod series;
mod summary;
pub mod text;
mod year;

pub use article::{Article, ArticleSummary, Caption, NewArticle};
pub use article_id::{ArticleId, BadArticleId};
pub use comparison::{
    ComparisonQuery, ComparisonRow, ComparisonSort, Figure, LeftOut, LeftOutReason, MetricComparison,
    MetricName, PeriodChoice, choose_measure,
};
pub use evidence::{EVIDENCE_CHARS, Evidence, TextField};
pub use facet::{FACET_VALUES, Facet, FacetKey, FacetValue};
pub use ground::{GroundPoint, ground_per_period};
pub use indicator::{Direction, Indicator, NewIndicator, Qualifier, Unit};
pub use like_with_like::{Chosen, choose_value, most_common_kind};
pub use metrics::{Metric, MetricKey};
pub use origin::{ContentSource, Origin};
pub use period::{BadPeriod, PERIOD_PATTERN, Period};
pub use period_kind::{PeriodKind, Spread};
pub use places::{
    Gazetteer, Level, Locality, LocalityAlias, LocalityDetail, LocalityLink, LocalityRef, PlaceId, PlaceRef,
    ProvinceRef, Scheme, Share, UnitType,
};
pub use query::{
    ArticleFilter, ArticleSort, DateRange, IndicatorFilter, IndicatorSort, LocalityFilter, LocalitySort,
    SchemeChoice, Total, Undated, UnitOrder,
};
pub use series::{LocalityMetricSeries, PartSeries, SeriesQuery, SeriesValue, one_per_period};
pub use summary::{
    CardPart, CardParts, CardValue, ChildCount, GroundCard, LocalitySummary, MetricCard, MetricCount, Trend,
    metric_card,
};
pub use year::{BadYear, YEARS, Year};
