//! Filters that take one value or several separated by commas: units, articles, metrics,
//! a card's parts, facets.

use super::locality;
use crate::domain::{CardParts, FacetKey, Gazetteer, MetricKey, PlaceId};
use crate::error::ApiError;

/// Most values a comma-separated filter takes.
pub const MAX_VALUES: usize = 50;

/// The comma-separated values of a filter, at most [`MAX_VALUES`], without repeats.
fn values<'a>(name: &str, list: &'a str) -> Result<Vec<&'a str>, ApiError> {
    let mut out: Vec<&str> = Vec::new();
    for v in list.split(',').map(str::trim) {
        if v.is_empty() {
            return Err(ApiError::bad_parameter(
                name,
                format!("{name} has an empty value between commas"),
            ));
        }
        if !out.contains(&v) {
            out.push(v);
        }
    }
    if out.len() > MAX_VALUES {
        return Err(ApiError::bad_parameter(
            name,
            format!("{name} takes at most {MAX_VALUES} values separated by commas"),
        ));
    }
    Ok(out)
}

/// One or several units' ids, separated by commas: 400 when one is malformed, 404 when one
/// is well-formed but unknown.
pub fn localities(name: &str, value: Option<&str>, gazetteer: &Gazetteer) -> Result<Vec<PlaceId>, ApiError> {
    let Some(list) = value else { return Ok(Vec::new()) };
    let mut ids = Vec::new();
    for id in values(name, list)? {
        ids.extend(locality(name, Some(id), gazetteer)?);
    }
    Ok(ids)
}

/// One or several article ids (16 hex digits), separated by commas.
pub fn article_ids(name: &str, value: Option<&str>) -> Result<Vec<String>, ApiError> {
    let Some(list) = value else { return Ok(Vec::new()) };
    values(name, list)?
        .into_iter()
        .map(
            |id| match id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
                true => Ok(id.to_ascii_lowercase()),
                false => Err(ApiError::bad_parameter(
                    name,
                    format!("an article id is 16 hexadecimal digits; got {id:?}"),
                )),
            },
        )
        .collect()
}

/// One metric key of the catalog (`other` included), or several separated by commas.
pub fn metrics(name: &str, value: Option<&str>) -> Result<Vec<MetricKey>, ApiError> {
    let Some(list) = value else { return Ok(Vec::new()) };
    let mut keys: Vec<MetricKey> = Vec::new();
    for key in values(name, list)? {
        let metric = MetricKey::parse(key).ok_or_else(|| {
            ApiError::bad_parameter(name, format!("{key:?} is not a metric; GET /metrics lists them"))
        })?;
        if !keys.contains(&metric) {
            keys.push(metric);
        }
    }
    Ok(keys)
}

/// What a summary card embeds: `series`, `children`, separated by commas.
pub fn card_parts(name: &str, value: Option<&str>) -> Result<CardParts, ApiError> {
    let mut parts = CardParts::default();
    let Some(list) = value.filter(|v| !v.trim().is_empty()) else {
        return Ok(parts);
    };
    for v in values(name, list)? {
        match v {
            "series" => parts.series = true,
            "children" => parts.children = true,
            _ => {
                return Err(ApiError::bad_parameter(
                    name,
                    format!("{name} takes series, children, got {v:?}"),
                ));
            }
        }
    }
    Ok(parts)
}

/// Fields to count a list by, separated by commas.
pub fn facets(name: &str, value: Option<&str>) -> Result<Vec<FacetKey>, ApiError> {
    let Some(list) = value.filter(|v| !v.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    let names = FacetKey::ALL.map(FacetKey::as_str);
    values(name, list)?
        .into_iter()
        .map(|v| {
            FacetKey::parse(v).ok_or_else(|| {
                ApiError::bad_parameter(name, format!("{name} takes {}, got {v:?}", names.join(", ")))
            })
        })
        .collect()
}
