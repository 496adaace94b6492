//! Saving an article with its localities, indicators and search entry in one transaction.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::gazetteer::crosswalk_places;
use super::{Store, StoreError, summary_cache};
use crate::domain::{ArticleId, NewArticle, Origin};

mod kept_ids;

use kept_ids::{KeptIds, figure_key, kept_ids, next_indicator_id, retire};

/// What saving an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveOutcome {
    Created,
    /// Already stored by an extractor at least as new: nothing written.
    Unchanged,
    /// Already stored by an older extractor: fields and indicators replaced.
    Updated,
}

/// The stored text of an article and what its sender said of it, for re-extraction.
#[derive(Debug, Clone)]
pub struct StoredSource {
    pub raw_text: String,
    pub origin: Origin,
}

impl Store {
    /// Saves an article with its localities and indicators atomically. One already stored by
    /// an extractor at least as new is left as it is.
    pub fn save_article(
        &self,
        article: &NewArticle,
        origin: &Origin,
        extractor_version: i64,
    ) -> Result<SaveOutcome, StoreError> {
        self.save(article, origin, extractor_version, false)
    }

    /// Saves an article again whatever extracted it before: re-extraction.
    pub fn replace_article(
        &self,
        article: &NewArticle,
        origin: &Origin,
        extractor_version: i64,
    ) -> Result<SaveOutcome, StoreError> {
        self.save(article, origin, extractor_version, true)
    }

    fn save(
        &self,
        article: &NewArticle,
        origin: &Origin,
        extractor_version: i64,
        replace: bool,
    ) -> Result<SaveOutcome, StoreError> {
        let mut conn = self.writer()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = save_in(&tx, article, origin, extractor_version, replace)?;
        if outcome != SaveOutcome::Unchanged {
            summary_cache::bump_generation(&tx)?;
        }
        tx.commit()?;
        Ok(outcome)
    }

    /// Saves several articles in one transaction, each whole, as [`Store::save_article`]
    /// would: bulk loading pays for one commit instead of one per article.
    pub fn save_articles(
        &self,
        batch: &[(NewArticle, Origin)],
        extractor_version: i64,
    ) -> Result<Vec<SaveOutcome>, StoreError> {
        let mut conn = self.writer()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = batch
            .iter()
            .map(|(article, origin)| save_in(&tx, article, origin, extractor_version, false))
            .collect::<Result<Vec<_>, _>>()?;
        if outcomes.iter().any(|o| *o != SaveOutcome::Unchanged) {
            summary_cache::bump_generation(&tx)?;
        }
        tx.commit()?;
        Ok(outcomes)
    }
}

fn save_in(
    tx: &Transaction<'_>,
    article: &NewArticle,
    origin: &Origin,
    extractor_version: i64,
    replace: bool,
) -> Result<SaveOutcome, StoreError> {
    let stored: Option<i64> = tx
        .query_row(
            "SELECT extractor_version FROM articles WHERE id = ?1",
            [&article.id],
            |r| r.get(0),
        )
        .optional()?;
    let mut kept = KeptIds::new();
    let outcome = match stored {
        Some(v) if v >= extractor_version && !replace => return Ok(SaveOutcome::Unchanged),
        Some(_) => {
            kept = kept_ids(tx, &article.id)?;
            tx.execute("DELETE FROM indicators WHERE article_id = ?1", [&article.id])?;
            tx.execute(
                "DELETE FROM article_localities WHERE article_id = ?1",
                [&article.id],
            )?;
            SaveOutcome::Updated
        }
        None => SaveOutcome::Created,
    };
    write_article(tx, article, origin, extractor_version, &mut kept)?;
    retire(tx, &article.id, kept.into_values())?;
    Ok(outcome)
}

fn write_article(
    tx: &Transaction<'_>,
    a: &NewArticle,
    origin: &Origin,
    extractor_version: i64,
    kept: &mut KeptIds,
) -> Result<(), StoreError> {
    let captions = serde_json::to_string(&a.captions).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let seq: i64 = tx.query_row(
        "INSERT INTO articles (id, title, published_on, event_date, byline, period, primary_locality,
             source_file, source_url, extractor_version, published_on_given, title_given,
             byline_given, content_source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, published_on = excluded.published_on,
             published_on_given = excluded.published_on_given,
             event_date = excluded.event_date, byline = excluded.byline, period = excluded.period,
             primary_locality = excluded.primary_locality,
             source_file = coalesce(articles.source_file, excluded.source_file),
             source_url = coalesce(excluded.source_url, articles.source_url),
             extractor_version = excluded.extractor_version, title_given = excluded.title_given,
             byline_given = excluded.byline_given, content_source = excluded.content_source
         RETURNING seq",
        params![
            a.id,
            a.title,
            a.published_on.map(|d| d.to_string()),
            a.event_date.map(|d| d.to_string()),
            a.byline,
            a.period,
            a.primary_locality,
            origin.source_file,
            origin.source_url,
            extractor_version,
            origin.published_on.map(|d| d.to_string()),
            origin.title,
            origin.byline,
            origin.content_source,
        ],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO article_texts (seq, body, captions, raw_text) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (seq) DO UPDATE SET body = excluded.body, captions = excluded.captions,
             raw_text = excluded.raw_text",
        params![seq, a.body, captions, a.raw_text],
    )?;
    tx.execute("DELETE FROM article_search WHERE rowid = ?1", [seq])?;
    tx.execute(
        "INSERT INTO article_search (rowid, title, body) VALUES (?1, chiso_fold(?2), chiso_fold(?3))",
        params![seq, a.title, a.body],
    )?;
    let newest = a.date().map(|d| d.to_string());
    let mut put_locality = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_localities (article_id, locality_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, id) in a.localities.iter().enumerate() {
        put_locality.execute(params![a.id, id, position as i64])?;
    }
    tx.execute(&crosswalk_places("AND al.article_id = ?1"), [&a.id])?;
    let mut put_indicator = tx.prepare_cached(
        "INSERT INTO indicators (id, article_id, position, metric, label, value, unit, unit_noun,
             denominator, qualifier, direction, period, locality_id, evidence_text,
             evidence_start, evidence_end, newest, evidence_field, sentence_start, sentence_end,
             label_search, province_2024, district_2024, province_2025)
         VALUES (?20, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
             chiso_fold(?4),
             (SELECT area_id FROM locality_areas WHERE locality_id = ?12 AND slot = 'province_2024'),
             (SELECT area_id FROM locality_areas WHERE locality_id = ?12 AND slot = 'district_2024'),
             (SELECT area_id FROM locality_areas WHERE locality_id = ?12 AND slot = 'province_2025'))",
    )?;
    let mut next_id = next_indicator_id(tx)?;
    for (position, i) in a.indicators.iter().enumerate() {
        let key = figure_key(
            i.evidence.field.as_str(),
            i.evidence.start as i64,
            i.evidence.end as i64,
            i.value,
        );
        let id = kept.remove(&key).unwrap_or_else(|| {
            next_id += 1;
            next_id - 1
        });
        put_indicator.execute(params![
            a.id,
            position as i64,
            i.metric.as_str(),
            i.label,
            i.value,
            i.unit,
            i.unit_noun,
            i.denominator,
            i.qualifier,
            i.direction,
            i.period,
            i.locality,
            i.evidence.text,
            i.evidence.start as i64,
            i.evidence.end as i64,
            newest,
            i.evidence.field,
            i.evidence.sentence_start as i64,
            i.evidence.sentence_end as i64,
            id,
        ])?;
    }
    Ok(())
}

impl Store {
    /// Removes an article with its indicators, localities and search entry; `false` when absent.
    pub fn delete_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        let mut conn = self.writer()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM article_search WHERE rowid = (SELECT seq FROM articles WHERE id = ?1)",
            [id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO retired_indicators (id, article_id)
             SELECT id, article_id FROM indicators WHERE article_id = ?1",
            [id],
        )?;
        let deleted = tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
        summary_cache::bump_generation(&tx)?;
        tx.commit()?;
        Ok(deleted > 0)
    }

    /// The stored text and origin of an article, for re-extraction.
    pub fn article_source(&self, id: &ArticleId) -> Result<Option<StoredSource>, StoreError> {
        let conn = self.conn()?;
        let found = conn
            .query_row(
                "SELECT t.raw_text, a.source_file, a.source_url, a.published_on_given,
                        substr(a.created_at, 1, 10) AS stored_on, a.title_given, a.byline_given,
                        a.content_source
                 FROM articles a JOIN article_texts t USING (seq) WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(StoredSource {
                        raw_text: r.get(0)?,
                        origin: Origin {
                            source_file: r.get(1)?,
                            source_url: r.get(2)?,
                            published_on: super::date_column(r, "published_on_given")?,
                            stored_on: super::date_column(r, "stored_on")?,
                            title: r.get("title_given")?,
                            byline: r.get("byline_given")?,
                            content_source: r.get("content_source")?,
                        },
                    })
                },
            )
            .optional()?;
        Ok(found)
    }

    /// Ids of every article, in a stable order.
    pub fn article_ids(&self) -> Result<Vec<ArticleId>, StoreError> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare_cached("SELECT id FROM articles ORDER BY seq")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }
}
