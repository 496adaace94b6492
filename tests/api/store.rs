//! The store across restarts: idempotent seeding, stable ids, migrations, broken seed files.

use chiso::domain::{ArticleFilter, Level, Scheme};
use chiso::store::Store;

use crate::support::{TestStore, seed_dir};

#[test]
fn restarting_on_the_same_store_keeps_five_articles_and_the_whole_gazetteer() {
    let (t, _) = TestStore::seeded();
    let (first, _) = t.store.list_articles(&ArticleFilter::default(), 200, 0).unwrap();
    let path = t.db_path();
    drop(t.store);
    let reopened = Store::open(&path).unwrap();
    let (_, report) = chiso::seed::seed(&reopened, &seed_dir()).unwrap();
    assert_eq!((report.added, report.unchanged, report.failed), (0, 5, 0));
    let (again, total) = reopened.list_articles(&ArticleFilter::default(), 200, 0).unwrap();
    assert_eq!(total, 5.into());
    assert_eq!(first, again);
    let count = |scheme, level| reopened.count_localities(scheme, level).unwrap();
    assert_eq!(count(Scheme::Y2024, Level::Province), 63);
    assert_eq!(count(Scheme::Y2024, Level::District), 696);
    assert_eq!(count(Scheme::Y2024, Level::Commune), 10035);
    assert_eq!(count(Scheme::Y2025, Level::Province), 34);
    assert_eq!(count(Scheme::Y2025, Level::District), 0);
    assert_eq!(count(Scheme::Y2025, Level::Commune), 3321);
}

#[test]
fn article_ids_are_the_same_in_every_store() {
    let (a, _) = TestStore::seeded();
    let (b, _) = TestStore::seeded();
    let ids = |t: &TestStore| {
        let mut ids: Vec<chiso::domain::ArticleId> = t
            .store
            .list_articles(&ArticleFilter::default(), 200, 0)
            .unwrap()
            .0
            .into_iter()
            .map(|a| a.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn a_seed_file_that_cannot_be_parsed_is_skipped_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed");
    std::fs::create_dir_all(seed.join("articles")).unwrap();
    std::fs::create_dir_all(seed.join("gazetteer")).unwrap();
    for f in [
        "vn_admin_units_2024.csv",
        "vn_admin_units_2025.csv",
        "vn_provinces_2025.csv",
        "vn_crosswalk_2025.csv",
        "aliases.csv",
    ] {
        std::fs::copy(
            seed_dir().join("gazetteer").join(f),
            seed.join("gazetteer").join(f),
        )
        .unwrap();
    }
    let good = std::fs::read_dir(seed_dir().join("articles"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::copy(&good, seed.join("articles/good.txt")).unwrap();
    std::fs::write(seed.join("articles/latin1.txt"), b"B\xe1c K\xe1n \xff\xfe").unwrap();
    std::fs::write(seed.join("articles/blank.txt"), "  \n\u{a0}\n").unwrap();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let (_, report) = chiso::seed::seed(&store, &seed).unwrap();
    assert_eq!((report.added, report.failed), (1, 2));
    assert_eq!(
        store.list_articles(&ArticleFilter::default(), 10, 0).unwrap().1,
        1.into()
    );
}

#[test]
fn a_store_from_a_newer_release_is_refused() {
    let t = TestStore::empty();
    t.store
        .conn()
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let err = Store::open(&t.db_path()).err().expect("refused");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn opening_a_store_twice_applies_migrations_once() {
    let t = TestStore::empty();
    let again = Store::open(&t.db_path()).unwrap();
    let version: i64 = again
        .conn()
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert!(version >= 1);
    let mode: String = again
        .conn()
        .unwrap()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_units_articles_come_newest_first_and_follow_a_changed_date() {
    let (t, _) = TestStore::seeded();
    let filter = ArticleFilter {
        localities: vec!["2024-p06".parse().unwrap()],
        descendants: true,
        ..ArticleFilter::default()
    };
    let dates = |store: &Store| -> Vec<(String, Option<String>)> {
        let (items, _) = store.list_articles(&filter, 200, 0).unwrap();
        items
            .into_iter()
            .map(|a| {
                (
                    a.id.to_string(),
                    a.published_on.or(a.event_date).map(|d| d.to_string()),
                )
            })
            .collect()
    };
    let before = dates(&t.store);
    assert!(before.len() >= 2, "{before:?}");
    assert!(
        before.windows(2).all(|w| w[0].1 >= w[1].1),
        "newest first: {before:?}"
    );
    let oldest = before.last().unwrap().0.clone();
    rusqlite::Connection::open(t.db_path())
        .unwrap()
        .execute(
            "UPDATE articles SET published_on = '2026-01-02' WHERE id = ?1",
            [&oldest],
        )
        .unwrap();
    let after = dates(&t.store);
    assert_eq!(after[0], (oldest, Some("2026-01-02".into())), "{after:?}");
    assert_eq!(after.len(), before.len());
}
