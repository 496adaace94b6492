//! `/localities`: the gazetteer of both maps.

use super::query::Query;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{FieldList, Format, Output};
use super::pagination::{Page, PageRequest};
use super::params::{Flag, Limit, Offset, Search};
use super::state::{AppState, blocking};
use super::{geojson, params};
use crate::domain::{
    Gazetteer, Level, Locality, LocalityDetail, LocalityFilter, LocalitySort, PlaceId, Scheme, SchemeChoice,
    UnitType,
};
use crate::error::{ApiError, Problem};

/// Filters of `GET /localities`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LocalityListQuery {
    /// Items per page, 1 to 200.
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Items to skip.
    #[param(inline)]
    pub offset: Option<Offset>,
    /// The map: `2025` (in force since 1 July 2025; the default), `2024` (before it) or `all`.
    /// With `parent`, the parent's map.
    pub scheme: Option<SchemeChoice>,
    pub level: Option<Level>,
    /// Legal type of the unit, in English.
    #[param(rename = "type")]
    #[serde(rename = "type")]
    pub unit_type: Option<UnitType>,
    /// Id of the parent unit (`2025-p19`).
    #[param(inline)]
    pub parent: Option<PlaceId>,
    /// Words of the name, with or without accents, each matching the start of a word of the
    /// name: `bac kan`, `ninh th` (Ninh Thuận).
    #[param(inline)]
    pub q: Option<Search>,
    /// Only units that articles name (`true`) or that none does (`false`).
    #[param(value_type = Option<bool>)]
    pub has_articles: Option<Flag>,
    /// `code` (the default: by map, then GSO code) or `name` (the name without its type, accents
    /// folded: Bắc Giang, Bắc Kạn, Bắc Ninh …).
    pub sort: Option<LocalitySort>,
    /// Only these fields of each unit, separated by commas (`fields=id,name,lat,lon`).
    #[param(inline)]
    pub fields: Option<FieldList<Locality>>,
    /// `json` (one page, the default), `geojson` (a Point feature for each unit of the whole filtered list),
    /// `csv` or `ndjson` (the whole filtered list); also chosen by the `Accept` header.
    pub format: Option<Format>,
    /// With `csv`: start with a UTF-8 byte order mark, for spreadsheets that need one.
    #[param(value_type = Option<bool>, default = false)]
    pub bom: Option<Flag>,
}

/// List localities
///
/// Vietnam's administrative units on the map in force since 1 July 2025 (34 provinces, 3,321
/// communes; `scheme=2025`, the default) or on the map before it (63 provinces, 696
/// districts, 10,035 communes; `scheme=2024`), filtered by level, type, parent, name or
/// articles. Every unit has an `id` unambiguous across both maps: its map, a level letter and
/// its GSO code (`2024-p19`, `2025-p19`, `2025-c10402`; the bare codes of earlier releases are accepted too).
#[utoipa::path(
    get,
    path = "/localities",
    tag = "localities",
    operation_id = "list_localities",
    params(LocalityListQuery),
    responses(
        (status = 200, description = "One page of units (GeoJSON: a feature for each), or all of them as CSV or NDJSON",
         content((Page<Locality> = "application/json"), (geojson::FeatureCollection = "application/geo+json"),
                 (String = "text/csv"), (Locality = "application/x-ndjson"))),
        crate::error::NotModified,
        (status = 400, description = "A query parameter is malformed or unknown", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`parent` is well-formed but no unit has that id", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn list_localities(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: Query<LocalityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = PageRequest::of(query.limit, query.offset);
    let parent = params::known_one("parent", query.parent.clone(), &state.gazetteer)?;
    let default_scheme = SchemeChoice::One(parent.as_ref().map_or(Scheme::Y2025, PlaceId::scheme));
    let filter = LocalityFilter {
        scheme: query.scheme.unwrap_or(default_scheme),
        level: query.level,
        unit_type: query.unit_type,
        parent,
        q: query.q.clone().map(|q| q.0),
        has_articles: query.has_articles.map(|f| f.0),
        by_name: query.sort == Some(LocalitySort::Name),
    };
    let output = Output::of(&req, query.format, query.fields.clone(), query.bom, Format::UNITS);
    let store = state.store.clone();
    if output.format != Format::Json {
        // At most the 13,390 units of both maps: an export is the whole filtered list.
        let (units, total) = blocking(move || store.list_localities(&filter, u32::MAX, 0)).await?;
        if output.format != Format::Geojson {
            return Ok(output.whole("localities", &units));
        }
        let features = units
            .iter()
            .filter_map(|u| {
                let properties = output.fields.as_ref().map_or_else(
                    || serde_json::to_value(u).unwrap_or_default(),
                    |f| f.apply(serde_json::to_value(u).unwrap_or_default()),
                );
                Some(geojson::feature(&u.id.to_string(), u.lon?, u.lat?, properties))
            })
            .collect();
        let members = serde_json::json!({"meta": {"total": total.count, "total_exact": total.exact}});
        let members = members.as_object().cloned().unwrap_or_default();
        return Ok(geojson::respond(features, members));
    }
    let (items, total) = blocking(move || store.list_localities(&filter, page.limit, page.offset)).await?;
    Ok(Page::new(&req, page, items, total).respond_with(output.fields.as_ref()))
}

/// Id of a unit.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct LocalityPath {
    /// Id on either map (`2024-d058`, `2025-p19`; the earlier forms `058` and `2025-19` are
    /// accepted too).
    #[param(value_type = PlaceId, inline, example = "2025-p19")]
    pub id: String,
}

impl LocalityPath {
    /// The unit this path names: 400 when malformed, 404 when no unit has the id.
    pub(super) fn unit(&self, gazetteer: &Gazetteer) -> Result<PlaceId, ApiError> {
        let id: PlaceId = self
            .id
            .parse()
            .map_err(|e| ApiError::bad_parameter("id", format!("{e}; got {:?}", self.id)))?;
        match gazetteer.get(&id) {
            Some(_) => Ok(id),
            None => Err(ApiError::no_such("locality")),
        }
    }
}

/// Get a locality
///
/// One unit with its parents, how many units it has under it, its historical names, its
/// counterparts on the other map (a 2025 unit's predecessors, a 2024 unit's successors) and
/// how many articles name it or a unit on its ground.
#[utoipa::path(
    get,
    path = "/localities/{id}",
    tag = "localities",
    operation_id = "get_locality",
    params(LocalityPath),
    responses(
        (status = 200, description = "The unit", body = LocalityDetail),
        crate::error::NotModified,
        (status = 400, description = "The id is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No unit has this id", body = Problem, content_type = "application/problem+json"),
        crate::error::ReadFailures,
    )
)]
pub async fn get_locality(
    state: web::Data<AppState>,
    path: web::Path<LocalityPath>,
) -> Result<HttpResponse, ApiError> {
    let id = path.unit(&state.gazetteer)?;
    let store = state.store.clone();
    let article_count = blocking({
        let id = id.clone();
        move || store.article_count(&id)
    })
    .await?;
    let detail = state
        .gazetteer
        .detail(&id, article_count)
        .ok_or_else(|| ApiError::no_such("locality"))?;
    Ok(HttpResponse::Ok().json(detail))
}
