//! Administrative units as the gazetteer records them, on either map.

use crate::domain::keyword::keyword;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{PlaceId, Scheme};

keyword! {
/// Level of a unit: province, district (2024 map only) or commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Province = "province",
    District = "district",
    Commune = "commune",
}
}

keyword! {
/// English name of a unit's legal type. `municipality` is a centrally-governed city
/// (Thành phố trực thuộc trung ương); `city` is a provincial city (Thành phố thuộc tỉnh, 2024
/// map); `special_zone` is a 2025 island zone (Đặc khu).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitType {
    Municipality = "municipality",
    Province = "province",
    City = "city",
    Town = "town",
    UrbanDistrict = "urban_district",
    RuralDistrict = "rural_district",
    Ward = "ward",
    Township = "township",
    Commune = "commune",
    SpecialZone = "special_zone",
}
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
            (Level::Commune, "Đặc khu") => UnitType::SpecialZone,
            _ => return None,
        })
    }
}

/// One unit of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "2024-d058", "scheme": "2024", "code": "058", "level": "district", "type": "city",
    "type_vi": "Thành phố", "name": "Thành phố Bắc Kạn", "short_name": "Bắc Kạn",
    "parent_id": "2024-p06", "parent_code": "06", "lat": 22.144269, "lon": 105.834543, "area_km2": null,
    "successor_2025_code": "19", "successor_2025_name": "Tỉnh Thái Nguyên"
}))]
pub struct Locality {
    /// Unambiguous across both maps: the GSO code on the 2024 map, `2025-` and the code on the
    /// 2025 map.
    pub id: PlaceId,
    /// The map the unit belongs to.
    pub scheme: Scheme,
    /// GSO code on its map: 2 digits for a province, 3 for a district, 5 for a commune.
    pub code: String,
    pub level: Level,
    #[serde(rename = "type")]
    pub unit_type: UnitType,
    /// The type as Vietnamese law names it ("Thị xã", "Phường", "Đặc khu").
    pub type_vi: String,
    pub name: String,
    pub short_name: String,
    /// Id of the unit one level up, on the same map.
    pub parent_id: Option<PlaceId>,
    /// GSO code of the unit one level up, on the same map.
    pub parent_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Area in square kilometres, where the gazetteer gives it (2025 map).
    pub area_km2: Option<f64>,
    /// 2024 map: code of the 2025 province that this unit's province became part of.
    pub successor_2025_code: Option<String>,
    /// 2024 map: name of that 2025 province.
    pub successor_2025_name: Option<String>,
}

impl Locality {
    /// A unit with its map and code taken from its id.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: PlaceId,
        level: Level,
        unit_type: UnitType,
        type_vi: &str,
        name: &str,
        short_name: &str,
        parent_id: Option<PlaceId>,
        (lat, lon): (Option<f64>, Option<f64>),
    ) -> Locality {
        Locality {
            scheme: id.scheme(),
            code: id.code().to_owned(),
            parent_code: parent_id.as_ref().map(|p| p.code().to_owned()),
            id,
            level,
            unit_type,
            type_vi: type_vi.to_owned(),
            name: name.to_owned(),
            short_name: short_name.to_owned(),
            parent_id,
            lat,
            lon,
            area_km2: None,
            successor_2025_code: None,
            successor_2025_name: None,
        }
    }

    /// The short name without the gazetteer's disambiguation ("Long Mỹ (Huyện)" → "Long Mỹ").
    pub fn bare_name(&self) -> &str {
        self.short_name.split(" (").next().unwrap_or(&self.short_name)
    }
}

/// A unit as referred to from an article, an indicator or another unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "2025-p19", "scheme": "2025", "code": "19", "name": "Tỉnh Thái Nguyên", "level": "province"}))]
pub struct LocalityRef {
    pub id: PlaceId,
    pub scheme: Scheme,
    pub code: String,
    pub name: String,
    pub level: Level,
}

impl LocalityRef {
    pub fn new(id: PlaceId, name: String, level: Level) -> LocalityRef {
        LocalityRef {
            scheme: id.scheme(),
            code: id.code().to_owned(),
            id,
            name,
            level,
        }
    }
}

impl From<&Locality> for LocalityRef {
    fn from(l: &Locality) -> Self {
        LocalityRef::new(l.id.clone(), l.name.clone(), l.level)
    }
}

/// A historical or alternative name of a unit, valid between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "code": "058", "name": "Thị xã Bắc Kạn", "valid_from": null, "valid_to": "2015-03-11",
    "note": "Upgraded to Thành phố Bắc Kạn by Nghị quyết 890/NQ-UBTVQH13"
}))]
pub struct LocalityAlias {
    /// Id of the unit the name belongs to.
    pub code: PlaceId,
    pub name: String,
    /// First day the name was in use, when known (ISO date).
    pub valid_from: Option<String>,
    /// Last day the name was in use, when known (ISO date).
    pub valid_to: Option<String>,
    pub note: Option<String>,
}

keyword! {
/// How much of one unit went into another across the 2025 reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Share {
    /// All of the earlier unit went into the later one.
    Whole = "whole",
    /// The earlier unit was split: part of it went into the later one.
    Part = "part",
}
}

/// A unit on the other map that this one came from or went into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "locality": {"id": "2025-p19", "scheme": "2025", "code": "19", "name": "Tỉnh Thái Nguyên", "level": "province"},
    "share": "whole", "default": true
}))]
pub struct LocalityLink {
    pub locality: LocalityRef,
    /// How much of the earlier unit went into the later one.
    pub share: Share,
    /// For a split unit: whether this is the part that took most of it.
    pub default: bool,
}

/// A unit with its place in the hierarchy, its names over time, its counterparts on the other
/// map and what articles say of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LocalityDetail {
    #[serde(flatten)]
    pub locality: Locality,
    /// Parents from the province down to the direct parent, on the unit's own map.
    pub parents: Vec<LocalityRef>,
    /// Units one level down; list them with `GET /localities?parent=ID`.
    pub children_count: u64,
    /// Historical and alternative names.
    pub aliases: Vec<LocalityAlias>,
    /// 2025 map: the units of the 2024 map it was formed from (a province: the provinces
    /// merged into it; a commune: the communes it took whole or in part).
    pub predecessors: Vec<LocalityLink>,
    /// 2024 map: the units of the 2025 map it went into (a province or district: its 2025
    /// province; a commune: the commune or communes it became; a district also lists the
    /// communes its communes went into).
    pub successors: Vec<LocalityLink>,
    /// Articles naming this unit, a unit under it, or a unit of the other map on its ground.
    pub article_count: u64,
}
