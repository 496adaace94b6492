//! Places: Vietnam's administrative units on the map before the July 2025 reform and on the
//! map after it, the ids that tell them apart, and the crosswalk between them.

mod address;
mod crosswalk;
mod detail;
mod gazetteer;
mod id;
mod place_ref;
mod unit;

pub use address::{Outlet, slug};
pub use crosswalk::{Area, Link, Relation};
pub use gazetteer::Gazetteer;
pub use id::{BadPlaceId, PLACE_ID_PATTERN, PerScheme, PlaceId, Scheme};
pub use place_ref::{PlaceRef, ProvinceRef};
pub use unit::{Level, Locality, LocalityAlias, LocalityDetail, LocalityLink, LocalityRef, Share, UnitType};
