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

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use super::Level;

/// An administrative map of Vietnam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
pub enum Scheme {
    /// The map in force until 30 June 2025 (63 provinces, 696 districts, 10,035 communes), as the
    /// 2024 gazetteer records it.
    #[serde(rename = "2024")]
    Y2024,
    /// The map in force from 1 July 2025 (34 provinces, 3,321 communes, no districts).
    #[serde(rename = "2025")]
    Y2025,
}

impl Scheme {
    pub const ALL: [Scheme; 2] = [Scheme::Y2024, Scheme::Y2025];

    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Y2024 => "2024",
            Scheme::Y2025 => "2025",
        }
    }

    pub fn parse(s: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|m| m.as_str() == s)
    }

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
        s.parse().map_err(serde::de::Error::custom)
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
mod tests {
    use super::*;

    #[test]
    fn ids_name_their_map_level_and_code() {
        let old: PlaceId = "2024-p19".parse().unwrap();
        let new: PlaceId = "2025-p19".parse().unwrap();
        assert_eq!((old.scheme(), old.code()), (Scheme::Y2024, "19"));
        assert_eq!((new.scheme(), new.code()), (Scheme::Y2025, "19"));
        assert_ne!(old, new);
        assert_eq!(new.to_string(), "2025-p19");
        assert_eq!(old.to_string(), "2024-p19");
        let commune: PlaceId = "2025-c10402".parse().unwrap();
        assert_eq!(
            (commune.level(), commune.to_string().as_str()),
            (Level::Commune, "2025-c10402")
        );
    }

    #[test]
    fn ids_of_earlier_releases_are_aliases_of_todays() {
        for (alias, id) in [
            ("19", "2024-p19"),
            ("058", "2024-d058"),
            ("01975", "2024-c01975"),
            ("2025-19", "2025-p19"),
            ("2025-10402", "2025-c10402"),
        ] {
            assert_eq!(alias.parse::<PlaceId>().unwrap().to_string(), id);
        }
    }

    #[test]
    fn no_two_ids_differ_only_by_leading_zeros_and_none_reads_as_a_number() {
        let province: PlaceId = "58".parse().unwrap();
        let district: PlaceId = "058".parse().unwrap();
        let (p, d) = (province.to_string(), district.to_string());
        assert_ne!(p.trim_start_matches('0'), d.trim_start_matches('0'));
        for id in [p, d, "2025-10402".parse::<PlaceId>().unwrap().to_string()] {
            assert!(
                id.parse::<f64>().is_err() && id.chars().any(|c| c.is_ascii_lowercase()),
                "{id}"
            );
        }
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in [
            "",
            "1",
            "1234",
            "2025-058",
            "2025-",
            "abc",
            "2024-19",
            "06 ",
            "٠٦",
            "2024-p058",
            "2024-d58",
            "2025-d058",
            "2025-p",
            "2024-x06",
            "2024-P06",
            "2026-p06",
        ] {
            assert!(bad.parse::<PlaceId>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_map_in_force_changes_on_the_first_of_july_2025() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(Scheme::in_force_on(d(2025, 6, 30)), Scheme::Y2024);
        assert_eq!(Scheme::in_force_on(d(2025, 7, 1)), Scheme::Y2025);
    }
}
