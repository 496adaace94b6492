//! Query parameters as domain values: each type reads its text once, by serde, at the edge
//! ([`values`]); what needs the gazetteer (a unit that exists) is checked here.

use crate::domain::{DateRange, Gazetteer, PlaceId, Undated};
use crate::error::ApiError;

mod patterns;
mod values;

pub use patterns::matching;

pub use values::{Finite, Flag, IsoDate, Limit, Offset, Search, Several, flag_or, several};

/// `from`, `to` and `undated`: inclusive bounds on an article's date and what becomes of the
/// articles without one. A range that ends before it starts holds nothing; `undated=only`
/// lists the undated articles alone, which no bound can select.
pub fn date_range(from: Option<IsoDate>, to: Option<IsoDate>, undated: Option<Undated>) -> DateRange {
    DateRange {
        from: from.map(|d| d.0),
        to: to.map(|d| d.0),
        undated,
    }
}

/// The units named, each one of the gazetteer's: 404 naming the first that is not.
pub fn known(name: &str, ids: Vec<PlaceId>, gazetteer: &Gazetteer) -> Result<Vec<PlaceId>, ApiError> {
    match ids.iter().find(|id| gazetteer.get(id).is_none()) {
        Some(id) => Err(ApiError::unknown_parameter(
            name,
            format!("no locality has the id {id}"),
        )),
        None => Ok(ids),
    }
}

/// The unit named, if any, one of the gazetteer's: 404 when it is not.
pub fn known_one(
    name: &str,
    id: Option<PlaceId>,
    gazetteer: &Gazetteer,
) -> Result<Option<PlaceId>, ApiError> {
    Ok(known(name, id.into_iter().collect(), gazetteer)?.pop())
}

#[cfg(test)]
mod tests;
