//! Administrative units of Vietnam (province → district → commune) as the gazetteer records them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Level of an administrative unit in the pre-2025 three-tier hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    District,
    Commune,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "province" => Some(Level::Province),
            "district" => Some(Level::District),
            "commune" => Some(Level::Commune),
            _ => None,
        }
    }
}

/// English name of a unit's legal type. `municipality` is a centrally-governed city
/// (Thành phố trực thuộc trung ương); `city` is a provincial city (Thành phố thuộc tỉnh).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    Municipality,
    Province,
    City,
    Town,
    UrbanDistrict,
    RuralDistrict,
    Ward,
    Township,
    Commune,
}

impl UnitType {
    /// Maps the gazetteer's Vietnamese type at a level to its English key.
    pub fn from_vietnamese(level: Level, type_vi: &str) -> Option<UnitType> {
        Some(match (level, type_vi) {
            (Level::Province, "Thành phố") => UnitType::Municipality,
            (Level::Province, "Tỉnh") => UnitType::Province,
            (Level::District, "Thành phố") => UnitType::City,
            (Level::District, "Thị xã") => UnitType::Town,
            (Level::District, "Quận") => UnitType::UrbanDistrict,
            (Level::District, "Huyện") => UnitType::RuralDistrict,
            (Level::Commune, "Phường") => UnitType::Ward,
            (Level::Commune, "Thị trấn") => UnitType::Township,
            (Level::Commune, "Xã") => UnitType::Commune,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnitType::Municipality => "municipality",
            UnitType::Province => "province",
            UnitType::City => "city",
            UnitType::Town => "town",
            UnitType::UrbanDistrict => "urban_district",
            UnitType::RuralDistrict => "rural_district",
            UnitType::Ward => "ward",
            UnitType::Township => "township",
            UnitType::Commune => "commune",
        }
    }

    pub fn parse(s: &str) -> Option<UnitType> {
        ALL_UNIT_TYPES.iter().copied().find(|t| t.as_str() == s)
    }
}

const ALL_UNIT_TYPES: [UnitType; 9] = [
    UnitType::Municipality,
    UnitType::Province,
    UnitType::City,
    UnitType::Town,
    UnitType::UrbanDistrict,
    UnitType::RuralDistrict,
    UnitType::Ward,
    UnitType::Township,
    UnitType::Commune,
];

/// One unit of the gazetteer, with its GSO code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "code": "058", "level": "district", "type": "city", "type_vi": "Thành phố",
    "name": "Thành phố Bắc Kạn", "short_name": "Bắc Kạn", "parent_code": "06",
    "lat": 22.144269, "lon": 105.834543,
    "successor_2025_code": null, "successor_2025_name": null
}))]
pub struct Locality {
    /// GSO code: 2 digits for a province, 3 for a district, 5 for a commune.
    pub code: String,
    pub level: Level,
    #[serde(rename = "type")]
    pub unit_type: UnitType,
    /// The type as Vietnamese law names it ("Thị xã", "Phường").
    pub type_vi: String,
    pub name: String,
    pub short_name: String,
    pub parent_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The province this unit's province became part of in the 2025 reform.
    pub successor_2025_code: Option<String>,
    pub successor_2025_name: Option<String>,
}

/// A unit as referred to from an article or indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"code": "06", "name": "Tỉnh Bắc Kạn", "level": "province"}))]
pub struct LocalityRef {
    pub code: String,
    pub name: String,
    pub level: Level,
}

impl From<&Locality> for LocalityRef {
    fn from(l: &Locality) -> Self {
        LocalityRef {
            code: l.code.clone(),
            name: l.name.clone(),
            level: l.level,
        }
    }
}

/// A historical or alternative name of a unit, valid between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "code": "058", "name": "Thị xã Bắc Kạn", "valid_from": null, "valid_to": "2015-03-11",
    "note": "Upgraded to Thành phố Bắc Kạn by Nghị quyết 890/NQ-UBTVQH13"
}))]
pub struct LocalityAlias {
    pub code: String,
    pub name: String,
    /// First day the name was in use, when known (ISO date).
    pub valid_from: Option<String>,
    /// Last day the name was in use, when known (ISO date).
    pub valid_to: Option<String>,
    pub note: Option<String>,
}

/// A unit with its place in the hierarchy, its names over time and what articles say of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LocalityDetail {
    #[serde(flatten)]
    pub locality: Locality,
    /// Parents from the province down to the direct parent.
    pub parents: Vec<LocalityRef>,
    /// Units one level down; list them with `GET /localities?parent=CODE`.
    pub children_count: u64,
    /// Historical and alternative names.
    pub aliases: Vec<LocalityAlias>,
    /// Articles naming this unit or a unit under it.
    pub article_count: u64,
}
