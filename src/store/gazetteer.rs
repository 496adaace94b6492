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
        let mut conn = self.writer()?;
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

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::domain::places::Link;
    use crate::domain::{ArticleFilter, IndicatorFilter, Level, Share, UnitType};

    fn unit(id: &str, name: &str) -> Locality {
        let id: PlaceId = id.parse().unwrap();
        Locality::new(
            id,
            Level::Province,
            UnitType::Province,
            "Tỉnh",
            name,
            name,
            None,
            (None, None),
        )
    }

    #[test]
    fn a_version_6_store_keeps_its_articles_and_finds_them_on_the_2025_map() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v6.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            super::super::register_functions(&conn).unwrap();
            conn.pragma_update(None, "foreign_keys", false).unwrap();
            super::super::schema::apply_until(&mut conn, 0, 6).unwrap();
            conn.execute_batch(
                "INSERT INTO localities (code, level, type, type_vi, name, short_name)
                     VALUES ('06', 'province', 'province', 'Tỉnh', 'Tỉnh Bắc Kạn', 'Bắc Kạn');
                 INSERT INTO articles (id, title, primary_locality, extractor_version, published_on)
                     VALUES ('00000000000000aa', 'Bắc Kạn năm 2021', '06', 1, '2021-07-20');
                 INSERT INTO article_texts (seq, body, raw_text) VALUES (1, 'Thân bài', 'x');
                 INSERT INTO article_localities (article_id, code, position) VALUES ('00000000000000aa', '06', 0);
                 INSERT INTO indicators (article_id, position, metric, label, value, unit, direction,
                     locality_code, province_code, evidence_text, evidence_start, evidence_end, newest)
                     VALUES ('00000000000000aa', 0, 'poverty_rate', 'Tỷ lệ hộ nghèo', 5.0, 'percent', 'level', '06', '06',
                     's', 0, 1, '2021-07-20');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let g = Gazetteer::new(
            vec![
                unit("06", "Bắc Kạn"),
                unit("19", "Thái Nguyên"),
                unit("2025-19", "Thái Nguyên"),
            ],
            Vec::new(),
            ["06", "19"]
                .into_iter()
                .map(|from| Link {
                    from: from.parse().unwrap(),
                    to: "2025-19".parse().unwrap(),
                    share: Share::Whole,
                    default: true,
                })
                .collect(),
        );
        store.load_gazetteer(&g, "test").unwrap();
        let new: PlaceId = "2025-19".parse().unwrap();
        let filter = ArticleFilter {
            localities: vec![new.clone()],
            descendants: true,
            ..Default::default()
        };
        let (articles, _) = store.list_articles(&filter, 20, 0).unwrap();
        assert_eq!(
            articles.len(),
            1,
            "the old article is on the new province's ground"
        );
        assert_eq!(articles[0].locality.as_ref().unwrap().id.to_string(), "2024-p06");
        let filter = IndicatorFilter {
            localities: vec![new],
            descendants: true,
            ..Default::default()
        };
        let (figures, _) = store.list_indicators(&filter, 20, 0).unwrap();
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].value, 5.0);
        let old: PlaceId = "06".parse().unwrap();
        assert_eq!(store.article_count(&old).unwrap(), 1);
    }
}
