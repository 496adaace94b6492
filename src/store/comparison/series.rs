//! One metric over time at one unit: its own values and, apart, those of the units on its
//! ground, one point per period.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::types::Value;

use super::super::StoreError;
use super::super::refs::place_ref;
use super::super::sql::{Conditions, OWN, area_column, within};
use super::{FIGURE_COLUMNS, PLACE_COLUMNS, PROVINCE_JOIN, figure_from_row, measure_counts};
use crate::domain::{
    Direction, Figure, LeftOut, LeftOutReason, LocalityMetricSeries, LocalityRef, PartSeries, SeriesQuery,
    Unit, choose_measure, ground_per_period, one_per_period,
};

pub(super) fn series(conn: &Connection, q: &SeriesQuery) -> Result<LocalityMetricSeries, StoreError> {
    let id = &q.locality;
    let mut c = Conditions::default();
    match q.rollup {
        true => within(&mut c, id),
        false => c.push(OWN, [Value::Text(id.to_string())]),
    }
    c.push("i.metric = ?", [Value::Text(q.metric.as_str().into())]);
    let own_flag = c.bind(Value::Text(id.to_string()));
    let indicators = match area_column(id).is_none() || !q.rollup {
        true => "indicators i INDEXED BY indicators_locality_newest",
        false => "indicators i",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FIGURE_COLUMNS}, {} AS own
         FROM {indicators} JOIN articles a ON a.id = i.article_id
         LEFT JOIN localities l ON l.id = i.locality_id {}",
        OWN.replace('?', &own_flag),
        c.where_sql()
    ))?;
    let mut rows = stmt.query(c.params().as_slice())?;
    let (mut own, mut parts) = (Vec::new(), Vec::new());
    while let Some(r) = rows.next()? {
        let is_own: bool = r.get("own")?;
        if let Some(f) = figure_from_row(r, id)?.filter(|(_, _, f)| q.periods.takes(f.period.as_ref())) {
            match is_own {
                true => own.push(f),
                false => parts.push(f),
            }
        }
    }
    let basis = if own.is_empty() { &parts } else { &own };
    let (chosen, mut left_out) = choose_measure(&measure_counts(basis.iter()), q.unit, q.direction);
    if !own.is_empty() {
        // The parts' other measures are left out too; count them in.
        let (_, parts_left) = choose_measure(
            &measure_counts(parts.iter()),
            chosen.map(|c| c.0),
            chosen.map(|c| c.1),
        );
        for l in parts_left {
            match left_out
                .iter_mut()
                .find(|x| x.unit == l.unit && x.direction == l.direction)
            {
                Some(x) => x.count += l.count,
                None => left_out.push(l),
            }
        }
    }
    let comparable = |fs: Vec<(Unit, Direction, Figure)>| -> Vec<Figure> {
        fs.into_iter()
            .filter(|(u, d, _)| Some((*u, *d)) == chosen)
            .map(|(_, _, f)| f)
            .collect()
    };
    let (own, parts) = (comparable(own), comparable(parts));
    let undated = own.iter().chain(&parts).filter(|f| f.period.is_none()).count() as u64;
    if let (Some((unit, direction)), true) = (chosen, undated > 0) {
        left_out.push(LeftOut {
            reason: LeftOutReason::NoPeriod,
            unit,
            direction,
            count: undated,
            period_kind: None,
            units: None,
        });
    }
    let ground = ground_per_period(&parts);
    let mut by_part: BTreeMap<String, (LocalityRef, Vec<Figure>)> = BTreeMap::new();
    for f in parts {
        let key = format!("{}{}", f.locality.code.len(), f.locality.id);
        by_part
            .entry(key)
            .or_insert_with(|| (f.locality.clone(), Vec::new()))
            .1
            .push(f);
    }
    let parts: Vec<PartSeries> = by_part
        .into_values()
        .map(|(locality, figures)| PartSeries {
            locality,
            points: one_per_period(&figures),
        })
        .filter(|p| !p.points.is_empty())
        .collect();
    let mut place = conn.prepare_cached(&format!(
        "SELECT {PLACE_COLUMNS} FROM localities u {PROVINCE_JOIN} WHERE u.id = ?1"
    ))?;
    let locality = place
        .query_row([id.to_string()], |r| place_ref(r, "unit"))?
        .ok_or_else(|| StoreError::Corrupt(format!("unit {id} has no name or level")))?;
    Ok(LocalityMetricSeries {
        locality,
        metric: q.metric.into(),
        unit: chosen.map(|(u, _)| u),
        direction: chosen.map(|(_, d)| d),
        own: one_per_period(&own),
        unit_count: parts.len() as u64,
        ground,
        parts,
        left_out,
    })
}
