//! Reading indicators: filtered, sorted pages with what a table row needs, and counts per metric.

use std::sync::Arc;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::refs::place_ref;
use super::sql::{self, Conditions, like_word, marks, own_any, search_words, within_any};
use super::{ExportConn, Store, StoreError, date_column, summary_cache};
use crate::domain::metrics::{self, MetricKey};
use crate::domain::{Evidence, Indicator, IndicatorFilter, IndicatorSort, MetricCount, Total};

const INDICATOR_COLUMNS: &str = concat!(
    "i.id, i.article_id, a.title AS article_title, i.metric, i.label, i.value,
        i.unit, i.unit_noun, i.denominator, i.qualifier, i.direction, i.period, i.locality_id,
        l.name AS locality_name, l.level AS locality_level, l.lat AS locality_lat, l.lon AS locality_lon,
        p.id AS province_id, p.name AS province_name, ",
    super::sql::article_date!(),
    " AS date,
        i.evidence_text, i.evidence_start, i.evidence_end, i.evidence_field, i.sentence_start, i.sentence_end"
);

const INDICATOR_FROM: &str = "indicators i JOIN articles a ON a.id = i.article_id
    LEFT JOIN localities l ON l.id = i.locality_id
    LEFT JOIN localities p ON p.id = CASE l.scheme WHEN '2025' THEN i.province_2025 ELSE i.province_2024 END";

fn indicator_from_row(r: &Row<'_>) -> rusqlite::Result<Indicator> {
    let metric: String = r.get("metric")?;
    let (vi, en) = metrics::names(&metric);
    Ok(Indicator {
        id: r.get("id")?,
        article_id: r.get("article_id")?,
        article_title: r.get("article_title")?,
        metric_name_vi: vi.to_owned(),
        metric_name_en: en.to_owned(),
        metric,
        label: r.get("label")?,
        value: r.get("value")?,
        unit: r.get("unit")?,
        unit_noun: r.get("unit_noun")?,
        denominator: r.get("denominator")?,
        qualifier: r.get("qualifier")?,
        direction: r.get("direction")?,
        period: r.get("period")?,
        date: date_column(r, "date")?,
        locality: place_ref(r, "locality")?,
        evidence: evidence_from_row(r)?,
    })
}

/// The evidence columns of an indicator row. A row stored before schema 9 holds its whole
/// sentence and no sentence offsets: the window is the figure's own span then.
fn evidence_from_row(r: &Row<'_>) -> rusqlite::Result<Evidence> {
    let start = r.get::<_, i64>("evidence_start")? as usize;
    let end = r.get::<_, i64>("evidence_end")? as usize;
    Ok(Evidence {
        text: r.get("evidence_text")?,
        field: r.get("evidence_field")?,
        start,
        end,
        sentence_start: r
            .get::<_, Option<i64>>("sentence_start")?
            .map_or(start, |s| s as usize),
        sentence_end: r
            .get::<_, Option<i64>>("sentence_end")?
            .map_or(end, |s| s as usize),
        sentence: None,
    })
}

pub(super) fn indicator_conditions(f: &IndicatorFilter) -> Conditions {
    let mut c = Conditions::default();
    if !f.metrics.is_empty() {
        let marks = vec!["?"; f.metrics.len()].join(", ");
        c.push(
            &format!("i.metric IN ({marks})"),
            f.metrics.iter().map(|m| Value::Text(m.as_str().into())),
        );
    }
    match f.descendants {
        true => within_any(&mut c, &f.localities),
        false => own_any(&mut c, &f.localities),
    }
    if !f.articles.is_empty() {
        c.push(
            &format!("i.article_id IN ({})", marks(f.articles.len())),
            f.articles.iter().map(|a| Value::Text(a.to_string())),
        );
    }
    super::sql::dated(&mut c, "i.newest", &f.dates);
    if let Some(u) = f.unit {
        c.push("i.unit = ?", [Value::Text(u.as_str().into())]);
    }
    if let Some(d) = f.direction {
        c.push("i.direction = ?", [Value::Text(d.as_str().into())]);
    }
    if let Some(p) = &f.period {
        c.push("i.period = ?", [Value::Text(p.to_string())]);
    }
    if let Some(y) = f.year {
        c.push(
            "(i.period = ? OR i.period LIKE ?)",
            [Value::Text(y.to_string()), Value::Text(format!("{y}-%"))],
        );
    }
    if let Some(v) = f.min_value {
        c.push("i.value >= ?", [Value::Real(v)]);
    }
    if let Some(v) = f.max_value {
        c.push("i.value <= ?", [Value::Real(v)]);
    }
    for word in f.q.as_deref().map(search_words).unwrap_or_default() {
        c.push(
            "i.label_search LIKE ? ESCAPE '\\'",
            [Value::Text(like_word(&word))],
        );
    }
    c
}

fn indicator_order(sort: IndicatorSort) -> &'static str {
    match sort {
        IndicatorSort::Newest => "i.newest DESC, i.article_id, i.position",
        IndicatorSort::ValueAscending => "i.value, i.id",
        IndicatorSort::ValueDescending => "i.value DESC, i.id",
        IndicatorSort::PeriodAscending => "i.period IS NULL, i.period, i.id",
        IndicatorSort::PeriodDescending => "i.period IS NULL, i.period DESC, i.id",
        IndicatorSort::Metric => "i.metric, i.value, i.id",
    }
}

impl Store {
    /// One page of the indicators a filter selects, and how many it selects in all.
    pub fn list_indicators(
        &self,
        filter: &IndicatorFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Indicator>, Total), StoreError> {
        let conn = self.conn()?;
        let c = indicator_conditions(filter);
        let order = indicator_order(filter.sort);
        let from = sql::From {
            rows: INDICATOR_FROM,
            count: "indicators i",
        };
        let (rows, total) = self.page(
            &conn,
            (INDICATOR_COLUMNS, from, order),
            c,
            (limit, offset),
            indicator_from_row,
        )?;
        Ok((rows, total))
    }

    pub fn get_indicator(&self, id: i64) -> Result<Option<Indicator>, StoreError> {
        let conn = self.conn()?;
        let found = conn
            .query_row(
                &format!("SELECT {INDICATOR_COLUMNS} FROM {INDICATOR_FROM} WHERE i.id = ?1"),
                [id],
                indicator_from_row,
            )
            .optional()?;
        Ok(found)
    }

    /// The article of an indicator that re-extraction or a deletion removed; `None` for an id
    /// never given.
    pub fn retired_indicator(&self, id: i64) -> Result<Option<String>, StoreError> {
        let conn = self.conn()?;
        Ok(conn
            .query_row(
                "SELECT article_id FROM retired_indicators WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The whole sentence an indicator was read from, cut from its article's title or body
    /// (a row stored before schema 9 kept its whole sentence as its evidence).
    pub fn indicator_sentence(&self, id: i64) -> Result<Option<String>, StoreError> {
        let conn = self.conn()?;
        let sentence = conn
            .query_row(
                "SELECT CASE WHEN i.sentence_start IS NULL THEN i.evidence_text
                        ELSE substr(CASE i.evidence_field WHEN 'title' THEN a.title ELSE t.body END,
                                    i.sentence_start + 1, i.sentence_end - i.sentence_start) END
                 FROM indicators i JOIN articles a ON a.id = i.article_id
                 JOIN article_texts t ON t.seq = a.seq WHERE i.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(sentence)
    }

    /// The catalog with how many indicators and units each metric has; `other` last. Kept
    /// until the next write: counting reads every indicator.
    pub fn metric_counts(&self) -> Result<Arc<Vec<MetricCount>>, StoreError> {
        let conn = self.conn()?;
        let generation = summary_cache::generation(&conn)?;
        self.summaries.kept_or(
            "metric counts",
            || self.summaries.metric_counts(generation),
            || count_metrics(&conn).map(Arc::new),
            |counts| self.summaries.put_metric_counts(generation, counts),
        )
    }
}

fn count_metrics(conn: &rusqlite::Connection) -> Result<Vec<MetricCount>, StoreError> {
    // One walk of the covering (locality, metric, …) index: each (unit, metric) group adds its
    // figures and, when it has a unit, one unit. `count(DISTINCT)` sorted 1.5 M rows instead.
    let mut stmt = conn.prepare_cached(
        "SELECT metric, locality_id IS NOT NULL, count(*) FROM indicators GROUP BY locality_id, metric",
    )?;
    let mut rows = stmt.query([])?;
    let mut counts: std::collections::HashMap<String, (u64, u64)> = std::collections::HashMap::new();
    while let Some(row) = rows.next()? {
        let entry = counts.entry(row.get::<_, String>(0)?).or_default();
        entry.0 += row.get::<_, i64>(2)? as u64;
        entry.1 += u64::from(row.get::<_, bool>(1)?);
    }
    Ok(MetricKey::all()
        .map(MetricKey::metric)
        .map(|m| {
            let (indicator_count, locality_count) = counts.get(m.key).copied().unwrap_or_default();
            MetricCount {
                key: m.key.to_owned(),
                name_vi: m.name_vi.to_owned(),
                name_en: m.name_en.to_owned(),
                units: m.units.to_vec(),
                description: m.description.to_owned(),
                indicator_count,
                locality_count,
            }
        })
        .collect())
}

impl ExportConn {
    /// Every indicator a filter selects, in order, for export; `each` sees them one by one.
    pub fn for_each_indicator(
        &self,
        filter: &IndicatorFilter,
        mut each: impl FnMut(Indicator) -> bool,
    ) -> Result<(), StoreError> {
        let conn = &self.conn;
        let c = indicator_conditions(filter);
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM {INDICATOR_FROM} {} ORDER BY {}",
            c.where_sql(),
            indicator_order(filter.sort)
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(c.params().as_slice())?;
        while let Some(row) = rows.next()? {
            if !each(indicator_from_row(row)?) {
                break;
            }
        }
        Ok(())
    }
}
