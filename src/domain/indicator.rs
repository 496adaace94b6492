//! Indicators: one figure from an article, with what it measures and where it came from.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{LocalityRef, MetricKey, Period, PlaceId};

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

    pub const ALL: [Unit; 13] = [
        Unit::Percent,
        Unit::PercentagePoint,
        Unit::Count,
        Unit::Ratio,
        Unit::Vnd,
        Unit::Usd,
        Unit::Hectare,
        Unit::SquareMetre,
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

/// The part of an article a figure stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// The headline (a headline figure the body usually repeats).
    Title,
    Body,
}

impl TextField {
    pub fn as_str(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Body => "body",
        }
    }

    pub fn parse(s: &str) -> Option<TextField> {
        match s {
            "title" => Some(TextField::Title),
            "body" => Some(TextField::Body),
            _ => None,
        }
    }
}

/// Where a figure stands in its article. Offsets count Unicode scalar values (code points) of
/// the article's `title` or `body`, as `field` says; for Vietnamese text they equal JavaScript
/// string indices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "text": "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2021 đạt 4,21%, trong đó khu vực dịch vụ tăng 3,1%.",
    "field": "body", "start": 2710, "end": 2715, "sentence_start": 2658, "sentence_end": 2751
}))]
pub struct Evidence {
    /// The sentence the figure was read from, cut to at most 240 characters around the figure
    /// ("…" marks a cut); the whole sentence is `body[sentence_start..sentence_end]`.
    pub text: String,
    pub field: TextField,
    /// Offset of the figure's first character.
    pub start: usize,
    /// Offset just past the figure's last character.
    pub end: usize,
    /// Offset of the sentence's first character.
    pub sentence_start: usize,
    /// Offset just past the sentence's last character.
    pub sentence_end: usize,
    /// The whole sentence, when asked for (`GET /indicators/{id}?include=sentence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// Characters of a sentence kept as a figure's evidence.
pub const EVIDENCE_CHARS: usize = 240;

impl Evidence {
    /// The evidence of a figure at `figure` (byte range) in a sentence at `sentence` (byte
    /// range) of `text`, with offsets given in characters by `to_char`.
    pub fn new(
        text: &str,
        field: TextField,
        sentence: (usize, usize),
        figure: (usize, usize),
        to_char: impl Fn(usize) -> usize,
    ) -> Evidence {
        Evidence {
            text: window(
                &text[sentence.0..sentence.1],
                figure.0 - sentence.0,
                figure.1 - sentence.0,
            ),
            field,
            start: to_char(figure.0),
            end: to_char(figure.1),
            sentence_start: to_char(sentence.0),
            sentence_end: to_char(sentence.1),
            sentence: None,
        }
    }
}

/// At most [`EVIDENCE_CHARS`] characters of `sentence` around the bytes `from..to`, cut at
/// spaces, with "…" where it was cut.
fn window(sentence: &str, from: usize, to: usize) -> String {
    if sentence.chars().count() <= EVIDENCE_CHARS {
        return sentence.to_owned();
    }
    let figure = sentence[from..to].chars().count();
    let half = EVIDENCE_CHARS.saturating_sub(figure + 2) / 2;
    let start = sentence[..from]
        .char_indices()
        .rev()
        .nth(half.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = sentence[to..]
        .char_indices()
        .nth(half)
        .map_or(sentence.len(), |(i, _)| to + i);
    let start = match start {
        0 => 0,
        s => sentence[s..from].find(' ').map_or(s, |p| s + p + 1),
    };
    let end = match end == sentence.len() {
        true => end,
        false => sentence[to..end].rfind(' ').map_or(end, |p| to + p),
    };
    let mut out = String::with_capacity(end - start + 6);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&sentence[start..end]);
    if end < sentence.len() {
        out.push('…');
    }
    out
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
    pub qualifier: Option<String>,
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
    "locality": {"id": "06", "scheme": "2024", "code": "06", "name": "Tỉnh Bắc Kạn", "level": "province"},
    "evidence": {
        "text": "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2021 đạt 4,21%, trong đó khu vực dịch vụ tăng 3,1%.",
        "field": "body", "start": 2710, "end": 2715, "sentence_start": 2658, "sentence_end": 2751
    }
}))]
pub struct Indicator {
    pub id: i64,
    pub article_id: String,
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
    /// `over` ("trên", "hơn", "ngoài"), `under` ("dưới"), `about` ("khoảng", "chừng", "tầm") or
    /// `nearly` ("gần", "xấp xỉ"): the figure is a bound or an approximation.
    pub qualifier: Option<String>,
    pub direction: Direction,
    pub period: Option<String>,
    /// The unit the figure is about.
    pub locality: Option<LocalityRef>,
    pub evidence: Evidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_bounded_around_the_figure() {
        let long = format!("{} đạt 4,21% {}", "trước ".repeat(100), "sau ".repeat(100));
        let at = long.find("4,21%").unwrap();
        let e = Evidence::new(&long, TextField::Body, (0, long.len()), (at, at + 6), |b| b);
        assert!(
            e.text.chars().count() <= EVIDENCE_CHARS,
            "{}",
            e.text.chars().count()
        );
        assert!(e.text.contains("4,21%") && e.text.starts_with('…') && e.text.ends_with('…'));
        let short = "Tỷ lệ hộ nghèo còn 4,21%.";
        let e = Evidence::new(short, TextField::Title, (0, short.len()), (20, 26), |b| b);
        assert_eq!(e.text, short);
    }
}
