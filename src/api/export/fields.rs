//! `fields=`: the top-level fields of each item a client wants, checked against the item's
//! schema (the same one the OpenAPI document shows).

use utoipa::openapi::{RefOr, Schema};

use std::marker::PhantomData;

use actix_web::HttpResponse;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::Tabular;
use crate::api::pagination::Page;

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

/// `fields=` as a list's query takes it: names of `T`'s fields, each checked when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldList<T>(Fields, PhantomData<T>);

impl<T> FieldList<T> {
    pub fn into_fields(self) -> Fields {
        self.0
    }
}

impl<'de, T: Tabular> Deserialize<'de> for FieldList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Fields::parse::<T>(&text)
            .map(|f| FieldList(f, PhantomData))
            .map_err(de::Error::custom)
    }
}

/// The names of `T`'s fields, one or several separated by commas (read through
/// `ComposeSchema`, as utoipa reads a generic type).
impl<T: Tabular> utoipa::__dev::ComposeSchema for FieldList<T> {
    fn compose(_: Vec<RefOr<Schema>>) -> RefOr<Schema> {
        let one = field_names::<T>().join("|");
        crate::api::params::matching(&format!("^({one})(,({one}))*$"))
    }
}

impl<T: Tabular> utoipa::ToSchema for FieldList<T> {}

impl Fields {
    /// `id,value,period`: each a field of `T`, at least one.
    pub fn parse<T: Tabular>(text: &str) -> Result<Fields, String> {
        let known = field_names::<T>();
        let mut names: Vec<String> = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !known.iter().any(|k| k == name) {
                return Err(format!(
                    "{name:?} is not a field of these items; they have {}",
                    known.join(", ")
                ));
            }
            if !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
        match names.is_empty() {
            true => Err("takes the name of at least one field".to_owned()),
            false => Ok(Fields(names)),
        }
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
