//! Builds an app on a fresh store per test, seeded from the repository's `seed/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test;
use chiso::api::AppState;
use chiso::domain::Gazetteer;
use chiso::store::Store;
use serde_json::Value;
use tempfile::TempDir;

/// An app under test: a service answering requests with bodies of type `B`.
pub trait TestApp<B>:
    Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

impl<S, B> TestApp<B> for S where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

pub const MAX_BODY: usize = 1024 * 1024;
/// The write token every test app is configured with.
pub const TOKEN: &str = "test-token-5f2c";

pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
}

/// A store in its own temporary folder; the folder lives as long as this value.
pub struct TestStore {
    pub dir: TempDir,
    pub store: Store,
}

impl TestStore {
    pub fn empty() -> TestStore {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("chiso.sqlite3")).expect("store opens");
        TestStore { dir, store }
    }

    pub fn seeded() -> (TestStore, Gazetteer) {
        let t = TestStore::empty();
        let (g, _) = chiso::seed::seed(&t.store, &seed_dir()).expect("seed loads");
        (t, g)
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("chiso.sqlite3")
    }

    pub fn state(&self, gazetteer: Gazetteer) -> AppState {
        AppState::new(self.store.clone(), Arc::new(gazetteer), Some(Arc::from(TOKEN)))
    }
}

/// The app service for one test.
pub async fn app(
    state: AppState,
) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
{
    test::init_service(chiso::build_app(state, MAX_BODY)).await
}

/// The app on a freshly seeded store. Keep the returned store alive for the test.
pub async fn seeded_app() -> (
    TestStore,
    impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>,
) {
    let (t, g) = TestStore::seeded();
    let app = app(t.state(g)).await;
    (t, app)
}

/// Status, headers and parsed JSON body of a GET.
pub async fn get<S, B>(app: &S, uri: &str) -> (u16, actix_web::http::header::HeaderMap, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = test::call_service(app, test::TestRequest::get().uri(uri).to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = test::read_body(res).await;
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, headers, body)
}

pub fn content_type(headers: &actix_web::http::header::HeaderMap) -> String {
    headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// Asserts an RFC 9457 problem with this status.
pub fn assert_problem(status: u16, headers: &actix_web::http::header::HeaderMap, body: &Value, want: u16) {
    assert_eq!(status, want, "status; body {body}");
    assert_eq!(content_type(headers), "application/problem+json");
    assert_eq!(body["status"], want);
    assert!(body["title"].is_string() && body["type"].is_string(), "{body}");
    assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()), "{body}");
}

/// A distinct article of the seeds' genre, number `n`: another province, other figures.
pub fn synthetic_article(n: usize) -> String {
    const PROVINCES: [&str; 6] = [
        "Bắc Kạn",
        "Ninh Thuận",
        "Hậu Giang",
        "Nghệ An",
        "Thái Bình",
        "Lào Cai",
    ];
    let province = PROVINCES[n % PROVINCES.len()];
    format!(
        "Tỉnh {province} sơ kết công tác dân vận 6 tháng đầu năm {year} (bài {n})\n\n\
         {day:02}/07/{year}\n\n\
         6 tháng đầu năm {year}, tỉnh {province} đạt nhiều kết quả. Tốc độ tăng trưởng kinh tế đạt {g},{d}%; \
         tỷ lệ hộ nghèo giảm {p},{d}% còn {q},{d}%. Toàn tỉnh có {m} mô hình “Dân vận khéo”; \
         đã giải quyết {r}/{s} đơn thư.\n\n\
         Phóng Viên",
        year = 2010 + n % 14,
        day = 1 + n % 28,
        g = 3 + n % 7,
        d = 10 + n % 89,
        p = 1 + n % 3,
        q = 4 + n % 20,
        m = 50 + n,
        r = 10 + n % 40,
        s = 60 + n % 40,
    )
}

/// An optional id, period or key as its text, for comparing with literals.
pub fn text<T: ToString>(x: &Option<T>) -> Option<String> {
    x.as_ref().map(ToString::to_string)
}

/// The id the API gives a unit named by any of its accepted forms (`"06"` → `"2024-p06"`).
pub fn place_id(alias: &str) -> String {
    alias
        .parse::<chiso::domain::PlaceId>()
        .expect("a locality id")
        .to_string()
}

/// Ids as their text.
pub fn texts<T: ToString>(xs: &[T]) -> Vec<String> {
    xs.iter().map(ToString::to_string).collect()
}

/// A POST of an article with the test token.
pub fn post(body: impl Into<Vec<u8>>, content_type: &str) -> test::TestRequest {
    test::TestRequest::post()
        .uri("/articles")
        .insert_header(("content-type", content_type.to_owned()))
        .insert_header(("authorization", format!("Bearer {TOKEN}")))
        .set_payload(body.into())
}

/// Status, headers and parsed JSON body of a request.
pub async fn send<S, B>(app: &S, req: test::TestRequest) -> (u16, actix_web::http::header::HeaderMap, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let res = test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = serde_json::from_slice(&test::read_body(res).await).unwrap_or(Value::Null);
    (status, headers, body)
}

/// Starts the binary on `db` on a free port, logging by `rust_log`: its address, the lines it
/// logged up to listening, and the rest as they come.
pub fn start_binary(
    db: &std::path::Path,
    rust_log: &str,
) -> (
    std::process::Child,
    std::net::SocketAddr,
    Vec<String>,
    std::sync::mpsc::Receiver<String>,
) {
    start_binary_with(db, rust_log, &[])
}

/// [`start_binary`] with further environment variables (`CHISO_API_TOKEN`).
pub fn start_binary_with(
    db: &std::path::Path,
    rust_log: &str,
    envs: &[(&str, &str)],
) -> (
    std::process::Child,
    std::net::SocketAddr,
    Vec<String>,
    std::sync::mpsc::Receiver<String>,
) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chiso"))
        .env("CHISO_SEED_DIR", seed_dir())
        .env("CHISO_DB", db)
        .env("CHISO_BIND", "127.0.0.1:0")
        .env("RUST_LOG", rust_log)
        .envs(envs.iter().copied())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut early = Vec::new();
    let addr = loop {
        let line = lines
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the server starts");
        let at = line
            .split("listening on http://")
            .nth(1)
            .map(|a| a.trim().parse().unwrap());
        early.push(line);
        if let Some(addr) = at {
            break addr;
        }
    };
    (child, addr, early, lines)
}

/// Status, headers and text body of a request.
pub async fn body_text<S: TestApp<B>, B: MessageBody>(
    app: &S,
    req: test::TestRequest,
) -> (u16, actix_web::http::header::HeaderMap, String) {
    let (status, headers, bytes) = body_bytes(app, req).await;
    (status, headers, String::from_utf8(bytes).unwrap())
}

/// Status, headers and body of a request, as sent.
pub async fn body_bytes<S: TestApp<B>, B: MessageBody>(
    app: &S,
    req: test::TestRequest,
) -> (u16, actix_web::http::header::HeaderMap, Vec<u8>) {
    let res = test::call_service(app, req.to_request()).await;
    let (status, headers) = (res.status().as_u16(), res.headers().clone());
    (status, headers, test::read_body(res).await.to_vec())
}
