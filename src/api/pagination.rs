//! The list envelope every collection answers with, its links and the RFC 8288 `Link` header.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::params::{Limit, Offset};
use super::state::AppState;
use crate::domain::{Facet, Total};

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 200;
/// The largest offset, the largest integer JavaScript clients hold exactly (2^53 - 1).
pub const MAX_OFFSET: u64 = 9_007_199_254_740_991;

/// `limit` and `offset`, as every list endpoint takes them.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1 to 200.
    #[param(inline, example = 20)]
    pub limit: Option<Limit>,
    /// Items to skip from the start of the list.
    #[param(inline, example = 0)]
    pub offset: Option<Offset>,
}

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: u32,
    pub offset: u64,
}

impl PageRequest {
    /// The page asked for: the defaults where `limit` or `offset` is not given.
    pub fn of(limit: Option<Limit>, offset: Option<Offset>) -> PageRequest {
        PageRequest {
            limit: limit.unwrap_or_default().0,
            offset: offset.unwrap_or_default().0,
        }
    }
}

impl PageQuery {
    pub fn page(&self) -> PageRequest {
        PageRequest::of(self.limit, self.offset)
    }
}

/// Counts of a page.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"total": 5, "total_exact": true, "limit": 20, "offset": 0}))]
pub struct PageMeta {
    /// Items in the whole filtered list when `total_exact` is true. Lists are counted up to
    /// 10,000 items (or to the end of the page asked for, when that is further); past that,
    /// `total` is the number counted and the list holds more.
    pub total: u64,
    /// `false` when the list holds more than `total` items.
    pub total_exact: bool,
    pub limit: u32,
    pub offset: u64,
}

/// Links to this page and its neighbours: absolute URLs, from the configured public address
/// (`CHISO_PUBLIC_URL`), else from the request's scheme and host.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "self": "http://127.0.0.1:8080/articles?limit=20&offset=0", "first": "http://127.0.0.1:8080/articles?limit=20&offset=0",
    "last": "http://127.0.0.1:8080/articles?limit=20&offset=0", "next": null, "prev": null
}))]
pub struct PageLinks {
    #[serde(rename = "self")]
    pub self_: String,
    pub first: String,
    /// The last page; `null` when the list was not counted to its end (`total_exact` false).
    pub last: Option<String>,
    pub next: Option<String>,
    pub prev: Option<String>,
}

/// The list envelope: `data`, `meta` and `links`, and `facets` when asked for.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    pub meta: PageMeta,
    pub links: PageLinks,
    /// Counts of the whole filtered list by the fields `facets=` names; absent without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facets: Option<Vec<Facet>>,
}

impl<T: Serialize> Page<T> {
    pub fn new(req: &HttpRequest, page: PageRequest, data: Vec<T>, total: impl Into<Total>) -> Page<T> {
        let PageRequest { limit, offset } = page;
        let Total { count: total, exact } = total.into();
        let link = |offset: u64| page_url(req, limit, offset);
        let step = u64::from(limit);
        let last = exact.then(|| link(total.saturating_sub(1) / step * step));
        let has_next = !exact || offset.saturating_add(step) < total;
        Page {
            data,
            meta: PageMeta {
                total,
                total_exact: exact,
                limit,
                offset,
            },
            links: PageLinks {
                self_: link(offset),
                first: link(0),
                last,
                next: has_next.then(|| link(offset.saturating_add(step))),
                prev: (offset > 0).then(|| link(offset.saturating_sub(step))),
            },
            facets: None,
        }
    }

    /// The page with facet counts, when some were asked for.
    pub fn with_facets(mut self, facets: Vec<Facet>) -> Page<T> {
        self.facets = (!facets.is_empty()).then_some(facets);
        self
    }

    /// 200 with the envelope as JSON and the same links in a `Link` header.
    pub fn respond(self) -> HttpResponse {
        HttpResponse::Ok()
            .insert_header((header::LINK, self.link_header()))
            .json(self)
    }

    /// The page's links as a `Link` header's value.
    pub fn link_header(&self) -> String {
        let l = &self.links;
        let mut rels = vec![format!("<{}>; rel=\"first\"", l.first)];
        if let Some(last) = &l.last {
            rels.push(format!("<{last}>; rel=\"last\""));
        }
        if let Some(n) = &l.next {
            rels.push(format!("<{n}>; rel=\"next\""));
        }
        if let Some(p) = &l.prev {
            rels.push(format!("<{p}>; rel=\"prev\""));
        }
        rels.join(", ")
    }
}

/// The request's own URL, absolute, with `limit` and `offset` replaced.
fn page_url(req: &HttpRequest, limit: u32, offset: u64) -> String {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    pairs.retain(|(k, _)| k != "limit" && k != "offset");
    pairs.push(("limit".into(), limit.to_string()));
    pairs.push(("offset".into(), offset.to_string()));
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    let path = format!("{}?{query}", req.path());
    match req.app_data::<web::Data<AppState>>() {
        Some(state) => state.public.url(req, &path),
        None => path,
    }
}
