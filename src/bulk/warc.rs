//! HTML pages out of a WARC crawl (Common Crawl, `wget --warc-file`, warcio): the `response`
//! records whose HTTP response is a 200 with an HTML body, read one at a time with the `warc`
//! crate; their transfer and content codings undone; the fetched address kept as the page's.

use std::io::{BufRead, Read};

use warc::{RecordType, WarcHeader, WarcReader};

use super::hosts::HostFilter;
use super::inputs::{Document, page, too_large};

/// Hands every HTML page of the crawl to `each` (which says whether to go on); how many pages
/// the host filter left out. A record that cannot be read ends the file, reported as one
/// failed document.
pub fn read_pages(
    reader: Box<dyn BufRead>,
    name: &str,
    max_bytes: usize,
    hosts: &HostFilter,
    each: &mut dyn FnMut(Document) -> bool,
) -> usize {
    let mut filtered = 0;
    let mut reader = WarcReader::new(reader);
    let mut records = reader.stream_records();
    while let Some(record) = records.next_item() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                each(Document {
                    name: name.to_owned(),
                    read: Err(format!("unreadable WARC record: {e}")),
                });
                break;
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let uri = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim_matches(['<', '>']).to_owned());
        if !hosts.allows(uri.as_deref()) {
            filtered += 1;
            continue;
        }
        let doc_name = uri
            .clone()
            .unwrap_or_else(|| format!("{name}#{}", record.warc_id()));
        let len = record.content_length();
        // Headers plus a body the API would take.
        if len > max_bytes as u64 + 64 * 1024 {
            let read = Err(too_large(len, max_bytes));
            if !each(Document { name: doc_name, read }) {
                break;
            }
            continue;
        }
        let read = record
            .into_buffered()
            .map_err(|e| format!("unreadable WARC record: {e}"))
            .and_then(|r| http_page(&r.into_raw_parts().1, max_bytes));
        let read = match read {
            Ok(None) => continue,
            Ok(Some(html)) => page(&html.bytes, html.charset.as_deref(), uri.as_deref()),
            Err(e) => Err(e),
        };
        if !each(Document { name: doc_name, read }) {
            break;
        }
    }
    filtered
}

/// An HTML body with the charset its response declares.
#[derive(Debug, PartialEq, Eq)]
struct HtmlBody {
    charset: Option<String>,
    bytes: Vec<u8>,
}

/// The HTML body of an HTTP response; `None` when it is no HTML page (a redirect, an error,
/// an image).
fn http_page(payload: &[u8], max_bytes: usize) -> Result<Option<HtmlBody>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let head = match response.parse(payload) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("the HTTP response in the record is cut off".into()),
        Err(e) => return Err(format!("the record holds no HTTP response: {e}")),
    };
    if response.code != Some(200) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    let mut params = content_type.split(';').map(str::trim);
    if !matches!(params.next(), Some("text/html" | "application/xhtml+xml")) {
        return Ok(None);
    }
    let charset = params
        .find_map(|p| p.strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_owned())
        .filter(|c| !c.is_empty());
    let mut body = payload[head..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    let coding = header("content-encoding").unwrap_or_default();
    let limit = max_bytes as u64 + 1;
    let decoded = match coding.trim() {
        "" | "identity" => body,
        "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)?,
        "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), limit)?,
        "br" => inflate(brotli::Decompressor::new(&body[..], 4096), limit)?,
        other => {
            return Err(format!(
                "a page in the content coding {other:?}, which is not undone here"
            ));
        }
    };
    if decoded.len() > max_bytes {
        return Err(format!(
            "a page of more than the {max_bytes} bytes an article may have (CHISO_MAX_BODY_BYTES)"
        ));
    }
    Ok(Some(HtmlBody {
        charset,
        bytes: decoded,
    }))
}

fn inflate(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| format!("the page's compressed body is broken: {e}"))?;
    Ok(out)
}

/// A body sent with `Transfer-Encoding: chunked`, joined.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let broken = || "the page's chunked body is malformed".to_owned();
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").ok_or_else(broken)?;
        let size_text = std::str::from_utf8(&body[..line_end]).map_err(|_| broken())?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| broken())?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if body.len() < size + 2 {
            return Err(broken());
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_http_response_gives_its_html_body_undoing_its_codings() {
        let page = http_page(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1258\r\n\r\n<p>x</p>",
            100,
        )
        .unwrap();
        assert_eq!(
            page,
            Some(HtmlBody {
                charset: Some("windows-1258".into()),
                bytes: b"<p>x</p>".to_vec()
            })
        );
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n5;x=1\r\nx</p>\r\n0\r\n\r\n";
        assert_eq!(
            http_page(chunked, 100).unwrap(),
            Some(HtmlBody {
                charset: None,
                bytes: b"<p>x</p>".to_vec()
            })
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>x</p>").unwrap();
        let mut zipped =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        zipped.extend(gz.finish().unwrap());
        assert_eq!(
            http_page(&zipped, 100).unwrap(),
            Some(HtmlBody {
                charset: None,
                bytes: b"<p>x</p>".to_vec()
            })
        );
    }

    #[test]
    fn redirects_images_and_broken_responses_are_no_pages() {
        assert_eq!(
            http_page(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n", 100).unwrap(),
            None
        );
        assert_eq!(
            http_page(
                b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8",
                100
            )
            .unwrap(),
            None
        );
        assert!(http_page(b"HTTP/1.1 200 OK\r\nContent-Ty", 100).is_err());
        assert!(
            http_page(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                100
            )
            .is_err()
        );
        let big = [
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".as_slice(),
            &[b'a'; 200],
        ]
        .concat();
        assert!(http_page(&big, 100).is_err());
    }
}
