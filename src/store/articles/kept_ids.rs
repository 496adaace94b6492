//! Indicator ids that outlive re-extraction: a figure found again keeps its id, one gone is
//! retired and never given again.

use std::collections::HashMap;

use rusqlite::{Transaction, params};

use crate::domain::ArticleId;
use crate::store::StoreError;

/// The ids of an article's indicators by the figure they read: its text field, its span and
/// its value. A figure found again keeps its id.
pub(super) type KeptIds = HashMap<(String, i64, i64, u64), i64>;

pub(super) fn figure_key(field: &str, start: i64, end: i64, value: f64) -> (String, i64, i64, u64) {
    (field.to_owned(), start, end, value.to_bits())
}

pub(super) fn kept_ids(tx: &Transaction<'_>, article: &ArticleId) -> Result<KeptIds, StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, evidence_field, evidence_start, evidence_end, value FROM indicators WHERE article_id = ?1",
    )?;
    let rows = stmt.query_map([article], |r| {
        Ok((
            figure_key(&r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
            r.get(0)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records ids no figure has any more, so that they answer 410 and are never given again.
pub(super) fn retire(
    tx: &Transaction<'_>,
    article: &ArticleId,
    ids: impl Iterator<Item = i64>,
) -> Result<(), StoreError> {
    let mut put =
        tx.prepare_cached("INSERT OR IGNORE INTO retired_indicators (id, article_id) VALUES (?1, ?2)")?;
    for id in ids {
        put.execute(params![id, article])?;
    }
    Ok(())
}

/// The next id no indicator has had.
pub(super) fn next_indicator_id(tx: &Transaction<'_>) -> Result<i64, StoreError> {
    Ok(tx.query_row(
        "SELECT max(coalesce((SELECT max(id) FROM indicators), 0),
                    coalesce((SELECT max(id) FROM retired_indicators), 0)) + 1",
        [],
        |r| r.get(0),
    )?)
}
