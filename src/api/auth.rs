//! Write access: `Authorization: Bearer <CHISO_API_TOKEN>`, compared in constant time.
//! No token configured means writes are disabled (403); reads never ask.

use std::future::{Ready, ready};

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use sha2::{Digest, Sha256};

use super::state::AppState;
use crate::error::ApiError;

/// Proof that a request may write; take it as the first argument of a write handler.
#[derive(Debug)]
pub struct WriteAccess;

impl FromRequest for WriteAccess {
    type Error = ApiError;
    type Future = Ready<Result<WriteAccess, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let expected = req
            .app_data::<web::Data<AppState>>()
            .and_then(|s| s.api_token.clone());
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        ready(check(expected.as_deref(), given))
    }
}

/// No credentials: 401 (ask for them). Credentials on a server without a token: 403.
fn check(expected: Option<&str>, given: Option<&str>) -> Result<WriteAccess, ApiError> {
    let token = given
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or_else(|| ApiError::Unauthorized("this endpoint needs Authorization: Bearer <token>".into()))?;
    let Some(expected) = expected else {
        return Err(ApiError::forbidden(
            "writes are disabled on this server: it was started without CHISO_API_TOKEN",
        ));
    };
    if same_secret(token, expected) {
        Ok(WriteAccess)
    } else {
        Err(ApiError::Unauthorized("the bearer token is not valid".into()))
    }
}

/// Equality whose time depends on neither the contents nor the lengths of the secrets.
fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked() {
        assert!(check(Some("s3cret"), Some("Bearer s3cret")).is_ok());
        assert!(check(Some("s3cret"), Some("bearer s3cret")).is_ok());
        assert!(matches!(
            check(Some("s3cret"), Some("Bearer wrong")),
            Err(ApiError::Unauthorized(_))
        ));
        assert!(matches!(
            check(Some("s3cret"), Some("Basic czNjcmV0")),
            Err(ApiError::Unauthorized(_))
        ));
        assert!(matches!(
            check(Some("s3cret"), None),
            Err(ApiError::Unauthorized(_))
        ));
        assert!(matches!(
            check(None, Some("Bearer s3cret")),
            Err(ApiError::Client { .. })
        ));
    }
}
