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

/// What a write answers a client without write access: 401 without the token, 403 where
/// writes are off; and 500 when the server fails it.
#[derive(IntoResponses)]
pub enum WriteRefusals {
    #[response(
        status = 401,
        description = "No or wrong bearer token",
        content_type = "application/problem+json"
    )]
    NoToken(Problem),
    #[response(
        status = 403,
        description = "Writes are disabled on this server",
        content_type = "application/problem+json"
    )]
    Disabled(Problem),
    #[response(
        status = 500,
        description = "Unexpected failure",
        content_type = "application/problem+json"
    )]
    Unexpected(Problem),
}

/// A write that waits for the store's writer longer than a request may.
#[derive(IntoResponses)]
#[response(
    status = 503,
    description = "The server is busy (the store's writer is taken); try again after `Retry-After` seconds",
    content_type = "application/problem+json",
    headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))
)]
pub struct WriterBusy(
    #[expect(dead_code, reason = "the answer's body, for the document; never built")] Problem,
);

/// A CSV export asked for while the server streams as many as it allows.
#[derive(IntoResponses)]
#[response(
    status = 429,
    description = "CSV only: the server is streaming as many exports as it allows; try again after `Retry-After` seconds or page through the JSON list",
    content_type = "application/problem+json",
    headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))
)]
pub struct ExportsBusy(
    #[expect(dead_code, reason = "the answer's body, for the document; never built")] Problem,
);

/// A `GET` whose `If-None-Match` names the answer's `ETag`.
#[derive(IntoResponses)]
#[response(
    status = 304,
    description = "Not modified since the ETag given in If-None-Match"
)]
pub struct NotModified;
