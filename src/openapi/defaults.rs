//! What a client that sends every parameter it is shown will send. Postman's import (and
//! other generators) fill each parameter from its schema's `default` and otherwise invent a
//! placeholder (`<string>`): so every optional parameter has a default, its own or the empty
//! value, which the server reads as not sent; every required parameter defaults to its example,
//! a unit, article or figure of the seeded store; a request body defaults to its example.

use serde_json::{Value, json};

use super::parameters;

/// Defaults for every parameter and request body that has none.
pub fn fill_defaults(doc: &mut Value) {
    for (_, param) in parameters(doc) {
        let required = param["required"] == true;
        let schema = param["schema"].take();
        param["schema"] = match param["in"].as_str() {
            Some("path" | "query") if required => match param.get("example") {
                Some(example) if schema.get("default").is_none() => with_default(schema, example.clone()),
                _ => schema,
            },
            Some("query") => may_be_empty(schema),
            Some("header") if schema.get("default").is_none() && takes_empty(&schema) => {
                with_default(schema, json!(""))
            }
            _ => schema,
        };
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for name in super::headers::REQUEST_SCHEMAS {
            if let Some(schema) = schemas.get_mut(*name).and_then(Value::as_object_mut)
                && let Some(example) = schema.get("example").cloned()
            {
                schema.entry("default").or_insert(example);
            }
        }
    }
}

/// An optional query parameter's schema that also admits the empty value, read as not sent:
/// its own default first where it has one (a filler takes the first alternative), else the
/// empty value as its default.
fn may_be_empty(schema: Value) -> Value {
    let empty = json!({"type": "string", "enum": [""]});
    match schema.get("default").cloned() {
        Some(default) => json!({"anyOf": [schema, empty], "default": default}),
        None => json!({"anyOf": [empty, schema], "default": ""}),
    }
}

/// A plain string schema, which the empty string already satisfies.
fn takes_empty(schema: &Value) -> bool {
    schema.as_object().is_some_and(|s| {
        s.get("type") == Some(&json!("string"))
            && s.keys()
                .all(|k| matches!(k.as_str(), "type" | "maxLength" | "description"))
    })
}

/// The schema with a default; a reference is wrapped, as a `$ref` takes no siblings here.
fn with_default(mut schema: Value, default: Value) -> Value {
    if schema.get("$ref").is_some() {
        return json!({"allOf": [schema], "default": default});
    }
    schema["default"] = default;
    schema
}
