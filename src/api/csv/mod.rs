//! CSV export of a whole filtered list, streamed as it is read from the store.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;
use std::time::Duration;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::SendTimeoutError;

use super::blocking;
use super::framing::is_head;
use crate::error::ApiError;
use crate::store::{ExportConn, Store, StoreError};

mod rows;
use rows::push_field;
pub use rows::{ARTICLE_COLUMNS, INDICATOR_COLUMNS, article_row, indicator_row};

/// Bytes gathered before a chunk goes out.
const CHUNK: usize = 16 * 1024;

/// Chunks waiting for the client; with the socket's own buffers, what a slow client leaves
/// unread before the export waits.
const QUEUED_CHUNKS: usize = 8;

/// How long an export waits for its client to take a chunk before it stops (nginx's
/// `send_timeout`): a client that reads nothing frees its export slot.
const STALL_LIMIT: Duration = Duration::from_secs(60);

/// Where rows go: a buffer flushed to the response body.
pub struct CsvSink {
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    runtime: tokio::runtime::Handle,
    buf: String,
    /// Why the export stopped before its end, if it did.
    stopped: Option<&'static str>,
}

impl CsvSink {
    /// Appends one row; `false` once the export must stop (the client left or stalled).
    pub fn push<S: AsRef<str>>(&mut self, fields: &[S]) -> bool {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(',');
            }
            push_field(&mut self.buf, f.as_ref());
        }
        self.buf.push_str("\r\n");
        self.buf.len() < CHUNK || self.flush()
    }

    fn flush(&mut self) -> bool {
        if self.buf.is_empty() || self.stopped.is_some() {
            return self.stopped.is_none();
        }
        let chunk = Ok(Bytes::from(std::mem::take(&mut self.buf)));
        match self.runtime.block_on(self.tx.send_timeout(chunk, STALL_LIMIT)) {
            Ok(()) => true,
            Err(SendTimeoutError::Closed(_)) => {
                self.stopped = Some("the client went away");
                false
            }
            Err(SendTimeoutError::Timeout(_)) => {
                self.stopped = Some("the client took nothing for a minute");
                false
            }
        }
    }
}

/// A CSV export of what `produce` writes from a connection of its own (so that a slow
/// download holds no pooled connection): 429 with `Retry-After` while the server streams as
/// many exports as it allows; headers alone, and no export, for a `HEAD`.
pub async fn export(
    req: &HttpRequest,
    store: &Store,
    filename: &str,
    header_row: &'static [&'static str],
    produce: impl FnOnce(&ExportConn, &mut CsvSink) -> Result<(), StoreError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    if is_head(req) {
        return Ok(csv_response(filename).finish());
    }
    let store = store.clone();
    let export = blocking(move || store.export_conn()).await?.ok_or_else(|| {
        ApiError::too_many(
            "the server is streaming as many exports as it allows; try again shortly, or page through the JSON list",
            10,
        )
    })?;
    Ok(stream(filename, header_row, move |sink| produce(&export, sink)))
}

fn csv_response(filename: &str) -> HttpResponseBuilder {
    let mut res = HttpResponse::Ok();
    res.content_type("text/csv; charset=utf-8").insert_header((
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{filename}\""),
    ));
    res
}

/// A `200 text/csv` response whose rows `produce` writes from a blocking thread. An export
/// that stops before its end (a store error, a stalled client) ends the body with an error,
/// so that the client sees a broken transfer, never a short file that looks whole.
fn stream(
    filename: &str,
    header_row: &'static [&'static str],
    produce: impl FnOnce(&mut CsvSink) -> Result<(), StoreError> + Send + 'static,
) -> HttpResponse {
    let (tx, mut rx) = mpsc::channel(QUEUED_CHUNKS);
    let broken = Arc::new(AtomicBool::new(false));
    let producer_broken = broken.clone();
    let runtime = tokio::runtime::Handle::current();
    actix_web::rt::task::spawn_blocking(move || {
        let mut sink = CsvSink {
            tx,
            runtime,
            buf: String::from("\u{feff}"),
            stopped: None,
        };
        sink.push(header_row);
        let outcome = produce(&mut sink);
        sink.flush();
        let broken_off = match (&outcome, sink.stopped) {
            (Err(e), _) => {
                log::error!("CSV export stopped: {e}");
                true
            }
            (Ok(()), Some(why)) => {
                log::info!("CSV export stopped: {why}");
                true
            }
            (Ok(()), None) => false,
        };
        // Set before the channel closes, so that the body sees it when it ends.
        producer_broken.store(broken_off, Ordering::Release);
        drop(sink);
    });
    let body = futures_util::stream::poll_fn(move |cx| match rx.poll_recv(cx) {
        Poll::Ready(None) if broken.swap(false, Ordering::AcqRel) => Poll::Ready(Some(Err(
            std::io::Error::other("the export stopped before its end"),
        ))),
        polled => polled,
    });
    csv_response(filename).streaming(body)
}
