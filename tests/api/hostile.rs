//! Clients that hold on, flood or cheat: slow CSV readers, heavy queries, a writer locked out,
//! long extractions. None of them may take what the others need.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use actix_web::dev::Service;
use actix_web::test as atest;
use chiso::api::Limits;
use chiso::domain::Gazetteer;
use chiso::ingest;
use chiso::store::Origin;
use futures_util::future::join_all;

use crate::support::{TestStore, app, assert_problem, get, post, send, synthetic_article};

/// A seeded store with `n` more articles: enough indicators that a CSV export of them does
/// not fit the buffers between the store and a client that reads nothing.
fn store_with_articles(n: usize) -> (TestStore, Gazetteer) {
    let (t, g) = TestStore::seeded();
    let batch: Vec<_> = (0..n)
        .map(|i| {
            let text = synthetic_article(5000 + i);
            let article = ingest::ingest(&ingest::Source::text(&text), &g).unwrap();
            (article, Origin::default())
        })
        .collect();
    t.store.save_articles(&batch, ingest::EXTRACTOR_VERSION).unwrap();
    (t, g)
}

/// What everyone else asks while the hostile clients hold on: every one must answer as usual.
const EVERYDAY_READS: [&str; 8] = [
    "/health",
    "/ready",
    "/articles?limit=5",
    "/indicators?limit=5&metric=poverty_rate",
    "/localities?level=province",
    "/localities/2025-19",
    "/summaries?level=province&limit=5",
    "/metrics",
];

#[actix_web::test]
async fn eight_csv_readers_that_read_nothing_leave_every_other_request_answered() {
    let (t, g) = store_with_articles(400);
    let app = app(t.state(g)).await;
    // Eight exports whose bodies nobody reads: the first four stream (and wait), the rest are
    // told to come back.
    let mut stalled = Vec::new();
    let mut refused = 0;
    for _ in 0..8 {
        let req = atest::TestRequest::get()
            .uri("/indicators?format=csv")
            .to_request();
        let res = atest::call_service(&app, req).await;
        match res.status().as_u16() {
            200 => stalled.push(res),
            429 => {
                assert!(res.headers().contains_key("retry-after"));
                let headers = res.headers().clone();
                let body = serde_json::from_slice(&atest::read_body(res).await).unwrap();
                assert_problem(429, &headers, &body, 429);
                refused += 1;
            }
            other => panic!("an export answered {other}"),
        }
    }
    assert_eq!((stalled.len(), refused), (4, 4));
    for round in 0..3 {
        let answers = join_all(EVERYDAY_READS.iter().map(|uri| get(&app, uri))).await;
        for (uri, (status, _, body)) in EVERYDAY_READS.iter().zip(answers) {
            assert_eq!(status, 200, "round {round}: {uri} answered {body}");
        }
    }
    let (status, _, body) = send(&app, post(synthetic_article(90_001), "text/plain")).await;
    assert_eq!(status, 201, "a write beside the stalled exports: {body}");
    // The readers leave: their slots free and a new export streams whole.
    drop(stalled);
    let mut status = 0;
    for _ in 0..100 {
        let res = atest::call_service(
            &app,
            atest::TestRequest::get()
                .uri("/indicators?format=csv")
                .to_request(),
        )
        .await;
        status = res.status().as_u16();
        if status == 200 {
            let csv = atest::read_body(res).await;
            assert!(csv.len() > 200_000, "the whole export: {} bytes", csv.len());
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(status, 200, "the slots of the readers that left are free again");
}

#[actix_web::test]
async fn heavy_queries_past_the_time_budget_answer_503_and_give_their_connection_back() {
    let (t, g) = store_with_articles(100);
    let mut state = t.state(g);
    state.store = state.store.with_query_budget(Duration::ZERO);
    let app = app(state).await;
    // Sixteen at once, twice the readers' pool: each is stopped and answered, none waits.
    let heavy = "/indicators?q=dan&sort=-value&limit=200";
    let answers = join_all((0..16).map(|_| get(&app, heavy))).await;
    for (status, headers, body) in answers {
        assert_problem(status, &headers, &body, 503);
        assert!(headers.contains_key("retry-after"), "{body}");
        assert!(!body["detail"].as_str().unwrap().contains("interrupt"), "{body}");
    }
    // Light statements fit any budget, on the connections the heavy ones gave back.
    let light = join_all((0..16).map(|_| get(&app, "/articles/nope"))).await;
    for (status, headers, body) in light {
        assert_problem(status, &headers, &body, 404);
    }
}

/// A future's polls: how long the longest took, and all of them together.
struct Timed<F> {
    inner: Pin<Box<F>>,
    longest: Duration,
    total: Duration,
}

impl<F: Future> Future for Timed<F> {
    type Output = (F::Output, Duration, Duration);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let started = Instant::now();
        let polled = self.inner.as_mut().poll(cx);
        let took = started.elapsed();
        self.longest = self.longest.max(took);
        self.total += took;
        polled.map(|out| (out, self.longest, self.total))
    }
}

#[actix_web::test]
async fn extraction_runs_off_the_async_workers() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    let text: String = (0..400).map(synthetic_article).collect::<Vec<_>>().join("\n\n");
    let req = post(text, "text/plain").to_request();
    let started = Instant::now();
    let timed = Timed {
        inner: Box::pin(app.call(req)),
        longest: Duration::ZERO,
        total: Duration::ZERO,
    };
    let (res, longest, on_worker) = timed.await;
    let elapsed = started.elapsed();
    assert_eq!(res.unwrap().status(), 201);
    // The request took its time, but almost none of it on the worker that polled it: the
    // worker was free to answer others meanwhile.
    assert!(
        on_worker * 5 < elapsed && longest * 10 < elapsed,
        "{on_worker:?} of {elapsed:?} on the worker, the longest poll {longest:?}"
    );
}

#[actix_web::test]
async fn extraction_slots_wait_a_bounded_time_then_answer_503() {
    let (t, g) = TestStore::seeded();
    let limits = Limits {
        extraction_wait: Duration::from_millis(1),
        extraction_budget: Duration::from_millis(1),
        ..Limits::default()
    };
    let app = app(t.state(g).with_limits(limits)).await;
    let text: String = (0..400).map(synthetic_article).collect::<Vec<_>>().join("\n\n");
    let (status, headers, body) = send(&app, post(text, "text/plain")).await;
    assert_problem(status, &headers, &body, 503);
    assert!(headers.contains_key("retry-after"));
    // Nothing was stored from the request that ran out of time.
    let (_, _, list) = get(&app, "/articles?limit=1").await;
    assert_eq!(list["meta"]["total"], 5, "{list}");
}

#[actix_web::test]
async fn a_writer_that_cannot_get_the_write_lock_is_told_to_retry() {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    // Another process (`chiso ingest`, say) holds the write lock for longer than a writer waits.
    let other = rusqlite::Connection::open(t.db_path()).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let (status, headers, body) = send(&app, post(synthetic_article(77), "text/plain")).await;
    assert_problem(status, &headers, &body, 503);
    assert!(headers.contains_key("retry-after"), "{body}");
    other.execute_batch("ROLLBACK").unwrap();
    let (status, _, body) = send(&app, post(synthetic_article(77), "text/plain")).await;
    assert_eq!(status, 201, "once the lock is free: {body}");
}
