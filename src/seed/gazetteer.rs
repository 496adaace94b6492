//! Reading the gazetteer files of `seed/gazetteer/` into the domain's [`Gazetteer`]: the units
//! of both maps, historical names, and the crosswalk between the maps.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::SeedError;
use crate::domain::places::{Link, Outlet};
use crate::domain::{Gazetteer, Level, Locality, LocalityAlias, PlaceId, Scheme, Share, UnitType};

const UNITS_2024: &str = "gazetteer/vn_admin_units_2024.csv";
const UNITS_2025: &str = "gazetteer/vn_admin_units_2025.csv";
const PROVINCES_2025: &str = "gazetteer/vn_provinces_2025.csv";
const CROSSWALK_2025: &str = "gazetteer/vn_crosswalk_2025.csv";
const ALIASES: &str = "gazetteer/aliases.csv";
const OUTLETS: &str = "gazetteer/outlets.csv";
/// Version of how the files are read (4: both maps, the crosswalk and the outlets).
const READER: u32 = 4;

/// The gazetteer files' contents, read once.
pub struct GazetteerFiles {
    dir: PathBuf,
    texts: [String; 6],
}

impl GazetteerFiles {
    pub fn read(seed_dir: &Path) -> Result<GazetteerFiles, SeedError> {
        let read = |name: &str| {
            let path = seed_dir.join(name);
            match (name == ALIASES || name == OUTLETS) && !path.exists() {
                true => Ok(String::new()),
                false => std::fs::read_to_string(&path).map_err(|source| SeedError::Read { path, source }),
            }
        };
        Ok(GazetteerFiles {
            dir: seed_dir.to_path_buf(),
            texts: [
                read(UNITS_2024)?,
                read(UNITS_2025)?,
                read(PROVINCES_2025)?,
                read(CROSSWALK_2025)?,
                read(ALIASES)?,
                read(OUTLETS)?,
            ],
        })
    }

    /// A digest of the files and of how they are read: it changes when either does.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(READER.to_le_bytes());
        for t in &self.texts {
            h.update((t.len() as u64).to_le_bytes());
            h.update(t.as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn parse(&self) -> Result<Gazetteer, SeedError> {
        let [old, new, provinces, crosswalk, aliases, outlets] = &self.texts;
        let csv = |name: &str, text| Csv {
            path: self.dir.join(name),
            text,
        };
        let mut units = units_2024(&csv(UNITS_2024, old))?;
        units.extend(units_2025(&csv(UNITS_2025, new))?);
        let mut links = province_links(&csv(PROVINCES_2025, provinces))?;
        links.extend(commune_links(&csv(CROSSWALK_2025, crosswalk))?);
        let aliases = if aliases.is_empty() {
            Vec::new()
        } else {
            parse_aliases(&csv(ALIASES, aliases))?
        };
        let outlets = match outlets.is_empty() {
            true => Vec::new(),
            false => parse_outlets(&csv(OUTLETS, outlets))?,
        };
        Ok(Gazetteer::new(units, aliases, links).with_outlets(outlets))
    }
}

/// One header-led CSV file without quoting (the gazetteer's format).
struct Csv<'a> {
    path: PathBuf,
    text: &'a str,
}

impl Csv<'_> {
    fn bad(&self, line: usize, reason: String) -> SeedError {
        SeedError::Csv {
            path: self.path.clone(),
            line,
            reason,
        }
    }

    /// Rows as field vectors, with their line numbers.
    fn rows(&self, fields: usize) -> impl Iterator<Item = Result<(usize, Vec<&str>), SeedError>> + '_ {
        self.text
            .lines()
            .enumerate()
            .skip(1)
            .filter(|(_, l)| !l.trim().is_empty())
            .map(move |(i, line)| {
                let cols: Vec<&str> = line.split(',').map(str::trim).collect();
                match cols.len() == fields {
                    true => Ok((i + 1, cols)),
                    false => Err(self.bad(i + 1, format!("expected {fields} fields, found {}", cols.len()))),
                }
            })
    }

    fn id(&self, line: usize, scheme: Scheme, code: &str) -> Result<PlaceId, SeedError> {
        PlaceId::new(scheme, code).map_err(|e| self.bad(line, format!("{code:?}: {e}")))
    }

    /// A unit from the fields `code, level, type, name, short_name, parent_code, lat, lon`.
    fn unit(&self, line: usize, scheme: Scheme, c: &[&str]) -> Result<Locality, SeedError> {
        let level = Level::parse(c[1]).ok_or_else(|| self.bad(line, format!("unknown level {}", c[1])))?;
        let unit_type = UnitType::from_vietnamese(level, c[2])
            .ok_or_else(|| self.bad(line, format!("unknown type {} at level {}", c[2], c[1])))?;
        let parent = optional(c[5]).map(|p| self.id(line, scheme, &p)).transpose()?;
        Ok(Locality::new(
            self.id(line, scheme, c[0])?,
            level,
            unit_type,
            c[2],
            c[3],
            c[4],
            parent,
            (c[6].parse().ok(), c[7].parse().ok()),
        ))
    }
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// The 2024 map, every district and commune given its province's 2025 successor.
fn units_2024(csv: &Csv<'_>) -> Result<Vec<Locality>, SeedError> {
    let mut units = csv
        .rows(10)
        .map(|row| {
            let (line, c) = row?;
            let mut u = csv.unit(line, Scheme::Y2024, &c)?;
            u.successor_2025_code = optional(c[8]);
            u.successor_2025_name = optional(c[9]);
            Ok(u)
        })
        .collect::<Result<Vec<_>, SeedError>>()?;
    let successors: HashMap<PlaceId, (Option<String>, Option<String>)> = units
        .iter()
        .filter(|u| u.level == Level::Province)
        .map(|u| {
            let s = (u.successor_2025_code.clone(), u.successor_2025_name.clone());
            (u.id.clone(), s)
        })
        .collect();
    let parents: HashMap<PlaceId, Option<PlaceId>> = units
        .iter()
        .map(|u| (u.id.clone(), u.parent_id.clone()))
        .collect();
    for u in units
        .iter_mut()
        .filter(|u| u.level != Level::Province && u.successor_2025_code.is_none())
    {
        let mut province = u.parent_id.clone();
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

/// The 2025 map, with each unit's area.
fn units_2025(csv: &Csv<'_>) -> Result<Vec<Locality>, SeedError> {
    csv.rows(9)
        .map(|row| {
            let (line, c) = row?;
            let mut u = csv.unit(line, Scheme::Y2025, &c)?;
            u.area_km2 = c[8].parse().ok();
            Ok(u)
        })
        .collect()
}

/// Each 2024 province → the 2025 province it merged into, whole.
fn province_links(csv: &Csv<'_>) -> Result<Vec<Link>, SeedError> {
    let mut links = Vec::new();
    for row in csv.rows(3) {
        let (line, c) = row?;
        let to = csv.id(line, Scheme::Y2025, c[0])?;
        for from in c[2].split_whitespace() {
            links.push(Link {
                from: csv.id(line, Scheme::Y2024, from)?,
                to: to.clone(),
                share: Share::Whole,
                default: true,
            });
        }
    }
    Ok(links)
}

/// Each 2024 commune → the 2025 commune or communes it went into.
fn commune_links(csv: &Csv<'_>) -> Result<Vec<Link>, SeedError> {
    csv.rows(4)
        .map(|row| {
            let (line, c) = row?;
            let share = Share::parse(c[2]).ok_or_else(|| csv.bad(line, format!("unknown share {}", c[2])))?;
            Ok(Link {
                from: csv.id(line, Scheme::Y2024, c[0])?,
                to: csv.id(line, Scheme::Y2025, c[1])?,
                share,
                default: c[3] == "1",
            })
        })
        .collect()
}

fn parse_aliases(csv: &Csv<'_>) -> Result<Vec<LocalityAlias>, SeedError> {
    csv.rows(5)
        .map(|row| {
            let (line, c) = row?;
            Ok(LocalityAlias {
                code: csv.id(line, Scheme::Y2024, c[0])?,
                name: c[1].to_owned(),
                valid_from: optional(c[2]),
                valid_to: optional(c[3]),
                note: optional(c[4]),
            })
        })
        .collect()
}

fn parse_outlets(csv: &Csv<'_>) -> Result<Vec<Outlet>, SeedError> {
    csv.rows(3)
        .map(|row| {
            let (line, c) = row?;
            Ok(Outlet {
                label: c[0].to_owned(),
                province: csv.id(line, Scheme::Y2024, c[1])?,
            })
        })
        .collect()
}
