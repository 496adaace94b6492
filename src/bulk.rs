//! Loading article files into the store through the ingest pipeline: the seed folder at
//! start-up and `chiso ingest`. Each article is saved in its own transaction.

use std::path::{Path, PathBuf};

use crate::ingest::{self, EXTRACTOR_VERSION, Gazetteer};
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

/// Reads, extracts and saves one file. The outer error is the store's (stop); the inner one
/// says why this file was skipped (go on).
pub fn load_file(
    store: &Store,
    gazetteer: &Gazetteer,
    path: &Path,
    source_file: Option<String>,
) -> Result<Result<SaveOutcome, String>, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(Err("not UTF-8".into()));
    };
    let article = match ingest::ingest(&text, gazetteer) {
        Ok(a) => a,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let origin = Origin {
        source_file,
        ..Origin::default()
    };
    Ok(Ok(store.save_article(&article, &origin, EXTRACTOR_VERSION)?))
}
