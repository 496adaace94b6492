//! The one error type of the HTTP API and its mapping to RFC 9457 problem+json.
//!
//! Every failure a client can see goes through [`ApiError`]; internal causes are logged
//! here and replaced by a generic message so that no SQL, path or panic text leaks.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::store::StoreError;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// An RFC 9457 problem detail, the body of every 4xx and 5xx response.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "about:blank", "title": "Bad Request", "status": 400,
    "detail": "limit must be between 1 and 200", "parameter": "limit"
}))]
pub struct Problem {
    /// A URI reference naming the problem type; `about:blank` means the status says it all.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short, human-readable summary of the status.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Explanation specific to this occurrence.
    pub detail: String,
    /// The query or path parameter at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// The request body field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            problem_type: "about:blank".to_owned(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            parameter: None,
            field: None,
        }
    }

    pub fn into_response(self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self).unwrap_or_default();
        HttpResponse::build(status)
            .insert_header((
                header::CONTENT_TYPE,
                HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
            ))
            .body(body)
    }
}

/// Every error a handler can answer with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A 4xx (or 503) the client can act on.
    #[error("{detail}")]
    Client {
        status: StatusCode,
        detail: String,
        parameter: Option<String>,
        field: Option<String>,
    },
    /// 401: credentials missing or wrong; answered with `WWW-Authenticate`.
    #[error("{0}")]
    Unauthorized(String),
    /// 500: logged here, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    fn client(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError::Client {
            status,
            detail: detail.into(),
            parameter: None,
            field: None,
        }
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::BAD_REQUEST, detail)
    }

    /// 400 naming the query or path parameter at fault.
    pub fn bad_parameter(parameter: &str, detail: impl Into<String>) -> Self {
        ApiError::Client {
            status: StatusCode::BAD_REQUEST,
            detail: detail.into(),
            parameter: Some(parameter.to_owned()),
            field: None,
        }
    }

    /// A body field at fault: 400 for a wrong type, 422 for a value that cannot be used.
    pub fn bad_field(status: StatusCode, field: &str, detail: impl Into<String>) -> Self {
        ApiError::Client {
            status,
            detail: detail.into(),
            parameter: None,
            field: Some(field.to_owned()),
        }
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::NOT_FOUND, detail)
    }

    /// 404 for a well-formed parameter that names nothing (a locality code, say).
    pub fn unknown_parameter(parameter: &str, detail: impl Into<String>) -> Self {
        ApiError::Client {
            status: StatusCode::NOT_FOUND,
            detail: detail.into(),
            parameter: Some(parameter.to_owned()),
            field: None,
        }
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::FORBIDDEN, detail)
    }

    pub fn unsupported_media_type(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::UNSUPPORTED_MEDIA_TYPE, detail)
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::SERVICE_UNAVAILABLE, detail)
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        ApiError::Internal(cause.to_string())
    }

    fn problem(&self) -> Problem {
        match self {
            ApiError::Client {
                status,
                detail,
                parameter,
                field,
            } => Problem {
                parameter: parameter.clone(),
                field: field.clone(),
                ..Problem::new(*status, detail.clone())
            },
            ApiError::Unauthorized(detail) => Problem::new(StatusCode::UNAUTHORIZED, detail.clone()),
            ApiError::Internal(_) => Problem::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The server could not answer this request; the error has been logged.",
            ),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Client { status, .. } => *status,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            log::error!("{cause}");
        }
        let mut res = self.problem().into_response();
        if let ApiError::Unauthorized(_) = self {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"chiso\", charset=\"UTF-8\""),
            );
        }
        res
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::internal(e)
    }
}
