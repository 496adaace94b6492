//! Reading articles: filtered, sorted pages of summaries, and whole articles.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::sql::{self, Conditions, fts_query, search_words};
use super::{Store, StoreError, date_column};
use crate::domain::{Article, ArticleFilter, ArticleSort, ArticleSummary, Level, LocalityRef};

/// Indicators embedded in an article: an article has at most a few hundred.
const EMBEDDED_INDICATORS: u32 = 1000;

const SUMMARY_COLUMNS: &str = "a.id, a.title, a.published_on, a.event_date, a.byline, a.period,
        a.primary_locality, l.name AS locality_name, l.level AS locality_level,
        a.source_file, a.source_url,
        (SELECT count(*) FROM indicators i WHERE i.article_id = a.id) AS indicator_count";

/// A locality reference from three columns, when the row has one.
pub(super) fn locality_ref(
    r: &Row<'_>,
    code: &str,
    name: &str,
    level: &str,
) -> rusqlite::Result<Option<LocalityRef>> {
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

/// An article list: the FROM of its rows and of its count, ORDER BY, and WHERE.
struct ArticleQuery {
    rows_from: String,
    count_from: String,
    order: &'static str,
    conditions: Conditions,
}

fn article_query(filter: &ArticleFilter) -> ArticleQuery {
    let mut c = Conditions::default();
    let mut from = String::from("articles a");
    let words = filter.q.as_deref().map(search_words).unwrap_or_default();
    let ranked = filter.sort == ArticleSort::Relevance && !words.is_empty();
    if !words.is_empty() {
        let q = c.bind(Value::Text(fts_query(&words)));
        if ranked {
            from.push_str(&format!(
                " JOIN (SELECT rowid AS rid, bm25(article_search) AS rank FROM article_search \
                 WHERE article_search MATCH {q}) s ON s.rid = a.rowid"
            ));
        } else {
            c.push(
                &format!("a.rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH {q})"),
                [],
            );
        }
    }
    match (&filter.locality, filter.descendants) {
        (Some(code), true) => c.push(
            "a.id IN (SELECT article_id FROM article_localities WHERE code = ?)",
            [Value::Text(code.clone())],
        ),
        (Some(code), false) => c.push("a.primary_locality = ?", [Value::Text(code.clone())]),
        (None, _) => {}
    }
    if let Some(d) = filter.from {
        c.push(
            "coalesce(a.published_on, a.event_date) >= ?",
            [Value::Text(d.to_string())],
        );
    }
    if let Some(d) = filter.to {
        c.push(
            "coalesce(a.published_on, a.event_date) <= ?",
            [Value::Text(d.to_string())],
        );
    }
    if let Some(m) = &filter.metric {
        c.push(
            "EXISTS (SELECT 1 FROM indicators i WHERE i.article_id = a.id AND i.metric = ?)",
            [Value::Text(m.clone())],
        );
    }
    let order = match filter.sort {
        ArticleSort::Relevance if ranked => "s.rank, a.id",
        ArticleSort::OldestFirst => {
            "coalesce(a.published_on, a.event_date) IS NULL, coalesce(a.published_on, a.event_date), a.id"
        }
        ArticleSort::Title => "a.title COLLATE NOCASE, a.id",
        _ => "coalesce(a.published_on, a.event_date) DESC, a.id",
    };
    ArticleQuery {
        rows_from: format!("{from} LEFT JOIN localities l ON l.code = a.primary_locality"),
        count_from: from,
        order,
        conditions: c,
    }
}

impl Store {
    /// One page of the articles a filter selects, and how many it selects in all.
    pub fn list_articles(
        &self,
        filter: &ArticleFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<ArticleSummary>, u64), StoreError> {
        let conn = self.conn()?;
        let q = article_query(filter);
        let from = sql::From {
            rows: &q.rows_from,
            count: &q.count_from,
        };
        Ok(sql::page(
            &conn,
            SUMMARY_COLUMNS,
            from,
            q.order,
            q.conditions,
            limit,
            offset,
            summary_from_row,
        )?)
    }

    /// Every article a filter selects, in order, for export; `each` sees them one by one.
    pub fn for_each_article(
        &self,
        filter: &ArticleFilter,
        mut each: impl FnMut(ArticleSummary) -> bool,
    ) -> Result<(), StoreError> {
        let conn = self.conn()?;
        let ArticleQuery {
            rows_from: from,
            order,
            conditions: c,
            ..
        } = article_query(filter);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {from} {} ORDER BY {order}",
            c.where_sql()
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(c.params().as_slice())?;
        while let Some(row) = rows.next()? {
            if !each(summary_from_row(row)?) {
                break;
            }
        }
        Ok(())
    }

    /// The full article, or `None` when no article has this id.
    pub fn get_article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let conn = self.conn()?;
        let found = conn
            .query_row(
                &format!(
                    "SELECT {SUMMARY_COLUMNS}, a.body, a.captions FROM articles a
                     LEFT JOIN localities l ON l.code = a.primary_locality WHERE a.id = ?1"
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

    /// The full article with its indicators embedded, in body order.
    pub fn article_with_indicators(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let Some(mut article) = self.get_article(id)? else {
            return Ok(None);
        };
        let filter = crate::domain::IndicatorFilter {
            article: Some(id.to_owned()),
            ..Default::default()
        };
        article.indicators = Some(self.list_indicators(&filter, EMBEDDED_INDICATORS, 0)?.0);
        Ok(Some(article))
    }

    pub fn article_exists(&self, id: &str) -> Result<bool, StoreError> {
        let conn = self.conn()?;
        Ok(conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }
}
