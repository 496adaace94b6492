//! What the server writes to its log: nothing a client sent as a credential, and no more than
//! a few lines a minute about connections that clients broke, however many they break.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::dev::ServiceRequest;
use log::{Level, Log, Metadata, Record};

/// Lines a minute about broken client connections; the rest are counted.
const CLIENT_FAULTS_PER_WINDOW: u32 = 10;
const WINDOW: Duration = Duration::from_secs(60);

/// Starts logging to stderr at `RUST_LOG` (`info` by default).
pub fn init() {
    let inner = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).build();
    log::set_max_level(inner.filter());
    let quiet = Quiet {
        inner,
        window: Mutex::new(Window::starting(Instant::now())),
    };
    // Only fails when a logger is set already (as in tests): that one stays.
    let _ = log::set_boxed_logger(Box::new(quiet));
}

/// A logger that writes the HTTP library's reports of malformed requests and broken
/// connections as warnings, within a rate.
struct Quiet {
    inner: env_logger::Logger,
    window: Mutex<Window>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    started: Instant,
    written: u32,
    dropped: u32,
}

impl Window {
    fn starting(at: Instant) -> Window {
        Window {
            started: at,
            written: 0,
            dropped: 0,
        }
    }

    /// Whether a line may be written at `now`, and how many were dropped in the window that
    /// ended before it.
    fn admit(&mut self, now: Instant) -> (bool, u32) {
        let mut dropped_before = 0;
        if now.duration_since(self.started) >= WINDOW {
            dropped_before = self.dropped;
            *self = Window::starting(now);
        }
        if self.written < CLIENT_FAULTS_PER_WINDOW {
            self.written += 1;
            (true, dropped_before)
        } else {
            self.dropped += 1;
            (false, dropped_before)
        }
    }
}

/// A client's fault reported by the HTTP library (a malformed request, a connection broken
/// mid-response), not the server's.
fn is_client_fault(record: &Record) -> bool {
    record.target().starts_with("actix_http::h1") && record.level() <= Level::Warn
}

impl Log for Quiet {
    fn enabled(&self, metadata: &Metadata) -> bool {
        self.inner.enabled(metadata)
    }

    fn log(&self, record: &Record) {
        if !is_client_fault(record) {
            return self.inner.log(record);
        }
        let warning = Record::builder()
            .args(*record.args())
            .level(Level::Warn)
            .target(record.target())
            .module_path(record.module_path())
            .file(record.file())
            .line(record.line())
            .build();
        if !self.inner.enabled(warning.metadata()) {
            return;
        }
        let (write, dropped) = match self.window.lock() {
            Ok(mut window) => window.admit(Instant::now()),
            Err(_) => (true, 0),
        };
        if dropped > 0 {
            self.inner.log(
                &Record::builder()
                    .args(format_args!(
                        "{dropped} more broken client connections in the last minute were not logged"
                    ))
                    .level(Level::Warn)
                    .target(record.target())
                    .build(),
            );
        }
        if write {
            self.inner.log(&warning);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Query parameters whose values are credentials, by the words their names contain.
const SECRET_WORDS: [&str; 9] = [
    "token",
    "secret",
    "passw",
    "apikey",
    "auth",
    "signature",
    "credential",
    "session",
    "bearer",
];
const SECRET_NAMES: [&str; 4] = ["key", "sig", "pwd", "jwt"];

/// The request line for the access log, the value of every credential in its query replaced.
pub fn request_line(req: &ServiceRequest) -> String {
    let query = req.query_string();
    let query = if query.is_empty() {
        String::new()
    } else {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((name, _)) if is_secret(name) => format!("{name}=[redacted]"),
                _ => pair.to_owned(),
            })
            .collect();
        format!("?{}", pairs.join("&"))
    };
    format!("{} {}{query} {:?}", req.method(), req.path(), req.version())
}

fn is_secret(name: &str) -> bool {
    let folded: String = percent_decoded(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SECRET_NAMES.contains(&folded.as_str()) || SECRET_WORDS.iter().any(|w| folded.contains(w))
}

fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_named_whatever_their_spelling() {
        for name in [
            "token",
            "access_token",
            "API_KEY",
            "api%5Fkey",
            "key",
            "X-Auth",
            "password",
            "sig",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["q", "limit", "locality", "keyword", "metric", "sort"] {
            assert!(!is_secret(name), "{name}");
        }
    }

    #[test]
    fn a_window_writes_its_share_then_counts_and_reports_what_it_dropped() {
        let start = Instant::now();
        let mut window = Window::starting(start);
        let written = (0..25).filter(|_| window.admit(start).0).count();
        assert_eq!(written, CLIENT_FAULTS_PER_WINDOW as usize);
        assert_eq!(
            window.admit(start + WINDOW),
            (true, 25 - CLIENT_FAULTS_PER_WINDOW)
        );
        assert_eq!(window.admit(start + WINDOW).1, 0);
    }
}
