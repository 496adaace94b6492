//! RFC 7946 GeoJSON of units: a Point feature for each unit with coordinates, its fields as
//! flat properties, ready for Leaflet or MapLibre.

use actix_web::HttpResponse;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

/// An RFC 7946 FeatureCollection of Point features, one for each unit with coordinates; beside
/// `features`, the members of the JSON answer other than its list (`metric`, `meta`, …).
#[derive(ToSchema)]
#[allow(dead_code)] // The schema of what `respond` writes.
#[schema(example = json!({"type": "FeatureCollection", "features": [{
    "type": "Feature", "id": "2025-p19", "geometry": {"type": "Point", "coordinates": [105.8, 21.6]},
    "properties": {"locality_id": "2025-p19", "locality_name": "Tỉnh Thái Nguyên", "value": 5.3}
}]}))]
pub struct FeatureCollection {
    /// `FeatureCollection`.
    r#type: String,
    features: Vec<Feature>,
}

/// A unit as a Point feature; its fields flattened into `properties` (`province_name`).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Feature {
    /// `Feature`.
    r#type: String,
    /// The unit's id.
    id: String,
    geometry: Point,
    #[schema(value_type = Object)]
    properties: Map<String, Value>,
}

/// A point: `coordinates` are longitude then latitude (WGS 84).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Point {
    /// `Point`.
    r#type: String,
    coordinates: Vec<f64>,
}

/// A GeoJSON media type response of `features`, with `members` (RFC 7946 §6.1 foreign
/// members: what the list is about) beside them.
pub fn respond(features: Vec<Value>, members: Map<String, Value>) -> HttpResponse {
    let mut collection = Map::new();
    collection.insert("type".into(), json!("FeatureCollection"));
    collection.extend(members);
    collection.insert("features".into(), Value::Array(features));
    HttpResponse::Ok()
        .content_type("application/geo+json")
        .json(Value::Object(collection))
}

/// A Point feature at (`lon`, `lat`) with `id`, and `properties` flattened: a nested object's
/// fields become `{field}_{name}` (`province_name`); arrays are left out.
pub fn feature(id: &str, lon: f64, lat: f64, properties: Value) -> Value {
    let mut flat = Map::new();
    flatten("", properties, &mut flat);
    json!({
        "type": "Feature",
        "id": id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": Value::Object(flat),
    })
}

fn flatten(prefix: &str, value: Value, out: &mut Map<String, Value>) {
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                let name = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}_{k}")
                };
                flatten(&name, v, out);
            }
        }
        Value::Array(_) => {}
        other => {
            out.insert(prefix.to_owned(), other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_fields_become_flat_properties_and_arrays_are_left_out() {
        let f = feature(
            "06",
            105.8,
            22.1,
            json!({"name": "Bắc Kạn", "province": {"id": "2024-p06", "name": "Bắc Kạn"}, "aliases": [1]}),
        );
        assert_eq!(
            f["geometry"]["coordinates"],
            json!([105.8, 22.1]),
            "longitude first"
        );
        assert_eq!(
            f["properties"],
            json!({"name": "Bắc Kạn", "province_id": "2024-p06", "province_name": "Bắc Kạn"})
        );
    }
}
