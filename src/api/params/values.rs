//! The values query parameters take, each read from its text by serde with one refusal: a
//! predicate that follows the parameter's name ("takes true or false, got \"x\""), which
//! [`super::super::query`] turns into the 400 naming the parameter.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};

use super::super::pagination::{DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};

/// Most values a comma-separated filter takes.
pub const MAX_VALUES: usize = 50;

/// Most characters a search text takes.
pub const MAX_SEARCH_CHARS: usize = 200;

/// Reads a value from the parameter's text, or refuses it with a predicate.
fn from_text<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    struct Text;
    impl Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
    }
    let text = d.deserialize_str(Text)?;
    parse(&text).map_err(de::Error::custom)
}

/// Declares how a wrapper type is read from its text.
macro_rules! query_value {
    ($type:ident, |$text:ident| $parse:expr) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$type, D::Error> {
                from_text(d, |$text: &str| $parse)
            }
        }
    };
}

/// `true` or `false` (also `1` or `0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(pub bool);

query_value!(Flag, |text| match text {
    "true" | "1" => Ok(Flag(true)),
    "false" | "0" => Ok(Flag(false)),
    other => Err(format!("takes true or false, got {other:?}")),
});

/// Reads an optional flag, `default` when absent.
pub fn flag_or(value: Option<Flag>, default: bool) -> bool {
    value.map_or(default, |f| f.0)
}

/// An ISO calendar date (`2021-07-20`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub NaiveDate);

query_value!(IsoDate, |text| NaiveDate::parse_from_str(text, "%Y-%m-%d")
    .map(IsoDate)
    .map_err(|_| format!("takes a date as YYYY-MM-DD, got {text:?}")));

/// A finite number (never NaN or an infinity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finite(pub f64);

query_value!(Finite, |text| text
    .parse::<f64>()
    .ok()
    .filter(|n| n.is_finite())
    .map(Finite)
    .ok_or_else(|| format!("takes a number, got {text:?}")));

/// Items per page, 1 to [`MAX_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub u32);

impl Default for Limit {
    fn default() -> Limit {
        Limit(DEFAULT_LIMIT)
    }
}

query_value!(Limit, |text| text
    .parse::<u32>()
    .ok()
    .filter(|l| (1..=MAX_LIMIT).contains(l))
    .map(Limit)
    .ok_or_else(|| format!(
        "takes an integer from 1 to {MAX_LIMIT}, got {text:?}"
    )));

/// Items to skip, 0 to [`MAX_OFFSET`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Offset(pub u64);

query_value!(Offset, |text| text
    .parse::<u64>()
    .ok()
    .filter(|o| *o <= MAX_OFFSET)
    .map(Offset)
    .ok_or_else(|| format!(
        "takes an integer from 0 to {MAX_OFFSET}, got {text:?}"
    )));

/// A search text with at least one word in it, at most [`MAX_SEARCH_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search(pub String);

query_value!(Search, |text| {
    if !text.chars().any(is_search_char) {
        Err("takes a text with at least one letter of the Latin alphabet (with or without accents) or a digit".to_owned())
    } else if text.chars().count() > MAX_SEARCH_CHARS {
        Err(format!("takes at most {MAX_SEARCH_CHARS} characters"))
    } else {
        Ok(Search(text.to_owned()))
    }
});

/// The characters a search needs one of: digits and the Latin letters Vietnamese is written
/// in, accented or not. The `pattern` of every `q` parameter in the OpenAPI document says the
/// same (`[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]`); a test holds them together.
pub fn is_search_char(c: char) -> bool {
    c.is_ascii_digit() || crate::domain::text::is_latin_letter(c)
}

/// One value or several separated by commas, each read as `T` reads its text, without
/// repeats, at most [`MAX_VALUES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Several<T>(pub Vec<T>);

impl<T> Default for Several<T> {
    fn default() -> Self {
        Several(Vec::new())
    }
}

impl<'de, T: Deserialize<'de> + PartialEq> Deserialize<'de> for Several<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_text(d, |list| {
            let mut out: Vec<T> = Vec::new();
            for text in list.split(',').map(str::trim) {
                if text.is_empty() {
                    return Err("takes values separated by commas, none of them empty".to_owned());
                }
                let value = T::deserialize(text.to_owned().into_deserializer())
                    .map_err(|e: de::value::Error| e.to_string())?;
                if !out.contains(&value) {
                    out.push(value);
                }
                // Checked as it grows: a hostile list never costs more than the bound's square.
                if out.len() > MAX_VALUES {
                    return Err(format!("takes at most {MAX_VALUES} values separated by commas"));
                }
            }
            Ok(out)
        })
        .map(Several)
    }
}

/// The values of an optional list, empty when absent.
pub fn several<T>(value: Option<Several<T>>) -> Vec<T> {
    value.map(|s| s.0).unwrap_or_default()
}
