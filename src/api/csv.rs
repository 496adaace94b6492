//! CSV export of a whole filtered list, streamed as it is read from the store.

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web::Bytes;
use tokio::sync::mpsc;

use crate::domain::{ArticleSummary, Indicator};
use crate::store::StoreError;

/// Columns of the article export.
pub const ARTICLE_COLUMNS: &[&str] = &[
    "id",
    "title",
    "published_on",
    "event_date",
    "byline",
    "period",
    "locality_code",
    "locality_name",
    "indicator_count",
    "source_file",
    "source_url",
];

pub fn article_row(a: &ArticleSummary) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    vec![
        a.id.clone(),
        opt(a.title.clone()),
        opt(a.published_on.map(|d| d.to_string())),
        opt(a.event_date.map(|d| d.to_string())),
        opt(a.byline.clone()),
        opt(a.period.clone()),
        opt(a.locality.as_ref().map(|l| l.code.clone())),
        opt(a.locality.as_ref().map(|l| l.name.clone())),
        a.indicator_count.to_string(),
        opt(a.source_file.clone()),
        opt(a.source_url.clone()),
    ]
}

/// Columns of the indicator export.
pub const INDICATOR_COLUMNS: &[&str] = &[
    "id",
    "metric",
    "metric_name_en",
    "label",
    "value",
    "unit",
    "unit_noun",
    "denominator",
    "qualifier",
    "direction",
    "period",
    "locality_code",
    "locality_name",
    "locality_level",
    "article_id",
    "article_title",
    "evidence",
    "evidence_start",
    "evidence_end",
];

pub fn indicator_row(i: &Indicator) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let loc = i.locality.as_ref();
    vec![
        i.id.to_string(),
        i.metric.clone(),
        i.metric_name_en.clone(),
        i.label.clone(),
        i.value.to_string(),
        i.unit.as_str().to_owned(),
        opt(i.unit_noun.clone()),
        opt(i.denominator.map(|d| d.to_string())),
        opt(i.qualifier.clone()),
        i.direction.as_str().to_owned(),
        opt(i.period.clone()),
        opt(loc.map(|l| l.code.clone())),
        opt(loc.map(|l| l.name.clone())),
        opt(loc.map(|l| l.level.as_str().to_owned())),
        i.article_id.clone(),
        opt(i.article_title.clone()),
        i.evidence.text.clone(),
        i.evidence.start.to_string(),
        i.evidence.end.to_string(),
    ]
}

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
