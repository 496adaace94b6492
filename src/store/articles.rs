//! Saving an article with its localities, indicators and search entry in one transaction.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Store, StoreError};
use crate::domain::NewArticle;

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
    tx.execute(
        "DELETE FROM article_search WHERE rowid = (SELECT rowid FROM articles WHERE id = ?1)",
        [&a.id],
    )?;
    tx.execute(
        "INSERT INTO article_search (rowid, title, body)
         SELECT rowid, chiso_fold(title), chiso_fold(body) FROM articles WHERE id = ?1",
        [&a.id],
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
             evidence_start, evidence_end, label_search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, chiso_fold(?4))",
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
