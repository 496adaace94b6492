//! A unit as a map or a table row needs it: its name, its province and where it lies.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Level, LocalityRef, PlaceId, Scheme};

/// The province a unit lies in, on the unit's own map (a province lies in itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "2024-p06", "name": "Tỉnh Bắc Kạn"}))]
pub struct ProvinceRef {
    pub id: PlaceId,
    pub name: String,
}

/// A unit with its province and the gazetteer's coordinates (WGS 84 decimal degrees; `null`
/// for the few units the gazetteer has none for).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "2024-p06", "scheme": "2024", "code": "06", "name": "Tỉnh Bắc Kạn", "level": "province",
    "province": {"id": "2024-p06", "name": "Tỉnh Bắc Kạn"}, "lat": 22.144269, "lon": 105.834543
}))]
pub struct PlaceRef {
    pub id: PlaceId,
    pub scheme: Scheme,
    pub code: String,
    pub name: String,
    pub level: Level,
    pub province: Option<ProvinceRef>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl PlaceRef {
    pub fn new(
        unit: LocalityRef,
        province: Option<ProvinceRef>,
        (lat, lon): (Option<f64>, Option<f64>),
    ) -> PlaceRef {
        PlaceRef {
            id: unit.id,
            scheme: unit.scheme,
            code: unit.code,
            name: unit.name,
            level: unit.level,
            province,
            lat,
            lon,
        }
    }

    /// The unit without its province and coordinates.
    pub fn unit(&self) -> LocalityRef {
        LocalityRef::new(self.id.clone(), self.name.clone(), self.level)
    }
}
