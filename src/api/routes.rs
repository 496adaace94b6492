//! The route table: each route of the API is declared here once, with its path, its methods
//! and its handler, and both the router and the OpenAPI document's operations are built from
//! it. A handler's `#[utoipa::path]` says what it answers; a test checks that it names the
//! table's path and method.

use actix_web::web;

use super::{
    articles, comparison, explorer, health, indicators, localities, metrics, root, series, summaries, writes,
};

/// Declares the table once and derives from it: [`routes`], [`RouteDoc`] and [`ROUTES`].
macro_rules! route_table {
    ($( $path:literal => { $( $method:ident : $module:ident :: $handler:ident ),+ $(,)? } ),* $(,)?) => {
        /// Registers every route of the API (and the explorer's assets).
        pub fn routes(cfg: &mut web::ServiceConfig) {
            cfg.configure(explorer::routes);
            $( cfg.service(web::resource($path) $( .route(web::$method().to($module::$handler)) )+ ); )*
        }

        /// The operations of every route, from the handlers' annotations.
        #[derive(utoipa::OpenApi)]
        #[openapi(paths( $( $( $module::$handler ),+ ),* ))]
        pub struct RouteDoc;

        /// Every (path, method) the router serves.
        pub const ROUTES: &[(&str, &str)] = &[ $( $( ($path, stringify!($method)) ),+ ),* ];
    };
}

route_table! {
    "/" => { get: root::api_root },
    "/health" => { get: health::health },
    "/ready" => { get: health::ready },
    "/articles" => { get: articles::list_articles, post: writes::create_article },
    "/articles/{id}" => { get: articles::get_article, delete: writes::delete_article },
    "/articles/{id}/reextract" => { post: writes::reextract_article },
    "/admin/reextract" => { post: writes::reextract_all },
    "/articles/{id}/indicators" => { get: articles::list_article_indicators },
    "/indicators" => { get: indicators::list_indicators },
    "/indicators/{id}" => { get: indicators::get_indicator },
    "/metrics" => { get: metrics::list_metrics },
    "/metrics/{metric}/localities" => { get: comparison::compare_metric },
    "/localities" => { get: localities::list_localities },
    "/localities/{id}" => { get: localities::get_locality },
    "/localities/{id}/summary" => { get: summaries::get_locality_summary },
    "/localities/{id}/metrics/{metric}/series" => { get: series::get_metric_series },
    "/summaries" => { get: summaries::list_summaries },
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use utoipa::OpenApi;

    use super::*;

    #[test]
    fn every_route_of_the_table_is_documented_at_its_path_and_method_and_nothing_else_is() {
        let served: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|(p, m)| (p.to_string(), m.to_string()))
            .collect();
        assert_eq!(served.len(), ROUTES.len(), "a route is declared twice");
        let doc = serde_json::to_value(RouteDoc::openapi()).unwrap();
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
                    .map(move |m| (path.clone(), m.clone()))
            })
            .collect();
        assert_eq!(served, documented);
        let whole = serde_json::to_value(crate::openapi::spec()).unwrap();
        for (path, method) in &served {
            assert!(
                whole["paths"][path][method].is_object(),
                "{method} {path} is missing from the served document"
            );
        }
    }
}
