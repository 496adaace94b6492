//! What each list parameter's text looks like, stated by its type for the OpenAPI document:
//! the same values the type reads, so the document cannot drift from the parser.

use utoipa::__dev::ComposeSchema;
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};

use super::Several;
use super::values::MAX_SEARCH_CHARS;
use crate::api::pagination::{DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};
use crate::domain::places::PLACE_ID_PATTERN;
use crate::domain::text::LATIN_LETTER_PATTERN;
use crate::domain::{ArticleId, FacetKey, MetricKey, PlaceId};

/// A value of a comma-separated list, as a regular expression without anchors.
pub trait ItemPattern {
    fn item_pattern() -> String;
}

/// `p` as one item of a list: grouped when it has alternatives.
fn group(p: &str) -> String {
    match p.contains('|') {
        true => format!("({p})"),
        false => p.to_owned(),
    }
}

/// A string schema that matches `pattern`.
pub fn matching(pattern: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .into()
}

/// One item or several separated by commas. utoipa reads a generic type's schema through
/// `ComposeSchema` (which gives it `PartialSchema`); the item's own schema is not needed.
impl<T: ItemPattern> ComposeSchema for Several<T> {
    fn compose(_: Vec<RefOr<Schema>>) -> RefOr<Schema> {
        let one = group(&T::item_pattern());
        matching(&format!("^{one}(,{one})*$"))
    }
}

impl<T: ItemPattern> ToSchema for Several<T> {}

impl ItemPattern for MetricKey {
    fn item_pattern() -> String {
        MetricKey::all()
            .map(MetricKey::as_str)
            .collect::<Vec<_>>()
            .join("|")
    }
}

impl ItemPattern for PlaceId {
    fn item_pattern() -> String {
        PLACE_ID_PATTERN
            .trim_start_matches('^')
            .trim_end_matches('$')
            .to_owned()
    }
}

impl ItemPattern for ArticleId {
    /// Hex digits in either case, as a query reads them.
    fn item_pattern() -> String {
        "[0-9a-fA-F]{16}".to_owned()
    }
}

impl ItemPattern for FacetKey {
    fn item_pattern() -> String {
        FacetKey::ALL.map(FacetKey::as_str).join("|")
    }
}

/// Declares the schema of a value type of [`super::values`].
macro_rules! schema_of {
    ($($type:ty => $schema:expr;)*) => {$(
        impl utoipa::PartialSchema for $type {
            fn schema() -> RefOr<Schema> {
                $schema.into()
            }
        }

        impl ToSchema for $type {}
    )*};
}

schema_of! {
    super::Limit => ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .default(Some(DEFAULT_LIMIT.into()))
        .maximum(Some(f64::from(MAX_LIMIT)))
        .minimum(Some(1.0));
    super::Offset => ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .default(Some(0.into()))
        .maximum(Some(MAX_OFFSET as f64))
        .minimum(Some(0.0));
    super::IsoDate => ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)));
    super::Finite => ObjectBuilder::new()
        .schema_type(Type::Number)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Double)));
    super::Search => ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(MAX_SEARCH_CHARS))
        .min_length(Some(1))
        .pattern(Some(format!("[0-9{}", &LATIN_LETTER_PATTERN[1..])));
}
