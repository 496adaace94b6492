//! One page of a filtered list and its total. The total is the costly half (counting up to
//! the cap reads up to the cap's index entries) and the same for every page and every order of
//! one filter, so it is kept until the store's next write.

use rusqlite::ToSql;
use rusqlite::types::Value;

use super::sql::{self, Conditions};
use super::{Store, StoreError, summary_cache};
use crate::domain::Total;

impl Store {
    /// One page of `SELECT columns FROM rows WHERE … ORDER BY order`, and the rows' total,
    /// counted up to the store's cap or to the end of the page, whichever is further.
    pub(super) fn page<T>(
        &self,
        conn: &rusqlite::Connection,
        (columns, from, order): (&str, sql::From<'_>, &str),
        c: Conditions,
        (limit, offset): (u32, u64),
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<(Vec<T>, Total), StoreError> {
        let total = self.total(
            conn,
            format!("SELECT 1 FROM {} {}", from.count, c.where_sql()),
            c.values(),
            sql::counted(self.count_cap, limit, offset),
        )?;
        let items = sql::rows(conn, columns, from.rows, order, c, (limit, offset), row)?;
        Ok((items, total))
    }

    /// The rows of `select` with `params`, counted up to `counted`; kept until the next write.
    pub(super) fn total(
        &self,
        conn: &rusqlite::Connection,
        select: String,
        params: &[Value],
        counted: u64,
    ) -> Result<Total, StoreError> {
        let generation = summary_cache::generation(conn)?;
        let key = format!("{counted} {select} {params:?}");
        if let Some(total) = self.summaries.total(&key, generation) {
            return Ok(total);
        }
        let refs: Vec<&dyn ToSql> = params.iter().map(|v| v as &dyn ToSql).collect();
        let total = sql::capped_count(conn, &select, &refs, counted)?;
        self.summaries.put_total(key, generation, total);
        Ok(total)
    }
}
