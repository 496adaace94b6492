//! Answers kept as the bytes they are sent as: the JSON serialized once, a gzip and a brotli
//! copy, and the ETag, per request and store generation. A read of a kept answer costs a
//! lookup and a reference count, not a serialization, a compression and a hash; a write
//! moves the generation on and the next read makes it again.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};

use super::state::{AppState, blocking};
use crate::error::ApiError;
use crate::store::{Store, StoreError};

/// Bytes kept at most, every copy counted; past it answers of older generations go first.
const CAPACITY_BYTES: usize = 48 << 20;

/// Brotli quality: near gzip's speed at a smaller size (11, the densest, is 30 times slower).
const BROTLI_QUALITY: u32 = 5;

/// One answer as sent.
#[derive(Debug)]
pub struct Kept {
    json: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    etag: HeaderValue,
    link: Option<HeaderValue>,
}

impl Kept {
    /// Compresses `json` both ways and tags it as the caching middleware tags any answer.
    pub fn new(json: Vec<u8>, link: Option<String>) -> Result<Kept, std::io::Error> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&json)?;
        let gzip = gz.finish()?;
        let mut brotli = Vec::new();
        {
            let mut br = brotli::CompressorWriter::new(&mut brotli, 16 << 10, BROTLI_QUALITY, 22);
            br.write_all(&json)?;
        }
        let etag = HeaderValue::from_str(&super::caching::weak_tag(&json)).map_err(std::io::Error::other)?;
        let link = link.and_then(|l| HeaderValue::from_str(&l).ok());
        Ok(Kept {
            json: json.into(),
            gzip: gzip.into(),
            brotli: brotli.into(),
            etag,
            link,
        })
    }

    fn size(&self) -> usize {
        self.json.len() + self.gzip.len() + self.brotli.len()
    }

    /// 200 in the best encoding the request accepts: brotli, gzip, else the plain bytes.
    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        let accepted = |name: &str| accepts(req, name);
        let (encoding, body) = if accepted("br") {
            ("br", self.brotli.clone())
        } else if accepted("gzip") {
            ("gzip", self.gzip.clone())
        } else {
            ("identity", self.json.clone())
        };
        let mut res = HttpResponse::Ok();
        res.content_type("application/json")
            .insert_header((header::CONTENT_ENCODING, encoding))
            .insert_header((header::VARY, "accept, accept-encoding"))
            .insert_header((header::ETAG, self.etag.clone()));
        if let Some(link) = &self.link {
            res.insert_header((header::LINK, link.clone()));
        }
        res.body(body)
    }
}

/// Whether `Accept-Encoding` names `coding` (or `*`) without `q=0`.
pub(super) fn accepts(req: &HttpRequest, coding: &str) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
        })
}

/// The kept answers of a server, by request.
#[derive(Default)]
pub struct KeptAnswers {
    entries: Mutex<HashMap<String, (i64, Arc<Kept>)>>,
}

impl KeptAnswers {
    fn get(&self, key: &str, generation: i64) -> Option<Arc<Kept>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(g, _)| *g == generation)
            .map(|(_, k)| k.clone())
    }

    fn put(&self, key: String, generation: i64, kept: Arc<Kept>) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        let held: usize = entries.values().map(|(_, k)| k.size()).sum();
        if held + kept.size() > CAPACITY_BYTES {
            entries.retain(|_, (g, _)| *g == generation);
            let held: usize = entries.values().map(|(_, k)| k.size()).sum();
            if held + kept.size() > CAPACITY_BYTES {
                entries.clear();
            }
        }
        entries.insert(key, (generation, kept));
    }
}

/// The answer to `req` kept under the store's generation; else `compute`d off the async
/// workers, `shape`d into JSON (with a `Link` header when it has one), kept and sent.
pub async fn kept_answer<T, C, S>(
    req: &HttpRequest,
    state: &AppState,
    compute: C,
    shape: S,
) -> Result<HttpResponse, ApiError>
where
    C: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    T: Send + 'static,
    S: FnOnce(T) -> (Result<Vec<u8>, serde_json::Error>, Option<String>),
{
    let key = format!("{} {}", state.public.url(req, ""), req.uri());
    let (store, answers) = (state.store.clone(), state.kept.clone());
    let (generation, found) = {
        let key = key.clone();
        blocking(move || {
            let generation = store.generation()?;
            match answers.get(&key, generation) {
                Some(kept) => Ok((generation, Err(kept))),
                None => Ok((generation, Ok(compute(&store)?))),
            }
        })
        .await?
    };
    let value = match found {
        Err(kept) => return Ok(kept.respond(req)),
        Ok(value) => value,
    };
    let (json, link) = shape(value);
    let json = json.map_err(ApiError::internal)?;
    let kept = web_block(move || Kept::new(json, link)).await?;
    let kept = Arc::new(kept);
    state.kept.put(key, generation, kept.clone());
    Ok(kept.respond(req))
}

/// Compression off the async workers.
async fn web_block<F: FnOnce() -> Result<Kept, std::io::Error> + Send + 'static>(
    f: F,
) -> Result<Kept, ApiError> {
    actix_web::web::block(f)
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)
}
