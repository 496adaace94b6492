//! The OpenAPI document, generated from the handlers' annotations.
//!
//! `openapi/openapi.json` is its committed copy; regenerate it with
//! `cargo run -q -- openapi > openapi/openapi.json`.

use utoipa::OpenApi;

use crate::api::{articles, health, indicators, localities};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "chiso",
        description = "Figures from Vietnam's provincial and district news reports (growth rates, poverty \
rates, voter turnout, petitions, households) extracted from prose and served as JSON.\n\n\
Lists share one envelope: `data`, `meta` (`total`, `limit`, `offset`) and `links`, repeated in an \
RFC 8288 `Link` header. Errors are RFC 9457 `application/problem+json`. Text is NFC; every offset \
counts Unicode scalar values (code points) of the article body.",
        license(name = "MIT", identifier = "MIT"),
    ),
    paths(
        health::health,
        health::ready,
        articles::list_articles,
        articles::get_article,
        articles::list_article_indicators,
        indicators::list_indicators,
        indicators::get_indicator,
        indicators::list_metrics,
        localities::list_localities,
        localities::get_locality,
        localities::get_locality_summary,
        localities::list_summaries,
    ),
    tags(
        (name = "articles", description = "Reports as published by local portals, cleaned, with their figures"),
        (name = "indicators", description = "Figures extracted from the articles, and the metric catalog"),
        (name = "localities", description = "Administrative units and per-unit summaries"),
        (name = "service", description = "Probes for operators and load balancers"),
    )
)]
pub struct ApiDoc;

/// The document as served at `/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().expect("the OpenAPI document serialises");
    json.push('\n');
    json
}
