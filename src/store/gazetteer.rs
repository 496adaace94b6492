//! Loading the gazetteer of both maps into the store, with which units contain which, and
//! bringing what is stored about places up to date with it.

use rusqlite::{Transaction, params};

use super::{Store, StoreError, summary_cache};
use crate::domain::places::Area;
use crate::domain::{Gazetteer, Locality, PlaceId};

/// The column-like name of the level and map an area is on: `province_2024`, `commune_2025`.
pub fn slot(id: &PlaceId) -> String {
    format!("{}_{}", id.level().as_str(), id.scheme().as_str())
}

impl Store {
    /// Loads (or refreshes) the whole gazetteer in one transaction, then brings every stored
    /// article's cross-map places and every indicator's areas up to date with it.
    pub fn load_gazetteer(&self, g: &Gazetteer, digest: &str) -> Result<(), StoreError> {
        let mut conn = self.conn()?;
        let tx = conn.transaction()?;
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        let mut units: Vec<&Locality> = g.units().collect();
        units.sort_by(|a, b| a.id.cmp(&b.id));
        put_units(&tx, &units)?;
        put_aliases(&tx, g)?;
        tx.execute("DELETE FROM locality_areas", [])?;
        {
            let mut put = tx.prepare(
                "INSERT INTO locality_areas (area_id, locality_id, relation, slot) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for u in &units {
                for Area { id, relation } in g.areas(&u.id) {
                    put.execute(params![
                        id.to_string(),
                        u.id.to_string(),
                        relation.as_str(),
                        slot(&id)
                    ])?;
                }
            }
        }
        refresh_places(&tx)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('gazetteer_sha256', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [digest],
        )?;
        summary_cache::bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

fn put_units(tx: &Transaction<'_>, units: &[&Locality]) -> Result<(), StoreError> {
    let mut put = tx.prepare(
        "INSERT INTO localities (id, scheme, code, level, type, type_vi, name, short_name, parent_id,
             lat, lon, area_km2, successor_2025_code, successor_2025_name, name_search)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, chiso_fold(?7))
         ON CONFLICT (id) DO UPDATE SET scheme = excluded.scheme, code = excluded.code,
           level = excluded.level, type = excluded.type, type_vi = excluded.type_vi,
           name = excluded.name, short_name = excluded.short_name, parent_id = excluded.parent_id,
           lat = excluded.lat, lon = excluded.lon, area_km2 = excluded.area_km2,
           successor_2025_code = excluded.successor_2025_code,
           successor_2025_name = excluded.successor_2025_name, name_search = excluded.name_search",
    )?;
    for u in units {
        put.execute(params![
            u.id.to_string(),
            u.scheme.as_str(),
            u.code,
            u.level.as_str(),
            u.unit_type.as_str(),
            u.type_vi,
            u.name,
            u.short_name,
            u.parent_id.as_ref().map(PlaceId::to_string),
            u.lat,
            u.lon,
            u.area_km2,
            u.successor_2025_code,
            u.successor_2025_name,
        ])?;
    }
    Ok(())
}

fn put_aliases(tx: &Transaction<'_>, g: &Gazetteer) -> Result<(), StoreError> {
    let mut put = tx.prepare(
        "INSERT INTO locality_aliases (locality_id, name, valid_from, valid_to, note)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (locality_id, name) DO UPDATE SET valid_from = excluded.valid_from,
           valid_to = excluded.valid_to, note = excluded.note",
    )?;
    for a in g.aliases() {
        put.execute(params![
            a.code.to_string(),
            a.name,
            a.valid_from,
            a.valid_to,
            a.note
        ])?;
    }
    Ok(())
}

/// Articles' places on the other map, and indicators' areas, from `locality_areas`. Rows that
/// already say the right thing are not written again.
fn refresh_places(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute("DELETE FROM article_localities WHERE crosswalk = 1", [])?;
    tx.execute(&crosswalk_places(""), [])?;
    tx.execute(
        "UPDATE indicators SET
             province_2024 = a.p24, district_2024 = a.d24, province_2025 = a.p25
         FROM (SELECT locality_id,
                      max(CASE slot WHEN 'province_2024' THEN area_id END) AS p24,
                      max(CASE slot WHEN 'district_2024' THEN area_id END) AS d24,
                      max(CASE slot WHEN 'province_2025' THEN area_id END) AS p25
               FROM locality_areas GROUP BY locality_id) AS a
         WHERE a.locality_id = indicators.locality_id
           AND (province_2024 IS NOT a.p24 OR district_2024 IS NOT a.d24 OR province_2025 IS NOT a.p25)",
        [],
    )?;
    Ok(())
}

/// An INSERT adding the units of the other map that contain a unit an article names, for
/// every article or, with `and` (`"AND al.article_id = ?1"`), for some.
pub fn crosswalk_places(and: &str) -> String {
    format!(
        "INSERT OR IGNORE INTO article_localities (article_id, locality_id, position, crosswalk)
         SELECT al.article_id, la.area_id, 1000000 + al.position, 1
         FROM article_localities al
         JOIN locality_areas la ON la.locality_id = al.locality_id AND la.relation IN ('same', 'contains')
         WHERE al.crosswalk = 0 {and}"
    )
}
