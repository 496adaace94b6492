//! CSV export of a whole filtered list, streamed as it is read from the store.

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web::Bytes;
use tokio::sync::mpsc;

use crate::store::StoreError;

/// Bytes gathered before a chunk goes out.
const CHUNK: usize = 64 * 1024;

/// Where rows go: a buffer flushed to the response body.
pub struct CsvSink {
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    buf: String,
}

impl CsvSink {
    /// Appends one row; `false` once the client has gone away.
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
        self.buf.is_empty()
            || self
                .tx
                .blocking_send(Ok(Bytes::from(std::mem::take(&mut self.buf))))
                .is_ok()
    }
}

/// RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a `'`.
fn push_field(buf: &mut String, f: &str) {
    let formula = f.starts_with(['=', '+', '@', '\t', '\r']);
    if f.contains([',', '"', '\n', '\r']) || formula {
        buf.push('"');
        if formula {
            buf.push('\'');
        }
        buf.push_str(&f.replace('"', "\"\""));
        buf.push('"');
    } else {
        buf.push_str(f);
    }
}

/// A `200 text/csv` response whose rows `produce` writes from a blocking thread.
pub fn stream(
    filename: &str,
    header_row: &'static [&'static str],
    produce: impl FnOnce(&mut CsvSink) -> Result<(), StoreError> + Send + 'static,
) -> HttpResponse {
    let (tx, mut rx) = mpsc::channel(8);
    actix_web::rt::task::spawn_blocking(move || {
        let mut sink = CsvSink {
            tx,
            buf: String::from("\u{feff}"),
        };
        sink.push(header_row);
        match produce(&mut sink) {
            Ok(()) => {
                sink.flush();
            }
            Err(e) => {
                log::error!("CSV export stopped: {e}");
                let _ = sink.tx.blocking_send(Err(std::io::Error::other("export failed")));
            }
        }
    });
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .streaming(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        let mut buf = String::new();
        for f in ["plain", "a,b", "say \"hi\"", "=SUM(A1)", "tỷ lệ"] {
            push_field(&mut buf, f);
            buf.push('|');
        }
        assert_eq!(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"'=SUM(A1)\"|tỷ lệ|");
    }
}
