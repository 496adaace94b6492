//! What the annotations leave implicit: the headers every operation takes and sends, and
//! which fields every answer carries.

use serde_json::{Value, json};

/// Schemas of request bodies: their optional fields stay optional.
pub const REQUEST_SCHEMAS: &[&str] = &[
    "NewArticleRequest",
    "PlainArticle",
    "HtmlPage",
    "TrafilaturaRecord",
];

/// Fields left out of an answer when they are empty (`skip_serializing_if`).
const SOMETIMES_SENT: &[(&str, &str)] = &[
    ("Problem", "parameter"),
    ("Problem", "field"),
    ("Article", "indicators"),
    ("Evidence", "sentence"),
    ("LeftOut", "period_kind"),
    ("LeftOut", "units"),
    ("Page_*", "facets"),
    ("LocalitySummary", "children"),
    ("MetricCard", "series"),
    ("GroundCard", "series"),
];

/// `X-Request-Id` on every request and response; `ETag` and `Cache-Control` on every
/// successful `GET`; `If-None-Match` on every `GET`.
pub fn document_headers(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut().filter_map(Value::as_object_mut) {
        for (method, op) in item.iter_mut() {
            let get = method == "get";
            let params = op
                .as_object_mut()
                .map(|o| o.entry("parameters").or_insert_with(|| json!([])));
            if let Some(Value::Array(params)) = params {
                params.push(json!({
                    "name": "X-Request-Id", "in": "header", "required": false,
                    "description": "An id for this request, echoed in the response's `X-Request-Id` and printed in \
the access log when it is 1 to 128 visible ASCII characters; any other value is replaced by a new id.",
                    "schema": {"type": "string"}
                }));
                if get {
                    params.push(json!({
                        "name": "If-None-Match", "in": "header", "required": false,
                        "description": "An `ETag` from an earlier answer: `304 Not Modified` when nothing changed since.",
                        "schema": {"type": "string"}
                    }));
                }
            }
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            for (status, response) in responses.iter_mut() {
                let headers = response
                    .as_object_mut()
                    .map(|r| r.entry("headers").or_insert_with(|| json!({})));
                let Some(Value::Object(headers)) = headers else {
                    continue;
                };
                headers.insert(
                    "X-Request-Id".into(),
                    json!({"description": "The request's id: the client's `X-Request-Id` when usable, else a new one",
                           "schema": {"type": "string"}}),
                );
                if get && status == "200" {
                    headers.entry("ETag").or_insert(json!({
                        "description": "Weak validator for If-None-Match (JSON and GeoJSON answers)",
                        "schema": {"type": "string"}}));
                    headers.entry("Cache-Control").or_insert(json!({
                        "description": "`public, max-age=60, must-revalidate`",
                        "schema": {"type": "string"}}));
                }
            }
        }
    }
}

/// Every field an answer always carries is `required` (a nullable one is sent as `null`),
/// so that generated clients type it as present.
pub fn require_sent_fields(doc: &mut Value) {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for (name, schema) in schemas.iter_mut() {
        if REQUEST_SCHEMAS.contains(&name.as_str()) {
            continue;
        }
        let sometimes = |field: &str| {
            SOMETIMES_SENT.iter().any(|(s, f)| {
                *f == field && (s == name || s.strip_suffix('*').is_some_and(|p| name.starts_with(p)))
            })
        };
        let objects: Vec<&mut Value> = match schema.get("allOf").is_some() {
            true => schema
                .get_mut("allOf")
                .and_then(Value::as_array_mut)
                .map(|parts| parts.iter_mut().collect())
                .unwrap_or_default(),
            false => vec![schema],
        };
        for object in objects {
            let Some(fields) = object.get("properties").and_then(Value::as_object) else {
                continue;
            };
            let required: Vec<Value> = fields
                .keys()
                .filter(|f| !sometimes(f))
                .map(|f| json!(f))
                .collect();
            object["required"] = Value::Array(required);
        }
    }
}
