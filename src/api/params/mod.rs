//! Parsing query parameters into domain values, each failure a 400 naming its parameter.

use chrono::NaiveDate;

use crate::domain::{DateRange, Gazetteer, PlaceId, Scheme, SchemeChoice};
use crate::error::ApiError;

mod lists;

pub use lists::{article_ids, card_parts, facets, localities, metrics};

/// `true`/`false` (also `1`/`0`), or the default when absent.
pub fn flag(name: &str, value: Option<&str>, default: bool) -> Result<bool, ApiError> {
    match value {
        None => Ok(default),
        Some("true" | "1") => Ok(true),
        Some("false" | "0") => Ok(false),
        Some(other) => Err(ApiError::bad_parameter(
            name,
            format!("{name} takes true or false, got {other:?}"),
        )),
    }
}

/// An ISO date (`2021-07-20`).
pub fn date(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                ApiError::bad_parameter(name, format!("{name} takes a date as YYYY-MM-DD, got {v:?}"))
            })
        })
        .transpose()
}

/// `from`, `to` and `undated`: inclusive bounds on an article's date and what becomes of the
/// articles without one. A range that ends before it starts holds nothing; `undated=only`
/// lists the undated articles alone, which no bound can select.
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
    undated: Option<&str>,
) -> Result<DateRange, ApiError> {
    Ok(DateRange {
        from: date("from", from)?,
        to: date("to", to)?,
        undated: named("undated", undated, &["include", "exclude", "only"])?,
    })
}

/// A finite number.
pub fn number(name: &str, value: Option<&str>) -> Result<Option<f64>, ApiError> {
    value
        .map(|v| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| ApiError::bad_parameter(name, format!("{name} takes a number, got {v:?}")))
        })
        .transpose()
}

/// A year parameter (`year=2021`), within the years chiso answers about.
pub fn year(name: &str, value: Option<&str>) -> Result<Option<i32>, ApiError> {
    value
        .map(|v| {
            v.parse::<crate::domain::Year>()
                .map(crate::domain::Year::get)
                .map_err(|e| ApiError::bad_parameter(name, format!("{name} {e}")))
        })
        .transpose()
}

/// One of a closed set of keywords, parsed by `parse`.
pub fn keyword<T>(
    name: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    allowed: &[&str],
) -> Result<Option<T>, ApiError> {
    value
        .map(|v| {
            parse(v).ok_or_else(|| {
                ApiError::bad_parameter(
                    name,
                    format!("{name} takes one of {}, got {v:?}", allowed.join(", ")),
                )
            })
        })
        .transpose()
}

/// A keyword spelled as its enum's serde names, which its schema lists too: the one place
/// the spellings are written is the enum.
pub fn spelled<T: serde::de::DeserializeOwned + utoipa::PartialSchema>(
    name: &str,
    value: Option<&str>,
) -> Result<Option<T>, ApiError> {
    let Some(v) = value else { return Ok(None) };
    if let Ok(t) = serde_json::from_value(serde_json::Value::String(v.to_owned())) {
        return Ok(Some(t));
    }
    // Refused: the schema lists what it takes.
    let schema = serde_json::to_value(T::schema()).unwrap_or_default();
    let allowed: Vec<&str> = schema["enum"]
        .as_array()
        .map(|values| values.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    named(name, Some(v), &allowed)
}

/// A keyword named by a serde enum's spelling ("-published_on", "percent").
pub fn named<T: serde::de::DeserializeOwned>(
    name: &str,
    value: Option<&str>,
    allowed: &[&str],
) -> Result<Option<T>, ApiError> {
    keyword(
        name,
        value,
        |v| serde_json::from_value(serde_json::Value::String(v.to_owned())).ok(),
        allowed,
    )
}

/// A unit's id on either map: 400 when malformed, 404 when well-formed but unknown.
pub fn locality(name: &str, value: Option<&str>, gazetteer: &Gazetteer) -> Result<Option<PlaceId>, ApiError> {
    let Some(text) = value else { return Ok(None) };
    let id: PlaceId = text
        .parse()
        .map_err(|e| ApiError::bad_parameter(name, format!("{name}: {e}; got {text:?}")))?;
    match gazetteer.get(&id) {
        Some(_) => Ok(Some(id)),
        None => Err(ApiError::unknown_parameter(
            name,
            format!("no locality has the id {id}"),
        )),
    }
}

/// A search text with at least one word in it.
pub fn search(name: &str, value: Option<&str>) -> Result<Option<String>, ApiError> {
    match value {
        Some(q) if !q.chars().any(is_search_char) => Err(ApiError::bad_parameter(
            name,
            format!(
                "{name} needs at least one letter of the Latin alphabet (with or without accents) or a digit"
            ),
        )),
        Some(q) if q.chars().count() > 200 => Err(ApiError::bad_parameter(
            name,
            format!("{name} is longer than 200 characters"),
        )),
        other => Ok(other.map(str::to_owned)),
    }
}

/// The characters a search needs one of: digits and the Latin letters Vietnamese is written
/// in, accented or not. The `pattern` of every `q` parameter in the OpenAPI document says the
/// same (`[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]`); a test holds them together.
pub fn is_search_char(c: char) -> bool {
    c.is_ascii_digit() || crate::domain::text::is_latin_letter(c)
}

/// The 400 for a query string that does not parse, naming the parameter when serde does
/// (an unknown or repeated one).
pub fn query_error(e: &actix_web::error::QueryPayloadError) -> ApiError {
    let message = e.to_string();
    let named = |marker: &str| {
        let rest = &message[message.find(marker)? + marker.len()..];
        Some(rest[..rest.find('`')?].to_owned())
    };
    if let Some(name) = named("unknown field `") {
        let expected = message
            .split_once("expected ")
            .map(|(_, e)| format!("; this endpoint takes {}", e.replace("one of ", "")))
            .unwrap_or_default();
        return ApiError::bad_parameter(&name, format!("unknown parameter `{name}`{expected}"));
    }
    if let Some(name) = named("duplicate field `") {
        return ApiError::bad_parameter(&name, format!("`{name}` is given more than once"));
    }
    ApiError::bad_request(format!("invalid query string: {message}"))
}

/// A map: `2024`, `2025` or `all`; `default` when absent.
pub fn scheme(name: &str, value: Option<&str>, default: SchemeChoice) -> Result<SchemeChoice, ApiError> {
    match value {
        None => Ok(default),
        Some("all") => Ok(SchemeChoice::Both),
        Some(v) => Scheme::parse(v).map(SchemeChoice::One).ok_or_else(|| {
            let maps: Vec<&str> = Scheme::ALL.iter().map(|s| s.as_str()).collect();
            ApiError::bad_parameter(
                name,
                format!("{name} takes {} or all, got {v:?}", maps.join(", ")),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ArticleSort;

    #[test]
    fn a_keyword_is_read_and_refused_by_its_enums_own_spellings() {
        assert_eq!(
            spelled::<ArticleSort>("sort", Some("-published_on")).unwrap(),
            Some(ArticleSort::NewestFirst)
        );
        let refused = spelled::<ArticleSort>("sort", Some("newest"))
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("sort takes one of -published_on, published_on, title, relevance"),
            "{refused}"
        );
    }
}
