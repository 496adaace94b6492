//! A read replica: it serves the read API from a copy of the store that Litestream keeps up
//! to date, sends writers to the primary, and says in `/ready` how far behind it is.

use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web;

use super::state::AppState;
use crate::error::Problem;

/// What makes a server a replica.
#[derive(Debug, Clone)]
pub struct ReplicaRole {
    /// Where writes go, when configured.
    pub primary: Option<String>,
    /// Past this lag, `/ready` answers 503 so that a balancer sends reads elsewhere.
    pub max_lag: Duration,
}

impl ReplicaRole {
    fn refusal(&self) -> String {
        match &self.primary {
            Some(url) => format!("this server is a read replica: send writes to the primary at {url}"),
            None => "this server is a read replica: send writes to the primary".to_owned(),
        }
    }
}

/// Answers every request but a read (GET, HEAD, a CORS preflight) 405 on a replica.
pub async fn refuse_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let role = req
        .app_data::<web::Data<AppState>>()
        .and_then(|state| state.replica.clone());
    let read = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    match role {
        Some(role) if !read => {
            let mut res = Problem::new(StatusCode::METHOD_NOT_ALLOWED, role.refusal()).into_response();
            res.headers_mut().insert(
                header::ALLOW,
                header::HeaderValue::from_static("GET, HEAD, OPTIONS"),
            );
            Ok(req.into_response(res))
        }
        _ => Ok(next.call(req).await?.map_into_boxed_body()),
    }
}

/// How far a replica's copy is behind the primary: the age of the last heartbeat it holds.
pub fn lag(last_beat_ms: i64, now_ms: i64) -> Duration {
    Duration::from_millis(now_ms.saturating_sub(last_beat_ms).max(0) as u64)
}
