//! The error answers many operations share, stated once for the OpenAPI document: a handler
//! lists its own 4xx answers and names these sets for the rest.

use utoipa::IntoResponses;

use super::Problem;

/// What a read answers when the server fails it: 500, or 503 while the store is busy.
#[derive(IntoResponses)]
pub enum ReadFailures {
    #[response(
        status = 500,
        description = "Unexpected failure",
        content_type = "application/problem+json"
    )]
    Unexpected(Problem),
    #[response(
        status = 503,
        description = "The store is busy or the query ran past its time budget; try again after `Retry-After` seconds",
        content_type = "application/problem+json",
        headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))
    )]
    Busy(Problem),
}

/// What any operation answers when the server fails it unexpectedly.
#[derive(IntoResponses)]
#[response(
    status = 500,
    description = "Unexpected failure",
    content_type = "application/problem+json"
)]
pub struct Unexpected(
    #[expect(dead_code, reason = "the answer's body, for the document; never built")] Problem,
);
