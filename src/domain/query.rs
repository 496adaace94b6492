//! What a reader can ask for: validated filters and sort orders, independent of HTTP and SQL.

use chrono::NaiveDate;

use super::{ArticleId, Direction, Level, MetricKey, Period, PlaceId, Scheme, Unit, UnitType};

/// Orders of `GET /articles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = ArticleSortKey)]
pub enum ArticleSort {
    // Newest first by publication date, else event date (the default).
    #[default]
    #[serde(rename = "-published_on")]
    NewestFirst,
    #[serde(rename = "published_on")]
    OldestFirst,
    #[serde(rename = "title")]
    Title,
    // Best full-text match first; only with a search.
    #[serde(rename = "relevance")]
    Relevance,
}

/// Whether a date filter keeps the articles that have no date (neither a publication nor an
/// event date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Undated {
    /// Undated articles too, besides those within `from`/`to` (the default without a range).
    Include,
    /// Dated articles only (the default when `from` or `to` is given).
    Exclude,
    /// Undated articles only (no `from`/`to` can select one).
    Only,
}

/// Inclusive bounds on an article's date (publication, else event), and what to do with the
/// articles that have none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// As asked; [`DateRange::undated`] gives what applies.
    pub undated: Option<Undated>,
}

impl DateRange {
    /// Whether undated articles are kept: as asked, else kept only when no bound is given.
    pub fn undated(&self) -> Undated {
        match (self.undated, self.from.is_some() || self.to.is_some()) {
            (Some(u), _) => u,
            (None, true) => Undated::Exclude,
            (None, false) => Undated::Include,
        }
    }

    /// Whether this range keeps every article.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none() && self.undated() == Undated::Include
    }
}

/// Which articles to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFilter {
    /// Articles naming any of these units or, with `descendants`, any unit on their ground
    /// (units under them, and units of the other map within them); empty means all.
    pub localities: Vec<PlaceId>,
    /// With `false`, only articles whose primary unit is one of `localities` (or its same unit
    /// on the other map).
    pub descendants: bool,
    /// Bounds on `published_on`, falling back to `event_date`.
    pub dates: DateRange,
    /// Full-text search over title and body, accent-insensitive.
    pub q: Option<String>,
    /// Articles reporting any of these metrics; empty means all.
    pub metrics: Vec<MetricKey>,
    pub sort: ArticleSort,
}

/// Orders of `GET /indicators`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = IndicatorSortKey)]
pub enum IndicatorSort {
    // Newest article first, then the order of the article (the default).
    #[default]
    #[serde(rename = "-published_on")]
    Newest,
    #[serde(rename = "value")]
    ValueAscending,
    #[serde(rename = "-value")]
    ValueDescending,
    #[serde(rename = "period")]
    PeriodAscending,
    #[serde(rename = "-period")]
    PeriodDescending,
    #[serde(rename = "metric")]
    Metric,
}

/// Which indicators to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorFilter {
    /// Any of these metrics; empty means all.
    pub metrics: Vec<MetricKey>,
    /// About any of these units; empty means all.
    pub localities: Vec<PlaceId>,
    /// With `true` (the default at the API), indicators of every unit on their ground too.
    pub descendants: bool,
    /// From any of these articles; empty means all.
    pub articles: Vec<ArticleId>,
    /// Bounds on the date of the figure's article (publication, else event).
    pub dates: DateRange,
    pub unit: Option<Unit>,
    pub direction: Option<Direction>,
    /// Exact period key ("2021-H1").
    pub period: Option<Period>,
    /// Periods of this year ("2021", "2021-H1", "2021-Q3" …).
    pub year: Option<i32>,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    /// Words of the label, accent-insensitive.
    pub q: Option<String>,
    pub sort: IndicatorSort,
}

/// Which maps a list of units covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SchemeChoice {
    /// One map.
    One(Scheme),
    /// Both maps.
    #[default]
    Both,
}

impl<'de> serde::Deserialize<'de> for SchemeChoice {
    /// A map's name (`2024`, `2025`) or `all`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SchemeChoice, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        if s == "all" {
            return Ok(SchemeChoice::Both);
        }
        Scheme::parse(&s).map(SchemeChoice::One).ok_or_else(|| {
            let maps: Vec<&str> = Scheme::ALL.iter().map(|s| s.as_str()).collect();
            serde::de::Error::custom(format!("takes {} or all, got {s:?}", maps.join(", ")))
        })
    }
}

/// Named `SchemeKey` in the OpenAPI document: the spellings it reads.
impl utoipa::PartialSchema for SchemeChoice {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let keys = Scheme::ALL.iter().map(|s| s.as_str()).chain(["all"]);
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("Maps a list covers, as `scheme` takes them."))
            .enum_values(Some(keys))
            .into()
    }
}

impl utoipa::ToSchema for SchemeChoice {
    fn name() -> std::borrow::Cow<'static, str> {
        "SchemeKey".into()
    }
}

impl SchemeChoice {
    pub fn includes(self, scheme: Scheme) -> bool {
        match self {
            SchemeChoice::One(s) => s == scheme,
            SchemeChoice::Both => true,
        }
    }
}

/// Which localities to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocalityFilter {
    pub scheme: SchemeChoice,
    pub level: Option<Level>,
    pub unit_type: Option<UnitType>,
    pub parent: Option<PlaceId>,
    /// Words of the name, accent-insensitive ("bac kan").
    pub q: Option<String>,
    /// Only units that articles name (themselves or through a unit under them).
    pub has_articles: Option<bool>,
    /// By name (accents folded) instead of by map and code.
    pub by_name: bool,
}

/// Orders of `GET /summaries`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = SummarySortKey)]
pub enum UnitOrder {
    // By GSO code (the default).
    #[default]
    #[serde(rename = "code")]
    Code,
    // By name without its type, accents folded.
    #[serde(rename = "name")]
    Name,
    // Most articles first.
    #[serde(rename = "-article_count")]
    MostArticles,
}

/// Orders of `GET /localities`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[schema(as = LocalitySortKey)]
pub enum LocalitySort {
    #[default]
    Code,
    Name,
}

/// How many items a list holds: exact up to the store's counting cap, a lower bound past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    pub count: u64,
    /// `false` when the list holds more than `count` items.
    pub exact: bool,
}

impl From<u64> for Total {
    fn from(count: u64) -> Total {
        Total { count, exact: true }
    }
}
