//! HTTP on the wire, as clients may bend it: two framings of one body, chunked bodies,
//! `HEAD`, credentials in the query, floods of malformed requests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use actix_web::dev::ServerHandle;
use actix_web::{HttpServer, rt};
use chiso::api::AppState;

use crate::support::{MAX_BODY, TestStore, start_binary, synthetic_article};

/// The app served over TCP on a free port, as clients meet it.
fn serve(state: AppState) -> (SocketAddr, ServerHandle) {
    let server = HttpServer::new(move || chiso::build_app(state.clone(), MAX_BODY))
        .on_connect(chiso::api::framing::on_connect)
        .workers(1)
        .bind("127.0.0.1:0")
        .unwrap();
    let addr = server.addrs()[0];
    let server = server.run();
    let handle = server.handle();
    rt::spawn(server);
    (addr, handle)
}

/// Sends `request` as raw bytes and reads what comes back until the server closes the
/// connection (`true`) or goes quiet for two seconds (`false`).
async fn exchange(addr: SocketAddr, request: Vec<u8>) -> (String, bool) {
    rt::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
        stream.write_all(&request).unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 65536];
        let closed = loop {
            match stream.read(&mut buf) {
                Ok(0) => break true,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(_) => break false,
            }
        };
        (String::from_utf8_lossy(&got).into_owned(), closed)
    })
    .await
    .unwrap()
}

#[actix_web::test]
async fn a_body_framed_both_by_length_and_by_chunks_is_refused_and_the_connection_closed() {
    let (t, g) = TestStore::seeded();
    let (addr, server) = serve(t.state(g));
    // Read by its length, the body is "0\r\n\r\n" and a second request follows; read by its
    // chunks, the second request is part of this one. Either reading is a smuggle.
    let smuggled = "POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\
                    Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    let (raw, closed) = exchange(addr, smuggled.into()).await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    let statuses: Vec<&str> = raw.lines().filter(|l| l.starts_with("HTTP/1.1 ")).collect();
    assert!(
        statuses.iter().all(|s| s.starts_with("HTTP/1.1 400")),
        "nothing after the refused request is served: {raw}"
    );
    assert!(raw.contains("application/problem+json"), "{raw}");
    assert!(closed, "the connection is closed: {raw}");
    // A well-framed request on a new connection is served.
    let (raw, _) = exchange(
        addr,
        b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 200"), "{raw}");
    server.stop(false).await;
}

/// A chunked request for `POST /articles` of `text` in two chunks, with `trailer` after them.
fn chunked_post(text: &str, trailer: &str) -> Vec<u8> {
    let middle = (text.len() / 2..).find(|&i| text.is_char_boundary(i)).unwrap();
    let (head, tail) = text.split_at(middle);
    format!(
        "POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n\
         {:x}\r\n{head}\r\n{:x}\r\n{tail}\r\n0\r\n{trailer}\r\n",
        crate::support::TOKEN,
        head.len(),
        tail.len(),
    )
    .into_bytes()
}

#[actix_web::test]
async fn chunked_bodies_are_read_whole_and_trailers_are_refused_with_a_problem() {
    let (t, g) = TestStore::seeded();
    let (addr, server) = serve(t.state(g));
    let (raw, _) = exchange(addr, chunked_post(&synthetic_article(4242), "")).await;
    assert!(raw.starts_with("HTTP/1.1 201"), "{raw}");
    assert!(raw.contains("đơn thư"), "the whole text was stored: {raw}");
    // actix-http's chunked decoder does not read trailer fields: the body is refused, saying
    // why, rather than stored short.
    let (raw, closed) = exchange(
        addr,
        chunked_post(&synthetic_article(4243), "X-Checksum: none\r\n"),
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 400"), "{raw}");
    assert!(
        raw.contains("application/problem+json") && raw.contains("trailers"),
        "{raw}"
    );
    assert!(closed, "{raw}");
    server.stop(false).await;
}

#[actix_web::test]
async fn head_answers_wherever_get_does_without_a_body() {
    let (t, g) = TestStore::seeded();
    let (addr, server) = serve(t.state(g));
    for path in [
        "/health",
        "/ready",
        "/articles?limit=2",
        "/indicators?format=csv",
        "/localities/2025-19/summary",
        "/openapi.json",
        "/docs/",
    ] {
        let (get, _) = exchange(
            addr,
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").into(),
        )
        .await;
        let (head, closed) = exchange(
            addr,
            format!("HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").into(),
        )
        .await;
        let status = |raw: &str| raw.lines().next().unwrap_or_default().to_owned();
        assert_eq!(status(&head), status(&get), "{path}");
        assert!(status(&head).contains(" 200 "), "{path}: {head}");
        assert!(
            closed && head.ends_with("\r\n\r\n"),
            "{path}: no body after the headers: {head}"
        );
        let content_type = |raw: &str| {
            raw.lines()
                .find(|l| l.to_ascii_lowercase().starts_with("content-type:"))
                .map(str::to_owned)
        };
        assert_eq!(content_type(&head), content_type(&get), "{path}");
    }
    server.stop(false).await;
}

#[actix_web::test]
async fn the_access_log_hides_query_credentials_and_malformed_requests_cannot_flood_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr, _, lines) = start_binary(&dir.path().join("chiso.sqlite3"), "info");
    for _ in 0..40 {
        exchange(addr, b"GARBAGE\r\n\r\n".to_vec()).await;
    }
    let (raw, _) = exchange(
        addr,
        b"GET /health?access_token=s3cr3t&q=x&api%5Fkey=k3y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            .to_vec(),
    )
    .await;
    assert!(raw.starts_with("HTTP/1.1 200"), "{raw}");
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    let log: Vec<String> = lines.try_iter().collect();
    let text = log.join("\n");
    assert!(!text.contains("s3cr3t") && !text.contains("k3y"), "{text}");
    assert!(text.contains("access_token=[redacted]&q=x"), "{text}");
    assert!(!log.iter().any(|l| l.contains("ERROR")), "{text}");
    let malformed = log
        .iter()
        .filter(|l| l.contains("WARN") && l.contains("parse"))
        .count();
    assert!(
        (1..=10).contains(&malformed),
        "{malformed} lines for 40 malformed requests:\n{text}"
    );
}
