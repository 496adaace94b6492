//! Per-unit roll-ups: article and indicator counts, metric series and latest values, children.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::types::Value;

use super::article_reads::locality_ref;
use super::localities::locality_on;
use super::sql::{Conditions, area_column, within};
use super::{Store, StoreError, date_column, summary_cache};
use crate::domain::{
    ChildCount, Direction, Level, LocalityRef, LocalitySummary, MetricSeries, SeriesPoint, Unit,
};
use crate::ingest::metrics;

/// Values of a metric's series in a summary: the most recent ones.
pub const SERIES_POINTS: u32 = 50;

impl Store {
    /// What the articles about a unit report; with `rollup`, the units under it count too.
    /// Kept (shared, not copied) until the next write.
    pub fn locality_summary(
        &self,
        code: &str,
        rollup: bool,
    ) -> Result<Option<Arc<LocalitySummary>>, StoreError> {
        let conn = self.conn()?;
        let generation = summary_cache::generation(&conn)?;
        if let Some(kept) = self.summaries.get(code, rollup, generation) {
            return Ok(Some(kept));
        }
        let _turn = self.summaries.turn(code, rollup);
        if let Some(kept) = self.summaries.get(code, rollup, generation) {
            return Ok(Some(kept));
        }
        let Some(computed) = compute(&conn, code, rollup)?.map(Arc::new) else {
            return Ok(None);
        };
        self.summaries.put(code, rollup, generation, computed.clone());
        Ok(Some(computed))
    }
    /// Units of a level that articles name, by code: one page and the total.
    pub fn units_with_articles(
        &self,
        level: Level,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<String>, u64), StoreError> {
        let conn = self.conn()?;
        let from = "FROM localities l WHERE l.level = ?1 AND EXISTS (SELECT 1 FROM article_localities al WHERE al.code = l.code)";
        let total: i64 =
            conn.query_row(&format!("SELECT count(*) {from}"), [level.as_str()], |r| r.get(0))?;
        let mut stmt = conn.prepare(&format!(
            "SELECT l.code {from} ORDER BY l.code LIMIT ?2 OFFSET ?3"
        ))?;
        let codes = stmt
            .query_map(rusqlite::params![level.as_str(), limit, offset as i64], |r| {
                r.get(0)
            })?
            .collect::<Result<_, _>>()?;
        Ok((codes, total as u64))
    }
}

/// A summary computed from the store.
fn compute(
    conn: &rusqlite::Connection,
    code: &str,
    rollup: bool,
) -> Result<Option<LocalitySummary>, StoreError> {
    let Some(unit) = locality_on(conn, code)? else {
        return Ok(None);
    };
    let code_value = || Value::Text(code.to_owned());
    let mut articles = Conditions::default();
    match rollup {
        true => articles.push(
            "a.id IN (SELECT article_id FROM article_localities WHERE code = ?)",
            [code_value()],
        ),
        false => articles.push("a.primary_locality = ?", [code_value()]),
    }
    let (article_count, first, last): (i64, Option<String>, Option<String>) = conn.query_row(
        &format!(
            "SELECT count(*), min(coalesce(a.published_on, a.event_date)), max(coalesce(a.published_on, a.event_date))
             FROM articles a {}",
            articles.where_sql()
        ),
        articles.params().as_slice(),
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut indicators = Conditions::default();
    match rollup {
        true => within(&mut indicators, code),
        false => indicators.push("i.locality_code = ?", [code_value()]),
    }
    let where_sql = indicators.where_sql();
    let counts_sql = format!("SELECT i.metric, count(*) FROM indicators i {where_sql} GROUP BY i.metric");
    let counts: HashMap<String, u64> = conn
        .prepare(&counts_sql)?
        .query_map(indicators.params().as_slice(), |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
        })?
        .collect::<Result<_, _>>()?;
    let indicator_count = counts.values().sum();
    // The SERIES_POINTS values of each metric reported most recently (by article date),
    // oldest period first: one index range per metric, (area, metric, newest).
    let column = if rollup {
        area_column(code)
    } else {
        "i.locality_code"
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM (
             SELECT i.id, i.value, i.unit, i.direction, i.period, i.label, i.locality_code,
                    l.name AS locality_name, l.level AS locality_level, a.id AS article_id, a.title,
                    coalesce(a.published_on, a.event_date) AS date
             FROM indicators i JOIN articles a ON a.id = i.article_id
             LEFT JOIN localities l ON l.code = i.locality_code
             WHERE {column} = ?1 AND i.metric = ?2
             ORDER BY i.newest DESC, i.article_id, i.position LIMIT {SERIES_POINTS})
         ORDER BY period IS NULL, period, date, id"
    ))?;
    let mut keys: Vec<&String> = counts
        .keys()
        .filter(|m| m.as_str() != metrics::OTHER.key)
        .collect();
    keys.sort();
    let mut by_metric: Vec<(String, Vec<SeriesPoint>)> = Vec::with_capacity(keys.len());
    for metric in keys {
        let mut rows = stmt.query(rusqlite::params![code, metric])?;
        let mut points = Vec::new();
        while let Some(r) = rows.next()? {
            let (Some(unit), Some(direction)) = (
                Unit::parse(&r.get::<_, String>("unit")?),
                Direction::parse(&r.get::<_, String>("direction")?),
            ) else {
                continue;
            };
            points.push(SeriesPoint {
                indicator_id: r.get("id")?,
                value: r.get("value")?,
                unit,
                direction,
                period: r.get("period")?,
                label: r.get("label")?,
                locality: locality_ref(r, "locality_code", "locality_name", "locality_level")?,
                article_id: r.get("article_id")?,
                article_title: r.get("title")?,
                date: date_column(r, "date")?,
            });
        }
        by_metric.push((metric.clone(), points));
    }
    let metrics = by_metric
        .into_iter()
        .map(|(metric, series)| {
            let count = counts.get(&metric).copied().unwrap_or(series.len() as u64);
            series_of(code, metric, series, count)
        })
        .collect();
    let parse = |d: Option<String>| d.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    Ok(Some(LocalitySummary {
        locality: LocalityRef::from(&unit),
        rolled_up: rollup,
        article_count: article_count as u64,
        first_date: parse(first),
        last_date: parse(last),
        indicator_count,
        metrics,
        children: child_counts(conn, code)?,
    }))
}

/// Every unit one level down, with articles and indicators about it and the units under it.
fn child_counts(conn: &rusqlite::Connection, code: &str) -> Result<Vec<ChildCount>, StoreError> {
    // One index range per child: counting through the parent's range would read every row.
    let indicators_of_child = match code.len() {
        2 => "(SELECT count(*) FROM indicators i WHERE i.district_code = c.code)",
        3 => "(SELECT count(*) FROM indicators i WHERE i.locality_code = c.code)",
        _ => return Ok(Vec::new()),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT c.code, c.name, c.level,
                (SELECT count(*) FROM article_localities al WHERE al.code = c.code) AS articles,
                {indicators_of_child} AS indicators
         FROM localities c WHERE c.parent_code = ?1 ORDER BY c.code"
    ))?;
    let rows = stmt.query_map([code], |r| {
        Ok(
            locality_ref(r, "code", "name", "level")?.map(|locality| ChildCount {
                indicator_count: r.get::<_, i64>("indicators").unwrap_or(0) as u64,
                article_count: r.get::<_, i64>("articles").unwrap_or(0) as u64,
                locality,
            }),
        )
    })?;
    Ok(rows.filter_map(|r| r.transpose()).collect::<Result<_, _>>()?)
}

/// A metric's series with its latest value: the newest level reported about the unit itself,
/// else the newest level of any unit under it, else the newest value.
fn series_of(code: &str, metric: String, series: Vec<SeriesPoint>, count: u64) -> MetricSeries {
    let key = |p: &&SeriesPoint| (p.period.clone(), p.date);
    let own_level = series
        .iter()
        .filter(|p| p.direction == Direction::Level && p.locality.as_ref().is_some_and(|l| l.code == code))
        .max_by_key(key);
    let latest = own_level
        .or_else(|| {
            series
                .iter()
                .filter(|p| p.direction == Direction::Level)
                .max_by_key(key)
        })
        .or_else(|| series.iter().max_by_key(key))
        .cloned();
    let (vi, en) = metrics::names(&metric);
    MetricSeries {
        name_vi: vi.to_owned(),
        name_en: en.to_owned(),
        count,
        metric,
        latest,
        series,
    }
}
