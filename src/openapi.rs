//! The OpenAPI document, generated from the handlers' annotations.
//!
//! `openapi/openapi.json` is its committed copy; regenerate it with
//! `cargo run -q -- openapi > openapi/openapi.json`.

mod defaults;
mod headers;

use serde_json::{Value, json};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{articles, export, indicators, series};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "chiso",
        description = "Figures from Vietnam's provincial and district news reports (growth rates, poverty \
rates, voter turnout, petitions, households) extracted from prose and served as JSON.\n\n\
Lists share one envelope: `data`, `meta` (`total`, `limit`, `offset`) and `links`, repeated in an \
RFC 8288 `Link` header. Errors are RFC 9457 `application/problem+json`. Text is NFC; every offset \
counts Unicode scalar values (code points) of the article body. An optional parameter sent empty \
(`?year=`) is read as not sent.",
        license(name = "MIT", identifier = "MIT"),
        contact(name = "chiso maintainers"),
    ),
    servers((url = "http://127.0.0.1:8080", description = "A local server started with `cargo run --release`; \
the document served at /openapi.json names the server it is served from")),
    modifiers(&BearerToken),
    components(schemas(
        crate::domain::ArticleSort,
        crate::domain::ComparisonSort,
        crate::domain::LocalitySort,
        crate::domain::UnitOrder,
        series::SeriesGrouping,
        export::ListFormat,
        export::Format,
        articles::IncludeKey,
        crate::domain::IndicatorSort,
        crate::domain::SchemeChoice,
        indicators::IndicatorInclude,
        crate::domain::Undated,
    )),
    tags(
        (name = "articles", description = "Reports as published by local portals, cleaned, with their figures"),
        (name = "indicators", description = "Figures extracted from the articles, and the metric catalog"),
        (name = "localities", description = "Administrative units and per-unit summaries"),
        (name = "admin", description = "Maintenance that needs the write token"),
        (name = "service", description = "Probes for operators and load balancers"),
    )
)]
pub struct ApiDoc;

/// The `bearer_token` security scheme that write operations name.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The server's CHISO_API_TOKEN. Reads need no token."))
                    .build(),
            ),
        );
    }
}

/// The document as served at `/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let mut api = ApiDoc::openapi();
    api.merge(crate::api::RouteDoc::openapi());
    let mut doc = serde_json::to_value(api).expect("the OpenAPI document serialises");
    reference_page_items(&mut doc);
    headers::document_headers(&mut doc);
    headers::require_sent_fields(&mut doc);
    defaults::fill_defaults(&mut doc);
    serde_json::from_value(doc).expect("the adjusted document is OpenAPI")
}

/// `Page_X.data.items` as a reference to `X`, which carries the item's description and example.
fn reference_page_items(doc: &mut Value) {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let names: Vec<String> = schemas.keys().cloned().collect();
    for name in names.iter().filter(|n| n.starts_with("Page_")) {
        let item = &name["Page_".len()..];
        if names.iter().any(|n| n == item) {
            if let Some(items) = schemas
                .get_mut(name)
                .and_then(|s| s.pointer_mut("/properties/data/items"))
            {
                *items = json!({"anyOf": [
                    { "$ref": format!("#/components/schemas/{item}") },
                    {"type": "object", "description": "An item cut down by `fields=`: only the fields named"}
                ]});
            }
        }
    }
}

/// Every parameter of every operation, with the operation's path.
fn parameters(doc: &mut Value) -> impl Iterator<Item = (&str, &mut Value)> {
    doc.get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.iter_mut())
        .filter_map(|(path, item)| Some((path.as_str(), item.as_object_mut()?)))
        .flat_map(|(path, item)| item.values_mut().map(move |op| (path, op)))
        .filter_map(|(path, op)| Some((path, op.get_mut("parameters")?.as_array_mut()?)))
        .flat_map(|(path, params)| params.iter_mut().map(move |p| (path, p)))
}

/// The document as committed in `openapi/openapi.json`.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().expect("the OpenAPI document serialises");
    json.push('\n');
    json
}
