//! The one error type of the HTTP API and its mapping to RFC 9457 problem+json.
//!
//! Every failure a client can see goes through [`ApiError`]; internal causes are logged
//! here and replaced by a generic message so that no SQL, path or panic text leaks.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{ConnectionType, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::store::StoreError;

mod problem;
mod responses;
pub use problem::{PROBLEM_CONTENT_TYPE, Problem};
pub use responses::{ExportsBusy, NotModified, ReadFailures, Unexpected, WriteRefusals, WriterBusy};

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
    /// 429 or 503: the server cannot take the request now; `Retry-After` says when to come back.
    #[error("{detail}")]
    Retry {
        status: StatusCode,
        detail: String,
        retry_after_secs: u32,
    },
    /// 400 for a request whose end cannot be known for sure; answered on a closing connection.
    #[error("{0}")]
    Framing(String),
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

    /// 410: what the id named existed and is gone for good.
    pub fn gone(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::GONE, detail)
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

    /// 408: the body did not arrive in time; the connection is closed.
    pub fn body_timeout(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::REQUEST_TIMEOUT, detail)
    }

    /// 400 for a request framed two ways; the connection is closed.
    pub fn ambiguous_framing(detail: impl Into<String>) -> Self {
        ApiError::Framing(detail.into())
    }

    /// 415 for a `Content-Encoding` the server cannot undo; the answer lists those it can.
    pub fn unsupported_coding(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::UNSUPPORTED_MEDIA_TYPE, detail)
    }

    /// 404 for an id that names no `thing` ("article", "locality", "indicator"): one wording.
    pub fn no_such(thing: &str) -> Self {
        Self::not_found(format!("no {thing} has this id"))
    }

    pub fn unprocessable(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::UNPROCESSABLE_ENTITY, detail)
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::client(StatusCode::SERVICE_UNAVAILABLE, detail)
    }

    /// 503 with `Retry-After`: busy now, try again shortly.
    pub fn busy(detail: impl Into<String>) -> Self {
        ApiError::Retry {
            status: StatusCode::SERVICE_UNAVAILABLE,
            detail: detail.into(),
            retry_after_secs: 1,
        }
    }

    /// 429 with `Retry-After`: this kind of request is at its limit.
    pub fn too_many(detail: impl Into<String>, retry_after_secs: u32) -> Self {
        ApiError::Retry {
            status: StatusCode::TOO_MANY_REQUESTS,
            detail: detail.into(),
            retry_after_secs,
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        ApiError::Internal(cause.to_string())
    }

    pub(crate) fn problem(&self) -> Problem {
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
            ApiError::Retry { status, detail, .. } => Problem::new(*status, detail.clone()),
            ApiError::Framing(detail) => Problem::new(StatusCode::BAD_REQUEST, detail.clone()),
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
            ApiError::Retry { status, .. } => *status,
            ApiError::Framing(_) => StatusCode::BAD_REQUEST,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(cause) = self {
            log::error!("{cause}");
        }
        let mut res = self.problem().into_response();
        match self {
            ApiError::Unauthorized(_) => {
                res.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"chiso\", charset=\"UTF-8\""),
                );
            }
            ApiError::Retry { retry_after_secs, .. } => {
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            _ => {}
        }
        match res.status() {
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                res.headers_mut().insert(
                    header::ACCEPT_ENCODING,
                    HeaderValue::from_static("gzip, deflate, identity"),
                );
            }
            // What follows a body that did not arrive in time, or a body of unsure length,
            // is not read as another request.
            StatusCode::REQUEST_TIMEOUT => res.head_mut().set_connection_type(ConnectionType::Close),
            _ if matches!(self, ApiError::Framing(_)) => {
                res.head_mut().set_connection_type(ConnectionType::Close)
            }
            _ => {}
        }
        res
    }
}

impl From<StoreError> for ApiError {
    /// A busy store or a query stopped past its budget is a 503 the client may retry; every
    /// other failure is logged and answered 500.
    fn from(e: StoreError) -> Self {
        let interrupted = matches!(&e, StoreError::Sqlite(s)
            if s.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted));
        if interrupted || matches!(e, StoreError::TooSlow(_)) {
            log::warn!("{e}");
            return ApiError::busy("the query took longer than this server allows; narrow it or try again");
        }
        if e.is_transient() {
            log::warn!("{e}");
            return ApiError::busy("the store is busy; try again shortly");
        }
        ApiError::internal(e)
    }
}
