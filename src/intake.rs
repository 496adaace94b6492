//! One home for "extract, then save": a received text is read as of the day it is stored
//! (the day it was first stored, for one stored before), extracted, and saved whole under
//! the extractor's version. `POST /articles`, re-extraction, `chiso ingest` (and seeding) and
//! `chiso extract` all go through here; each runs the two steps where its resources are
//! (the extraction slots, the blocking pool, a loader's threads).

use chrono::NaiveDate;

use crate::domain::{Gazetteer, NewArticle, Origin};
use crate::ingest::{self, EXTRACTOR_VERSION, IngestError, Source};
use crate::store::{SaveOutcome, Store, StoreError};

/// The day a text received now is stored on.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A received text with what its sender said of it, as the extractor reads it when it is
/// stored today (or on the day it was first stored).
pub fn extract(text: &str, origin: &Origin, gazetteer: &Gazetteer) -> Result<NewArticle, IngestError> {
    extract_on(text, origin, gazetteer, today())
}

/// [`extract`] as of `today`, for a loader that reads many texts on one day.
pub fn extract_on(
    text: &str,
    origin: &Origin,
    gazetteer: &Gazetteer,
    today: NaiveDate,
) -> Result<NewArticle, IngestError> {
    ingest::ingest(&Source::of(text, origin, today), gazetteer)
}

/// Saves an extracted article with its origin, in one transaction; the same text saved
/// again is `Unchanged`.
pub fn save(store: &Store, article: &NewArticle, origin: &Origin) -> Result<SaveOutcome, StoreError> {
    store.save_article(article, origin, EXTRACTOR_VERSION)
}

/// Saves a batch of extracted articles in one transaction, each whole.
pub fn save_all(store: &Store, batch: &[(NewArticle, Origin)]) -> Result<Vec<SaveOutcome>, StoreError> {
    store.save_articles(batch, EXTRACTOR_VERSION)
}

/// Replaces a stored article by what the extractor reads in it now.
pub fn replace(store: &Store, article: &NewArticle, origin: &Origin) -> Result<SaveOutcome, StoreError> {
    store.replace_article(article, origin, EXTRACTOR_VERSION)
}
