//! Loading article files into the store through the ingest pipeline: the seed folder at
//! start-up and `chiso ingest`. Files are read and extracted on one thread while the store
//! writes on another; articles are saved whole, a batch of them per transaction.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

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

/// Articles saved per transaction when loading many: one commit (and one fsync of the WAL)
/// per batch instead of per article. A crash loses at most the batch in flight.
pub const BATCH: usize = 1024;

/// Reads, extracts and saves `files`, reporting each file's outcome to `each` as it is
/// saved. `source_file` names a file as the store should remember it. The error is the
/// store's (stop); a file that cannot be read or extracted is reported and skipped.
pub fn load_files(
    store: &Store,
    gazetteer: &Gazetteer,
    files: &[PathBuf],
    source_file: impl Fn(&Path) -> Option<String> + Send,
    mut each: impl FnMut(&Path, &Result<SaveOutcome, String>),
) -> Result<LoadReport, StoreError> {
    let mut report = LoadReport::default();
    std::thread::scope(|scope| {
        let (send, extracted) = mpsc::sync_channel::<(&Path, Result<(NewArticle, Origin), String>)>(BATCH);
        scope.spawn(move || {
            for path in files {
                let article = extract_file(gazetteer, path).map(|article| {
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
        let mut batch: Vec<(&Path, (NewArticle, Origin))> = Vec::with_capacity(BATCH);
        for (path, article) in extracted {
            match article {
                Ok(article) => batch.push((path, article)),
                Err(reason) => {
                    let outcome = Err(reason);
                    report.count(&outcome);
                    each(path, &outcome);
                }
            }
            if batch.len() == BATCH {
                save_batch(store, &mut batch, &mut report, &mut each)?;
            }
        }
        save_batch(store, &mut batch, &mut report, &mut each)
    })?;
    Ok(report)
}

/// Saves and empties `batch` in one transaction, reporting each file's outcome.
fn save_batch(
    store: &Store,
    batch: &mut Vec<(&Path, (NewArticle, Origin))>,
    report: &mut LoadReport,
    each: &mut impl FnMut(&Path, &Result<SaveOutcome, String>),
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    let (paths, articles): (Vec<&Path>, Vec<(NewArticle, Origin)>) = batch.drain(..).unzip();
    for (path, outcome) in paths
        .into_iter()
        .zip(store.save_articles(&articles, EXTRACTOR_VERSION)?)
    {
        let outcome = Ok(outcome);
        report.count(&outcome);
        each(path, &outcome);
    }
    Ok(())
}

/// Reads and extracts one file; the error says why it is skipped.
fn extract_file(gazetteer: &Gazetteer, path: &Path) -> Result<NewArticle, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned())?;
    ingest::ingest(&ingest::Source::text(&text), gazetteer).map_err(|e| e.to_string())
}
