//! The query-string extractor every handler uses: a parameter sent empty (`?year=`) is read
//! as not sent, as HTML forms and API clients that list every parameter send them.

use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

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
        let query = without_empty_values(req.query_string());
        ready(
            web::Query::<T>::from_query(&query)
                .map(|q| Query(q.into_inner()))
                .map_err(|e| super::params::query_error(&e).into()),
        )
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
