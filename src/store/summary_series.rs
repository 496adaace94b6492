//! One metric's series in a summary: the values about a unit itself, or about the units on
//! its ground, in one unit of measure, the most recently reported first.

use rusqlite::types::Value;

use super::StoreError;
use super::comparison::{FIGURE_COLUMNS, figure_from_row};
use super::sql::{Conditions, OWN, area_column, within};
use crate::domain::{Direction, Figure, MetricKey, PlaceId, Unit};

/// Values of a metric's series in a summary: the most recent ones.
pub const SERIES_POINTS: u32 = 50;

/// Whose values a series holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The unit itself and its same unit on the other map.
    Own,
    /// The units on its ground but not itself.
    Parts,
}

/// The `SERIES_POINTS` values of a metric in one unit of measure reported most recently (by
/// article date), with their directions, oldest period first: one index range, (area, metric,
/// newest). Figures without a place are left out; a row the domain cannot read is an error.
pub fn series(
    conn: &rusqlite::Connection,
    id: &PlaceId,
    scope: Scope,
    metric: MetricKey,
    unit: Unit,
) -> Result<Vec<(Direction, Figure)>, StoreError> {
    let idv = || Value::Text(id.to_string());
    let mut c = Conditions::default();
    match scope {
        Scope::Own => c.push(OWN, [idv()]),
        Scope::Parts => {
            within(&mut c, id);
            c.push(&format!("NOT {OWN}"), [idv()]);
        }
    }
    c.push("i.metric = ?", [Value::Text(metric.as_str().into())]);
    c.push("i.unit = ?", [Value::Text(unit.as_str().into())]);
    // Values found by their units: a few index ranges (unit, metric) then sorted. Left to
    // itself SQLite walks the metric's index, newest first, through every unit in the country
    // to find 50 of this one's (300 ms for a province's own series at 10k articles).
    let by_unit = scope == Scope::Own || area_column(id).is_none();
    let indicators = match by_unit {
        true => "indicators i INDEXED BY indicators_locality_newest",
        false => "indicators i",
    };
    let sql = format!(
        "SELECT * FROM (
             SELECT {FIGURE_COLUMNS}, i.newest
             FROM {indicators} JOIN articles a ON a.id = i.article_id
             LEFT JOIN localities l ON l.id = i.locality_id
             {}
             ORDER BY i.newest DESC, i.article_id, i.position LIMIT {SERIES_POINTS})
         ORDER BY period IS NULL, period, date, id",
        c.where_sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(c.params().as_slice())?;
    let mut figures = Vec::new();
    while let Some(r) = rows.next()? {
        if let Some((_, direction, figure)) = figure_from_row(r, id)? {
            figures.push((direction, figure));
        }
    }
    Ok(figures)
}
