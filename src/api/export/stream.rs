//! A whole filtered list streamed as CSV or NDJSON while it is read from the store, on a
//! connection of its own so that a slow download holds no pooled connection.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;
use std::time::Duration;

use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::SendTimeoutError;

use super::csv::push_field;
use super::{Fields, Format, Output, Tabular};
use crate::api::framing::is_head;
use crate::api::state::blocking;
use crate::error::ApiError;
use crate::store::{ExportConn, Store, StoreError};

/// Bytes gathered before a chunk goes out.
const CHUNK: usize = 16 * 1024;

/// Chunks waiting for the client; with the socket's own buffers, what a slow client leaves
/// unread before the export waits.
const QUEUED_CHUNKS: usize = 8;

/// How long an export waits for its client to take a chunk before it stops (nginx's
/// `send_timeout`): a client that reads nothing frees its export slot.
const STALL_LIMIT: Duration = Duration::from_secs(60);

/// How one item becomes bytes: CSV cells under the kept columns, or a JSON line.
pub(super) enum Encoder {
    Csv { keep: Option<Vec<usize>>, bom: bool },
    Ndjson { fields: Option<Fields> },
}

impl Encoder {
    pub(super) fn new<T: Tabular>(output: &Output) -> Encoder {
        match output.format {
            Format::Csv => Encoder::Csv {
                keep: output.fields.as_ref().map(|f| f.columns::<T>()),
                bom: output.bom,
            },
            _ => Encoder::Ndjson {
                fields: output.fields.clone(),
            },
        }
    }

    /// What comes before the first item: the CSV header row.
    pub(super) fn header<T: Tabular>(&self) -> String {
        match self {
            Encoder::Csv { keep, bom } => {
                let mut buf = String::from(if *bom { "\u{feff}" } else { "" });
                push_row(&mut buf, T::columns(), keep.as_deref());
                buf
            }
            Encoder::Ndjson { .. } => String::new(),
        }
    }

    pub(super) fn encode<T: Tabular>(&self, item: &T, buf: &mut String) {
        match self {
            Encoder::Csv { keep, .. } => push_row(buf, &item.cells(), keep.as_deref()),
            Encoder::Ndjson { fields } => {
                let value = serde_json::to_value(item).unwrap_or_default();
                buf.push_str(&super::select(value, fields.as_ref()).to_string());
                buf.push('\n');
            }
        }
    }
}

fn push_row<S: AsRef<str>>(buf: &mut String, cells: &[S], keep: Option<&[usize]>) {
    let mut first = true;
    for (i, cell) in cells.iter().enumerate() {
        if keep.is_some_and(|k| !k.contains(&i)) {
            continue;
        }
        if !first {
            buf.push(',');
        }
        first = false;
        push_field(buf, cell.as_ref());
    }
    buf.push_str("\r\n");
}

/// Where items go: a buffer flushed to the response body.
pub struct Sink {
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    runtime: tokio::runtime::Handle,
    encoder: Encoder,
    buf: String,
    /// Why the export stopped before its end, if it did.
    stopped: Option<&'static str>,
}

impl Sink {
    /// Appends one item; `false` once the export must stop (the client left or stalled).
    pub fn push<T: Tabular>(&mut self, item: &T) -> bool {
        self.encoder.encode(item, &mut self.buf);
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

/// An export of what `produce` writes, in `output`'s format: 429 with `Retry-After` while the
/// server streams as many exports as it allows; headers alone, and no export, for a `HEAD`.
/// An export that stops before its end (a store error, a stalled client) ends the body with
/// an error, so that the client sees a broken transfer, never a short file that looks whole.
pub async fn stream<T: Tabular>(
    req: &HttpRequest,
    store: &Store,
    output: &Output,
    name: &str,
    produce: impl FnOnce(&ExportConn, &mut Sink) -> Result<(), StoreError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    if is_head(req) {
        return Ok(output.response(name).finish());
    }
    let store = store.clone();
    let export = blocking(move || store.export_conn()).await?.ok_or_else(|| {
        ApiError::too_many(
            "the server is streaming as many exports as it allows; try again shortly, or page through the JSON list",
            10,
        )
    })?;
    let encoder = Encoder::new::<T>(output);
    let (tx, mut rx) = mpsc::channel(QUEUED_CHUNKS);
    let broken = Arc::new(AtomicBool::new(false));
    let producer_broken = broken.clone();
    let runtime = tokio::runtime::Handle::current();
    actix_web::rt::task::spawn_blocking(move || {
        let mut sink = Sink {
            tx,
            runtime,
            buf: encoder.header::<T>(),
            encoder,
            stopped: None,
        };
        let outcome = produce(&export, &mut sink);
        sink.flush();
        let broken_off = match (&outcome, sink.stopped) {
            (Err(e), _) => {
                log::error!("export stopped: {e}");
                true
            }
            (Ok(()), Some(why)) => {
                log::info!("export stopped: {why}");
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
    Ok(output.response(name).streaming(body))
}
