//! Indicators: one figure from an article, with what it measures and where it came from
//! (its [`Evidence`]).

use crate::domain::keyword::keyword;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use chrono::NaiveDate;

use super::{ArticleId, Evidence, MetricKey, Period, PlaceId, PlaceRef};

keyword! {
/// Unit of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A percentage: `value` 4.21 means 4.21 %.
    Percent = "percent",
    /// A change of a percentage, in points ("giảm 1,5 điểm phần trăm").
    PercentagePoint = "percentage_point",
    /// A count of things named by `unit_noun`.
    Count = "count",
    /// X of Y: `value` is X, `denominator` is Y.
    Ratio = "ratio",
    /// Money in đồng, scale words applied ("60,7 triệu đồng" = 60 700 000).
    Vnd = "vnd",
    /// Money in US dollars, scale words applied.
    Usd = "usd",
    /// Area in hectares.
    Hectare = "hectare",
    /// Area in square metres.
    SquareMetre = "square_metre",
    /// Area in square kilometres (a unit's land area).
    SquareKilometre = "square_kilometre",
    /// Mass in tonnes.
    Tonne = "tonne",
    /// Length in kilometres.
    Kilometre = "kilometre",
    /// Length in metres.
    Metre = "metre",
    /// Mass in kilograms.
    Kilogram = "kilogram",
    /// A multiple: "tăng 2,6 lần" is 2.6 times.
    Times = "times",
}
}

keyword! {
/// Whether a figure reports a change or a level reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Increase = "increase",
    Decrease = "decrease",
    Level = "level",
}
}

keyword! {
/// Whether a figure is a bound or an approximation rather than an exact value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// At least the value: "trên", "hơn", "ngoài", "vượt".
    Over = "over",
    /// At most the value: "dưới".
    Under = "under",
    /// Around the value: "khoảng", "chừng", "tầm".
    About = "about",
    /// Just under the value: "gần", "xấp xỉ".
    Nearly = "nearly",
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
