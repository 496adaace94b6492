//! Reading the gazetteer tables: units of both maps, filtered, and how many articles name them.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::sql::{self, Conditions, like_word, search_words};
use super::{Store, StoreError};
use crate::domain::{Level, Locality, LocalityFilter, PlaceId, SchemeChoice, Total, UnitType};

const LOCALITY_COLUMNS: &str = "id, level, type, type_vi, name, short_name, parent_id, lat, lon, \
     area_km2, successor_2025_code, successor_2025_name";

/// A place id read from a column.
pub(super) fn place_id(r: &Row<'_>, idx: &str) -> rusqlite::Result<Option<PlaceId>> {
    r.get(idx)
}

fn locality_from_row(r: &Row<'_>) -> rusqlite::Result<Locality> {
    let id: PlaceId = r.get("id")?;
    let level: Level = r.get("level")?;
    let unit_type: UnitType = r.get("type")?;
    let type_vi: String = r.get("type_vi")?;
    let name: String = r.get("name")?;
    let short_name: String = r.get("short_name")?;
    let mut u = Locality::new(
        id,
        level,
        unit_type,
        &type_vi,
        &name,
        &short_name,
        place_id(r, "parent_id")?,
        (r.get("lat")?, r.get("lon")?),
    );
    u.area_km2 = r.get("area_km2")?;
    u.successor_2025_code = r.get("successor_2025_code")?;
    u.successor_2025_name = r.get("successor_2025_name")?;
    Ok(u)
}

impl Store {
    /// Units of a level on one map.
    pub fn count_localities(&self, scheme: crate::domain::Scheme, level: Level) -> Result<i64, StoreError> {
        let conn = self.conn()?;
        Ok(conn.query_row(
            "SELECT count(*) FROM localities WHERE scheme = ?1 AND level = ?2",
            [scheme.as_str(), level.as_str()],
            |r| r.get(0),
        )?)
    }

    /// One page of the units a filter selects (by map, then code), and how many it selects.
    pub fn list_localities(
        &self,
        f: &LocalityFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<Locality>, Total), StoreError> {
        let conn = self.conn()?;
        let mut c = Conditions::default();
        if let SchemeChoice::One(scheme) = f.scheme {
            c.push("scheme = ?", [Value::Text(scheme.as_str().into())]);
        }
        if let Some(level) = f.level {
            c.push("level = ?", [Value::Text(level.as_str().into())]);
        }
        if let Some(t) = f.unit_type {
            c.push("type = ?", [Value::Text(t.as_str().into())]);
        }
        if let Some(p) = &f.parent {
            c.push("parent_id = ?", [Value::Text(p.to_string())]);
        }
        let words = f.q.as_deref().map(search_words).unwrap_or_default();
        // Search words are letters and digits only (`search_words` splits on everything else),
        // so the phrase is safe as a literal; a parameter would also be bound to the count.
        let phrase = (!words.is_empty() && words.iter().all(|w| w.chars().all(char::is_alphanumeric)))
            .then(|| format!("'% {}%'", words.join(" ")));
        for word in words {
            c.push(
                "(' ' || name_search) LIKE ? ESCAPE '\\'",
                [Value::Text(format!(
                    "% {}",
                    like_word(&word).trim_start_matches('%')
                ))],
            );
        }
        match f.has_articles {
            Some(true) => c.push(
                "EXISTS (SELECT 1 FROM article_localities al WHERE al.locality_id = localities.id)",
                [],
            ),
            Some(false) => c.push(
                "NOT EXISTS (SELECT 1 FROM article_localities al WHERE al.locality_id = localities.id)",
                [],
            ),
            None => {}
        }
        let order = match (f.by_name, phrase) {
            (true, _) => "chiso_fold(short_name), name_search, scheme DESC, length(code), code".to_owned(),
            // A search: the words as a phrase first ("ninh th" → Ninh Thuận before Thái Ninh),
            // larger units first.
            (false, Some(phrase)) => {
                format!("(' ' || name_search) NOT LIKE {phrase}, length(code), scheme DESC, code")
            }
            (false, None) => "scheme DESC, length(code), code".to_owned(),
        };
        let from = sql::From {
            rows: "localities",
            count: "localities",
        };
        let (rows, total) = self.page(
            &conn,
            (LOCALITY_COLUMNS, from, &order),
            c,
            (limit, offset),
            locality_from_row,
        )?;
        Ok((rows, total))
    }

    /// Articles naming a unit, a unit under it, or a unit of the other map on its ground.
    pub fn article_count(&self, id: &PlaceId) -> Result<u64, StoreError> {
        let conn = self.conn()?;
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM article_localities WHERE locality_id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }
}

/// One unit, on a connection the caller holds.
pub(super) fn locality_on(conn: &rusqlite::Connection, id: &PlaceId) -> Result<Option<Locality>, StoreError> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {LOCALITY_COLUMNS} FROM localities WHERE id = ?1"
        ))?
        .query_row([id.to_string()], locality_from_row)
        .optional()?;
    Ok(found)
}
