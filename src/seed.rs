//! Start-up seeding from the `seed/` folder: the gazetteer, its historical names and the
//! seed articles. Idempotent: a restart neither duplicates nor loses anything.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::bulk::{self, LoadReport};
use crate::domain::{Level, Locality, LocalityAlias, UnitType};
use crate::ingest::Gazetteer;
use crate::store::{Store, StoreError};

const UNITS_FILE: &str = "gazetteer/vn_admin_units_2024.csv";
const ALIASES_FILE: &str = "gazetteer/aliases.csv";
const ARTICLES_DIR: &str = "articles";
/// Version of how the gazetteer files are read (2: successors given to districts and communes).
const GAZETTEER_READER: u32 = 2;

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
    store.set_meta("seeded_at", &chrono::Utc::now().to_rfc3339())?;
    log::info!(
        "seed articles: {} added, {} updated, {} unchanged, {} failed",
        report.added,
        report.updated,
        report.unchanged,
        report.failed
    );
    Ok((gazetteer, report))
}

/// Loads the gazetteer into the store when its files changed, and returns it.
pub fn ensure_gazetteer(store: &Store, seed_dir: &Path) -> Result<Gazetteer, SeedError> {
    let units_path = seed_dir.join(UNITS_FILE);
    let aliases_path = seed_dir.join(ALIASES_FILE);
    let units_csv = read(&units_path)?;
    let aliases_csv = if aliases_path.exists() {
        read(&aliases_path)?
    } else {
        String::new()
    };
    // The version salt changes when the way the files are read changes.
    let digest = hex(&Sha256::digest(format!(
        "{GAZETTEER_READER}\u{0}{units_csv}\u{0}{aliases_csv}"
    )));
    if store.meta("gazetteer_sha256")?.as_deref() != Some(digest.as_str()) {
        let units = parse_units(&units_path, &units_csv)?;
        let aliases = parse_aliases(&aliases_path, &aliases_csv)?;
        store.upsert_gazetteer(&units, &aliases)?;
        store.set_meta("gazetteer_sha256", &digest)?;
        log::info!(
            "gazetteer loaded: {} units, {} historical names",
            units.len(),
            aliases.len()
        );
    }
    Ok(Gazetteer::new(store.all_localities()?, &store.all_aliases()?))
}

/// The gazetteer read straight from the seed files, for work without a store.
pub fn load_gazetteer(seed_dir: &Path) -> Result<Gazetteer, SeedError> {
    let units_path = seed_dir.join(UNITS_FILE);
    let aliases_path = seed_dir.join(ALIASES_FILE);
    let units = parse_units(&units_path, &read(&units_path)?)?;
    let aliases = if aliases_path.exists() {
        parse_aliases(&aliases_path, &read(&aliases_path)?)?
    } else {
        Vec::new()
    };
    Ok(Gazetteer::new(units, &aliases))
}

fn seed_articles(store: &Store, dir: &Path, gazetteer: &Gazetteer) -> Result<LoadReport, SeedError> {
    if !dir.is_dir() {
        log::warn!("no seed articles: {} is not a folder", dir.display());
        return Ok(LoadReport::default());
    }
    let files = bulk::text_files(&[dir.to_path_buf()]).map_err(|source| SeedError::Read {
        path: dir.into(),
        source,
    })?;
    let name = |path: &Path| path.file_name().map(|n| n.to_string_lossy().into_owned());
    let report = bulk::load_files(store, gazetteer, &files, name, |path, outcome| {
        if let Err(reason) = outcome {
            log::warn!("seed article {} skipped: {reason}", path.display());
        }
    })?;
    Ok(report)
}

fn read(path: &Path) -> Result<String, SeedError> {
    std::fs::read_to_string(path).map_err(|source| SeedError::Read {
        path: path.into(),
        source,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows of a header-led CSV without quoting (the gazetteer's format), as field vectors.
fn rows<'a>(
    path: &'a Path,
    csv: &'a str,
    fields: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), SeedError>> + 'a {
    csv.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(move |(i, line)| {
            let cols: Vec<&str> = line.split(',').map(str::trim).collect();
            if cols.len() == fields {
                Ok((i + 1, cols))
            } else {
                Err(SeedError::Csv {
                    path: path.into(),
                    line: i + 1,
                    reason: format!("expected {fields} fields, found {}", cols.len()),
                })
            }
        })
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// Units with every district and commune given its province's 2025 successor.
fn parse_units(path: &Path, csv: &str) -> Result<Vec<Locality>, SeedError> {
    let mut units = parse_rows(path, csv)?;
    let successors: std::collections::HashMap<String, (Option<String>, Option<String>)> = units
        .iter()
        .filter(|u| u.level == Level::Province)
        .map(|u| {
            (
                u.code.clone(),
                (u.successor_2025_code.clone(), u.successor_2025_name.clone()),
            )
        })
        .collect();
    let parents: std::collections::HashMap<String, Option<String>> = units
        .iter()
        .map(|u| (u.code.clone(), u.parent_code.clone()))
        .collect();
    for u in units
        .iter_mut()
        .filter(|u| u.level != Level::Province && u.successor_2025_code.is_none())
    {
        let mut province = u.parent_code.clone();
        while let Some(p) = province.clone().filter(|p| !successors.contains_key(p)) {
            province = parents.get(&p).cloned().flatten();
        }
        if let Some((code, name)) = province.and_then(|p| successors.get(&p)) {
            u.successor_2025_code = code.clone();
            u.successor_2025_name = name.clone();
        }
    }
    Ok(units)
}

fn parse_rows(path: &Path, csv: &str) -> Result<Vec<Locality>, SeedError> {
    rows(path, csv, 10)
        .map(|row| {
            let (line, c) = row?;
            let bad = |reason: String| SeedError::Csv {
                path: path.into(),
                line,
                reason,
            };
            let level = Level::parse(c[1]).ok_or_else(|| bad(format!("unknown level {}", c[1])))?;
            let unit_type = UnitType::from_vietnamese(level, c[2])
                .ok_or_else(|| bad(format!("unknown type {} at level {}", c[2], c[1])))?;
            Ok(Locality {
                code: c[0].to_owned(),
                level,
                unit_type,
                type_vi: c[2].to_owned(),
                name: c[3].to_owned(),
                short_name: c[4].to_owned(),
                parent_code: optional(c[5]),
                lat: c[6].parse().ok(),
                lon: c[7].parse().ok(),
                successor_2025_code: optional(c[8]),
                successor_2025_name: optional(c[9]),
            })
        })
        .collect()
}

fn parse_aliases(path: &Path, csv: &str) -> Result<Vec<LocalityAlias>, SeedError> {
    rows(path, csv, 5)
        .map(|row| {
            let (_, c) = row?;
            Ok(LocalityAlias {
                code: c[0].to_owned(),
                name: c[1].to_owned(),
                valid_from: optional(c[2]),
                valid_to: optional(c[3]),
                note: optional(c[4]),
            })
        })
        .collect()
}
