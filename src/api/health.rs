//! Liveness and readiness probes for load balancers and orchestrators.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AppState, blocking};
use crate::error::{ApiError, Problem};

/// Liveness answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Health {
    pub status: String,
}

/// Readiness answer: the store is reachable and seeded.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"status": "ready", "articles": 5, "localities": 10794}))]
pub struct Ready {
    pub status: String,
    pub articles: i64,
    pub localities: i64,
}

/// Is the process alive
///
/// Answers 200 as long as the server can answer at all; it touches nothing else.
#[utoipa::path(
    get,
    path = "/health",
    tag = "service",
    operation_id = "health",
    responses(
        (status = 200, description = "The process is alive", body = Health),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into() })
}

/// Is the service ready to serve
///
/// 200 once the store is reachable and the gazetteer and seed articles are loaded;
/// 503 otherwise, so that a load balancer keeps traffic away.
#[utoipa::path(
    get,
    path = "/ready",
    tag = "service",
    operation_id = "ready",
    responses(
        (status = 200, description = "Store reachable and seeded", body = Ready),
        (status = 500, description = "Unexpected failure", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Store unreachable or not yet seeded", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let readiness = blocking(move || store.readiness())
        .await
        .map_err(|_| ApiError::unavailable("the store is not reachable"))?;
    if !readiness.seeded {
        return Err(ApiError::unavailable("the store is not seeded yet"));
    }
    Ok(HttpResponse::Ok().json(Ready {
        status: "ready".into(),
        articles: readiness.articles,
        localities: readiness.localities,
    }))
}
