//! Lists in the shape a client asks for: a JSON page (with `fields=`), or the whole list as CSV
//! or NDJSON, streamed as it is read from the store, or GeoJSON where units have coordinates.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::pagination::{Page, PageRequest};
use crate::api::params::{Flag, flag_or};
use crate::api::state::blocking;
use crate::domain::keyword::keyword;
use crate::domain::{Facet, Total};
use crate::error::ApiError;
use crate::store::{ExportConn, Store, StoreError};

pub mod csv;
mod fields;
mod stream;
mod tables;

pub use fields::{FieldList, Fields};
pub use stream::{Sink, stream};

keyword! {
/// What a list answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One page in the list envelope (the default).
    Json = "json",
    /// The whole list as RFC 4180 CSV (`text/csv`; also `Accept: text/csv`). Locality ids
    /// (`locality_id`, `parent_id`, `province_id` …: `2024-p06`) stay text in every spreadsheet
    /// and never differ only by leading zeros; a bare GSO code (`locality_code`: `06`) is digits,
    /// so read it as text (pandas `dtype={"locality_code": str}`).
    Csv = "csv",
    /// The whole list as newline-delimited JSON, one item a line (`application/x-ndjson`; also
    /// that `Accept`).
    Ndjson = "ndjson",
    /// RFC 7946 GeoJSON, a Point feature for each unit with coordinates
    /// (`application/geo+json`; also that `Accept`); only lists of units.
    Geojson = "geojson",
}
}

/// A format of [`Format::LIST`]: what a list of items other than units answers in (no
/// coordinates, so no GeoJSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListFormat(Format);

impl From<ListFormat> for Format {
    fn from(format: ListFormat) -> Format {
        format.0
    }
}

impl<'de> Deserialize<'de> for ListFormat {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ListFormat, D::Error> {
        let s = String::deserialize(d)?;
        let spellings: Vec<&str> = Format::LIST.iter().map(|f| f.as_str()).collect();
        match Format::parse(&s).filter(|f| Format::LIST.contains(f)) {
            Some(format) => Ok(ListFormat(format)),
            None => Err(serde::de::Error::custom(format!(
                "takes one of {}, got {s:?}",
                spellings.join(", ")
            ))),
        }
    }
}

impl utoipa::PartialSchema for ListFormat {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "The formats of a list of items other than units (no coordinates, so no GeoJSON): the\nspellings of [`Format`], for the OpenAPI document.",
            ))
            .enum_values(Some(Format::LIST.iter().map(|f| f.as_str())))
            .into()
    }
}

impl ToSchema for ListFormat {}

impl Format {
    /// What every list answers in.
    pub const LIST: &'static [Format] = &[Format::Json, Format::Csv, Format::Ndjson];
    /// What a list of units answers in: a list's formats and GeoJSON.
    pub const UNITS: &'static [Format] = &[Format::Json, Format::Geojson, Format::Csv, Format::Ndjson];

    fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv",
            Format::Ndjson => "application/x-ndjson",
            Format::Geojson => "application/geo+json",
        }
    }
}

/// A row of a list: serialised as JSON, and as CSV cells under fixed columns.
pub trait Tabular: Serialize + ToSchema + Send + 'static {
    /// CSV column names; a nested object's fields are `{field}_{name}` (`locality_id`).
    fn columns() -> &'static [&'static str];
    /// One cell for each column, empty for `null`.
    fn cells(&self) -> Vec<String>;
}

/// The validated `format`, `fields` and `bom` of a list request.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub fields: Option<Fields>,
    /// A UTF-8 byte order mark before a CSV, for spreadsheets that need one to read UTF-8.
    pub bom: bool,
}

impl Output {
    /// The output a request asks for: `format`, else the first of the formats `allowed` that
    /// `Accept` names, else JSON.
    pub fn of<T: Tabular>(
        req: &HttpRequest,
        format: Option<Format>,
        fields: Option<FieldList<T>>,
        bom: Option<Flag>,
        allowed: &[Format],
    ) -> Output {
        Output {
            format: format.unwrap_or_else(|| negotiated(req, allowed)),
            fields: fields.map(FieldList::into_fields),
            bom: flag_or(bom, false),
        }
    }

    /// The whole of a small list, already read, as CSV or NDJSON.
    pub fn whole<T: Tabular>(&self, name: &str, items: &[T]) -> HttpResponse {
        let sink = stream::Encoder::new::<T>(self);
        let mut body = sink.header::<T>();
        for item in items {
            sink.encode(item, &mut body);
        }
        self.response(name).body(body)
    }

    /// `200` with this output's media type (and a file name for CSV).
    pub fn response(&self, name: &str) -> HttpResponseBuilder {
        let mut res = HttpResponse::Ok();
        match self.format {
            Format::Csv => res.content_type("text/csv; charset=utf-8").insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.csv\""),
            )),
            other => res.content_type(other.media_type()),
        };
        res
    }
}

/// The first of `allowed` that `Accept` names without also naming JSON, else JSON.
fn negotiated(req: &HttpRequest, allowed: &[Format]) -> Format {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.contains("application/json") {
        return Format::Json;
    }
    allowed
        .iter()
        .copied()
        .find(|f| *f != Format::Json && accept.contains(f.media_type()))
        .unwrap_or(Format::Json)
}

/// A JSON value with only the `fields` asked for, when some are.
pub fn select(value: serde_json::Value, fields: Option<&Fields>) -> serde_json::Value {
    match fields {
        Some(f) => f.apply(value),
        None => value,
    }
}

/// A filtered list's answer: the whole list streamed in the format asked for (`produce`
/// writes it), or one JSON page read by `read` with its facet counts, cut to `fields=`. The
/// filter goes to whichever of the two runs.
#[allow(clippy::too_many_arguments)]
pub async fn list_or_stream<T: Tabular, F: Send + 'static>(
    req: &HttpRequest,
    store: &Store,
    output: &Output,
    page: PageRequest,
    name: &str,
    filter: F,
    produce: impl FnOnce(&F, &ExportConn, &mut Sink) -> Result<(), StoreError> + Send + 'static,
    read: impl FnOnce(&F, &Store) -> Result<(Vec<T>, Total, Vec<Facet>), StoreError> + Send + 'static,
) -> Result<HttpResponse, ApiError> {
    if output.format != Format::Json {
        return stream::<T>(req, store, output, name, move |export, sink| {
            produce(&filter, export, sink)
        })
        .await;
    }
    let store = store.clone();
    let (items, total, facets) = blocking(move || read(&filter, &store)).await?;
    Ok(Page::new(req, page, items, total)
        .with_facets(facets)
        .respond_with(output.fields.as_ref()))
}
