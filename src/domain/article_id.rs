//! The article id: the first 16 hex digits of the SHA-256 of the article's normalised text,
//! parsed once where it enters (a path) and trusted inside.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A stable article id: 16 lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(into = "String")]
#[schema(value_type = String, pattern = "^[0-9a-f]{16}$", example = "7bc80139dd48fc98")]
pub struct ArticleId(String);

/// Why a text is not an article id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an article id is 16 hexadecimal digits")]
pub struct BadArticleId;

impl ArticleId {
    /// The id of the article whose normalised text has this SHA-256 digest.
    pub fn of_digest(digest: &[u8]) -> ArticleId {
        ArticleId(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for ArticleId {
    type Err = BadArticleId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| ArticleId(s.to_owned())).ok_or(BadArticleId)
    }
}

/// Read from a query or a body in either case, as hex digits are written; kept lower-case.
impl<'de> Deserialize<'de> for ArticleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ArticleId, D::Error> {
        let s = String::deserialize(d)?;
        s.to_ascii_lowercase()
            .parse()
            .map_err(|e| serde::de::Error::custom(format!("{e}; got {s:?}")))
    }
}

impl From<ArticleId> for String {
    fn from(id: ArticleId) -> String {
        id.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_id_is_sixteen_lower_case_hex_digits() {
        assert_eq!(
            "7bc80139dd48fc98".parse::<ArticleId>().unwrap().as_str(),
            "7bc80139dd48fc98"
        );
        for bad in [
            "7BC80139DD48FC98",
            "7bc80139dd48fc9",
            "7bc80139dd48fc988",
            "nope",
            "",
            "7bc80139dd48fcé",
        ] {
            assert_eq!(bad.parse::<ArticleId>(), Err(BadArticleId), "{bad}");
        }
        assert_eq!(ArticleId::of_digest(&[0xab; 32]).as_str(), "abababababababab");
        let json = serde_json::to_value("7bc80139dd48fc98".parse::<ArticleId>().unwrap()).unwrap();
        assert_eq!(json, "7bc80139dd48fc98");
        assert!(serde_json::from_value::<ArticleId>(serde_json::json!("x")).is_err());
        let upper: ArticleId = serde_json::from_value(serde_json::json!("7BC80139DD48FC98")).unwrap();
        assert_eq!(upper.as_str(), "7bc80139dd48fc98");
    }
}
