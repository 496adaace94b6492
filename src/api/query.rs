//! The query-string extractor every handler uses: a parameter sent empty (`?year=`) is read
//! as not sent, as HTML forms and API clients that list every parameter send them.

use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A handler's query parameters, deserialised once, without the ones sent empty.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The query string without its empty pairs (`a=`, `a`, `&&`).
pub fn without_empty_values(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| pair.split_once('=').is_some_and(|(_, value)| !value.is_empty()))
        .collect::<Vec<_>>()
        .join("&")
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.query_string()).map(Query).map_err(Into::into))
    }
}

/// A query string read into `T`, without its empty pairs; a refusal names the parameter.
pub fn parse<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let query = without_empty_values(query);
    let mut names = std::collections::HashSet::new();
    for (name, _) in form_urlencoded::parse(query.as_bytes()) {
        if names.contains(&name) {
            return Err(ApiError::bad_parameter(
                &name,
                format!("`{name}` is given more than once"),
            ));
        }
        names.insert(name);
    }
    let pairs = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(pairs)
        .map_err(|e| refusal(&e.path().to_string(), &e.inner().to_string()))
}

/// The 400 for a parameter serde refused: an unknown or repeated parameter, a keyword not of
/// its enum, or a value its type refused with a predicate ("takes …").
fn refusal(path: &str, message: &str) -> ApiError {
    let quoted = |marker: &str| {
        let rest = &message[message.find(marker)? + marker.len()..];
        Some(rest[..rest.find('`')?].to_owned())
    };
    if let Some(name) = quoted("unknown field `") {
        let expected = message
            .split_once("expected ")
            .map(|(_, e)| format!("; this endpoint takes {}", e.replace("one of ", "")))
            .unwrap_or_default();
        return ApiError::bad_parameter(&name, format!("unknown parameter `{name}`{expected}"));
    }
    let name = path.split('.').next().unwrap_or(path);
    if name.is_empty() || name == "?" {
        return ApiError::bad_request(format!("invalid query string: {message}"));
    }
    if let Some(given) = quoted("unknown variant `") {
        let allowed = message
            .split_once("expected ")
            .map(|(_, e)| {
                e.trim_start_matches("one of ")
                    .replace(" or ", ", ")
                    .replace('`', "")
            })
            .unwrap_or_default();
        return ApiError::bad_parameter(name, format!("{name} takes one of {allowed}, got {given:?}"));
    }
    match message.starts_with("takes ") {
        true => ApiError::bad_parameter(name, format!("{name} {message}")),
        false => ApiError::bad_parameter(name, format!("{name}: {message}")),
    }
}

#[cfg(test)]
mod tests {
    use super::without_empty_values;

    #[test]
    fn empty_pairs_are_dropped_and_the_rest_kept_in_order() {
        assert_eq!(without_empty_values("a=&b=2&c&&d=%20"), "b=2&d=%20");
        assert_eq!(without_empty_values(""), "");
        assert_eq!(without_empty_values("q=a%3D"), "q=a%3D");
    }
}
