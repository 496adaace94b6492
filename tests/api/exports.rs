//! Every export is the whole filtered list: a contract test that walks the OpenAPI document's
//! list routes and asks each for every format it documents, with a page size of one.

use actix_web::test::TestRequest;
use serde_json::Value;

use crate::support::{body_text, get, seeded_app};

/// The list routes of the document: GET routes with a `format` parameter, their required
/// parameters filled from the document's own examples, and the export formats they document.
fn list_routes(spec: &Value) -> Vec<(String, Vec<&'static str>)> {
    let mut routes = Vec::new();
    for (path, ops) in spec["paths"].as_object().expect("paths") {
        let Some(op) = ops.get("get") else { continue };
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        if !params.iter().any(|p| p["name"] == "format") {
            continue;
        }
        let mut uri = path.clone();
        let mut query = Vec::new();
        if params.iter().any(|p| p["name"] == "limit") {
            query.push("limit=1".to_owned());
        }
        for p in params.iter().filter(|p| p["required"] == true) {
            let name = p["name"].as_str().expect("name");
            let example = p.get("example").or_else(|| p["schema"].get("example"));
            let example = example
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{path}: required {name} has no example"));
            match p["in"].as_str() {
                Some("path") => uri = uri.replace(&format!("{{{name}}}"), example),
                _ => query.push(format!("{name}={example}")),
            }
        }
        let content = op["responses"]["200"]["content"].as_object().expect("content");
        let formats = [
            ("text/csv", "csv"),
            ("application/x-ndjson", "ndjson"),
            ("application/geo+json", "geojson"),
        ]
        .into_iter()
        .filter(|(media, _)| content.contains_key(*media))
        .map(|(_, f)| f)
        .collect();
        routes.push((format!("{uri}?{}", query.join("&")), formats));
    }
    routes
}

/// Records of a CSV text, quoted line breaks inside fields being no record's end.
fn csv_records(text: &str) -> usize {
    let (mut quoted, mut records) = (false, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => records += 1,
            _ => {}
        }
    }
    records + usize::from(!text.ends_with('\n') && !text.is_empty())
}

/// How many items a JSON answer says the whole list holds: its `meta.total`, else its `data`.
fn total_of(body: &Value) -> usize {
    match body["meta"]["total"].as_u64() {
        Some(n) => n as usize,
        None => body["data"].as_array().map_or(0, Vec::len),
    }
}

#[actix_web::test]
async fn every_documented_export_of_every_list_route_is_the_whole_filtered_list() {
    let (_t, app) = seeded_app().await;
    let (_, _, spec) = get(&app, "/openapi.json").await;
    let routes = list_routes(&spec);
    assert!(
        routes.len() >= 5,
        "the document lists its list routes: {routes:?}"
    );
    let mut checked = 0;
    for (uri, formats) in routes {
        let (status, _, json) = get(&app, &uri).await;
        assert_eq!(status, 200, "{uri}");
        let total = total_of(&json);
        for format in formats {
            let req = TestRequest::get().uri(&format!("{uri}&format={format}"));
            let (status, _, text) = body_text(&app, req).await;
            assert_eq!(status, 200, "{uri} as {format}: {text}");
            let items = match format {
                "csv" => csv_records(&text) - 1,
                "ndjson" => text.lines().filter(|l| !l.trim().is_empty()).count(),
                _ => serde_json::from_str::<Value>(&text).expect("geojson")["features"]
                    .as_array()
                    .map_or(0, Vec::len),
            };
            assert_eq!(items, total, "{uri} as {format}: the whole list, not one page");
            checked += usize::from(total > 1);
        }
    }
    assert!(
        checked >= 5,
        "most exports are of lists longer than a page of one"
    );
}
