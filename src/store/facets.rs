//! Facet counts over a whole filtered list of indicators or articles, each bounded: the 30
//! most frequent values, counted within half a second or not at all.

use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::article_reads::article_filter_sql;
use super::indicators::indicator_conditions;
use super::sql::Conditions;
use super::{Store, StoreError};
use crate::domain::metrics;
use crate::domain::{ArticleFilter, FACET_VALUES, Facet, FacetKey, FacetValue, IndicatorFilter};

/// How long one facet may count.
const FACET_BUDGET: Duration = Duration::from_millis(500);

impl Store {
    /// Counts of the indicators a filter selects, by each of `keys`.
    pub fn indicator_facets(
        &self,
        filter: &IndicatorFilter,
        keys: &[FacetKey],
    ) -> Result<Vec<Facet>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.conn()?;
        let key = format!("indicator facets {filter:?} {keys:?}");
        let facets = self.kept(&conn, key, |conn| {
            keys.iter()
                .map(|&k| {
                    let column = match k {
                        FacetKey::Metric => "i.metric",
                        FacetKey::Unit => "i.unit",
                        FacetKey::Direction => "i.direction",
                        FacetKey::Period => "i.period",
                        FacetKey::Locality => "i.locality_id",
                    };
                    let c = indicator_conditions(filter);
                    let sql = format!(
                        "SELECT {column} AS value, count(*) AS n FROM indicators i {} GROUP BY 1",
                        c.where_sql()
                    );
                    facet(conn, k, &sql, &c)
                })
                .collect::<Result<Vec<_>, _>>()
        })?;
        Ok(facets.as_ref().clone())
    }

    /// Counts of the articles a filter selects: by the metrics and units of their figures, their
    /// period and their primary unit.
    pub fn article_facets(
        &self,
        filter: &ArticleFilter,
        keys: &[FacetKey],
    ) -> Result<Vec<Facet>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.conn()?;
        let key = format!("article facets {filter:?} {keys:?}");
        let facets = self.kept(&conn, key, |conn| {
            keys.iter()
                .map(|&k| {
                    let (from, c) = article_filter_sql(filter);
                    let articles = format!("SELECT a.id FROM {from} {}", c.where_sql());
                    let sql = match k {
                        FacetKey::Metric | FacetKey::Unit | FacetKey::Direction => format!(
                            "SELECT i.{} AS value, count(DISTINCT i.article_id) AS n FROM indicators i
                             WHERE i.article_id IN ({articles}) GROUP BY 1",
                            k.as_str()
                        ),
                        FacetKey::Period => format!(
                            "SELECT a.period AS value, count(*) AS n FROM {from} {} GROUP BY 1",
                            c.where_sql()
                        ),
                        FacetKey::Locality => format!(
                            "SELECT a.primary_locality AS value, count(*) AS n FROM {from} {} GROUP BY 1",
                            c.where_sql()
                        ),
                    };
                    facet(conn, k, &sql, &c)
                })
                .collect::<Result<Vec<_>, _>>()
        })?;
        Ok(facets.as_ref().clone())
    }
}

/// One facet from `sql` (columns `value` and `n`): its 30 largest counts, labelled; empty and
/// timed out when counting ran past [`FACET_BUDGET`].
fn facet(conn: &Connection, key: FacetKey, sql: &str, c: &Conditions) -> Result<Facet, StoreError> {
    let named = match key {
        FacetKey::Locality => "l.id = v.value",
        _ => "0",
    };
    let ranked = format!(
        "SELECT v.value, v.n, l.name FROM ({sql} ORDER BY n DESC, value LIMIT {}) v
         LEFT JOIN localities l ON {named} ORDER BY v.n DESC, v.value",
        FACET_VALUES + 1
    );
    let deadline = Instant::now() + FACET_BUDGET;
    conn.progress_handler(1_000, Some(move || Instant::now() > deadline))?;
    let outcome = (|| -> rusqlite::Result<Vec<FacetValue>> {
        let mut stmt = conn.prepare_cached(&ranked)?;
        let rows = stmt.query_map(c.params().as_slice(), |r| {
            let value: Option<String> = r.get(0)?;
            let label = match key {
                FacetKey::Metric => value.as_deref().map(|m| metrics::names(m).1.to_owned()),
                FacetKey::Locality => r.get(2)?,
                _ => None,
            };
            Ok(FacetValue {
                value,
                label,
                count: r.get::<_, i64>(1)? as u64,
            })
        })?;
        rows.collect()
    })();
    conn.progress_handler(1_000, None::<fn() -> bool>)?;
    match outcome {
        Ok(mut values) => {
            let truncated = values.len() > FACET_VALUES;
            values.truncate(FACET_VALUES);
            Ok(Facet {
                name: key,
                values,
                truncated,
                timed_out: false,
            })
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) => Ok(Facet {
            name: key,
            values: Vec::new(),
            truncated: false,
            timed_out: true,
        }),
        Err(e) => Err(e.into()),
    }
}
