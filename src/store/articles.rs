//! Articles with their localities and indicators: saved whole in one transaction, read back as domain types.

use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::{Store, StoreError, date_column};
use crate::domain::{
    Article, ArticleSummary, Direction, Evidence, Indicator, Level, LocalityRef, NewArticle, Unit,
};

/// What saving an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    Created,
    /// Already stored by an extractor at least as new: nothing written.
    Unchanged,
    /// Already stored by an older extractor: fields and indicators replaced.
    Updated,
}

/// Where a saved article came from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    pub source_file: Option<&'a str>,
    pub source_url: Option<&'a str>,
}

const SUMMARY_SELECT: &str = "SELECT a.id, a.title, a.published_on, a.event_date, a.byline, a.period,
        a.primary_locality, l.name AS locality_name, l.level AS locality_level,
        a.source_file, a.source_url,
        (SELECT count(*) FROM indicators i WHERE i.article_id = a.id) AS indicator_count
     FROM articles a LEFT JOIN localities l ON l.code = a.primary_locality";

const INDICATOR_SELECT: &str = "SELECT i.id, i.article_id, i.metric, i.label, i.value, i.unit,
        i.unit_noun, i.denominator, i.qualifier, i.direction, i.period, i.locality_code,
        l.name AS locality_name, l.level AS locality_level,
        i.evidence_text, i.evidence_start, i.evidence_end
     FROM indicators i LEFT JOIN localities l ON l.code = i.locality_code";

impl Store {
    /// Saves an article with its localities and indicators atomically.
    pub fn save_article(
        &self,
        article: &NewArticle,
        origin: Origin<'_>,
        extractor_version: i64,
    ) -> Result<SaveOutcome, StoreError> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stored: Option<i64> = tx
            .query_row(
                "SELECT extractor_version FROM articles WHERE id = ?1",
                [&article.id],
                |r| r.get(0),
            )
            .optional()?;
        let outcome = match stored {
            Some(v) if v >= extractor_version => return Ok(SaveOutcome::Unchanged),
            Some(_) => {
                tx.execute("DELETE FROM indicators WHERE article_id = ?1", [&article.id])?;
                tx.execute(
                    "DELETE FROM article_localities WHERE article_id = ?1",
                    [&article.id],
                )?;
                SaveOutcome::Updated
            }
            None => SaveOutcome::Created,
        };
        write_article(&tx, article, origin, extractor_version)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// One page of articles, newest first, and the total count.
    pub fn list_articles(&self, limit: u32, offset: u64) -> Result<(Vec<ArticleSummary>, u64), StoreError> {
        let conn = self.conn()?;
        let total: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let mut stmt = conn.prepare(&format!(
            "{SUMMARY_SELECT} ORDER BY coalesce(a.published_on, a.event_date) DESC, a.id
             LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = stmt.query_map(params![limit, offset as i64], summary_from_row)?;
        Ok((rows.collect::<Result<_, _>>()?, total as u64))
    }

    /// The full article, or `None` when no article has this id.
    pub fn get_article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let conn = self.conn()?;
        let found = conn
            .query_row(
                &format!(
                    "SELECT s.*, a.body, a.captions FROM ({SUMMARY_SELECT} WHERE a.id = ?1) s
                          JOIN articles a ON a.id = s.id"
                ),
                [id],
                |r| {
                    Ok((
                        summary_from_row(r)?,
                        r.get::<_, String>("body")?,
                        r.get::<_, String>("captions")?,
                    ))
                },
            )
            .optional()?;
        let Some((summary, body, captions)) = found else {
            return Ok(None);
        };
        let captions = serde_json::from_str(&captions)
            .map_err(|e| StoreError::Corrupt(format!("captions of article {id}: {e}")))?;
        let mut stmt = conn.prepare(
            "SELECT l.code, l.name, l.level FROM article_localities al
             JOIN localities l ON l.code = al.code WHERE al.article_id = ?1 ORDER BY al.position",
        )?;
        let localities = stmt
            .query_map([id], |r| locality_ref(r, "code", "name", "level"))?
            .filter_map(|r| r.transpose())
            .collect::<Result<_, _>>()?;
        Ok(Some(Article {
            summary,
            body,
            captions,
            localities,
            indicators: None,
        }))
    }

    pub fn article_exists(&self, id: &str) -> Result<bool, StoreError> {
        let conn = self.conn()?;
        Ok(conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// One page of an article's indicators in the order they appear, and their total count.
    pub fn list_article_indicators(
        &self,
        article_id: &str,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Indicator>, u64), StoreError> {
        let conn = self.conn()?;
        let total: i64 = conn.query_row(
            "SELECT count(*) FROM indicators WHERE article_id = ?1",
            [article_id],
            |r| r.get(0),
        )?;
        let mut stmt = conn.prepare(&format!(
            "{INDICATOR_SELECT} WHERE i.article_id = ?1 ORDER BY i.position LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = stmt.query_map(params![article_id, limit, offset as i64], indicator_from_row)?;
        let items = rows.map(|r| r?).collect::<Result<_, _>>()?;
        Ok((items, total as u64))
    }
}

fn write_article(
    tx: &Transaction<'_>,
    a: &NewArticle,
    origin: Origin<'_>,
    extractor_version: i64,
) -> Result<(), StoreError> {
    let captions = serde_json::to_string(&a.captions).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.execute(
        "INSERT INTO articles (id, title, published_on, event_date, byline, period, primary_locality,
             body, captions, raw_text, source_file, source_url, extractor_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, published_on = excluded.published_on,
             event_date = excluded.event_date, byline = excluded.byline, period = excluded.period,
             primary_locality = excluded.primary_locality, body = excluded.body,
             captions = excluded.captions, raw_text = excluded.raw_text,
             source_file = coalesce(articles.source_file, excluded.source_file),
             source_url = coalesce(excluded.source_url, articles.source_url),
             extractor_version = excluded.extractor_version",
        params![
            a.id,
            a.title,
            a.published_on.map(|d| d.to_string()),
            a.event_date.map(|d| d.to_string()),
            a.byline,
            a.period,
            a.primary_locality,
            a.body,
            captions,
            a.raw_text,
            origin.source_file,
            origin.source_url,
            extractor_version,
        ],
    )?;
    let mut put_locality = tx.prepare(
        "INSERT OR IGNORE INTO article_localities (article_id, code, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, code) in a.localities.iter().enumerate() {
        put_locality.execute(params![a.id, code, position as i64])?;
    }
    let mut put_indicator = tx.prepare(
        "INSERT INTO indicators (article_id, position, metric, label, value, unit, unit_noun,
             denominator, qualifier, direction, period, locality_code, evidence_text,
             evidence_start, evidence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (position, i) in a.indicators.iter().enumerate() {
        put_indicator.execute(params![
            a.id,
            position as i64,
            i.metric,
            i.label,
            i.value,
            i.unit.as_str(),
            i.unit_noun,
            i.denominator,
            i.qualifier,
            i.direction.as_str(),
            i.period,
            i.locality,
            i.evidence.text,
            i.evidence.start as i64,
            i.evidence.end as i64,
        ])?;
    }
    Ok(())
}

fn locality_ref(r: &Row<'_>, code: &str, name: &str, level: &str) -> rusqlite::Result<Option<LocalityRef>> {
    let code: Option<String> = r.get(code)?;
    let name: Option<String> = r.get(name)?;
    let level: Option<String> = r.get(level)?;
    Ok(match (code, name, level.as_deref().and_then(Level::parse)) {
        (Some(code), Some(name), Some(level)) => Some(LocalityRef { code, name, level }),
        _ => None,
    })
}

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get("id")?,
        title: r.get("title")?,
        published_on: date_column(r, "published_on")?,
        event_date: date_column(r, "event_date")?,
        byline: r.get("byline")?,
        period: r.get("period")?,
        locality: locality_ref(r, "primary_locality", "locality_name", "locality_level")?,
        source_file: r.get("source_file")?,
        source_url: r.get("source_url")?,
        indicator_count: r.get("indicator_count")?,
    })
}

fn indicator_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Indicator, StoreError>> {
    let unit: String = r.get("unit")?;
    let direction: String = r.get("direction")?;
    let (Some(unit), Some(direction)) = (Unit::parse(&unit), Direction::parse(&direction)) else {
        return Ok(Err(StoreError::Corrupt(format!(
            "indicator unit {unit} direction {direction}"
        ))));
    };
    Ok(Ok(Indicator {
        id: r.get("id")?,
        article_id: r.get("article_id")?,
        metric: r.get("metric")?,
        label: r.get("label")?,
        value: r.get("value")?,
        unit,
        unit_noun: r.get("unit_noun")?,
        denominator: r.get("denominator")?,
        qualifier: r.get("qualifier")?,
        direction,
        period: r.get("period")?,
        locality: locality_ref(r, "locality_code", "locality_name", "locality_level")?,
        evidence: Evidence {
            text: r.get("evidence_text")?,
            start: r.get::<_, i64>("evidence_start")? as usize,
            end: r.get::<_, i64>("evidence_end")? as usize,
        },
    }))
}
