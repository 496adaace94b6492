//! Text → article + indicators. Pure functions: no I/O, no store, no clock.
//!
//! [`ingest`] normalises a scraped page, splits it into title, dates, body, captions and
//! byline, resolves the places it names against the [`Gazetteer`] on the map in force when it
//! was written, and extracts its figures.

mod dates;
mod figures;
mod indicators;
mod labels;
mod localities;
pub mod metrics;
mod numbers;
mod page;
pub mod text;
mod tokens;

use crate::domain::{Caption, Gazetteer, NewArticle, Period, Scheme};
use localities::MapHint;

/// Version of the extraction rules. Stored with each article: articles saved by an older
/// version are extracted again when they are next seeded.
pub const EXTRACTOR_VERSION: i64 = 2;

/// Why a text could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the text is empty")]
    Empty,
    #[error("no article found: the text has no headline followed by a body")]
    NoArticle,
}

/// Turns one raw page text into an article with its indicators.
pub fn ingest(raw: &str, gazetteer: &Gazetteer) -> Result<NewArticle, IngestError> {
    let normalized = text::normalize(raw);
    if normalized.is_empty() {
        return Err(IngestError::Empty);
    }
    let parts = page::parse_page(&normalized);
    if parts.title.is_empty() || parts.blocks.iter().all(|b| b.caption) {
        return Err(IngestError::NoArticle);
    }
    let mut body = String::new();
    let mut captions = Vec::new();
    let mut caption_spans = Vec::new();
    let mut offset = 0;
    for block in &parts.blocks {
        if !body.is_empty() {
            body.push_str("\n\n");
            offset += 2;
        }
        let len = block.text.chars().count();
        if block.caption {
            captions.push(Caption {
                text: block.text.clone(),
                start: offset,
                end: offset + len,
            });
            caption_spans.push((body.len(), body.len() + block.text.len()));
        }
        body.push_str(&block.text);
        offset += len;
    }
    let published_year = dates::year_of(parts.published_on);
    let period = dates::period(
        std::iter::once(parts.title.as_str()).chain(
            parts
                .blocks
                .iter()
                .filter(|b| !b.caption)
                .map(|b| b.text.as_str()),
        ),
        published_year,
    );
    let event_date = parts
        .blocks
        .iter()
        .filter(|b| !b.caption)
        .take(2)
        .find_map(|b| dates::event_date(&b.text, published_year, period.as_ref()));
    let body_toks = tokens::tokenize(&body);
    let trailer = parts.trailer.join("\n");
    let map = map_in_force(parts.published_on.or(event_date), period.as_ref());
    let places = localities::resolve(
        gazetteer,
        map,
        &localities::Page {
            title: &parts.title,
            body: &body,
            body_toks: &body_toks,
            captions: &caption_spans,
            trailer: &trailer,
        },
    );
    let indicators = indicators::extract(
        &body,
        &body_toks,
        &indicators::Context {
            mentions: &places.mentions,
            primary: places.primary.as_ref(),
            period: period.as_ref(),
        },
    );
    Ok(NewArticle {
        id: text::article_id(&normalized),
        title: parts.title,
        published_on: parts.published_on,
        event_date,
        byline: parts.byline,
        period,
        body,
        captions,
        primary_locality: places.primary,
        localities: places.localities,
        raw_text: normalized,
        indicators,
    })
}

/// The map a text names units of: the one in force on its date or, without a date, at the end
/// of the period it reports on (a report on a period is written once the period is over).
fn map_in_force(date: Option<chrono::NaiveDate>, period: Option<&Period>) -> MapHint {
    if let Some(d) = date {
        return MapHint::Known(Scheme::in_force_on(d));
    }
    match period {
        Some(p) => MapHint::Known(Scheme::in_force_on(p.end())),
        None => MapHint::Unknown,
    }
}
