//! The explorer: a page for people, built into the binary (no CDN, nothing fetched at run
//! time) and served at `/` to browsers, on top of the public API only. A client asking `/`
//! for JSON still gets the API root; `Vary: Accept` keeps caches apart.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

const PAGE: &str = include_str!("explorer/index.html");
const SCRIPT: &str = include_str!("explorer/app.js");
const STYLE: &str = include_str!("explorer/app.css");

/// Same-origin scripts, styles and API calls only; SVG drawn by the script needs nothing more.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Whether the request prefers an HTML page to JSON: a browser's navigation lists
/// `text/html` before any JSON type; curl's `*/*` and API clients' `application/json` do not.
pub fn wants_html(req: &HttpRequest) -> bool {
    let Some(accept) = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let quality = |wanted: &str| {
        accept
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';').map(str::trim);
                let media = pieces.next()?;
                let q = pieces
                    .find_map(|p| p.strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (media.eq_ignore_ascii_case(wanted)).then_some(q)
            })
            .fold(0.0_f32, f32::max)
    };
    let html = quality("text/html");
    html > 0.0 && html >= quality("application/json")
}

/// The explorer's page.
pub fn page() -> HttpResponse {
    asset(PAGE, "text/html; charset=utf-8")
}

/// Registers the page's script and style sheet.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/explorer/app.js")
            .route(web::get().to(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") })),
    )
    .service(
        web::resource("/explorer/app.css")
            .route(web::get().to(|| async { asset(STYLE, "text/css; charset=utf-8") })),
    );
}

fn asset(text: &'static str, content_type: &'static str) -> HttpResponse {
    let mut res = HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::VARY, "Accept"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(text);
    res.headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    res
}
