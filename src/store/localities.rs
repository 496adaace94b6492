//! The gazetteer tables: administrative units and their historical names.

use rusqlite::{Row, params};

use super::{Store, StoreError};
use crate::domain::{Level, Locality, LocalityAlias, UnitType};

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
                "INSERT INTO localities ({LOCALITY_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (code) DO UPDATE SET level = excluded.level, type = excluded.type,
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
        let conn = self.conn()?;
        let mut stmt = conn.prepare(
            "SELECT code, name, valid_from, valid_to, note FROM locality_aliases ORDER BY code, name",
        )?;
        let rows = stmt.query_map([], |r| {
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
