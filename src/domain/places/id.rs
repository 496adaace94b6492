//! Which map a unit belongs to, and the id that names a unit unambiguously on both maps.
//!
//! Vietnam's administrative map changed on 1 July 2025. GSO codes were reused on the new map
//! with other meanings (province `19` is Thái Nguyên before the reform and Thái Nguyên with
//! Bắc Kạn after it), so a code alone does not name a unit. A [`PlaceId`] does: its map, a
//! letter for its level and its code (`"2024-p19"`, `"2024-d058"`, `"2025-p19"`,
//! `"2025-c10402"`). Such an id is never a number to a spreadsheet (pandas and Excel keep it as
//! text) and two ids never differ only by leading zeros (`"2024-p58"` is Ninh Thuận,
//! `"2024-d058"` Thành phố Bắc Kạn). The ids of earlier releases (`"19"`, `"058"`, `"2025-19"`)
//! stay accepted as aliases, so bookmarks keep working.

use crate::domain::keyword::keyword;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use super::Level;

keyword! {
/// An administrative map of Vietnam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scheme {
    /// The map in force until 30 June 2025 (63 provinces, 696 districts, 10,035 communes), as the
    /// 2024 gazetteer records it.
    Y2024 = "2024",
    /// The map in force from 1 July 2025 (34 provinces, 3,321 communes, no districts).
    Y2025 = "2025",
}
}

impl Scheme {
    /// The first day of the 2025 map.
    pub fn reform_date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 7, 1).expect("a valid date")
    }

    /// The map in force on a day.
    pub fn in_force_on(day: NaiveDate) -> Scheme {
        match day < Scheme::reform_date() {
            true => Scheme::Y2024,
            false => Scheme::Y2025,
        }
    }

    /// The other map.
    pub fn other(self) -> Scheme {
        match self {
            Scheme::Y2024 => Scheme::Y2025,
            Scheme::Y2025 => Scheme::Y2024,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Levels a map has, top down.
    pub fn levels(self) -> &'static [Level] {
        match self {
            Scheme::Y2024 => &[Level::Province, Level::District, Level::Commune],
            Scheme::Y2025 => &[Level::Province, Level::Commune],
        }
    }
}

/// Per-map storage indexed by [`Scheme`].
#[derive(Debug, Default, Clone)]
pub struct PerScheme<T>([T; 2]);

impl<T> std::ops::Index<Scheme> for PerScheme<T> {
    type Output = T;
    fn index(&self, s: Scheme) -> &T {
        &self.0[s.index()]
    }
}

impl<T> std::ops::IndexMut<Scheme> for PerScheme<T> {
    fn index_mut(&mut self, s: Scheme) -> &mut T {
        &mut self.0[s.index()]
    }
}

/// The prefix of the earlier releases' ids of the 2025 map's units (`"2025-19"`).
const LEGACY_PREFIX_2025: &str = "2025-";

/// A unit's id: its map, level and GSO code, written `"2024-p06"`, `"2024-d058"`,
/// `"2024-c01975"`, `"2025-p19"`, `"2025-c10402"`. Parsed once at the edge; a value of this
/// type is always well formed.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId {
    scheme: Scheme,
    code: Box<str>,
}

/// Why a text is not a place id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a locality id is its map, a level letter (p province, d district, c commune) and its GSO code: \"2024-p06\", \"2024-d058\", \"2024-c01975\", \"2025-p19\", \"2025-c10402\" (the earlier forms \"06\", \"058\" and \"2025-19\" are accepted too)"
)]
pub struct BadPlaceId;

impl PlaceId {
    /// A unit of `scheme` with this GSO code.
    pub fn new(scheme: Scheme, code: &str) -> Result<PlaceId, BadPlaceId> {
        let lengths: &[usize] = match scheme {
            Scheme::Y2024 => &[2, 3, 5],
            Scheme::Y2025 => &[2, 5],
        };
        if !lengths.contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BadPlaceId);
        }
        Ok(PlaceId {
            scheme,
            code: code.into(),
        })
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The GSO code, without the map.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The level a code of this length names.
    pub fn level(&self) -> Level {
        match self.code.len() {
            2 => Level::Province,
            3 => Level::District,
            _ => Level::Commune,
        }
    }

    fn level_letter(&self) -> char {
        match self.level() {
            Level::Province => 'p',
            Level::District => 'd',
            Level::Commune => 'c',
        }
    }

    /// The id `"2024-p06"` written as it is: map, dash, level letter, code of that level.
    fn parse_canonical(s: &str) -> Option<PlaceId> {
        let (map, rest) = s.split_once('-')?;
        let scheme = Scheme::parse(map)?;
        let mut chars = rest.chars();
        let letter = chars.next()?;
        let id = PlaceId::new(scheme, chars.as_str()).ok()?;
        (id.level_letter() == letter).then_some(id)
    }
}

impl FromStr for PlaceId {
    type Err = BadPlaceId;

    fn from_str(s: &str) -> Result<PlaceId, BadPlaceId> {
        if let Some(id) = PlaceId::parse_canonical(s) {
            return Ok(id);
        }
        match s.strip_prefix(LEGACY_PREFIX_2025) {
            Some(code) => PlaceId::new(Scheme::Y2025, code),
            None => PlaceId::new(Scheme::Y2024, s),
        }
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}{}", self.scheme.as_str(), self.level_letter(), self.code)
    }
}

impl fmt::Debug for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PlaceId({self})")
    }
}

impl Serialize for PlaceId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PlaceId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PlaceId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e| serde::de::Error::custom(format!("{e}; got {s:?}")))
    }
}

/// The pattern every place id matches, for the OpenAPI document.
/// Besides the ids written today it matches the earlier releases' forms, still accepted.
pub const PLACE_ID_PATTERN: &str = "^(2024-(p[0-9]{2}|d[0-9]{3}|c[0-9]{5})|2025-(p[0-9]{2}|c[0-9]{5})|[0-9]{2}|[0-9]{3}|[0-9]{5}|2025-[0-9]{2}|2025-[0-9]{5})$";

impl utoipa::PartialSchema for PlaceId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(PLACE_ID_PATTERN))
            .description(Some(
                "A unit's id: its map, a level letter (`p` province, `d` district, `c` commune) and its GSO code: \"2024-p06\", \"2024-d058\", \"2025-p19\", \"2025-c10402\". Always text to a spreadsheet, and never two ids that differ only by leading zeros. The ids of earlier releases (\"06\", \"058\", \"2025-19\") are accepted as aliases; answers always give this form.",
            ))
            .examples(["2025-p19"])
            .into()
    }
}

impl ToSchema for PlaceId {}

#[cfg(test)]
mod tests;
