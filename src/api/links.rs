//! Absolute links: the address clients reach the service at, from configuration, from a
//! trusted proxy's headers, or from the request itself.

use actix_web::HttpRequest;
use actix_web::http::header;

use crate::config::PublicUrl;

/// Where links in answers start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicBase {
    /// A configured address without its trailing slash (`https://example.vn/chiso`).
    fixed: Option<String>,
    /// Whether `Forwarded` and `X-Forwarded-*` are the proxy's, not the client's.
    trust_proxy: bool,
}

impl PublicBase {
    pub fn new(public_url: Option<&PublicUrl>, trust_proxy: bool) -> PublicBase {
        PublicBase {
            fixed: public_url.map(|u| u.as_str().to_owned()),
            trust_proxy,
        }
    }

    /// `scheme://host[/prefix]` for this request.
    pub fn of(&self, req: &HttpRequest) -> String {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let header = |name: &str| {
            req.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.split(',').next().unwrap_or("").trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let (mut scheme, mut host) = (None, None);
        if self.trust_proxy {
            if let Some(forwarded) = header("forwarded") {
                for pair in forwarded.split(';') {
                    match pair.trim().split_once('=') {
                        Some((k, v)) if k.eq_ignore_ascii_case("proto") => {
                            scheme = Some(v.trim_matches('"').to_owned())
                        }
                        Some((k, v)) if k.eq_ignore_ascii_case("host") => {
                            host = Some(v.trim_matches('"').to_owned())
                        }
                        _ => {}
                    }
                }
            }
            scheme = scheme.or_else(|| header("x-forwarded-proto"));
            host = host.or_else(|| header("x-forwarded-host"));
        }
        let scheme = scheme.filter(|s| s == "http" || s == "https").unwrap_or_else(|| {
            if req.app_config().secure() {
                "https"
            } else {
                "http"
            }
            .to_owned()
        });
        let host = host
            .or_else(|| header(header::HOST.as_str()))
            .or_else(|| req.uri().authority().map(|a| a.to_string()))
            .filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            })
            .unwrap_or_else(|| req.app_config().host().to_owned());
        format!("{scheme}://{host}")
    }

    /// The absolute URL of `path_and_query` (which starts with `/`).
    pub fn url(&self, req: &HttpRequest, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.of(req))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn proxy_headers_count_only_when_trusted() {
        let req = TestRequest::get()
            .uri("/articles")
            .insert_header(("host", "127.0.0.1:8080"))
            .insert_header(("x-forwarded-proto", "https"))
            .insert_header(("x-forwarded-host", "evil.example"))
            .to_http_request();
        assert_eq!(PublicBase::new(None, false).of(&req), "http://127.0.0.1:8080");
        assert_eq!(PublicBase::new(None, true).of(&req), "https://evil.example");
        let url: PublicUrl = "https://example.vn/chiso/".parse().unwrap();
        let fixed = PublicBase::new(Some(&url), true);
        assert_eq!(fixed.url(&req, "/articles"), "https://example.vn/chiso/articles");
        let forwarded = TestRequest::get()
            .insert_header(("forwarded", "for=1.2.3.4;proto=https;host=api.example.vn"))
            .to_http_request();
        assert_eq!(
            PublicBase::new(None, true).of(&forwarded),
            "https://api.example.vn"
        );
    }

    #[test]
    fn only_absolute_http_urls_are_public_urls() {
        for bad in [
            "example.vn",
            "ftp://x",
            "https://",
            "https://a.vn/?q=1",
            "https://a b",
        ] {
            assert!(bad.parse::<PublicUrl>().is_err(), "{bad}");
        }
    }
}
