//! What `chiso ingest` and the seed folder read: text files, HTML pages, trafilatura's JSON
//! (one record a file, or JSON Lines) and WARC crawls, each turned into the texts to extract
//! with what their markup says of them, one at a time, so that a crawl of any size is read in
//! bounded memory.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::hosts::HostFilter;
use super::warc;
use crate::domain::Origin;
use crate::ingest::markup;

/// How a file is read, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputKind {
    Text,
    Html,
    /// One trafilatura record, or an array of them.
    TrafilaturaJson,
    /// trafilatura records, one a line.
    TrafilaturaLines,
    Warc {
        gzip: bool,
    },
}

impl InputKind {
    /// The kind a file's name says; `None` for a name no kind has.
    pub fn of(path: &Path) -> Option<InputKind> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let ext = |e: &str| name.ends_with(e);
        Some(match () {
            _ if ext(".txt") => InputKind::Text,
            _ if ext(".html") || ext(".htm") || ext(".xhtml") => InputKind::Html,
            _ if ext(".jsonl") || ext(".ndjson") => InputKind::TrafilaturaLines,
            _ if ext(".json") => InputKind::TrafilaturaJson,
            _ if ext(".warc") => InputKind::Warc { gzip: false },
            _ if ext(".warc.gz") => InputKind::Warc { gzip: true },
            _ => return None,
        })
    }

    /// Whether a file of this kind holds one article (its count is known before reading).
    pub fn is_single(self) -> bool {
        matches!(self, InputKind::Text | InputKind::Html)
    }
}

/// The files among `paths` that can be read, folders expanded (one level), sorted. A file
/// named on its own is read as text when its name says no other kind.
pub fn input_files(paths: &[PathBuf]) -> std::io::Result<Vec<(PathBuf, InputKind)>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in std::fs::read_dir(path)? {
                let p = entry?.path();
                if let Some(kind) = InputKind::of(&p).filter(|_| p.is_file()) {
                    files.push((p, kind));
                }
            }
        } else {
            files.push((path.clone(), InputKind::of(path).unwrap_or(InputKind::Text)));
        }
    }
    files.sort();
    Ok(files)
}

/// One article's worth of input: where it is from, and its text with its origin or why it
/// is skipped.
pub struct Document {
    pub name: String,
    pub read: Result<(String, Origin), String>,
}

/// What reading a file met besides articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Passed {
    /// Pages, and a crawl's other responses, of a host no `--host` names.
    pub filtered: usize,
}

/// Reads `path` as `kind`, handing each document to `each` (which says whether to go on);
/// an input larger than `max_bytes` is skipped as the API refuses such a body.
pub fn read_documents(
    path: &Path,
    kind: InputKind,
    max_bytes: usize,
    hosts: &HostFilter,
    each: &mut dyn FnMut(Document) -> bool,
) -> Passed {
    let name = path.display().to_string();
    let mut filtered = 0;
    let mut crawl_left_out = 0;
    let mut give = |doc: Document| {
        let url = doc.read.as_ref().ok().and_then(|(_, o)| o.source_url.as_deref());
        if doc.read.is_ok() && !hosts.allows(url) {
            filtered += 1;
            return true;
        }
        each(doc)
    };
    let read = match kind {
        InputKind::Text => whole(path, max_bytes)
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_owned()))
            .map(|text| {
                give(Document {
                    name: name.clone(),
                    read: Ok((text, Origin::default())),
                });
            }),
        InputKind::Html => whole(path, max_bytes)
            .and_then(|b| page(&b, None, None))
            .map(|read| {
                give(Document {
                    name: name.clone(),
                    read: Ok(read),
                });
            }),
        InputKind::TrafilaturaJson => whole(path, max_bytes).map(|b| json_records(&b, &name, &mut give)),
        InputKind::TrafilaturaLines => File::open(path)
            .map_err(|e| e.to_string())
            .map(|f| json_lines(BufReader::new(f), &name, max_bytes, &mut give)),
        InputKind::Warc { gzip } => File::open(path).map_err(|e| e.to_string()).map(|f| {
            let f = BufReader::with_capacity(1 << 20, f);
            let reader: Box<dyn Read> = match gzip {
                true => Box::new(flate2::read::MultiGzDecoder::new(f)),
                false => Box::new(f),
            };
            let reader = Box::new(BufReader::with_capacity(1 << 20, reader));
            crawl_left_out = warc::read_pages(reader, &name, max_bytes, hosts, &mut give);
        }),
    };
    if let Err(reason) = read {
        give(Document {
            name,
            read: Err(reason),
        });
    }
    Passed {
        filtered: filtered + crawl_left_out,
    }
}

/// A whole file, unless it is larger than an article may be.
fn whole(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let len = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if len > max_bytes as u64 {
        return Err(too_large(len, max_bytes));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// The records of a `.json` file: one record, or an array of them.
fn json_records(bytes: &[u8], name: &str, give: &mut dyn FnMut(Document) -> bool) {
    match serde_json::from_slice::<Value>(bytes) {
        Err(e) => {
            give(Document {
                name: name.to_owned(),
                read: Err(format!("malformed JSON: {e}")),
            });
        }
        Ok(Value::Array(items)) => {
            let each = |(i, item): (usize, &Value)| {
                give(Document {
                    name: format!("{name}[{i}]"),
                    read: record(item),
                })
            };
            items.iter().enumerate().all(each);
        }
        Ok(item) => {
            give(Document {
                name: name.to_owned(),
                read: record(&item),
            });
        }
    }
}

/// The records of a JSON Lines file, one a line, each line read up to `max_bytes`.
fn json_lines(mut lines: impl BufRead, name: &str, max_bytes: usize, give: &mut dyn FnMut(Document) -> bool) {
    let mut line = Vec::new();
    for number in 1.. {
        let read = match next_line(&mut lines, max_bytes, &mut line) {
            Err(e) => Err(e.to_string()),
            Ok(None) => return,
            Ok(Some(false)) => Err(format!(
                "a line of more than the {max_bytes} bytes an article may have"
            )),
            Ok(Some(true)) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(true)) => serde_json::from_slice::<Value>(&line)
                .map_err(|e| format!("malformed JSON: {e}"))
                .and_then(|v| record(&v)),
        };
        if !give(Document {
            name: format!("{name}:{number}"),
            read,
        }) {
            return;
        }
    }
}

/// Reads the next line of `reader` into `line`, at most `max` bytes of it: `Some(false)` for a
/// longer line (skipped to its end), `None` at the end.
fn next_line(reader: &mut impl BufRead, max: usize, line: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    line.clear();
    if reader.by_ref().take(max as u64 + 1).read_until(b'\n', line)? == 0 {
        return Ok(None);
    }
    if line.len() > max && line.last() != Some(&b'\n') {
        reader.skip_until(b'\n')?;
        return Ok(Some(false));
    }
    Ok(Some(true))
}

pub(super) fn too_large(len: u64, max: usize) -> String {
    format!("{len} bytes, more than the {max} an article may have (CHISO_MAX_BODY_BYTES)")
}

/// A page's text and origin from its bytes; `sent_url` (where it was fetched) overrides its
/// canonical address.
pub fn page(bytes: &[u8], charset: Option<&str>, sent_url: Option<&str>) -> Result<(String, Origin), String> {
    let page = markup::read_html(bytes, charset, sent_url).map_err(|e| e.to_string())?;
    Ok((page.text, page.origin))
}

fn record(value: &Value) -> Result<(String, Origin), String> {
    let map = value.as_object().ok_or("not a JSON object")?;
    let page = markup::read_trafilatura(map).map_err(|e| e.to_string())?;
    Ok((page.text, page.origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_longer_than_an_article_may_be_is_skipped_whole_and_the_next_read() {
        let mut reader = std::io::Cursor::new(b"{\"a\": 1}\n0123456789abcdef\nxy".to_vec());
        let mut line = Vec::new();
        assert_eq!(next_line(&mut reader, 10, &mut line).unwrap(), Some(true));
        assert_eq!(line, b"{\"a\": 1}\n");
        assert_eq!(next_line(&mut reader, 10, &mut line).unwrap(), Some(false));
        assert_eq!(next_line(&mut reader, 10, &mut line).unwrap(), Some(true));
        assert_eq!(line, b"xy");
        assert_eq!(next_line(&mut reader, 10, &mut line).unwrap(), None);
    }

    #[test]
    fn a_file_is_read_by_the_kind_its_name_says() {
        let kind = |n: &str| InputKind::of(Path::new(n));
        assert_eq!(kind("a/crawl.WARC.gz"), Some(InputKind::Warc { gzip: true }));
        assert_eq!(kind("b.warc"), Some(InputKind::Warc { gzip: false }));
        assert_eq!(kind("c.jsonl"), Some(InputKind::TrafilaturaLines));
        assert_eq!(kind("d.json"), Some(InputKind::TrafilaturaJson));
        assert_eq!(kind("e.htm"), Some(InputKind::Html));
        assert_eq!(kind("f.txt"), Some(InputKind::Text));
        assert_eq!(kind("g.pdf"), None);
    }
}
