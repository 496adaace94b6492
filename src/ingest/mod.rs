//! Text → article + indicators. Pure functions: no I/O, no store, no clock.
//!
//! [`ingest`] normalises a scraped page, splits it into title, dates, body, captions and
//! byline, resolves the places it names against the [`Gazetteer`] on the map in force when it
//! was written, and extracts its figures.

mod changes;
mod dates;
mod figures;
mod indicators;
mod labels;
mod localities;
pub mod markup;
mod measure;
pub mod metrics;
mod numbers;
mod page;
mod periods;
mod scope;
pub mod text;
mod tokens;

use chrono::{Datelike, NaiveDate};

use crate::domain::places::Relation;
use crate::domain::{Caption, Gazetteer, NewArticle, Origin, Period, PlaceId, Scheme, TextField};
use localities::MapHint;

/// Version of the extraction rules. Stored with each article: articles saved by an older
/// version are extracted again when they are next seeded.
pub const EXTRACTOR_VERSION: i64 = 3;

/// Why a text could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the text has no words in the Latin script Vietnamese is written in")]
    NoWords,
}

/// A page as received: its text, what its sender (or its page's markup) said of it, and
/// the day it is stored.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The page as scraped.
    pub text: &'a str,
    /// What its sender said of it: its address (a provincial paper's or portal's names its
    /// unit), its date, headline and author, each over what the page says.
    pub origin: &'a Origin,
    /// The day the page is stored: no date or period it reports on is later.
    pub stored_on: Option<NaiveDate>,
}

impl<'a> Source<'a> {
    /// A text with what its sender said of it, stored on `today` unless it was stored before.
    pub fn of(text: &'a str, origin: &'a Origin, today: NaiveDate) -> Source<'a> {
        Source {
            text,
            origin,
            stored_on: origin.stored_on.or(Some(today)),
        }
    }

    /// A page known by its text alone.
    pub fn text(text: &'a str) -> Source<'a> {
        Source {
            text,
            origin: &Origin::NONE,
            stored_on: None,
        }
    }
}

/// Turns one page into an article with its indicators. Every text with words is an article:
/// a page without a headline has none, and a page of one line is its own body.
pub fn ingest(source: &Source<'_>, gazetteer: &Gazetteer) -> Result<NewArticle, IngestError> {
    let normalized = text::normalize(source.text);
    if !normalized.chars().any(crate::domain::text::is_latin_letter) {
        return Err(IngestError::NoWords);
    }
    let origin = source.origin;
    let url = origin.source_url.as_deref();
    let mut parts = page::parse_page(&normalized, origin.title.as_deref());
    if let Some(byline) = &origin.byline {
        parts.byline = Some(byline.clone());
    }
    if parts.blocks.iter().all(|b| b.caption) {
        let lines = parts.title.iter().map(|t| page::Block {
            text: t.clone(),
            caption: false,
        });
        parts.blocks.splice(0..0, lines.collect::<Vec<_>>());
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
    let title = parts.title.as_deref().unwrap_or_default();
    let not_later = |d: &NaiveDate| source.stored_on.is_none_or(|today| *d <= today);
    parts.published_on = parts.published_on.filter(not_later);
    let published = origin.published_on.or(parts.published_on);
    let stored = source.stored_on;
    let opening: Vec<&str> = parts
        .blocks
        .iter()
        .filter(|b| !b.caption)
        .take(2)
        .map(|b| b.text.as_str())
        .collect();
    let opening = opening.join("\n");
    // Without a printed date, the month a story is filed under in its address dates it; without
    // a printed headline, the headline folded into its address states its period.
    let address_date = url.and_then(page::address_date).filter(not_later);
    let dated = published.or(address_date);
    let headline_period = match parts.title {
        None => url
            .and_then(page::address_period)
            .filter(|p| stored.is_none_or(|day| p.start() <= day)),
        Some(_) => None,
    };
    let article_period = |date| {
        headline_period
            .clone()
            .filter(|_| periods::article_period(title, &opening, "", None, stored).is_none())
            .or_else(|| periods::article_period(title, &opening, &body, date, stored))
    };
    let stated_period = article_period(dated);
    let event_date = parts
        .blocks
        .iter()
        .filter(|b| !b.caption)
        .take(2)
        .find_map(|b| dates::event_date(&b.text, dates::year_of(dated), stated_period.as_ref(), stored));
    let period = match (dated, event_date) {
        (None, Some(d)) => article_period(Some(d)),
        _ => stated_period,
    };
    // The day the text was written: its publication date, else the event it reports, else
    // the month its address files it under.
    let written = published.or(event_date).or(address_date);
    let event_month = periods::event_month(title, &opening, event_date, stored);
    let ref_year = period
        .as_ref()
        .map(|p| p.end().year())
        .or(dates::year_of(dated.or(event_date)));
    let reference = periods::Reference {
        year: ref_year,
        date: written,
        stored,
    };
    let stated = periods::stated(&body, reference);
    let body_toks = tokens::tokenize(&body);
    let trailer = parts.trailer.join("\n");
    let map = map_in_force(written, period.as_ref());
    let places = localities::resolve(
        gazetteer,
        map,
        &localities::Page {
            title,
            body: &body,
            body_toks: &body_toks,
            captions: &caption_spans,
            trailer: &trailer,
            url,
        },
    );
    let primary_within: Vec<PlaceId> = places
        .primary
        .iter()
        .flat_map(|p| gazetteer.areas(p))
        .filter(|a| a.relation != Relation::Itself)
        .map(|a| a.id)
        .collect();
    let context = |mentions, stated, field| indicators::Context {
        mentions,
        primary: places.primary.as_ref(),
        primary_within: &primary_within,
        period: period.as_ref(),
        stated,
        field,
        title,
        event_month: event_month.as_ref(),
        written,
    };
    let title_toks = tokens::tokenize(title);
    let title_stated = periods::stated(title, reference);
    let mut indicators = indicators::extract(
        title,
        &title_toks,
        &context(&places.title_mentions, &title_stated, TextField::Title),
    );
    indicators.extend(indicators::extract(
        &body,
        &body_toks,
        &context(&places.mentions, &stated, TextField::Body),
    ));
    Ok(NewArticle {
        id: text::article_id(&normalized),
        title: parts.title,
        published_on: published,
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
fn map_in_force(date: Option<NaiveDate>, period: Option<&Period>) -> MapHint {
    if let Some(d) = date {
        return MapHint::Known(Scheme::in_force_on(d));
    }
    match period {
        Some(p) => MapHint::Known(Scheme::in_force_on(p.end())),
        None => MapHint::Unknown,
    }
}
