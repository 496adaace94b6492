//! A dashboard's first screen computed ahead: province cards kept in the store across
//! restarts, valid only for the generation they were computed under, warmed again after
//! writes only when asked for.

use chiso::domain::PlaceId;
use chiso::store::Store;
use rusqlite::Connection;

use crate::support::TestStore;

fn ninh_thuan() -> PlaceId {
    "2024-p58".parse().unwrap()
}

/// A write as another process makes one: the generation moves on.
fn write_elsewhere(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'",
        [],
    )
    .unwrap();
}

#[test]
fn a_restarted_store_serves_the_cards_it_kept_and_computes_them_again_after_a_write() {
    let (t, _) = TestStore::seeded();
    let warmed = t.store.warm_first_screen(false).unwrap();
    assert_eq!(
        warmed.cards, 6,
        "three provinces with articles on each map: {warmed:?}"
    );
    assert!(warmed.comparisons > 0);
    // Mark the kept card so that reading it back shows, not computing it again.
    let path = t.db_path();
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE kept_summaries SET body = json_set(body, '$.article_count', 999)
             WHERE locality_id = '2024-p58' AND rollup = 1",
            [],
        )
        .unwrap();
    drop(t.store);
    let reopened = Store::open(&path).unwrap();
    let card = reopened.locality_summary(&ninh_thuan(), true).unwrap();
    assert_eq!(card.article_count, 999, "read back from the store");
    drop(reopened);
    write_elsewhere(&path);
    let reopened = Store::open(&path).unwrap();
    let card = reopened.locality_summary(&ninh_thuan(), true).unwrap();
    assert_eq!(
        card.article_count, 1,
        "a kept card of an earlier generation is stale"
    );
    drop(t.dir);
}

#[test]
fn after_a_write_only_the_cards_asked_for_since_are_computed_again() {
    let (t, _) = TestStore::seeded();
    assert_eq!(t.store.warm_cards(false).unwrap(), 6);
    write_elsewhere(&t.db_path());
    assert_eq!(
        t.store.warm_cards(true).unwrap(),
        0,
        "nobody asked: nothing computed"
    );
    t.store.locality_summary(&ninh_thuan(), true).unwrap();
    write_elsewhere(&t.db_path());
    assert_eq!(t.store.warm_cards(true).unwrap(), 1, "the card asked for, again");
    assert_eq!(t.store.warm_cards(false).unwrap(), 5, "the rest, at a start");
}

#[test]
fn a_card_a_request_computed_is_kept_in_the_store_by_the_next_warm_up() {
    let (t, _) = TestStore::seeded();
    t.store.locality_summary(&ninh_thuan(), true).unwrap();
    t.store.warm_cards(false).unwrap();
    let kept: i64 = Connection::open(t.db_path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM kept_summaries WHERE locality_id = '2024-p58'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1, "asked for before the warm-up, kept by it");
}
