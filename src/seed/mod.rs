//! Start-up seeding from the `seed/` folder: the gazetteer of both maps, its historical names,
//! the crosswalk between the maps, and the seed articles. Idempotent: a restart neither
//! duplicates nor loses anything.

mod gazetteer;

use std::path::{Path, PathBuf};

use crate::bulk::{self, LoadReport};
use crate::domain::Gazetteer;
use crate::store::{Store, StoreError};
pub use gazetteer::GazetteerFiles;

const ARTICLES_DIR: &str = "articles";

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} line {line}: {reason}")]
    Csv {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Loads the gazetteer (when its files changed) and every seed article, then returns the
/// gazetteer the ingest pipeline resolves places with.
pub fn seed(store: &Store, seed_dir: &Path) -> Result<(Gazetteer, LoadReport), SeedError> {
    let gazetteer = ensure_gazetteer(store, seed_dir)?;
    let report = seed_articles(store, &seed_dir.join(ARTICLES_DIR), &gazetteer)?;
    // Written when something changed, so that a restart on an unchanged store writes nothing.
    if report.added + report.updated > 0 || store.meta("seeded_at")?.is_none() {
        store.set_meta("seeded_at", &chrono::Utc::now().to_rfc3339())?;
    }
    log::info!(
        "seed articles: {} added, {} updated, {} unchanged, {} failed",
        report.added,
        report.updated,
        report.unchanged,
        report.failed
    );
    Ok((gazetteer, report))
}

/// Reads the gazetteer files, loads them into the store when they changed, and returns the
/// gazetteer.
pub fn ensure_gazetteer(store: &Store, seed_dir: &Path) -> Result<Gazetteer, SeedError> {
    let files = GazetteerFiles::read(seed_dir)?;
    let gazetteer = files.parse()?;
    let digest = files.digest();
    if store.meta("gazetteer_sha256")?.as_deref() != Some(digest.as_str()) {
        store.load_gazetteer(&gazetteer, &digest)?;
        log::info!(
            "gazetteer loaded: {} units of both maps, {} historical names",
            gazetteer.units().count(),
            gazetteer.aliases().len()
        );
    }
    Ok(gazetteer)
}

/// The gazetteer read straight from the seed files, for work without a store.
pub fn load_gazetteer(seed_dir: &Path) -> Result<Gazetteer, SeedError> {
    GazetteerFiles::read(seed_dir)?.parse()
}

fn seed_articles(store: &Store, dir: &Path, gazetteer: &Gazetteer) -> Result<LoadReport, SeedError> {
    if !dir.is_dir() {
        log::warn!("no seed articles: {} is not a folder", dir.display());
        return Ok(LoadReport::default());
    }
    let files = bulk::input_files(&[dir.to_path_buf()]).map_err(|source| SeedError::Read {
        path: dir.into(),
        source,
    })?;
    let name = |path: &Path| path.file_name().map(|n| n.to_string_lossy().into_owned());
    let every_host = bulk::HostFilter::default();
    let report = bulk::load_files(
        store,
        gazetteer,
        &files,
        usize::MAX,
        &every_host,
        name,
        |doc, outcome| {
            if let Err(reason) = outcome {
                log::warn!("seed article {doc} skipped: {reason}");
            }
        },
    )?;
    Ok(report)
}
