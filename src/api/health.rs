//! Liveness and readiness probes for load balancers and orchestrators.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::replica;
use super::state::{AppState, blocking};
use crate::error::{ApiError, Problem};

/// Liveness answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Health {
    pub status: String,
}

/// Readiness answer: the store is reachable and seeded (a replica: and not too far behind).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"status": "ready", "role": "primary", "articles": 5, "localities": 10794, "lag_seconds": null}))]
pub struct Ready {
    pub status: String,
    /// `primary` (it takes writes) or `replica` (reads only, from a copy Litestream follows).
    pub role: String,
    pub articles: i64,
    pub localities: i64,
    /// A replica: how old the primary's last heartbeat in its copy is, in seconds; `null` on a
    /// primary.
    pub lag_seconds: Option<f64>,
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
        crate::error::Unexpected,
    )
)]
pub async fn health() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into() })
}

/// Is the service ready to serve
///
/// 200 once the store is reachable and the gazetteer and seed articles are loaded, and on a
/// replica while its copy is less than the configured lag behind the primary; 503 otherwise,
/// so that a load balancer keeps traffic away.
#[utoipa::path(
    get,
    path = "/ready",
    tag = "service",
    operation_id = "ready",
    responses(
        (status = 200, description = "Store reachable and seeded", body = Ready),
        crate::error::Unexpected,
        (status = 503, description = "Store unreachable or not yet seeded, or a replica too far behind", body = Problem, content_type = "application/problem+json"),
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
    let lag = match &state.replica {
        None => None,
        Some(role) => {
            let beat = readiness.last_beat_ms.ok_or_else(|| {
                ApiError::unavailable(
                    "no heartbeat from the primary in this copy yet (the primary runs with CHISO_LITESTREAM=true)",
                )
            })?;
            let lag = replica::lag(beat, crate::heartbeat::now_ms());
            if lag > role.max_lag {
                return Err(ApiError::unavailable(format!(
                    "this replica is {:.1} s behind the primary (limit {} s)",
                    lag.as_secs_f64(),
                    role.max_lag.as_secs()
                )));
            }
            Some(lag.as_secs_f64())
        }
    };
    Ok(HttpResponse::Ok().json(Ready {
        status: "ready".into(),
        role: if state.replica.is_some() {
            "replica"
        } else {
            "primary"
        }
        .into(),
        articles: readiness.articles,
        localities: readiness.localities,
        lag_seconds: lag,
    }))
}
