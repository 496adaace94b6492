//! What every request meets before routing: a request whose length is framed two ways is
//! refused (RFC 9112 §6.3: a proxy in front may read a different request than this server),
//! and so is every request after it on the same connection, which is then closed; `HEAD` is
//! answered wherever `GET` is, as a `GET` whose body is not sent. Answers leave without
//! waiting on Nagle's algorithm.

use std::any::Any;
use std::cell::Cell;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::Extensions;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};

use crate::error::ApiError;

/// Set on a connection once a request on it was framed two ways: what the client sent after
/// it cannot be told apart from that request's body.
#[derive(Debug, Default)]
pub struct Tainted(Cell<bool>);

/// Gives each connection its taint flag, and sends its answers without Nagle's delay (a kept
/// connection otherwise waits up to 40 ms for the client's delayed ACK before the last
/// segment of an answer goes out); for `HttpServer::on_connect`.
pub fn on_connect(connection: &dyn Any, data: &mut Extensions) {
    if let Some(socket) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() {
        if let Err(e) = socket.set_nodelay(true) {
            log::debug!("TCP_NODELAY not set: {e}");
        }
    }
    data.insert(Tainted::default());
}

/// Marks a `HEAD` request answered as a `GET`: streamed answers then send headers only.
#[derive(Debug, Clone, Copy)]
pub struct HeadRequest;

/// Whether the request came as `HEAD`.
pub fn is_head(req: &HttpRequest) -> bool {
    req.extensions().contains::<HeadRequest>()
}

/// The framing middleware, for `middleware::from_fn`.
pub async fn framing(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let headers = req.headers();
    let tainted = req.conn_data::<Tainted>();
    if headers.contains_key(header::CONTENT_LENGTH) && headers.contains_key(header::TRANSFER_ENCODING) {
        if let Some(tainted) = tainted {
            tainted.0.set(true);
        }
        // The answer closes the connection.
        return Err(ApiError::ambiguous_framing(
            "a request may give Content-Length or Transfer-Encoding, not both",
        )
        .into());
    }
    if tainted.is_some_and(|t| t.0.get()) {
        return Err(ApiError::ambiguous_framing(
            "an earlier request on this connection gave both Content-Length and Transfer-Encoding; open a new connection",
        )
        .into());
    }
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
        req.extensions_mut().insert(HeadRequest);
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
