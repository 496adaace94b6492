//! What a client that fills every parameter from the document gets: the requests Postman's
//! import builds (every optional parameter sent with its default, every path parameter and
//! body from its example), sent in the document's order, all answer 2xx on the seeded store.

use actix_web::test;
use serde_json::Value;

use crate::support::{TOKEN, seeded_app, send};

/// `?a=…&b=…` of an operation's query parameters, each with its schema's default.
fn query_of(params: &[Value]) -> Vec<(String, String)> {
    params
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| {
            let default = &p["schema"]["default"];
            let value = match default {
                Value::String(s) => s.clone(),
                Value::Null => panic!("query parameter {} has no default", p["name"]),
                other => other.to_string(),
            };
            (p["name"].as_str().unwrap_or_default().to_owned(), value)
        })
        .collect()
}

fn path_of(template: &str, params: &[Value]) -> String {
    params
        .iter()
        .filter(|p| p["in"] == "path")
        .fold(template.to_owned(), |path, p| {
            let default = &p["schema"]["default"];
            let value = default
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| default.to_string());
            assert!(
                !default.is_null(),
                "path parameter {} of {template} has no default",
                p["name"]
            );
            path.replace(&format!("{{{}}}", p["name"].as_str().unwrap_or_default()), &value)
        })
}

#[actix_web::test]
async fn every_operation_answers_2xx_with_the_defaults_and_examples_the_document_gives() {
    let (_t, app) = seeded_app().await;
    let doc = serde_json::to_value(chiso::openapi::spec()).expect("document");
    let schemas = &doc["components"]["schemas"];
    let mut sent = 0;
    for (template, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let query: Vec<String> = query_of(&params)
                .into_iter()
                .map(|(k, v)| format!("{k}={}", urlencoding(&v)))
                .collect();
            let uri = format!("{}?{}", path_of(template, &params), query.join("&"));
            let mut req = match method.as_str() {
                "get" => test::TestRequest::get(),
                "post" => test::TestRequest::post(),
                "delete" => test::TestRequest::delete(),
                other => panic!("an operation with method {other}"),
            }
            .uri(&uri)
            .insert_header(("x-request-id", ""))
            .insert_header(("authorization", format!("Bearer {TOKEN}")));
            if let Some(reference) = op
                .pointer("/requestBody/content/application~1json/schema/$ref")
                .and_then(Value::as_str)
            {
                let name = reference.rsplit('/').next().unwrap_or_default();
                let body = &schemas[name]["default"];
                assert!(!body.is_null(), "request body {name} has no default");
                req = req.set_json(body);
            }
            if method == "get" {
                req = req.insert_header(("if-none-match", ""));
            }
            let (status, _, body) = send(&app, req).await;
            assert!(
                (200..300).contains(&status),
                "{} {uri} answered {status}: {body}",
                method.to_uppercase()
            );
            sent += 1;
        }
    }
    assert!(sent >= 19, "only {sent} operations were tried");
}

/// Percent-encodes a query value (the defaults are ASCII words, ids and the empty value).
fn urlencoding(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[actix_web::test]
async fn an_optional_parameter_sent_empty_is_read_as_not_sent() {
    let (_t, app) = seeded_app().await;
    let (_, _, plain) = crate::support::get(&app, "/indicators?limit=5").await;
    let (status, _, empty) = crate::support::get(
        &app,
        "/indicators?limit=5&year=&from=&to=&undated=&min_value=&locality=&metric=&sort=&format=&q=",
    )
    .await;
    assert_eq!(status, 200, "{empty}");
    assert_eq!(empty["data"], plain["data"]);
    assert_eq!(empty["meta"]["total"], plain["meta"]["total"]);
    let (status, _, _) = crate::support::get(&app, "/indicators?year=abc").await;
    assert_eq!(status, 400, "a value that is not empty is still checked");
}

#[actix_web::test]
async fn the_delete_example_is_the_article_the_post_example_creates() {
    let (_t, app) = seeded_app().await;
    let doc = serde_json::to_value(chiso::openapi::spec()).expect("document");
    let body = doc["components"]["schemas"]["NewArticleRequest"]["example"].clone();
    let (status, _, created) = send(&app, crate::support::post(body.to_string(), "application/json")).await;
    assert_eq!(status, 201, "{created}");
    let delete = &doc["paths"]["/articles/{id}"]["delete"]["parameters"][0];
    assert_eq!(delete["name"], "id");
    assert_eq!(delete["example"], created["id"]);
}
