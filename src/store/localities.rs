//! The gazetteer tables: administrative units and their historical names.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};

use super::sql::{self, Conditions, like_word, search_words};

use super::{Store, StoreError};
use crate::domain::{
    Level, Locality, LocalityAlias, LocalityDetail, LocalityFilter, LocalityRef, Total, UnitType,
};

const LOCALITY_COLUMNS: &str = "code, level, type, type_vi, name, short_name, parent_code, lat, lon, \
     successor_2025_code, successor_2025_name";

impl Store {
    /// Loads (or refreshes) the whole gazetteer in one transaction.
    pub fn upsert_gazetteer(&self, units: &[Locality], aliases: &[LocalityAlias]) -> Result<(), StoreError> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        {
            let mut put = tx.prepare(&format!(
                "INSERT INTO localities ({LOCALITY_COLUMNS}, name_search)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, chiso_fold(?5))
                 ON CONFLICT (code) DO UPDATE SET level = excluded.level, type = excluded.type,
                   name_search = excluded.name_search,
                   type_vi = excluded.type_vi, name = excluded.name, short_name = excluded.short_name,
                   parent_code = excluded.parent_code, lat = excluded.lat, lon = excluded.lon,
                   successor_2025_code = excluded.successor_2025_code,
                   successor_2025_name = excluded.successor_2025_name"
            ))?;
            for u in units {
                put.execute(params![
                    u.code,
                    u.level.as_str(),
                    u.unit_type.as_str(),
                    u.type_vi,
                    u.name,
                    u.short_name,
                    u.parent_code,
                    u.lat,
                    u.lon,
                    u.successor_2025_code,
                    u.successor_2025_name,
                ])?;
            }
            let mut put_alias = tx.prepare(
                "INSERT INTO locality_aliases (code, name, valid_from, valid_to, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (code, name) DO UPDATE SET valid_from = excluded.valid_from,
                   valid_to = excluded.valid_to, note = excluded.note",
            )?;
            for a in aliases {
                put_alias.execute(params![a.code, a.name, a.valid_from, a.valid_to, a.note])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every unit of the gazetteer, parents before children.
    pub fn all_localities(&self) -> Result<Vec<Locality>, StoreError> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare(&format!(
            "SELECT {LOCALITY_COLUMNS} FROM localities ORDER BY length(code), code"
        ))?;
        let rows = stmt.query_map([], locality_from_row)?;
        rows.map(|r| r?).collect()
    }

    pub fn all_aliases(&self) -> Result<Vec<LocalityAlias>, StoreError> {
        aliases_on(&*self.conn()?, None)
    }

    pub fn count_localities(&self, level: Level) -> Result<i64, StoreError> {
        let conn = self.conn()?;
        Ok(conn.query_row(
            "SELECT count(*) FROM localities WHERE level = ?1",
            [level.as_str()],
            |r| r.get(0),
        )?)
    }
}

fn locality_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Locality, StoreError>> {
    let level: String = r.get(1)?;
    let unit_type: String = r.get(2)?;
    let (Some(level), Some(unit_type)) = (Level::parse(&level), UnitType::parse(&unit_type)) else {
        return Ok(Err(StoreError::Corrupt(format!("locality {level}/{unit_type}"))));
    };
    Ok(Ok(Locality {
        code: r.get(0)?,
        level,
        unit_type,
        type_vi: r.get(3)?,
        name: r.get(4)?,
        short_name: r.get(5)?,
        parent_code: r.get(6)?,
        lat: r.get(7)?,
        lon: r.get(8)?,
        successor_2025_code: r.get(9)?,
        successor_2025_name: r.get(10)?,
    }))
}

impl Store {
    /// One page of the units a filter selects (by code), and how many it selects in all.
    pub fn list_localities(
        &self,
        f: &LocalityFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Locality>, Total), StoreError> {
        let conn = self.conn()?;
        let mut c = Conditions::default();
        if let Some(level) = f.level {
            c.push("level = ?", [Value::Text(level.as_str().into())]);
        }
        if let Some(t) = f.unit_type {
            c.push("type = ?", [Value::Text(t.as_str().into())]);
        }
        if let Some(p) = &f.parent {
            c.push("parent_code = ?", [Value::Text(p.clone())]);
        }
        for word in f.q.as_deref().map(search_words).unwrap_or_default() {
            c.push(
                "(' ' || name_search || ' ') LIKE ? ESCAPE '\\'",
                [Value::Text(format!("% {} %", like_word(&word).trim_matches('%')))],
            );
        }
        match f.has_articles {
            Some(true) => c.push(
                "EXISTS (SELECT 1 FROM article_localities al WHERE al.code = localities.code)",
                [],
            ),
            Some(false) => c.push(
                "NOT EXISTS (SELECT 1 FROM article_localities al WHERE al.code = localities.code)",
                [],
            ),
            None => {}
        }
        let order = "length(code), code";
        let (rows, total) = sql::page(
            &conn,
            LOCALITY_COLUMNS,
            sql::From {
                rows: "localities",
                count: "localities",
            },
            order,
            c,
            (limit, offset),
            self.count_cap,
            locality_from_row,
        )?;
        Ok((rows.into_iter().collect::<Result<_, _>>()?, total))
    }

    pub fn get_locality(&self, code: &str) -> Result<Option<Locality>, StoreError> {
        locality_on(&*self.conn()?, code)
    }

    /// A unit with its parents, child count, historical names and article count.
    pub fn locality_detail(&self, code: &str) -> Result<Option<LocalityDetail>, StoreError> {
        let conn = self.conn()?;
        let Some(locality) = locality_on(&conn, code)? else {
            return Ok(None);
        };
        let mut parents = Vec::new();
        let mut next = locality.parent_code.clone();
        while let Some(p) = next.take() {
            let Some(parent) = locality_on(&conn, &p)? else {
                break;
            };
            next = parent.parent_code.clone();
            parents.insert(0, LocalityRef::from(&parent));
        }
        let (children_count, article_count): (i64, i64) = conn.query_row(
            "SELECT (SELECT count(*) FROM localities WHERE parent_code = ?1),
                    (SELECT count(*) FROM article_localities WHERE code = ?1)",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let aliases = aliases_on(&conn, Some(code))?;
        Ok(Some(LocalityDetail {
            locality,
            parents,
            children_count: children_count as u64,
            aliases,
            article_count: article_count as u64,
        }))
    }
}

/// One unit, on a connection the caller holds.
pub(super) fn locality_on(conn: &rusqlite::Connection, code: &str) -> Result<Option<Locality>, StoreError> {
    let found = conn
        .query_row(
            &format!("SELECT {LOCALITY_COLUMNS} FROM localities WHERE code = ?1"),
            [code],
            locality_from_row,
        )
        .optional()?;
    found.transpose()
}

/// Historical names, of one unit or of all.
fn aliases_on(conn: &rusqlite::Connection, code: Option<&str>) -> Result<Vec<LocalityAlias>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT code, name, valid_from, valid_to, note FROM locality_aliases
         WHERE ?1 IS NULL OR code = ?1 ORDER BY code, name",
    )?;
    let rows = stmt.query_map([code], |r| {
        Ok(LocalityAlias {
            code: r.get(0)?,
            name: r.get(1)?,
            valid_from: r.get(2)?,
            valid_to: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
