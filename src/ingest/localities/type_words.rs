//! The type words that introduce a unit's name, and the unit types each can introduce: "tỉnh",
//! "thị xã", "TP.", and the Party committees named after their unit ("Huyện ủy").

use crate::domain::UnitType;

/// A type word and the unit types it can introduce.
pub struct TypeWord {
    pub(super) words: &'static [&'static str],
    /// An abbreviation: a dot may follow it ("TP. Mỹ Tho"), and must when it is one letter
    /// ("H. Cai Lậy").
    pub(super) abbrev: bool,
    /// How the gazetteer's full names spell the type ("thành phố" for "Thành ủy").
    pub canonical: &'static str,
    pub types: &'static [UnitType],
}

pub const PROVINCE: &[UnitType] = &[UnitType::Province];
const CITY: &[UnitType] = &[UnitType::Municipality, UnitType::City];
const TOWN: &[UnitType] = &[UnitType::Town];
const RURAL: &[UnitType] = &[UnitType::RuralDistrict];
const URBAN: &[UnitType] = &[UnitType::UrbanDistrict];

#[rustfmt::skip]
pub(super) const TYPE_WORDS: &[TypeWord] = &[
    TypeWord { words: &["tỉnh", "ủy"], abbrev: false, canonical: "tỉnh", types: PROVINCE },
    TypeWord { words: &["thành", "ủy"], abbrev: false, canonical: "thành phố", types: CITY },
    TypeWord { words: &["thị", "ủy"], abbrev: false, canonical: "thị xã", types: TOWN },
    TypeWord { words: &["huyện", "ủy"], abbrev: false, canonical: "huyện", types: RURAL },
    TypeWord { words: &["quận", "ủy"], abbrev: false, canonical: "quận", types: URBAN },
    TypeWord { words: &["thành", "phố"], abbrev: false, canonical: "thành phố", types: CITY },
    TypeWord { words: &["thị", "xã"], abbrev: false, canonical: "thị xã", types: TOWN },
    TypeWord { words: &["thị", "trấn"], abbrev: false, canonical: "thị trấn", types: &[UnitType::Township] },
    TypeWord { words: &["đặc", "khu"], abbrev: false, canonical: "đặc khu", types: &[UnitType::SpecialZone] },
    TypeWord { words: &["tỉnh"], abbrev: false, canonical: "tỉnh", types: PROVINCE },
    TypeWord { words: &["tp"], abbrev: true, canonical: "thành phố", types: CITY },
    TypeWord { words: &["tx"], abbrev: true, canonical: "thị xã", types: TOWN },
    TypeWord { words: &["huyện"], abbrev: false, canonical: "huyện", types: RURAL },
    TypeWord { words: &["quận"], abbrev: false, canonical: "quận", types: URBAN },
    TypeWord { words: &["xã"], abbrev: false, canonical: "xã", types: &[UnitType::Commune] },
    TypeWord { words: &["phường"], abbrev: false, canonical: "phường", types: &[UnitType::Ward] },
    TypeWord { words: &["tt"], abbrev: true, canonical: "thị trấn", types: &[UnitType::Township] },
    TypeWord { words: &["h"], abbrev: true, canonical: "huyện", types: RURAL },
    TypeWord { words: &["q"], abbrev: true, canonical: "quận", types: URBAN },
    TypeWord { words: &["p"], abbrev: true, canonical: "phường", types: &[UnitType::Ward] },
    TypeWord { words: &["x"], abbrev: true, canonical: "xã", types: &[UnitType::Commune] },
];

/// Provinces and districts: what an address in parentheses names.
pub const ABOVE_COMMUNE: &[UnitType] = &[
    UnitType::Province,
    UnitType::Municipality,
    UnitType::City,
    UnitType::Town,
    UnitType::RuralDistrict,
    UnitType::UrbanDistrict,
];

const DISTRICT_LEVEL: &[UnitType] = &[
    UnitType::City,
    UnitType::Town,
    UnitType::RuralDistrict,
    UnitType::UrbanDistrict,
];
const COMMUNE_LEVEL: &[UnitType] = &[
    UnitType::Commune,
    UnitType::Ward,
    UnitType::Township,
    UnitType::SpecialZone,
];

/// Every type of the level of a town, district, township or commune (units get upgraded: a
/// town becomes a city, a commune a ward); no wider for provinces and cities.
pub fn same_level(types: &[UnitType]) -> &'static [UnitType] {
    match types {
        [UnitType::Town] | [UnitType::RuralDistrict] | [UnitType::UrbanDistrict] => DISTRICT_LEVEL,
        [UnitType::Township] | [UnitType::Commune] => COMMUNE_LEVEL,
        _ => &[],
    }
}
