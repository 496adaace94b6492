//! Reading one whole article: its text, captions, localities and, on request, its indicators.

use rusqlite::OptionalExtension;

use super::article_reads::{SUMMARY_COLUMNS, summary_from_row};
use super::refs::locality_ref;
use super::{Store, StoreError};
use crate::domain::{Article, ArticleId};

/// Indicators embedded in an article: an article has at most a few hundred.
const EMBEDDED_INDICATORS: u32 = 1000;

impl Store {
    /// The full article, or `None` when no article has this id.
    pub fn get_article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        let conn = self.conn()?;
        let found = conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}, t.body, t.captions FROM articles a
                 JOIN article_texts t ON t.seq = a.seq
                 LEFT JOIN localities l ON l.id = a.primary_locality WHERE a.id = ?1"
            ))?
            .query_row([id], |r| {
                Ok((
                    summary_from_row(r)?,
                    r.get::<_, String>("body")?,
                    r.get::<_, String>("captions")?,
                ))
            })
            .optional()?;
        let Some((summary, body, captions)) = found else {
            return Ok(None);
        };
        let captions = serde_json::from_str(&captions)
            .map_err(|e| StoreError::Corrupt(format!("captions of article {id}: {e}")))?;
        let mut stmt = conn.prepare_cached(
            "SELECT l.id, l.name, l.level FROM article_localities al
             JOIN localities l ON l.id = al.locality_id WHERE al.article_id = ?1 AND al.crosswalk = 0
             ORDER BY al.position",
        )?;
        let localities = stmt
            .query_map([id], |r| locality_ref(r, "id", "name", "level"))?
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

    /// The full article with its indicators embedded, in body order.
    pub fn article_with_indicators(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        let Some(mut article) = self.get_article(id)? else {
            return Ok(None);
        };
        let filter = crate::domain::IndicatorFilter {
            articles: vec![id.clone()],
            ..Default::default()
        };
        article.indicators = Some(self.list_indicators(&filter, EMBEDDED_INDICATORS, 0)?.0);
        Ok(Some(article))
    }

    pub fn article_exists(&self, id: &ArticleId) -> Result<bool, StoreError> {
        let conn = self.conn()?;
        Ok(conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }
}
