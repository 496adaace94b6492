//! Loading articles into the store through the ingest pipeline: the seed folder at start-up
//! and `chiso ingest` (text, HTML, trafilatura's JSON, WARC crawls). Inputs are read and
//! extracted on one thread while the store writes on another; articles are saved whole, a
//! batch of them per transaction.

mod hosts;
mod inputs;
mod warc;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::domain::{Gazetteer, NewArticle, Origin};
use crate::intake;
use crate::store::{SaveOutcome, Store, StoreError};
pub use hosts::HostFilter;
pub use inputs::{Document, InputKind, input_files, read_documents};

/// What loading a set of files did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Pages (and, in a crawl, any other responses) of hosts no `--host` names, left out.
    pub filtered: usize,
}

impl LoadReport {
    pub fn count(&mut self, outcome: &Result<SaveOutcome, String>) {
        match outcome {
            Ok(SaveOutcome::Created) => self.added += 1,
            Ok(SaveOutcome::Updated) => self.updated += 1,
            Ok(SaveOutcome::Unchanged) => self.unchanged += 1,
            Err(_) => self.failed += 1,
        }
    }
}

/// Most articles saved per transaction when loading many: one commit (and one fsync of the
/// WAL) per batch instead of per article. A crash loses at most the batch in flight.
pub const BATCH: usize = 1024;

/// Most indicators saved per transaction: an article with more is saved alone.
pub const BATCH_INDICATORS: usize = 20_000;

/// How long a transaction should hold the write lock: well under the time a server's writer
/// waits for it. Batches shrink when one takes longer and grow back when they are quick.
const BATCH_TARGET: Duration = Duration::from_millis(500);

/// How many articles go into the next transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BatchSize {
    articles: usize,
}

impl BatchSize {
    /// Whether a batch of `len` articles and `indicators` indicators must be saved before an
    /// article with `more` indicators joins it.
    fn full_before(&self, len: usize, indicators: usize, more: usize) -> bool {
        len > 0 && (len >= self.articles || indicators + more > BATCH_INDICATORS)
    }

    /// The next size, after a batch took `took`.
    fn after(self, took: Duration) -> BatchSize {
        let articles = if took > BATCH_TARGET {
            (self.articles / 2).max(1)
        } else if took < BATCH_TARGET / 4 {
            (self.articles * 2).min(BATCH)
        } else {
            self.articles
        };
        BatchSize { articles }
    }
}

type Extracted = (String, Result<(NewArticle, Origin), String>);

/// Reads, extracts and saves every document of `files`, reporting each one's outcome to `each`
/// by its name as it is saved. `source_file` names a file as the store should remember it; an
/// input larger than `max_bytes` is skipped, as the API refuses such a body; `hosts` picks the
/// pages loaded. The error is the store's (stop); a document that cannot be read or
/// extracted is reported and skipped.
pub fn load_files(
    store: &Store,
    gazetteer: &Gazetteer,
    files: &[(PathBuf, InputKind)],
    max_bytes: usize,
    hosts: &HostFilter,
    source_file: impl Fn(&Path) -> Option<String> + Send,
    mut each: impl FnMut(&str, &Result<SaveOutcome, String>),
) -> Result<LoadReport, StoreError> {
    let mut report = LoadReport::default();
    let filtered = std::thread::scope(|scope| {
        let (send, extracted) = mpsc::sync_channel::<Extracted>(BATCH);
        let reader = scope.spawn(move || {
            let today = intake::today();
            let mut filtered = 0;
            for (path, kind) in files {
                let mut on_document = |doc: Document| {
                    let article = doc.read.and_then(|(text, mut origin)| {
                        origin.source_file = source_file(path);
                        let article = intake::extract_on(&text, &origin, gazetteer, today);
                        article.map(|a| (a, origin)).map_err(|e| e.to_string())
                    });
                    // The writer stopped on a store error when the send fails.
                    send.send((doc.name, article)).is_ok()
                };
                filtered += read_documents(path, *kind, max_bytes, hosts, &mut on_document).filtered;
            }
            filtered
        });
        let mut size = BatchSize { articles: BATCH / 4 };
        let mut batch: Vec<(String, (NewArticle, Origin))> = Vec::with_capacity(BATCH);
        let mut indicators = 0;
        for (name, article) in extracted {
            let article = match article {
                Ok(article) => article,
                Err(reason) => {
                    let outcome = Err(reason);
                    report.count(&outcome);
                    each(&name, &outcome);
                    continue;
                }
            };
            let more = article.0.indicators.len();
            if size.full_before(batch.len(), indicators, more) {
                size = size.after(save_batch(store, &mut batch, &mut report, &mut each)?);
                indicators = 0;
            }
            indicators += more;
            batch.push((name, article));
        }
        save_batch(store, &mut batch, &mut report, &mut each)?;
        Ok::<_, StoreError>(reader.join().unwrap_or_default())
    })?;
    report.filtered = filtered;
    Ok(report)
}

/// Saves and empties `batch` in one transaction, reporting each file's outcome; how long the
/// transaction took.
fn save_batch(
    store: &Store,
    batch: &mut Vec<(String, (NewArticle, Origin))>,
    report: &mut LoadReport,
    each: &mut impl FnMut(&str, &Result<SaveOutcome, String>),
) -> Result<Duration, StoreError> {
    if batch.is_empty() {
        return Ok(Duration::ZERO);
    }
    let (names, articles): (Vec<String>, Vec<(NewArticle, Origin)>) = batch.drain(..).unzip();
    let started = Instant::now();
    let outcomes = intake::save_all(store, &articles)?;
    let took = started.elapsed();
    for (name, outcome) in names.into_iter().zip(outcomes) {
        let outcome = Ok(outcome);
        report.count(&outcome);
        each(&name, &outcome);
    }
    Ok(took)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_with_more_indicators_than_a_batch_holds_is_saved_alone() {
        let size = BatchSize { articles: BATCH };
        assert!(size.full_before(3, 100, BATCH_INDICATORS), "saved before it");
        assert!(size.full_before(1, BATCH_INDICATORS + 5, 10), "saved after it");
        assert!(
            !size.full_before(0, 0, BATCH_INDICATORS * 10),
            "an empty batch takes it"
        );
        assert!(!size.full_before(3, 100, 100));
        assert!(size.full_before(BATCH, 100, 1));
    }

    #[test]
    fn batches_shrink_when_slow_and_grow_back_when_quick() {
        let size = BatchSize { articles: 256 };
        assert_eq!(size.after(BATCH_TARGET * 3).articles, 128);
        assert_eq!(BatchSize { articles: 1 }.after(BATCH_TARGET * 9).articles, 1);
        assert_eq!(size.after(BATCH_TARGET / 2).articles, 256);
        assert_eq!(size.after(BATCH_TARGET / 10).articles, 512);
        assert_eq!(
            BatchSize { articles: BATCH }.after(Duration::ZERO).articles,
            BATCH
        );
    }
}
