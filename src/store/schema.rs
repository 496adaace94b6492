//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Each entry of [`MIGRATIONS`] moves the schema one version up; a store written by an
//! older release is brought forward on open, and one from a newer release is refused.

use rusqlite::{Connection, OptionalExtension};

use super::StoreError;

const MIGRATIONS: &[&str] = &[
    // 1: gazetteer, articles, indicators.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE localities (
        code                TEXT PRIMARY KEY,
        level               TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        type                TEXT NOT NULL,
        type_vi             TEXT NOT NULL,
        name                TEXT NOT NULL,
        short_name          TEXT NOT NULL,
        parent_code         TEXT REFERENCES localities(code),
        lat                 REAL,
        lon                 REAL,
        successor_2025_code TEXT,
        successor_2025_name TEXT
    );
    CREATE INDEX localities_parent ON localities(parent_code);
    CREATE INDEX localities_level ON localities(level);
    CREATE TABLE locality_aliases (
        code       TEXT NOT NULL REFERENCES localities(code),
        name       TEXT NOT NULL,
        valid_from TEXT,
        valid_to   TEXT,
        note       TEXT,
        PRIMARY KEY (code, name)
    );
    CREATE TABLE articles (
        id                TEXT PRIMARY KEY,
        title             TEXT NOT NULL,
        published_on      TEXT,
        event_date        TEXT,
        byline            TEXT,
        period            TEXT,
        primary_locality  TEXT REFERENCES localities(code),
        body              TEXT NOT NULL,
        captions          TEXT NOT NULL DEFAULT '[]',
        raw_text          TEXT NOT NULL,
        source_file       TEXT UNIQUE,
        source_url        TEXT,
        extractor_version INTEGER NOT NULL,
        created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
    CREATE TABLE article_localities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        code       TEXT NOT NULL REFERENCES localities(code),
        position   INTEGER NOT NULL,
        PRIMARY KEY (article_id, code)
    );
    CREATE INDEX article_localities_code ON article_localities(code);
    CREATE TABLE indicators (
        id             INTEGER PRIMARY KEY,
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        metric         TEXT NOT NULL,
        label          TEXT NOT NULL,
        value          REAL NOT NULL,
        unit           TEXT NOT NULL,
        unit_noun      TEXT,
        denominator    REAL,
        qualifier      TEXT,
        direction      TEXT NOT NULL,
        period         TEXT,
        locality_code  TEXT REFERENCES localities(code),
        evidence_text  TEXT NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end   INTEGER NOT NULL,
        UNIQUE (article_id, position)
    );
    CREATE INDEX indicators_metric ON indicators(metric);
    CREATE INDEX indicators_locality ON indicators(locality_code);
    "#,
    // 2: search. Text is folded by chiso_fold() (accents, case, đ → d) before FTS5 sees it,
    // so "dang" finds "Đảng" and typed accents fold the same way.
    r#"
    CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO article_search (rowid, title, body) SELECT rowid, chiso_fold(title), chiso_fold(body) FROM articles;
    ALTER TABLE indicators ADD COLUMN label_search TEXT NOT NULL DEFAULT '';
    UPDATE indicators SET label_search = chiso_fold(label);
    ALTER TABLE localities ADD COLUMN name_search TEXT NOT NULL DEFAULT '';
    UPDATE localities SET name_search = chiso_fold(name);
    CREATE INDEX indicators_value ON indicators(value);
    CREATE INDEX indicators_period ON indicators(period);
    CREATE INDEX article_localities_article ON article_localities(article_id, position);
    "#,
    // 3: a publication date given by the client overrides the extracted one, and survives
    // re-extraction.
    r#"
    ALTER TABLE articles ADD COLUMN published_on_given TEXT;
    "#,
    // 4: the dashboard's most common filter, one metric in one unit's subtree.
    r#"
    CREATE INDEX indicators_metric_locality ON indicators(metric, locality_code);
    "#,
    // 5: each indicator's province and district, so that roll-ups are indexed equality
    // instead of a walk down the hierarchy.
    r#"
    ALTER TABLE indicators ADD COLUMN province_code TEXT;
    ALTER TABLE indicators ADD COLUMN district_code TEXT;
    UPDATE indicators SET
        district_code = CASE length(locality_code)
            WHEN 3 THEN locality_code
            WHEN 5 THEN (SELECT parent_code FROM localities WHERE code = indicators.locality_code) END,
        province_code = CASE length(locality_code)
            WHEN 2 THEN locality_code
            WHEN 3 THEN (SELECT parent_code FROM localities WHERE code = indicators.locality_code)
            WHEN 5 THEN (SELECT d.parent_code FROM localities c JOIN localities d ON d.code = c.parent_code
                         WHERE c.code = indicators.locality_code) END;
    CREATE INDEX indicators_province ON indicators(province_code, metric, period);
    CREATE INDEX indicators_district ON indicators(district_code, metric, period);
    CREATE INDEX indicators_locality_metric ON indicators(locality_code, metric, period);
    "#,
    // 6: narrow article rows (texts in a side table, an explicit integer key that VACUUM keeps,
    // the search index without a copy of the text) and each indicator's article date, so that
    // lists in date order walk an index instead of joining and sorting every match.
    r#"
    CREATE TABLE articles_v6 (
        seq                INTEGER PRIMARY KEY,
        id                 TEXT NOT NULL UNIQUE,
        title              TEXT NOT NULL,
        published_on       TEXT,
        event_date         TEXT,
        byline             TEXT,
        period             TEXT,
        primary_locality   TEXT REFERENCES localities(code),
        source_file        TEXT UNIQUE,
        source_url         TEXT,
        extractor_version  INTEGER NOT NULL,
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        published_on_given TEXT
    );
    INSERT INTO articles_v6 (seq, id, title, published_on, event_date, byline, period, primary_locality,
            source_file, source_url, extractor_version, created_at, published_on_given)
        SELECT rowid, id, title, published_on, event_date, byline, period, primary_locality,
            source_file, source_url, extractor_version, created_at, published_on_given FROM articles;
    CREATE TABLE article_texts (
        seq      INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
        body     TEXT NOT NULL,
        captions TEXT NOT NULL DEFAULT '[]',
        raw_text TEXT NOT NULL
    );
    INSERT INTO article_texts (seq, body, captions, raw_text) SELECT rowid, body, captions, raw_text FROM articles;
    DROP TABLE articles;
    ALTER TABLE articles_v6 RENAME TO articles;
    CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
    DROP TABLE article_search;
    CREATE VIRTUAL TABLE article_search USING fts5(title, body, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO article_search (rowid, title, body)
        SELECT a.seq, chiso_fold(a.title), chiso_fold(t.body) FROM articles a JOIN article_texts t USING (seq);
    ALTER TABLE indicators ADD COLUMN newest TEXT;
    UPDATE indicators SET newest =
        (SELECT coalesce(published_on, event_date) FROM articles a WHERE a.id = indicators.article_id);
    DROP INDEX indicators_metric;
    DROP INDEX indicators_locality;
    DROP INDEX indicators_period;
    DROP INDEX indicators_metric_locality;
    DROP INDEX indicators_province;
    DROP INDEX indicators_district;
    DROP INDEX indicators_locality_metric;
    CREATE INDEX indicators_newest ON indicators(newest DESC, article_id, position);
    CREATE INDEX indicators_metric_newest ON indicators(metric, newest DESC, article_id, position);
    CREATE INDEX indicators_province_newest ON indicators(province_code, metric, newest DESC, article_id, position);
    CREATE INDEX indicators_district_newest ON indicators(district_code, metric, newest DESC, article_id, position);
    CREATE INDEX indicators_locality_newest ON indicators(locality_code, metric, newest DESC, article_id, position);
    "#,
    // 7: both maps of Vietnam. A unit's id is its GSO code on the 2024 map and `2025-` and the
    // code on the 2025 map; `locality_areas` says which units of either map contain which, and
    // each indicator carries the province and district of the 2024 map and the province of the
    // 2025 map that contain its unit, so that roll-ups on either map are indexed equality.
    // The gazetteer loaded at start fills the 2025 units, the areas and these columns.
    r#"
    ALTER TABLE localities RENAME COLUMN code TO id;
    ALTER TABLE localities RENAME COLUMN parent_code TO parent_id;
    ALTER TABLE localities ADD COLUMN scheme TEXT NOT NULL DEFAULT '2024' CHECK (scheme IN ('2024', '2025'));
    ALTER TABLE localities ADD COLUMN code TEXT NOT NULL DEFAULT '';
    ALTER TABLE localities ADD COLUMN area_km2 REAL;
    UPDATE localities SET code = id;
    DROP INDEX localities_parent;
    DROP INDEX localities_level;
    CREATE INDEX localities_parent ON localities(parent_id);
    CREATE INDEX localities_scheme_level ON localities(scheme, level);
    ALTER TABLE locality_aliases RENAME COLUMN code TO locality_id;
    ALTER TABLE article_localities RENAME COLUMN code TO locality_id;
    ALTER TABLE article_localities ADD COLUMN crosswalk INTEGER NOT NULL DEFAULT 0;
    DROP INDEX article_localities_code;
    CREATE INDEX article_localities_locality ON article_localities(locality_id);
    ALTER TABLE indicators RENAME COLUMN locality_code TO locality_id;
    ALTER TABLE indicators RENAME COLUMN province_code TO province_2024;
    ALTER TABLE indicators RENAME COLUMN district_code TO district_2024;
    ALTER TABLE indicators ADD COLUMN province_2025 TEXT;
    CREATE INDEX indicators_province_2025_newest ON indicators(province_2025, metric, newest DESC, article_id, position);
    CREATE TABLE locality_areas (
        area_id     TEXT NOT NULL REFERENCES localities(id),
        locality_id TEXT NOT NULL REFERENCES localities(id),
        relation    TEXT NOT NULL CHECK (relation IN ('self', 'parent', 'same', 'contains')),
        slot        TEXT NOT NULL,
        PRIMARY KEY (area_id, locality_id)
    ) WITHOUT ROWID;
    CREATE INDEX locality_areas_locality ON locality_areas(locality_id, slot);
    "#,
    // 8: a page without a headline is an article with no title.
    r#"
    CREATE TABLE articles_v8 (
        seq                INTEGER PRIMARY KEY,
        id                 TEXT NOT NULL UNIQUE,
        title              TEXT,
        published_on       TEXT,
        event_date         TEXT,
        byline             TEXT,
        period             TEXT,
        primary_locality   TEXT REFERENCES localities(id),
        source_file        TEXT UNIQUE,
        source_url         TEXT,
        extractor_version  INTEGER NOT NULL,
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        published_on_given TEXT
    );
    INSERT INTO articles_v8 SELECT seq, id, title, published_on, event_date, byline, period,
        primary_locality, source_file, source_url, extractor_version, created_at, published_on_given
        FROM articles;
    DROP TABLE articles;
    ALTER TABLE articles_v8 RENAME TO articles;
    CREATE INDEX articles_newest ON articles(coalesce(published_on, event_date) DESC, id);
    "#,
    // 9: evidence in proportion to the figure: a bounded window of its sentence, and the
    // sentence's offsets in the title or body it stands in (the whole sentence on request).
    r#"
    ALTER TABLE indicators ADD COLUMN evidence_field TEXT NOT NULL DEFAULT 'body'
        CHECK (evidence_field IN ('title', 'body'));
    ALTER TABLE indicators ADD COLUMN sentence_start INTEGER;
    ALTER TABLE indicators ADD COLUMN sentence_end INTEGER;
    "#,
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
            ("06", "2024", "06", "tinh bac kan"),
            "units of the earlier map keep their code as id"
        );
        let (locality, province): (Option<String>, Option<String>) = conn
            .query_row("SELECT locality_id, province_2024 FROM indicators", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(
            (locality.as_deref(), province.as_deref()),
            (Some("06"), Some("06")),
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
