//! A read replica: a second store on the primary's file, opened read-only as `chiso
//! --read-only` opens its copy (the Litestream VFS itself is exercised by
//! `deploy/replication_test.py`). It serves reads, sends writers to the primary, reports its lag
//! and never serves a summary older than the data it holds.

use std::sync::Arc;
use std::time::Duration;

use actix_web::test as atest;
use chiso::api::AppState;
use chiso::api::replica::ReplicaRole;
use chiso::heartbeat::now_ms;
use chiso::store::Store;

use crate::support::*;

fn replica_state(primary: &TestStore, max_lag: Duration) -> AppState {
    let store = Store::open_replica(&primary.db_path(), None).expect("the replica opens");
    let gazetteer = chiso::seed::load_gazetteer(&seed_dir()).unwrap();
    AppState::new(store, Arc::new(gazetteer), None).as_replica(ReplicaRole {
        primary: Some("https://primary.chiso.example".into()),
        max_lag,
    })
}

#[actix_web::test]
async fn a_replica_serves_reads_and_sends_every_write_to_the_primary() {
    let (primary, _) = TestStore::seeded();
    let replica = app(replica_state(&primary, Duration::from_secs(30))).await;
    let (status, _, page) = get(&replica, "/articles?limit=2").await;
    assert_eq!((status, page["meta"]["total"].as_u64()), (200, Some(5)));
    let writes = [
        post(synthetic_article(1), "text/plain"),
        atest::TestRequest::delete().uri("/articles/5f0c2a9d41b7e3a8"),
        atest::TestRequest::post().uri("/admin/reextract"),
    ];
    for write in writes {
        let (status, headers, body) = send(&replica, write).await;
        assert_problem(status, &headers, &body, 405);
        assert_eq!(headers.get("allow").unwrap(), "GET, HEAD, OPTIONS");
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("https://primary.chiso.example")
        );
    }
    let (_, _, page) = get(&replica, "/articles?limit=2").await;
    assert_eq!(page["meta"]["total"], 5, "nothing was written");
}

#[actix_web::test]
async fn a_replica_is_ready_while_its_copy_is_recent_and_not_past_the_lag_limit() {
    let (primary, _) = TestStore::seeded();
    let replica = app(replica_state(&primary, Duration::from_secs(10))).await;
    let (status, headers, body) = get(&replica, "/ready").await;
    assert_problem(status, &headers, &body, 503);
    assert!(body["detail"].as_str().unwrap().contains("no heartbeat"));

    primary.store.beat(now_ms() - 2_500).unwrap();
    let (status, _, ready) = get(&replica, "/ready").await;
    assert_eq!((status, ready["role"].as_str()), (200, Some("replica")));
    let lag = ready["lag_seconds"].as_f64().unwrap();
    assert!((2.5..5.0).contains(&lag), "{lag}");

    primary.store.beat(now_ms() - 60_000).unwrap();
    let (status, headers, body) = get(&replica, "/ready").await;
    assert_problem(status, &headers, &body, 503);
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("behind the primary (limit 10 s)")
    );

    let (_, g) = TestStore::seeded();
    let primary_app = app(primary.state(g)).await;
    let (status, _, ready) = get(&primary_app, "/ready").await;
    assert_eq!((status, ready["role"].as_str()), (200, Some("primary")));
    assert!(ready["lag_seconds"].is_null());
}

#[actix_web::test]
async fn a_replica_serves_the_primarys_new_writes_and_no_summary_older_than_its_data() {
    let (primary, g) = TestStore::seeded();
    let replica = app(replica_state(&primary, Duration::from_secs(30))).await;
    let summary = "/localities/58/summary";
    let (_, _, before) = get(&replica, summary).await;
    let (_, _, again) = get(&replica, summary).await;
    assert_eq!(before, again, "kept between writes");

    let primary_app = app(primary.state(g)).await;
    let text = synthetic_article(1);
    assert!(text.contains("Ninh Thuận"), "the article is about province 58");
    let (status, _, created) = send(&primary_app, post(text, "text/plain")).await;
    assert_eq!(status, 201, "{created}");
    let (_, _, after) = get(&replica, summary).await;
    assert_eq!(
        after["article_count"].as_i64(),
        before["article_count"].as_i64().map(|n| n + 1),
        "the replica's kept summary follows the data it serves"
    );
    let (status, _, article) = get(
        &replica,
        &format!("/articles/{}", created["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(status, 200, "{article}");
}

#[actix_web::test]
async fn a_replica_refuses_a_missing_copy_and_a_copy_of_another_schema() {
    let dir = tempfile::tempdir().unwrap();
    let missing = Store::open_replica(&dir.path().join("none.sqlite3"), None);
    assert!(missing.err().unwrap().to_string().contains("restore it first"));
    let old = dir.path().join("old.sqlite3");
    rusqlite::Connection::open(&old)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;")
        .unwrap();
    let refused = Store::open_replica(&old, None).err().unwrap().to_string();
    assert!(refused.contains("schema version 3"), "{refused}");
}
