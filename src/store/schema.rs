//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Each entry of [`MIGRATIONS`] moves the schema one version up; a store written by an
//! older release is brought forward on open, and one from a newer release is refused.

use rusqlite::{Connection, OptionalExtension};

use super::StoreError;

/// The migrations in order, one file each under `migrations/`: entry `n` brings a store to
/// version `n + 1`. Files are never edited once released; a change is a new file.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_gazetteer_articles_indicators.sql"),
    include_str!("migrations/002_search.sql"),
    include_str!("migrations/003_given_publication_date.sql"),
    include_str!("migrations/004_metric_unit_index.sql"),
    include_str!("migrations/005_indicator_province_district.sql"),
    include_str!("migrations/006_narrow_rows_and_dates.sql"),
    include_str!("migrations/007_two_maps.sql"),
    include_str!("migrations/008_untitled_articles.sql"),
    include_str!("migrations/009_bounded_evidence.sql"),
    include_str!("migrations/010_retired_indicators.sql"),
    include_str!("migrations/011_spreadsheet_safe_locality_ids.sql"),
    include_str!("migrations/012_kept_summaries.sql"),
    include_str!("migrations/013_article_localities_by_date.sql"),
    include_str!("migrations/014_article_localities_oldest.sql"),
    include_str!("migrations/015_page_markup.sql"),
];

/// The schema version this release writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration the store has not seen, each in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    // Rebuilding a table means dropping the old one; with foreign keys enforced that would
    // cascade into its children. They are checked instead before each migration commits.
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = apply(conn, found);
    conn.pragma_update(None, "foreign_keys", true)?;
    migrated
}

/// A replica cannot migrate its copy: it serves the schema this release writes, or refuses.
pub fn check_current(conn: &Connection) -> Result<(), StoreError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found != SCHEMA_VERSION {
        return Err(StoreError::Unusable(format!(
            "the replica's copy has schema version {found}, this release serves {SCHEMA_VERSION}: \
             run the same release on the primary first"
        )));
    }
    Ok(())
}

fn apply(conn: &mut Connection, found: i64) -> Result<(), StoreError> {
    apply_until(conn, found, SCHEMA_VERSION)
}

/// Applies the migrations after version `found` up to version `until`.
pub(super) fn apply_until(conn: &mut Connection, found: i64, until: i64) -> Result<(), StoreError> {
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(until as usize)
        .skip(found as usize)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        let broken: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = broken {
            return Err(StoreError::Corrupt(format!(
                "migration {} leaves rows of {table} without their parent",
                index + 1
            )));
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
        log::info!("store schema migrated to version {}", index + 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_store_with_data_is_brought_up_to_date() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::register_functions(&conn).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO localities (code, level, type, type_vi, name, short_name)
                 VALUES ('06', 'province', 'province', 'Tỉnh', 'Tỉnh Bắc Kạn', 'Bắc Kạn');
             INSERT INTO articles (id, title, body, raw_text, extractor_version)
                 VALUES ('a', 'Đảng bộ tỉnh', 'Thân bài', 'x', 1);
             INSERT INTO indicators (article_id, position, metric, label, value, unit, direction,
                 locality_code, evidence_text, evidence_start, evidence_end)
                 VALUES ('a', 0, 'poverty_rate', 'Tỷ lệ hộ nghèo', 5.0, 'percent', 'level', '06', 's', 0, 1);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM article_search WHERE article_search MATCH 'dang'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "old articles are searchable after the upgrade");
        let label: String = conn
            .query_row("SELECT label_search FROM indicators", [], |r| r.get(0))
            .unwrap();
        assert_eq!(label, "ty le ho ngheo");
        let (id, scheme, code, name): (String, String, String, String) = conn
            .query_row("SELECT id, scheme, code, name_search FROM localities", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap();
        assert_eq!(
            (id.as_str(), scheme.as_str(), code.as_str(), name.as_str()),
            ("2024-p06", "2024", "06", "tinh bac kan"),
            "units of the earlier map are named by map, level and code"
        );
        let (locality, province): (Option<String>, Option<String>) = conn
            .query_row("SELECT locality_id, province_2024 FROM indicators", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(
            (locality.as_deref(), province.as_deref()),
            (Some("2024-p06"), Some("2024-p06")),
            "indicators keep their unit and province"
        );
        let (body, newest): (String, Option<String>) = conn
            .query_row(
                "SELECT t.body, i.newest FROM articles a JOIN article_texts t USING (seq)
                 JOIN indicators i ON i.article_id = a.id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            (body.as_str(), newest),
            ("Thân bài", None),
            "texts moved beside the article"
        );
        let fk_on: bool = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(fk_on, "foreign keys are enforced again after migrating");
    }
}
