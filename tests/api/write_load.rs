//! The store under load (concurrent writers and readers, more requests than pooled
//! connections), under arbitrary input, and across a killed process.

use std::process::{Command, Stdio};
use std::time::Duration;

use actix_web::test as atest;
use chiso::domain::ArticleFilter;
use chiso::store::Store;
use futures_util::future::join_all;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

use crate::extraction::gazetteer;
use crate::support::{TOKEN, get, seed_dir, seeded_app, synthetic_article};

#[actix_web::test]
async fn eight_writers_and_readers_share_one_store_without_errors() {
    let (db, app) = seeded_app().await;
    let writers = (0..8).map(|w| {
        let app = &app;
        async move {
            let mut statuses = Vec::new();
            for k in 0..25 {
                let req = atest::TestRequest::post()
                    .uri("/articles")
                    .insert_header(("content-type", "text/plain; charset=utf-8"))
                    .insert_header(("authorization", format!("Bearer {TOKEN}")))
                    .set_payload(synthetic_article(100 + w * 25 + k))
                    .to_request();
                statuses.push(atest::call_service(app, req).await.status().as_u16());
            }
            statuses
        }
    });
    let readers = (0..4).map(|r| {
        let app = &app;
        async move {
            let mut statuses = Vec::new();
            for page in 0..25 {
                let (status, _, _) = get(
                    app,
                    &format!("/indicators?limit=50&offset={}", (r * 25 + page) * 10),
                )
                .await;
                statuses.push(status);
            }
            statuses
        }
    });
    let (written, read) = futures_util::future::join(join_all(writers), join_all(readers)).await;
    assert!(written.iter().flatten().all(|s| *s == 201), "{written:?}");
    assert!(read.iter().flatten().all(|s| *s == 200), "{read:?}");
    let (articles, total) = db.store.list_articles(&ArticleFilter::default(), 1, 0).unwrap();
    assert_eq!(total, 205.into(), "every article stored once: {}", articles.len());
}

#[actix_web::test]
async fn more_concurrent_summaries_than_pooled_connections_all_answer() {
    let (_db, app) = seeded_app().await;
    let uris = [
        "/localities/58/summary",
        "/localities/058",
        "/summaries?level=province",
        "/localities/06/summary",
    ];
    let requests = (0..32).map(|k| {
        let app = &app;
        async move { get(app, uris[k % uris.len()]).await.0 }
    });
    let statuses = join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

#[actix_web::test]
async fn arbitrary_bodies_never_get_a_server_error() {
    let (_db, app) = seeded_app().await;
    let mut runner = TestRunner::deterministic();
    let json_value = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        Just(json!([1, "a"])),
        Just(json!({"nested": {"text": 1}})),
    ];
    let body = proptest::collection::hash_map(
        prop_oneof![
            Just("text".to_owned()),
            Just("source_url".to_owned()),
            Just("published_on".to_owned()),
            "[a-z]{1,8}"
        ],
        json_value,
        0..4,
    );
    for case in 0..400 {
        let (payload, content_type) = if case % 2 == 0 {
            let bytes = proptest::collection::vec(any::<u8>(), 0..600)
                .new_tree(&mut runner)
                .unwrap()
                .current();
            (
                bytes,
                ["text/plain", "application/json", "text/plain; charset=utf-8"][case % 3],
            )
        } else {
            let map = body.new_tree(&mut runner).unwrap().current();
            (serde_json::to_vec(&map).unwrap(), "application/json")
        };
        let req = atest::TestRequest::post()
            .uri("/articles")
            .insert_header(("content-type", content_type))
            .insert_header(("authorization", format!("Bearer {TOKEN}")))
            .set_payload(payload.clone())
            .to_request();
        let status = atest::call_service(&app, req).await.status();
        assert!(
            !status.is_server_error(),
            "{status} for {content_type} {:?}",
            String::from_utf8_lossy(&payload)
        );
    }
}

#[test]
fn a_store_killed_during_bulk_ingest_reopens_whole() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("in");
    std::fs::create_dir(&articles).unwrap();
    for n in 0..400 {
        std::fs::write(articles.join(format!("{n:04}.txt")), synthetic_article(1000 + n)).unwrap();
    }
    let db = dir.path().join("db.sqlite3");
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .arg("ingest")
        .arg(&articles)
        .env("CHISO_DB", &db)
        .env("CHISO_SEED_DIR", seed_dir())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some articles are in, before it is done.
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(50));
        let stored = Store::open(&db)
            .ok()
            .and_then(|s| s.list_articles(&ArticleFilter::default(), 1, 0).ok())
            .map_or(0, |r| r.1.count);
        if stored >= 20 || child.try_wait().unwrap().is_some() {
            break;
        }
    }
    child.kill().ok();
    child.wait().unwrap();

    let store = Store::open(&db).expect("the store reopens");
    let check: String = store
        .conn()
        .unwrap()
        .pragma_query_value(None, "integrity_check", |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let (stored, total) = store.list_articles(&ArticleFilter::default(), 200, 0).unwrap();
    assert!(total.count >= 20, "{total:?} articles");
    for summary in stored {
        let source = store.article_source(&summary.id).unwrap().unwrap();
        let whole =
            chiso::ingest::ingest(&chiso::ingest::Source::text(&source.raw_text), gazetteer()).unwrap();
        assert_eq!(
            summary.indicator_count as usize,
            whole.indicators.len(),
            "article {} is whole",
            summary.id
        );
    }
}
