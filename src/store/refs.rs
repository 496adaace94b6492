//! Units as rows refer to them: a reference from a row's id, name and level columns, and one
//! with its province and coordinates.

use rusqlite::Row;

use crate::domain::{Level, LocalityRef, PlaceId, PlaceRef, ProvinceRef};

/// A locality reference from three columns (id, name, level), when the row has one.
pub(super) fn locality_ref(
    r: &Row<'_>,
    id: &str,
    name: &str,
    level: &str,
) -> rusqlite::Result<Option<LocalityRef>> {
    let id: Option<PlaceId> = r.get(id)?;
    let name: Option<String> = r.get(name)?;
    let level: Option<Level> = r.get(level)?;
    Ok(match (id, name, level) {
        (Some(id), Some(name), Some(level)) => Some(LocalityRef::new(id, name, level)),
        _ => None,
    })
}

/// A unit with its province and coordinates from the columns `{prefix}_id`, `_name`,
/// `_level`, `_lat`, `_lon`, `province_id` and `province_name`.
pub(super) fn place_ref(r: &Row<'_>, prefix: &str) -> rusqlite::Result<Option<PlaceRef>> {
    let col = |c: &str| format!("{prefix}_{c}");
    let Some(unit) = locality_ref(r, &col("id"), &col("name"), &col("level"))? else {
        return Ok(None);
    };
    let province_id: Option<PlaceId> = r.get("province_id")?;
    let province = match (province_id, r.get::<_, Option<String>>("province_name")?) {
        (Some(id), Some(name)) => Some(ProvinceRef { id, name }),
        _ => None,
    };
    Ok(Some(PlaceRef::new(
        unit,
        province,
        (r.get(col("lat").as_str())?, r.get(col("lon").as_str())?),
    )))
}
