//! One metric across the units of a level, and one metric over time at one unit: read in one
//! indexed pass over the figures concerned, then kept until the next write.

use std::collections::BTreeMap;
use std::sync::Arc;

use rusqlite::types::Value;
use rusqlite::{Connection, Row};

mod series;

use super::localities::locality_on;
use super::refs::{locality_ref, place_ref};
use super::sql::Conditions;
use super::{Store, StoreError, date_column};
use crate::domain::{
    ComparisonQuery, ComparisonRow, ComparisonSort, Direction, Figure, LeftOut, LeftOutReason,
    LocalityMetricSeries, LocalityRef, MetricComparison, Period, PlaceId, PlaceRef, SeriesQuery, Unit,
    choose_measure, choose_value, most_common_kind,
};
use series::series;

/// The columns of a figure, its article and the unit it is about, for [`figure_from_row`].
pub(super) const FIGURE_COLUMNS: &str = concat!(
    "i.id, i.value, i.unit, i.direction, i.period, i.label, i.locality_id,
     l.name AS locality_name, l.level AS locality_level, a.id AS article_id, a.title, ",
    super::sql::article_date!(),
    " AS date"
);

/// A figure of a row, with its unit of measure and direction; `None` for a figure without a
/// place (a malformed unit, direction, period or place id is an error).
pub(super) fn figure_from_row(
    r: &Row<'_>,
    area: &PlaceId,
) -> rusqlite::Result<Option<(Unit, Direction, Figure)>> {
    let unit: Unit = r.get("unit")?;
    let direction: Direction = r.get("direction")?;
    let period: Option<Period> = r.get("period")?;
    let Some(locality) = locality_ref(r, "locality_id", "locality_name", "locality_level")? else {
        return Ok(None);
    };
    Ok(Some((
        unit,
        direction,
        Figure {
            indicator_id: r.get("id")?,
            value: r.get("value")?,
            period,
            label: r.get("label")?,
            crosswalk: locality.scheme != area.scheme(),
            locality,
            article_id: r.get("article_id")?,
            article_title: r.get("title")?,
            date: date_column(r, "date")?,
        },
    )))
}

/// How many figures each (unit of measure, direction) pair has.
fn measure_counts<'a>(
    figures: impl Iterator<Item = &'a (Unit, Direction, Figure)>,
) -> Vec<(Unit, Direction, u64)> {
    let mut counts: BTreeMap<(&str, &str), (Unit, Direction, u64)> = BTreeMap::new();
    for (u, d, _) in figures {
        counts.entry((u.as_str(), d.as_str())).or_insert((*u, *d, 0)).2 += 1;
    }
    counts.into_values().collect()
}

/// A unit with its province (on its own map) and coordinates, from `u` and `p` columns.
const PLACE_COLUMNS: &str = "u.id AS unit_id, u.name AS unit_name, u.level AS unit_level, u.lat AS unit_lat,
     u.lon AS unit_lon, p.id AS province_id, p.name AS province_name";
const PROVINCE_JOIN: &str = "LEFT JOIN localities p ON p.id = (SELECT area_id FROM locality_areas
     WHERE locality_id = u.id AND slot = 'province_' || u.scheme AND relation IN ('self', 'parent'))";

impl Store {
    /// A metric across the units of a level (under a parent), each with its value for the
    /// periods asked.
    pub fn compare_metric(&self, q: &ComparisonQuery) -> Result<Arc<MetricComparison>, StoreError> {
        let conn = self.conn()?;
        self.kept(&conn, format!("comparison {q:?}"), |conn| compare(conn, q))
    }

    /// A metric over time at one unit; `None` when no unit has the id.
    pub fn metric_series(&self, q: &SeriesQuery) -> Result<Arc<LocalityMetricSeries>, StoreError> {
        let conn = self.conn()?;
        self.kept(&conn, format!("series {q:?}"), |conn| series(conn, q))
    }
}

fn compare(conn: &Connection, q: &ComparisonQuery) -> Result<MetricComparison, StoreError> {
    let mut c = Conditions::default();
    c.push("u.scheme = ?", [Value::Text(q.scheme.as_str().into())]);
    c.push("u.level = ?", [Value::Text(q.level.as_str().into())]);
    if let Some(parent) = &q.parent {
        c.push("u.parent_id = ?", [Value::Text(parent.to_string())]);
    }
    let order = match q.sort {
        ComparisonSort::Name => "chiso_fold(u.short_name), u.code",
        _ => "u.code",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PLACE_COLUMNS} FROM localities u {PROVINCE_JOIN} {} ORDER BY {order}",
        c.where_sql()
    ))?;
    let units: Vec<PlaceRef> = stmt
        .query_map(c.params().as_slice(), |r| place_ref(r, "unit"))?
        .filter_map(Result::transpose)
        .collect::<Result<_, _>>()?;
    let metric = c.bind(Value::Text(q.metric.as_str().into()));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT la.area_id AS area, {FIGURE_COLUMNS}
         FROM localities u
         JOIN locality_areas la ON la.area_id = u.id AND la.relation IN ('self', 'same')
         JOIN indicators i INDEXED BY indicators_locality_newest
              ON i.locality_id = la.locality_id AND i.metric = {metric}
         JOIN articles a ON a.id = i.article_id
         LEFT JOIN localities l ON l.id = i.locality_id
         {}",
        c.where_sql()
    ))?;
    let mut rows = stmt.query(c.params().as_slice())?;
    let mut figures: BTreeMap<PlaceId, Vec<(Unit, Direction, Figure)>> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let area: PlaceId = r.get("area")?;
        if let Some(f) = figure_from_row(r, &area)?.filter(|(_, _, f)| q.periods.takes(f.period.as_ref())) {
            figures.entry(area).or_default().push(f);
        }
    }
    let (chosen, left_out) = choose_measure(&measure_counts(figures.values().flatten()), q.unit, q.direction);
    let comparable: Vec<(PlaceRef, Vec<&Figure>)> = units
        .into_iter()
        .map(|locality| {
            let fs = figures
                .get(&locality.id)
                .into_iter()
                .flatten()
                .filter(|(u, d, _)| Some((*u, *d)) == chosen)
                .map(|(_, _, f)| f)
                .collect();
            (locality, fs)
        })
        .collect();
    let kind = q
        .period_kind
        .or_else(|| most_common_kind(comparable.iter().map(|(_, fs)| fs.as_slice())));
    let mut left_out = left_out;
    let mut data: Vec<ComparisonRow> = Vec::with_capacity(comparable.len());
    for (locality, fs) in comparable {
        let value = choose_value(&fs, kind);
        if value.is_none() && !fs.is_empty() {
            if let Some((unit, direction)) = chosen {
                leave_out(&mut left_out, &fs, unit, direction);
            }
        }
        data.push(ComparisonRow {
            locality,
            value: value.as_ref().map(|c| c.figure.value),
            unit: value.as_ref().and(chosen.map(|c| c.0)),
            direction: value.as_ref().and(chosen.map(|c| c.1)),
            period: value.as_ref().and_then(|c| c.figure.period.clone()),
            count: value.as_ref().map_or(0, |c| c.count),
            spread: value.as_ref().and_then(|c| c.spread),
            figure: value.map(|c| c.figure),
        });
    }
    sort_rows(&mut data, q.sort);
    let parent = match &q.parent {
        Some(id) => locality_on(conn, id)?.map(|l| LocalityRef::from(&l)),
        None => None,
    };
    Ok(MetricComparison {
        metric: q.metric.into(),
        scheme: q.scheme,
        level: q.level,
        parent,
        unit: chosen.map(|(u, _)| u),
        direction: chosen.map(|(_, d)| d),
        period_kind: kind,
        reported: data.iter().filter(|r| r.value.is_some()).count() as u64,
        left_out,
        data,
    })
}

/// Counts in a unit left without a value of the kind compared: under the kind of its latest
/// figure, or as undated.
fn leave_out(left_out: &mut Vec<LeftOut>, figures: &[&Figure], unit: Unit, direction: Direction) {
    let latest = Figure::latest(figures.iter().copied());
    let kind = latest.and_then(|f| f.period.as_ref()).map(Period::kind);
    let reason = match kind {
        Some(_) => LeftOutReason::OtherPeriodKind,
        None => LeftOutReason::NoPeriod,
    };
    let of_kind = figures
        .iter()
        .filter(|f| f.period.as_ref().map(Period::kind) == kind)
        .count() as u64;
    match left_out
        .iter_mut()
        .find(|l| l.reason == reason && l.period_kind == kind && l.unit == unit && l.direction == direction)
    {
        Some(l) => {
            l.count += of_kind;
            l.units = Some(l.units.unwrap_or(0) + 1);
        }
        None => left_out.push(LeftOut {
            reason,
            unit,
            direction,
            count: of_kind,
            period_kind: kind,
            units: Some(1),
        }),
    }
}

fn sort_rows(rows: &mut [ComparisonRow], sort: ComparisonSort) {
    let by_value = |r: &ComparisonRow| r.value.unwrap_or(f64::NAN);
    match sort {
        ComparisonSort::ValueDescending => rows.sort_by(|a, b| {
            (a.value.is_none(), -by_value(a))
                .partial_cmp(&(b.value.is_none(), -by_value(b)))
                .unwrap_or(std::cmp::Ordering::Equal)
        }),
        ComparisonSort::ValueAscending => rows.sort_by(|a, b| {
            (a.value.is_none(), by_value(a))
                .partial_cmp(&(b.value.is_none(), by_value(b)))
                .unwrap_or(std::cmp::Ordering::Equal)
        }),
        // The units were read in these orders.
        ComparisonSort::Name | ComparisonSort::Code => {}
    }
}
