//! `fields=`: the top-level fields of each item a client wants, checked against the item's
//! schema (the same one the OpenAPI document shows).

use utoipa::openapi::{RefOr, Schema};

use actix_web::HttpResponse;
use serde::Serialize;

use super::Tabular;
use crate::api::pagination::Page;
use crate::error::ApiError;

/// Names of top-level fields of a list's items, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields(Vec<String>);

/// Names of `T`'s top-level fields, from its schema.
pub fn field_names<T: Tabular>() -> Vec<String> {
    match <T as utoipa::PartialSchema>::schema() {
        RefOr::T(Schema::Object(o)) => o.properties.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

impl Fields {
    /// `id,value,period`: each a field of `T`, at least one.
    pub fn parse<T: Tabular>(text: &str) -> Result<Fields, ApiError> {
        let known = field_names::<T>();
        let mut names: Vec<String> = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !known.iter().any(|k| k == name) {
                return Err(ApiError::bad_parameter(
                    "fields",
                    format!(
                        "{name:?} is not a field of these items; they have {}",
                        known.join(", ")
                    ),
                ));
            }
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
        if names.is_empty() {
            return Err(ApiError::bad_parameter(
                "fields",
                "fields names at least one field",
            ));
        }
        Ok(Fields(names))
    }

    /// The object with only these fields, in its own order.
    pub fn apply(&self, value: serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(mut map) => {
                map.retain(|k, _| self.0.iter().any(|f| f == k));
                serde_json::Value::Object(map)
            }
            other => other,
        }
    }

    /// Indexes of the CSV columns of these fields: a column named as a field, or one of a
    /// nested object's columns (`locality` keeps `locality_id`, `locality_name` …, but `unit`
    /// does not keep `unit_noun`, a field of its own).
    pub fn columns<T: Tabular>(&self) -> Vec<usize> {
        let known = field_names::<T>();
        T::columns()
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                self.0.iter().any(|f| {
                    **c == f.as_str()
                        || (c
                            .strip_prefix(f.as_str())
                            .is_some_and(|rest| rest.starts_with('_'))
                            && !known.iter().any(|k| k == *c))
                })
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// A page cut down to the fields a client asked for.
impl<T: Serialize> Page<T> {
    /// [`Page::respond`] with each item cut down to `fields`, when given.
    pub fn respond_with(self, fields: Option<&Fields>) -> HttpResponse {
        match fields {
            Some(_) => self.with_fields(fields).respond(),
            None => self.respond(),
        }
    }

    /// The page with only `fields` of each item, when given.
    pub fn with_fields(self, fields: Option<&Fields>) -> Page<serde_json::Value> {
        let Page {
            data,
            meta,
            links,
            facets,
        } = self;
        let data = data
            .into_iter()
            .map(|item| {
                let value = serde_json::to_value(item).unwrap_or_default();
                match fields {
                    Some(fields) => fields.apply(value),
                    None => value,
                }
            })
            .collect();
        Page {
            data,
            meta,
            links,
            facets,
        }
    }
}
