//! Articles: a report as scraped from a portal, cleaned, with the figures extracted from it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ArticleId, ContentSource, Indicator, LocalityRef, NewIndicator, Period, PlaceId};

/// A photo caption kept from the page, with its place in the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"text": "Cử tri xã Vi Hương (Bạch Thông) lựa chọn đại biểu trước khi bỏ phiếu bầu cử", "start": 312, "end": 388}))]
pub struct Caption {
    pub text: String,
    /// Offset of the caption's first character in `body`, in Unicode scalar values.
    pub start: usize,
    /// Offset just past the caption's last character in `body`, in Unicode scalar values.
    pub end: usize,
}

/// What `ingest` makes of one raw text, before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewArticle {
    /// Stable id derived from the normalised text.
    pub id: ArticleId,
    /// The headline, when the page prints one.
    pub title: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub event_date: Option<NaiveDate>,
    pub byline: Option<String>,
    pub period: Option<Period>,
    /// NFC-normalised body: paragraphs separated by a blank line.
    pub body: String,
    pub captions: Vec<Caption>,
    pub primary_locality: Option<PlaceId>,
    /// Every unit the article mentions with their parents, primary first, on the map in force
    /// when it was written.
    pub localities: Vec<PlaceId>,
    /// The text as received, NFC-normalised, for re-extraction.
    pub raw_text: String,
    pub indicators: Vec<NewIndicator>,
}

impl NewArticle {
    /// The article's date: its publication (the sender's date, else the page's), else the
    /// event it reports. Lists filter and order by it (`store::sql::ARTICLE_DATE`).
    pub fn date(&self) -> Option<NaiveDate> {
        self.published_on.or(self.event_date)
    }
}

/// An article as listed: everything but the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "5f0c2a9d41b7e3a8", "title": "Dân vận tốt góp phần thực hiện thắng lợi các “mục tiêu kép”",
    "published_on": "2021-07-20", "event_date": null, "byline": "Hương Dịu", "period": "2021-H1",
    "locality": {"id": "2024-p06", "scheme": "2024", "code": "06", "name": "Tỉnh Bắc Kạn", "level": "province"},
    "source_file": "000_01e126a4b9fa0ced.txt", "source_url": null, "content_source": "text", "indicator_count": 10
}))]
pub struct ArticleSummary {
    /// Stable id: the first 16 hex digits of the SHA-256 of the normalised text.
    pub id: ArticleId,
    /// The headline; `null` when the page prints none (it opens with its lede or a caption).
    pub title: Option<String>,
    /// Date the portal published the article, when the page says.
    pub published_on: Option<NaiveDate>,
    /// Date of the event reported, when the body says.
    pub event_date: Option<NaiveDate>,
    pub byline: Option<String>,
    /// Period the report covers: `2021`, `2021-H1`, `2021-Q3`, `2021-09`, `2021-9M`.
    pub period: Option<String>,
    /// The unit the article is primarily about.
    pub locality: Option<LocalityRef>,
    /// Seed file the article was loaded from; null for articles added through the API.
    pub source_file: Option<String>,
    pub source_url: Option<String>,
    /// How the text was obtained: as text, from a page's HTML (headline, date, author and
    /// address from its markup), or from a trafilatura record.
    pub content_source: ContentSource,
    pub indicator_count: u32,
}

/// A full article: summary fields plus body, captions and every locality it mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// Cleaned body, NFC: paragraphs separated by a blank line. Offsets elsewhere count
    /// Unicode scalar values (code points) of this string.
    pub body: String,
    pub captions: Vec<Caption>,
    /// Every unit the article mentions, with their parents, primary first, on the map in force
    /// when it was written.
    pub localities: Vec<LocalityRef>,
    /// Present when requested with `include=indicators`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Vec<Indicator>>,
}
