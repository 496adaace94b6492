//! Per-unit roll-ups: article and indicator counts, each metric's own and rolled-up series and
//! latest values, and the children's counts. A unit's roll-up covers its ground on both maps:
//! the units under it and the units of the other map that lie within it.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::localities::locality_on;
use super::refs::locality_ref;
use super::sql::{ARTICLE_DATE, Conditions, OWN, own, within};
use super::summary_series::{Scope, series};
use super::{Store, StoreError, summary_cache};
use crate::domain::metrics::MetricKey;
use crate::domain::{
    ChildCount, Level, LocalityRef, LocalitySummary, PlaceId, Scheme, Unit, UnitOrder, metric_card,
};

impl Store {
    /// What the articles about a unit report; with `rollup`, about the units on its ground too.
    /// Kept (shared, not copied) until the next write. The unit is one the caller found in
    /// the gazetteer: one the store lacks is an error, not a 404.
    pub fn locality_summary(&self, id: &PlaceId, rollup: bool) -> Result<Arc<LocalitySummary>, StoreError> {
        let conn = self.conn()?;
        self.summary_on(&conn, id, rollup)
    }

    /// The summaries of units `ids`, on one connection: their time budget is the request's,
    /// however many there are. Those computed before it ran out are kept, so that the request
    /// asked again goes on where it stopped.
    pub fn locality_summaries(
        &self,
        ids: &[PlaceId],
        rollup: bool,
    ) -> Result<Vec<Arc<LocalitySummary>>, StoreError> {
        let conn = self.conn()?;
        ids.iter().map(|id| self.summary_on(&conn, id, rollup)).collect()
    }

    /// A summary asked for: the warm-up after writes computes it again.
    fn summary_on(
        &self,
        conn: &rusqlite::Connection,
        id: &PlaceId,
        rollup: bool,
    ) -> Result<Arc<LocalitySummary>, StoreError> {
        self.summaries.mark_asked(&id.to_string(), rollup);
        self.card_on(conn, id, rollup)
    }

    /// A summary kept in memory, else kept in the store under this generation, else computed.
    pub(super) fn card_on(
        &self,
        conn: &rusqlite::Connection,
        id: &PlaceId,
        rollup: bool,
    ) -> Result<Arc<LocalitySummary>, StoreError> {
        let key = id.to_string();
        let generation = summary_cache::generation(conn)?;
        self.summaries.kept_or(
            &format!("{key} {rollup}"),
            || self.summaries.get(&key, rollup, generation),
            || match Store::kept_card(conn, id, rollup, generation) {
                Some(kept) => Ok(Arc::new(kept)),
                None => compute(conn, id, rollup).map(Arc::new),
            },
            |card| self.summaries.put(&key, rollup, generation, card),
        )
    }

    /// Units of a level on a map that articles name (themselves, a unit on their ground, or a
    /// unit of the other map within them), by code: one page and the total.
    pub fn units_with_articles(
        &self,
        scheme: Scheme,
        level: Level,
        order: UnitOrder,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<PlaceId>, u64), StoreError> {
        let conn = self.conn()?;
        let from = "FROM localities l WHERE l.scheme = ?1 AND l.level = ?2
             AND EXISTS (SELECT 1 FROM article_localities al WHERE al.locality_id = l.id)";
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) {from}"),
            [scheme.as_str(), level.as_str()],
            |r| r.get(0),
        )?;
        let order = match order {
            UnitOrder::Code => "l.code",
            UnitOrder::Name => "chiso_fold(l.short_name), l.code",
            UnitOrder::MostArticles => {
                "(SELECT count(*) FROM article_localities al WHERE al.locality_id = l.id) DESC, l.code"
            }
        };
        let mut stmt =
            conn.prepare_cached(&format!("SELECT l.id {from} ORDER BY {order} LIMIT ?3 OFFSET ?4"))?;
        let ids = stmt
            .query_map(
                rusqlite::params![scheme.as_str(), level.as_str(), limit, offset as i64],
                |r| r.get::<_, PlaceId>(0),
            )?
            .collect::<Result<_, _>>()?;
        Ok((ids, total as u64))
    }
}

/// Counts of one metric in one unit of measure.
#[derive(Default)]
struct Counts {
    own: u64,
    parts: u64,
}

/// A summary computed from the store.
fn compute(conn: &rusqlite::Connection, id: &PlaceId, rollup: bool) -> Result<LocalitySummary, StoreError> {
    let unit =
        locality_on(conn, id)?.ok_or_else(|| StoreError::Corrupt(format!("no unit {id} in the store")))?;
    let idv = || Value::Text(id.to_string());
    let mut articles = Conditions::default();
    match rollup {
        true => articles.push(
            "a.id IN (SELECT article_id FROM article_localities WHERE locality_id = ?)",
            [idv()],
        ),
        false => articles.push(
            "a.primary_locality IN (SELECT locality_id FROM locality_areas WHERE area_id = ? AND relation IN ('self', 'same'))",
            [idv()],
        ),
    }
    let (article_count, first_date, last_date): (i64, Option<NaiveDate>, Option<NaiveDate>) = conn
        .query_row(
            &format!(
                "SELECT count(*), min({ARTICLE_DATE}), max({ARTICLE_DATE}) FROM articles a {}",
                articles.where_sql()
            ),
            articles.params().as_slice(),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    let mut scope = Conditions::default();
    match rollup {
        true => within(&mut scope, id),
        false => own(&mut scope, id),
    }
    let own_flag = scope.bind(idv());
    let counts_sql = format!(
        "SELECT i.metric, i.unit, {} AS own, count(*), sum(i.locality_id LIKE '2025-%')
         FROM indicators i {} GROUP BY 1, 2, 3",
        OWN.replace('?', &own_flag),
        scope.where_sql()
    );
    // By the spellings of metric and unit, as the cards are ordered.
    let mut counts: BTreeMap<(&str, &str), (MetricKey, Unit, Counts)> = BTreeMap::new();
    let (mut indicator_count, mut on_2025) = (0u64, 0u64);
    let mut stmt = conn.prepare_cached(&counts_sql)?;
    let mut rows = stmt.query(scope.params().as_slice())?;
    while let Some(r) = rows.next()? {
        let (metric, unit, is_own, n, n2025): (MetricKey, Unit, bool, i64, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        indicator_count += n as u64;
        on_2025 += n2025 as u64;
        let (_, _, c) =
            counts
                .entry((metric.as_str(), unit.as_str()))
                .or_insert((metric, unit, Counts::default()));
        match is_own {
            true => c.own += n as u64,
            false => c.parts += n as u64,
        }
    }
    let crosswalk_indicator_count = match id.scheme() {
        Scheme::Y2025 => indicator_count - on_2025,
        Scheme::Y2024 => on_2025,
    };
    let mut metrics = Vec::new();
    for (key, unit_of_measure, c) in counts.into_values() {
        if key == MetricKey::OTHER {
            continue;
        }
        let own_series = match c.own {
            0 => Vec::new(),
            _ => series(conn, id, Scope::Own, key, unit_of_measure)?,
        };
        let parts_series = match (rollup, c.parts) {
            (false, _) | (_, 0) => Vec::new(),
            _ => series(conn, id, Scope::Parts, key, unit_of_measure)?,
        };
        metrics.push(metric_card(
            key,
            unit_of_measure,
            (c.own, &own_series),
            (c.parts, &parts_series),
        ));
    }
    let children = child_counts(conn, id)?;
    Ok(LocalitySummary {
        locality: LocalityRef::from(&unit),
        rolled_up: rollup,
        article_count: article_count as u64,
        first_date,
        last_date,
        indicator_count,
        crosswalk_indicator_count,
        metrics,
        child_count: children.len() as u64,
        children_with_articles: children.iter().filter(|c| c.article_count > 0).count() as u64,
        children: Some(children),
    })
}

/// Every unit one level down on the unit's own map, with what is reported on its ground.
fn child_counts(conn: &rusqlite::Connection, id: &PlaceId) -> Result<Vec<ChildCount>, StoreError> {
    // One index range (or a few) per child: counting through the parent's range reads every row.
    let indicators_of_child = match (id.scheme(), id.level()) {
        (Scheme::Y2024, Level::Province) => {
            "(SELECT count(*) FROM indicators i WHERE i.district_2024 = c.id)"
        }
        (_, Level::Commune) => return Ok(Vec::new()),
        _ => {
            "(SELECT count(*) FROM indicators i WHERE i.locality_id IN
                 (SELECT locality_id FROM locality_areas WHERE area_id = c.id))"
        }
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.level,
                (SELECT count(*) FROM article_localities al WHERE al.locality_id = c.id) AS articles,
                {indicators_of_child} AS indicators
         FROM localities c WHERE c.parent_id = ?1 ORDER BY c.code"
    ))?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok(
            locality_ref(r, "id", "name", "level")?.map(|locality| ChildCount {
                indicator_count: r.get::<_, i64>("indicators").unwrap_or(0) as u64,
                article_count: r.get::<_, i64>("articles").unwrap_or(0) as u64,
                locality,
            }),
        )
    })?;
    Ok(rows.filter_map(|r| r.transpose()).collect::<Result<_, _>>()?)
}
