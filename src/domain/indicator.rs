//! Indicators: one figure from an article, with what it measures and where it came from
//! (its [`Evidence`]).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use chrono::NaiveDate;

use super::{ArticleId, Evidence, MetricKey, Period, PlaceId, PlaceRef};

/// Unit of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A percentage: `value` 4.21 means 4.21 %.
    Percent,
    /// A change of a percentage, in points ("giảm 1,5 điểm phần trăm").
    PercentagePoint,
    /// A count of things named by `unit_noun`.
    Count,
    /// X of Y: `value` is X, `denominator` is Y.
    Ratio,
    /// Money in đồng, scale words applied ("60,7 triệu đồng" = 60 700 000).
    Vnd,
    /// Money in US dollars, scale words applied.
    Usd,
    /// Area in hectares.
    Hectare,
    /// Area in square metres.
    SquareMetre,
    /// Area in square kilometres (a unit's land area).
    SquareKilometre,
    /// Mass in tonnes.
    Tonne,
    /// Length in kilometres.
    Kilometre,
    /// Length in metres.
    Metre,
    /// Mass in kilograms.
    Kilogram,
    /// A multiple: "tăng 2,6 lần" is 2.6 times.
    Times,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::PercentagePoint => "percentage_point",
            Unit::Count => "count",
            Unit::Ratio => "ratio",
            Unit::Vnd => "vnd",
            Unit::Usd => "usd",
            Unit::Hectare => "hectare",
            Unit::SquareMetre => "square_metre",
            Unit::SquareKilometre => "square_kilometre",
            Unit::Tonne => "tonne",
            Unit::Kilometre => "kilometre",
            Unit::Metre => "metre",
            Unit::Kilogram => "kilogram",
            Unit::Times => "times",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }

    pub const ALL: [Unit; 14] = [
        Unit::Percent,
        Unit::PercentagePoint,
        Unit::Count,
        Unit::Ratio,
        Unit::Vnd,
        Unit::Usd,
        Unit::Hectare,
        Unit::SquareMetre,
        Unit::SquareKilometre,
        Unit::Tonne,
        Unit::Kilometre,
        Unit::Metre,
        Unit::Kilogram,
        Unit::Times,
    ];
}

/// Whether a figure reports a change or a level reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    Level,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Level => "level",
        }
    }

    pub const ALL: [Direction; 3] = [Direction::Increase, Direction::Decrease, Direction::Level];

    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// Whether a figure is a bound or an approximation rather than an exact value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// At least the value: "trên", "hơn", "ngoài", "vượt".
    Over,
    /// At most the value: "dưới".
    Under,
    /// Around the value: "khoảng", "chừng", "tầm".
    About,
    /// Just under the value: "gần", "xấp xỉ".
    Nearly,
}

impl Qualifier {
    pub const ALL: [Qualifier; 4] = [
        Qualifier::Over,
        Qualifier::Under,
        Qualifier::About,
        Qualifier::Nearly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// An indicator produced by `ingest`, before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewIndicator {
    pub metric: MetricKey,
    pub label: String,
    pub value: f64,
    pub unit: Unit,
    pub unit_noun: Option<String>,
    pub denominator: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub direction: Direction,
    pub period: Option<Period>,
    pub locality: Option<PlaceId>,
    pub evidence: Evidence,
}

/// A stored indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": 1, "article_id": "5f0c2a9d41b7e3a8",
    "article_title": "Dân vận tốt góp phần thực hiện thắng lợi các “mục tiêu kép”",
    "metric": "economic_growth", "metric_name_vi": "Tốc độ tăng trưởng kinh tế (GRDP)",
    "metric_name_en": "Economic growth rate (GRDP)",
    "label": "Tốc độ tăng trưởng kinh tế", "value": 4.21, "unit": "percent", "unit_noun": null,
    "denominator": null, "qualifier": null, "direction": "level", "period": "2021-H1",
    "date": "2021-07-20",
    "locality": {"id": "2024-p06", "scheme": "2024", "code": "06", "name": "Tỉnh Bắc Kạn", "level": "province",
                 "province": {"id": "2024-p06", "name": "Tỉnh Bắc Kạn"}, "lat": 22.144269, "lon": 105.834543},
    "evidence": {
        "text": "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2021 đạt 4,21%, trong đó khu vực dịch vụ tăng 3,1%.",
        "field": "body", "start": 2710, "end": 2715, "sentence_start": 2658, "sentence_end": 2751
    }
}))]
pub struct Indicator {
    pub id: i64,
    pub article_id: ArticleId,
    /// The headline of the article; `null` when it has none.
    pub article_title: Option<String>,
    /// Key in the metric catalog (`other` when no catalog entry fits).
    pub metric: String,
    /// The metric's name in Vietnamese.
    pub metric_name_vi: String,
    /// The metric's name in English.
    pub metric_name_en: String,
    /// The Vietnamese phrase saying what is measured.
    pub label: String,
    pub value: f64,
    pub unit: Unit,
    /// What a count counts ("hộ", "mô hình", "lượt").
    pub unit_noun: Option<String>,
    /// For a ratio X/Y: Y.
    pub denominator: Option<f64>,
    /// `null` when the figure is exact as written; otherwise one of four English keywords
    /// (never the Vietnamese word): the figure is a bound or an approximation.
    pub qualifier: Option<Qualifier>,
    pub direction: Direction,
    pub period: Option<String>,
    /// Publication date of the source article, else the date of the event it reports.
    pub date: Option<NaiveDate>,
    /// The unit the figure is about, with its province and coordinates.
    pub locality: Option<PlaceRef>,
    pub evidence: Evidence,
}
