//! `GET /`: where a newcomer lands (it is the address the server prints): what the service
//! is and absolute links to its docs, its OpenAPI document and its lists.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::state::AppState;

/// The API root.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "name": "chiso", "version": "0.1.0",
    "description": "Figures from Vietnam's provincial and district news reports, as JSON",
    "links": {"docs": "http://127.0.0.1:8080/docs/", "openapi": "http://127.0.0.1:8080/openapi.json",
              "articles": "http://127.0.0.1:8080/articles"}
}))]
pub struct ApiRoot {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Absolute links by name: `docs` (interactive), `openapi` (the document), the lists
    /// (`articles`, `indicators`, `metrics`, `localities`, `summaries`), one example each of
    /// a comparison (`compare`) and a series (`series`), and the probes.
    pub links: BTreeMap<String, String>,
}

/// The API root, or the explorer for a browser
///
/// What the service is, with absolute links to its documentation and every list. A request
/// that prefers `text/html` to JSON (a browser's) gets the explorer page instead.
#[utoipa::path(
    get,
    path = "/",
    tag = "service",
    operation_id = "api_root",
    responses(
        (status = 200, description = "The root; the explorer page when `text/html` is preferred", content(
            (ApiRoot = "application/json"),
            (String = "text/html"),
        )),
        crate::error::NotModified,
        crate::error::Unexpected,
    )
)]
pub async fn api_root(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    if super::explorer::wants_html(&req) {
        return super::explorer::page();
    }
    let link = |path: &str| state.public.url(&req, path);
    let links = [
        ("docs", "/docs/"),
        ("openapi", "/openapi.json"),
        ("articles", "/articles"),
        ("indicators", "/indicators"),
        ("metrics", "/metrics"),
        ("localities", "/localities"),
        ("summaries", "/summaries?level=province"),
        ("compare", "/metrics/poverty_rate/localities"),
        ("series", "/localities/2024-p06/metrics/poverty_rate/series"),
        ("health", "/health"),
        ("ready", "/ready"),
    ]
    .into_iter()
    .map(|(name, path)| (name.to_owned(), link(path)))
    .collect();
    HttpResponse::Ok()
        .insert_header((header::VARY, "Accept"))
        .json(ApiRoot {
            name: "chiso".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            description:
                "Figures from Vietnam's provincial and district news reports (growth rates, poverty \
rates, voter turnout, petitions), extracted from prose with the sentence each came from"
                    .into(),
            links,
        })
}
