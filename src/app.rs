//! The one function that builds the HTTP application, for `main` and for tests alike,
//! and the server start-up around it.

use std::sync::Arc;

use actix_cors::Cors;
use actix_web::body::{self, BodySize, MessageBody};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::{Compress, ErrorHandlerResponse, ErrorHandlers, Logger, from_fn};
use actix_web::rt::signal::unix::{SignalKind, signal};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use utoipa_swagger_ui::SwaggerUi;

use crate::api::{self, AppState};
use crate::config::Config;
use crate::error::{ApiError, PROBLEM_CONTENT_TYPE, Problem};
use crate::store::{Sharing, Store};

/// Builds the application around a store and gazetteer, with every middleware and route.
pub fn build_app(
    state: AppState,
    max_body_bytes: usize,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let cors = Cors::default()
        .allow_any_origin()
        .send_wildcard()
        .allowed_methods([
            Method::GET,
            Method::HEAD,
            Method::POST,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_NONE_MATCH,
            crate::api::request_id::REQUEST_ID,
        ])
        .expose_headers([
            header::LINK,
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            crate::api::request_id::REQUEST_ID,
        ])
        .max_age(86_400);
    App::new()
        .app_data(web::Data::new(state))
        .app_data(
            web::PathConfig::default()
                .error_handler(|e, _| ApiError::bad_request(format!("invalid path: {e}")).into()),
        )
        .app_data(web::PayloadConfig::new(max_body_bytes))
        .app_data(
            web::JsonConfig::default()
                .limit(max_body_bytes)
                .error_handler(|e, _| ApiError::bad_request(format!("invalid JSON body: {e}")).into()),
        )
        .wrap(from_fn(crate::api::replica::refuse_writes))
        .wrap(from_fn(crate::api::caching::etag))
        .wrap(from_fn(crate::api::compression::compress_small))
        .wrap(Compress::default())
        .wrap(cors)
        .wrap(ErrorHandlers::new().default_handler(problem_for_bare_error))
        .wrap(from_fn(crate::api::framing::framing))
        .wrap(from_fn(crate::api::request_id::request_id))
        .wrap(
            Logger::new(r#"%a "%{request}xi" %s %b %Dms "%{User-Agent}i" %{x-request-id}o"#)
                .custom_request_replace("request", crate::logging::request_line),
        )
        .configure(api::routes)
        .service(web::resource("/docs").route(web::get().to(docs_redirect)))
        .service(web::resource("/openapi.json").route(web::get().to(openapi_document)))
        .service(SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from("/openapi.json")))
        .default_service(web::to(no_route))
}

/// The OpenAPI document, naming the server it is served from (the public address, or the
/// request's scheme and host) so that "Try it out" and a Postman import reach this server.
async fn openapi_document(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    static DOCUMENT: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    let mut doc = DOCUMENT
        .get_or_init(|| serde_json::to_value(crate::openapi::spec()).unwrap_or_default())
        .clone();
    doc["servers"] = serde_json::json!([{"url": state.public.of(&req), "description": "This server"}]);
    HttpResponse::Ok().json(doc)
}

async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/docs/"))
        .finish()
}

async fn no_route(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found(format!("no resource at {}", req.path())))
}

/// Turns an error response that is not yet problem+json (a 405 from routing, a 413 from a
/// payload limit, a refused CORS preflight) into one, keeping its status and headers; a short
/// plain-text explanation becomes its detail.
fn problem_for_bare_error<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.as_bytes().to_vec());
    if content_type
        .as_deref()
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE.as_bytes()))
    {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let is_text = content_type.is_none_or(|v| v.starts_with(b"text/plain"));
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let status = res.status();
        let (req, original) = res.into_parts();
        let (original, body) = original.into_parts();
        let said = match body.size() {
            BodySize::Sized(n) if is_text && n <= 1024 => body::to_bytes(body)
                .await
                .ok()
                .and_then(|b| String::from_utf8(b.to_vec()).ok())
                .filter(|s| !s.trim().is_empty()),
            _ => None,
        };
        let detail = said.unwrap_or_else(|| {
            match status {
                StatusCode::METHOD_NOT_ALLOWED => "this resource does not answer this method",
                StatusCode::PAYLOAD_TOO_LARGE => "the request body is larger than this server accepts",
                s if s.is_server_error() => {
                    "the server could not answer this request; the error has been logged"
                }
                _ => "the request could not be answered",
            }
            .to_owned()
        });
        let mut problem = Problem::new(status, detail).into_response();
        for (name, value) in original.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                problem.headers_mut().append(name.clone(), value.clone());
            }
        }
        Ok(ServiceResponse::new(req, problem).map_into_right_body())
    })))
}

/// Waits for whichever of two futures ends first.
async fn first_of<A: std::future::Future, B: std::future::Future>(a: A, b: B) {
    let (a, b) = (std::pin::pin!(a), std::pin::pin!(b));
    futures_util::future::select(a, b).await;
}

/// Who else works on the store's file, by the configuration.
pub fn sharing(config: &Config) -> Sharing {
    match (config.read_only, config.litestream) {
        (true, _) => Sharing::Replica,
        (false, true) => Sharing::Litestream,
        (false, false) => Sharing::Alone,
    }
}

/// Opens the store, seeds it (a replica only reads its gazetteer) and serves until stopped.
pub async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let sharing = sharing(&config);
    let store = match sharing {
        Sharing::Replica => Store::open_replica(&config.db, config.litestream_vfs.as_deref()),
        _ => Store::open_shared(&config.db, sharing),
    }
    .map_err(|e| format!("cannot open the store at {}: {e}", config.db.display()))?;
    let seed_store = store.clone();
    let seed_dir = config.seed_dir.clone();
    let gazetteer = if sharing == Sharing::Replica {
        web::block(move || crate::seed::load_gazetteer(&seed_dir))
            .await
            .map_err(|e| format!("reading the gazetteer stopped: {e}"))?
            .map_err(|e| format!("cannot read the gazetteer: {e}"))?
    } else {
        web::block(move || crate::seed::seed(&seed_store, &seed_dir))
            .await
            .map_err(|e| format!("seeding stopped: {e}"))?
            .map_err(|e| format!("cannot seed the store: {e}"))?
            .0
    };
    let mut state = AppState::new(
        store.clone(),
        Arc::new(gazetteer),
        config.api_token.as_deref().map(Arc::from),
    )
    .with_public_base(api::PublicBase::new(
        config.public_url.as_ref(),
        config.trust_proxy,
    ));
    if sharing == Sharing::Replica {
        state = state.as_replica(api::replica::ReplicaRole {
            primary: config.primary_url.as_ref().map(|u| u.as_str().to_owned()),
            max_lag: std::time::Duration::from_secs(config.max_lag_secs),
        });
    }
    if sharing == Sharing::Litestream {
        crate::heartbeat::start(store.clone());
    }
    let warmer = crate::warmer::start(store.clone());
    let max_body = config.max_body_bytes;
    let mut server =
        HttpServer::new(move || build_app(state.clone(), max_body)).on_connect(api::framing::on_connect);
    if let Some(workers) = config.workers {
        server = server.workers(workers);
    }
    let server = server
        .disable_signals()
        .bind(config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
    for addr in server.addrs() {
        log::info!("chiso listening on http://{addr}");
    }
    // Listening for the stop signals before the first connection is accepted: a SIGTERM that
    // comes as soon as `/ready` answers still stops the server gracefully.
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let running = server.run();
    let handle = running.handle();
    actix_web::rt::spawn(async move {
        first_of(terminate.recv(), interrupt.recv()).await;
        handle.stop(true).await;
    });
    running.await?;
    web::block(move || {
        warmer.stop();
        store.close()
    })
    .await??;
    Ok(())
}
