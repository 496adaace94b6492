//! Reading articles: filtered, sorted pages of summaries, and whole articles.

use rusqlite::Row;
use rusqlite::types::Value;

use super::refs::locality_ref;
use super::sql::{self, Conditions, fts_query};
use super::{ExportConn, Store, StoreError, date_column};
use crate::domain::{ArticleFilter, ArticleSort, ArticleSummary, Total};

pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.title, a.published_on, a.event_date, a.byline, a.period,
        a.primary_locality, l.name AS locality_name, l.level AS locality_level,
        a.source_file, a.source_url, a.content_source,
        (SELECT count(*) FROM indicators i WHERE i.article_id = a.id) AS indicator_count";

pub(super) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
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
        content_source: r.get("content_source")?,
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

/// How a word search takes part in an article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMatch {
    /// The matches are gathered first, then filtered and ordered: cheap when they are few.
    Gathered,
    /// Each article met in date order is looked up in the index: cheap when nearly every
    /// article matches, as for a common word, since a page fills after a few lookups.
    Probed,
}

fn article_query(filter: &ArticleFilter, words: WordMatch) -> ArticleQuery {
    let mut c = Conditions::default();
    let mut from = String::from("articles a");
    let fts = filter.q.as_deref().map(fts_query).filter(|q| !q.is_empty());
    let searched = fts.is_some();
    let ranked = filter.sort == ArticleSort::Relevance && fts.is_some();
    if let Some(fts) = fts {
        let q = c.bind(Value::Text(fts));
        if ranked {
            from.push_str(&format!(
                " JOIN (SELECT rowid AS rid, bm25(article_search) AS rank FROM article_search \
                 WHERE article_search MATCH {q}) s ON s.rid = a.seq"
            ));
        } else if words == WordMatch::Probed {
            c.push(
                &format!(
                    "EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.seq AND s.article_search MATCH {q})"
                ),
                [],
            );
        } else {
            // Alone, the matches drive the query. With other filters they must stay a filter
            // (`+` keeps the key's index out of it): SQLite would otherwise probe the id index
            // once for every pair of match and unit article, minutes for a common word.
            let alone = filter.localities.is_empty() && filter.metrics.is_empty();
            let key = if alone { "a.seq" } else { "+a.seq" };
            c.push(
                &format!("{key} IN (SELECT rowid FROM article_search WHERE article_search MATCH {q})"),
                [],
            );
        }
    }
    let ids = || filter.localities.iter().map(|id| Value::Text(id.to_string()));
    let n = filter.localities.len();
    // One unit's articles by date: walked in date order from (unit, date), the articles
    // joined to the page's rows only.
    let by_date = !matches!(filter.sort, ArticleSort::Title) && !ranked;
    let one_unit = n == 1 && filter.descendants && by_date;
    let mut date = sql::ARTICLE_DATE;
    match (n, filter.descendants) {
        (0, _) => {}
        (1, true) if one_unit => {
            from = "article_localities al JOIN articles a ON a.id = al.article_id".into();
            date = "al.article_date";
            c.push("al.locality_id = ?", ids());
        }
        (1, true) => c.push(
            "a.id IN (SELECT article_id FROM article_localities WHERE locality_id = ?)",
            ids(),
        ),
        (_, true) => c.push(
            &format!(
                "a.id IN (SELECT article_id FROM article_localities WHERE locality_id IN ({}))",
                sql::marks(n)
            ),
            ids(),
        ),
        (_, false) => c.push(
            &format!(
                "a.primary_locality IN (SELECT locality_id FROM locality_areas WHERE area_id IN ({}) AND relation IN ('self', 'same'))",
                sql::marks(n)
            ),
            ids(),
        ),
    }
    sql::dated(&mut c, date, &filter.dates);
    if !filter.metrics.is_empty() {
        let marks = vec!["?"; filter.metrics.len()].join(", ");
        c.push(
            &format!(
                "EXISTS (SELECT 1 FROM indicators i WHERE i.article_id = a.id AND i.metric IN ({marks}))"
            ),
            filter.metrics.iter().map(|m| Value::Text(m.as_str().into())),
        );
    }
    let order = match filter.sort {
        ArticleSort::Relevance if ranked => "s.rank, a.id",
        ArticleSort::OldestFirst if one_unit => "al.article_date IS NULL, al.article_date, al.article_id",
        ArticleSort::Title => "a.title IS NULL, a.title COLLATE NOCASE, a.id",
        _ if one_unit => "al.article_date DESC, al.article_id",
        ArticleSort::OldestFirst => {
            concat!(sql::article_date!(), " IS NULL, ", sql::article_date!(), ", a.id")
        }
        _ => concat!(sql::article_date!(), " DESC, a.id"),
    };
    // Counting a unit's articles needs no article unless another filter reads one.
    let count_from = match one_unit && !searched && filter.metrics.is_empty() {
        true => "article_localities al".to_owned(),
        false => from.clone(),
    };
    ArticleQuery {
        rows_from: format!("{from} LEFT JOIN localities l ON l.id = a.primary_locality"),
        count_from,
        order,
        conditions: c,
    }
}

/// The FROM and WHERE of the articles a filter selects, as `a`, in any order.
pub(super) fn article_filter_sql(filter: &ArticleFilter) -> (String, Conditions) {
    let mut unranked = filter.clone();
    unranked.sort = ArticleSort::NewestFirst;
    let q = article_query(&unranked, WordMatch::Gathered);
    (q.count_from, q.conditions)
}

impl Store {
    /// One page of the articles a filter selects, and how many it selects in all.
    pub fn list_articles(
        &self,
        filter: &ArticleFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<ArticleSummary>, Total), StoreError> {
        let conn = self.conn()?;
        let page = (limit, offset);
        // A search alone in date order: count the index's matches, and when they pass the cap
        // (a common word) walk the articles by date and look each up instead of gathering them.
        let words_only = filter.localities.is_empty()
            && filter.dates.is_all()
            && filter.metrics.is_empty()
            && filter.sort == ArticleSort::NewestFirst;
        let fts = filter.q.as_deref().map(fts_query).filter(|q| !q.is_empty());
        if let (Some(fts), true) = (fts, words_only) {
            let total = self.total(
                &conn,
                "SELECT 1 FROM article_search WHERE article_search MATCH ?1".into(),
                &[Value::Text(fts)],
                sql::counted(self.count_cap, limit, offset),
            )?;
            let words = match total.exact {
                true => WordMatch::Gathered,
                false => WordMatch::Probed,
            };
            let q = article_query(filter, words);
            let items = sql::rows(
                &conn,
                SUMMARY_COLUMNS,
                &q.rows_from,
                q.order,
                q.conditions,
                page,
                summary_from_row,
            )?;
            return Ok((items, total));
        }
        let q = article_query(filter, WordMatch::Gathered);
        let from = sql::From {
            rows: &q.rows_from,
            count: &q.count_from,
        };
        self.page(
            &conn,
            (SUMMARY_COLUMNS, from, q.order),
            q.conditions,
            page,
            summary_from_row,
        )
    }
}

impl ExportConn {
    /// Every article a filter selects, in order, for export; `each` sees them one by one.
    pub fn for_each_article(
        &self,
        filter: &ArticleFilter,
        mut each: impl FnMut(ArticleSummary) -> bool,
    ) -> Result<(), StoreError> {
        let conn = &self.conn;
        let ArticleQuery {
            rows_from: from,
            order,
            conditions: c,
            ..
        } = article_query(filter, WordMatch::Gathered);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {from} {} ORDER BY {order}",
            c.where_sql()
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(c.params().as_slice())?;
        while let Some(row) = rows.next()? {
            if !each(summary_from_row(row)?) {
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan SQLite picks for an article list on an empty store with the full schema.
    fn plan(filter: &ArticleFilter) -> String {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
        let conn = store.conn().unwrap();
        let q = article_query(filter, WordMatch::Gathered);
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT {SUMMARY_COLUMNS} FROM {} {} ORDER BY {}",
            q.rows_from,
            q.conditions.where_sql(),
            q.order
        );
        let mut stmt = conn.prepare_cached(&sql).unwrap();
        let rows = stmt
            .query_map(q.conditions.params().as_slice(), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn a_search_within_a_unit_never_probes_the_article_index_per_pair() {
        let filter = ArticleFilter {
            q: Some("dân vận".into()),
            localities: vec!["01".parse().unwrap()],
            descendants: true,
            ..Default::default()
        };
        let within = plan(&filter);
        assert!(!within.contains("rowid=?"), "{within}");
        let alone = plan(&ArticleFilter {
            q: Some("dân vận".into()),
            ..Default::default()
        });
        assert!(alone.contains("USING INTEGER PRIMARY KEY (rowid=?)"), "{alone}");
    }

    #[test]
    fn a_units_articles_come_in_either_date_order_without_sorting_them() {
        for sort in [ArticleSort::default(), ArticleSort::OldestFirst] {
            let plan = plan(&ArticleFilter {
                localities: vec!["01".parse().unwrap()],
                descendants: true,
                sort,
                ..Default::default()
            });
            assert!(!plan.contains("TEMP B-TREE"), "{sort:?}: {plan}");
            assert!(plan.contains("article_localities_"), "{sort:?}: {plan}");
        }
    }
}
