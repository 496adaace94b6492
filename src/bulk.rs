//! Loading article files into the store through the ingest pipeline: the seed folder at
//! start-up and `chiso ingest`. Files are read and extracted on one thread while the store
//! writes on another; articles are saved whole, a batch of them per transaction.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::domain::Gazetteer;
use crate::domain::NewArticle;
use crate::ingest::{self, EXTRACTOR_VERSION};
use crate::store::{Origin, SaveOutcome, Store, StoreError};

/// What loading a set of files did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
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

/// The `.txt` files among `paths`, folders expanded (one level), sorted.
pub fn text_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in std::fs::read_dir(path)? {
                let p = entry?.path();
                if p.is_file() && p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    Ok(files)
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

type Extracted<'p> = (&'p Path, Result<(NewArticle, Origin), String>);

/// Reads, extracts and saves `files`, reporting each file's outcome to `each` as it is
/// saved. `source_file` names a file as the store should remember it; a file larger than
/// `max_file_bytes` is skipped, as the API refuses such a body. The error is the store's
/// (stop); a file that cannot be read or extracted is reported and skipped.
pub fn load_files(
    store: &Store,
    gazetteer: &Gazetteer,
    files: &[PathBuf],
    max_file_bytes: usize,
    source_file: impl Fn(&Path) -> Option<String> + Send,
    mut each: impl FnMut(&Path, &Result<SaveOutcome, String>),
) -> Result<LoadReport, StoreError> {
    let mut report = LoadReport::default();
    std::thread::scope(|scope| {
        let (send, extracted) = mpsc::sync_channel::<Extracted>(BATCH);
        scope.spawn(move || {
            for path in files {
                let article = extract_file(gazetteer, path, max_file_bytes).map(|article| {
                    let origin = Origin {
                        source_file: source_file(path),
                        ..Origin::default()
                    };
                    (article, origin)
                });
                if send.send((path, article)).is_err() {
                    return; // the writer stopped on a store error
                }
            }
        });
        let mut size = BatchSize { articles: BATCH / 4 };
        let mut batch: Vec<(&Path, (NewArticle, Origin))> = Vec::with_capacity(BATCH);
        let mut indicators = 0;
        for (path, article) in extracted {
            let article = match article {
                Ok(article) => article,
                Err(reason) => {
                    let outcome = Err(reason);
                    report.count(&outcome);
                    each(path, &outcome);
                    continue;
                }
            };
            let more = article.0.indicators.len();
            if size.full_before(batch.len(), indicators, more) {
                size = size.after(save_batch(store, &mut batch, &mut report, &mut each)?);
                indicators = 0;
            }
            indicators += more;
            batch.push((path, article));
        }
        save_batch(store, &mut batch, &mut report, &mut each).map(|_| ())
    })?;
    Ok(report)
}

/// Saves and empties `batch` in one transaction, reporting each file's outcome; how long the
/// transaction took.
fn save_batch(
    store: &Store,
    batch: &mut Vec<(&Path, (NewArticle, Origin))>,
    report: &mut LoadReport,
    each: &mut impl FnMut(&Path, &Result<SaveOutcome, String>),
) -> Result<Duration, StoreError> {
    if batch.is_empty() {
        return Ok(Duration::ZERO);
    }
    let (paths, articles): (Vec<&Path>, Vec<(NewArticle, Origin)>) = batch.drain(..).unzip();
    let started = Instant::now();
    let outcomes = store.save_articles(&articles, EXTRACTOR_VERSION)?;
    let took = started.elapsed();
    for (path, outcome) in paths.into_iter().zip(outcomes) {
        let outcome = Ok(outcome);
        report.count(&outcome);
        each(path, &outcome);
    }
    Ok(took)
}

/// Reads and extracts one file; the error says why it is skipped.
fn extract_file(gazetteer: &Gazetteer, path: &Path, max_bytes: usize) -> Result<NewArticle, String> {
    let len = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if len > max_bytes as u64 {
        return Err(format!(
            "{len} bytes, more than the {max_bytes} an article may have (CHISO_MAX_BODY_BYTES)"
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned())?;
    let source = ingest::Source::received(&text, chrono::Utc::now().date_naive());
    ingest::ingest(&source, gazetteer).map_err(|e| e.to_string())
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
