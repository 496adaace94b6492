//! What the sender of a text said of it, and how its text was obtained: kept with the article
//! so that re-extraction reads it as the first extraction did.

use crate::domain::keyword::keyword;
use chrono::NaiveDate;

keyword! {
/// How an article's text was obtained.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ContentSource {
    /// Sent or loaded as text: the page as scraped.
    #[default]
    Text = "text",
    /// The main content of an HTML page, read by chiso; headline, date, author and address
    /// from its markup.
    Html = "html",
    /// A record of trafilatura's JSON output.
    Trafilatura = "trafilatura",
}
}

impl std::str::FromStr for ContentSource {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ContentSource::parse(s).ok_or_else(|| format!("not a content source: {s:?}"))
    }
}

/// Where a text came from and what its sender (or its page's markup) said of it. A field
/// given here overrides what extraction reads from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file it was loaded from, as the store should remember it.
    pub source_file: Option<String>,
    pub source_url: Option<String>,
    /// The publication date, when the sender or the page's markup states it.
    pub published_on: Option<NaiveDate>,
    /// The day the article was first stored (not a column of its own: its creation time).
    pub stored_on: Option<NaiveDate>,
    /// The headline, when the page's markup states it.
    pub title: Option<String>,
    /// The author, when the page's markup states it.
    pub byline: Option<String>,
    pub content_source: ContentSource,
}

impl Origin {
    /// A text of which nothing is known but its words.
    pub const NONE: Origin = Origin {
        source_file: None,
        source_url: None,
        published_on: None,
        stored_on: None,
        title: None,
        byline: None,
        content_source: ContentSource::Text,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_content_source_reads_back_from_its_spelling_and_serde_agrees() {
        for c in ContentSource::ALL {
            assert_eq!(c.as_str().parse::<ContentSource>(), Ok(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        assert!("pdf".parse::<ContentSource>().is_err());
    }
}
