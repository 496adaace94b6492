//! One metric's series in a summary: the values about a unit itself, or about the units on
//! its ground, in one unit of measure, the most recently reported first.

use rusqlite::types::Value;

use super::refs::locality_ref;
use super::sql::{Conditions, OWN, area_column, within};
use super::{StoreError, date_column};
use crate::domain::{Direction, MetricKey, PlaceId, SeriesPoint, Unit};

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

/// The `SERIES_POINTS` values of a metric in one unit reported most recently (by article
/// date), oldest period first: one index range, (area, metric, newest).
pub fn series(
    conn: &rusqlite::Connection,
    id: &PlaceId,
    scope: Scope,
    metric: MetricKey,
    unit: Unit,
) -> Result<Vec<SeriesPoint>, StoreError> {
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
             SELECT i.id, i.value, i.direction, i.period, i.label, i.locality_id,
                    l.name AS locality_name, l.level AS locality_level, a.id AS article_id, a.title,
                    coalesce(a.published_on, a.event_date) AS date
             FROM {indicators} JOIN articles a ON a.id = i.article_id
             LEFT JOIN localities l ON l.id = i.locality_id
             {}
             ORDER BY i.newest DESC, i.article_id, i.position LIMIT {SERIES_POINTS})
         ORDER BY period IS NULL, period, date, id",
        c.where_sql()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(c.params().as_slice())?;
    let mut points = Vec::new();
    while let Some(r) = rows.next()? {
        let Some(direction) = Direction::parse(&r.get::<_, String>("direction")?) else {
            continue;
        };
        let locality = locality_ref(r, "locality_id", "locality_name", "locality_level")?;
        points.push(SeriesPoint {
            indicator_id: r.get("id")?,
            value: r.get("value")?,
            unit,
            direction,
            period: r.get("period")?,
            label: r.get("label")?,
            crosswalk: locality.as_ref().is_some_and(|l| l.scheme != id.scheme()),
            locality,
            article_id: r.get("article_id")?,
            article_title: r.get("title")?,
            date: date_column(r, "date")?,
        });
    }
    Ok(points)
}
