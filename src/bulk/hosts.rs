//! `--host` filters: which pages of a crawl to load, by the host of their address. A pattern
//! starting with a dot names a domain and everything under it (`.gov.vn`); any other names a
//! host and its subdomains (`baothainguyen.vn` takes `www.baothainguyen.vn`).

/// The hosts to load; empty loads every page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostFilter {
    patterns: Vec<String>,
}

impl HostFilter {
    pub fn new(patterns: &[String]) -> HostFilter {
        let patterns = patterns
            .iter()
            .map(|p| p.trim().trim_end_matches('.').to_ascii_lowercase())
            .filter(|p| !p.is_empty() && p != ".")
            .collect();
        HostFilter { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether a page at `url` is loaded: every page when no host is named, else only pages
    /// whose address has a named host (a page without an address has none).
    pub fn allows(&self, url: Option<&str>) -> bool {
        if self.patterns.is_empty() {
            return true;
        }
        let Some(host) = url.and_then(host_of) else {
            return false;
        };
        self.patterns.iter().any(|p| match p.strip_prefix('.') {
            Some(domain) => host == domain || host.ends_with(p.as_str()),
            None => {
                host == *p
                    || host
                        .strip_suffix(p.as_str())
                        .is_some_and(|sub| sub.ends_with('.'))
            }
        })
    }
}

/// The lower-cased host of an http(s) address, without user, port or trailing dot.
fn host_of(url: &str) -> Option<String> {
    let rest = url
        .split_once("://")
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))?
        .1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(patterns: &[&str]) -> HostFilter {
        HostFilter::new(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_dotted_pattern_takes_a_domain_and_a_bare_one_a_host_with_its_subdomains() {
        let f = filter(&[".gov.vn", "BaoThaiNguyen.vn"]);
        assert!(f.allows(Some("https://thainguyen.gov.vn/tin-tuc/1")));
        assert!(f.allows(Some("http://www.baothainguyen.vn:8080/a?b")));
        assert!(f.allows(Some("https://baothainguyen.vn")));
        assert!(!f.allows(Some("https://notbaothainguyen.vn/x")));
        assert!(!f.allows(Some("https://gov.vn.example.com/x")));
        assert!(!f.allows(Some("ftp://thainguyen.gov.vn/x")));
        assert!(
            !f.allows(None),
            "a page without an address is not from a named host"
        );
        assert!(filter(&[]).allows(None));
    }

    #[test]
    fn a_host_is_read_without_user_port_or_case() {
        assert_eq!(
            host_of("https://u:p@Xa.GOV.vn.:443/p").as_deref(),
            Some("xa.gov.vn")
        );
        assert_eq!(host_of("mailto:a@b.vn"), None);
    }
}
