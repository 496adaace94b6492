//! The served OpenAPI document: valid 3.x, complete, and identical to the committed copy.

use crate::support::{get, seeded_app};

#[actix_web::test]
async fn openapi_json_is_served_as_openapi_3_with_every_route() {
    let (_db, app) = seeded_app().await;
    let (status, _, spec) = get(&app, "/openapi.json").await;
    assert_eq!(status, 200);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/health",
        "/ready",
        "/articles",
        "/articles/{id}",
        "/articles/{id}/indicators",
        "/indicators",
        "/indicators/{id}",
        "/metrics",
        "/localities",
        "/localities/{id}",
        "/localities/{id}/summary",
        "/summaries",
    ] {
        assert!(spec["paths"][path]["get"].is_object(), "{path} missing");
    }
}

#[actix_web::test]
async fn every_operation_is_documented_and_errors_use_the_problem_schema() {
    let (_db, app) = seeded_app().await;
    let (_, _, spec) = get(&app, "/openapi.json").await;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{method} {path}");
            assert!(
                op["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{at}: summary"
            );
            assert!(
                op["description"].as_str().is_some_and(|s| !s.is_empty()),
                "{at}: description"
            );
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{at}: tag");
            assert!(op["operationId"].is_string(), "{at}: operationId");
            for (code, response) in op["responses"].as_object().unwrap() {
                if code.starts_with('4') || code.starts_with('5') {
                    let schema = &response["content"]["application/problem+json"]["schema"]["$ref"];
                    assert_eq!(schema, "#/components/schemas/Problem", "{at} {code}");
                }
            }
            assert!(op["responses"]["500"].is_object(), "{at}: 500 documented");
        }
    }
}

#[test]
fn committed_openapi_json_matches_the_generated_document() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
        .expect("openapi/openapi.json is committed");
    let generated = chiso::openapi::spec_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: regenerate it with `cargo run -q -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_reference_of_the_document_names_a_schema_it_has() {
    let doc: serde_json::Value = serde_json::from_str(&chiso::openapi::spec_json()).unwrap();
    let mut missing = Vec::new();
    let mut stack = vec![&doc];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(r)) = m.get("$ref") {
                    let name = r.trim_start_matches("#/components/schemas/");
                    if doc["components"]["schemas"].get(name).is_none() {
                        missing.push(r.clone());
                    }
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    assert!(missing.is_empty(), "references without a schema: {missing:?}");
}
