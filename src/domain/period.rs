//! Periods a figure reports on: a year, a half, a quarter, nine months, a month, or a span of
//! years (a term, a "giai đoạn").

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A period key: `2021`, `2021-H1`, `2021-H2`, `2021-Q3`, `2021-9M`, `2021-09` or `2016-2020`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period(Box<str>);

/// The shape every period key has, for the OpenAPI document.
pub const PERIOD_PATTERN: &str = r"^[0-9]{4}(-(H[12]|Q[1-4]|9M|0[1-9]|1[0-2]|[0-9]{4}))?$";

/// Why a text is not a period key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a period is 2021, 2021-H1, 2021-H2, 2021-Q3, 2021-9M, 2021-09 or a span 2016-2020")]
pub struct BadPeriod;

/// What a period covers within its first year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Year,
    Half(u32),
    Quarter(u32),
    NineMonths,
    Month(u32),
    Span(i32),
}

fn parse(s: &str) -> Option<(i32, Part)> {
    if !s.get(..4)?.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    let rest = &s[4..];
    let part = match rest.strip_prefix('-') {
        None if rest.is_empty() => Part::Year,
        None => return None,
        Some("H1") => Part::Half(1),
        Some("H2") => Part::Half(2),
        Some("9M") => Part::NineMonths,
        Some(q) if q.len() == 2 && q.starts_with('Q') => {
            Part::Quarter(q[1..].parse().ok().filter(|n| (1..=4).contains(n))?)
        }
        Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            Part::Month(m.parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            Part::Span(y.parse().ok().filter(|&e: &i32| e > year)?)
        }
        Some(_) => return None,
    };
    Some((year, part))
}

impl Period {
    fn checked(key: String) -> Option<Period> {
        parse(&key).map(|_| Period(key.into()))
    }

    /// A whole year.
    pub fn year(y: i32) -> Option<Period> {
        Period::checked(y.to_string())
    }

    pub fn half(y: i32, half: u32) -> Option<Period> {
        Period::checked(format!("{y}-H{half}"))
    }

    pub fn quarter(y: i32, q: u32) -> Option<Period> {
        Period::checked(format!("{y}-Q{q}"))
    }

    pub fn nine_months(y: i32) -> Option<Period> {
        Period::checked(format!("{y}-9M"))
    }

    pub fn month(y: i32, m: u32) -> Option<Period> {
        Period::checked(format!("{y}-{m:02}"))
    }

    /// The years `from` to `to`; one year when they are equal.
    pub fn span(from: i32, to: i32) -> Option<Period> {
        match to > from {
            true => Period::checked(format!("{from}-{to}")),
            false => Period::year(from),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn parts(&self) -> (i32, Part) {
        // Every constructor checks the key.
        parse(&self.0).unwrap_or((1900, Part::Year))
    }

    /// The first year the period covers.
    pub fn first_year(&self) -> i32 {
        self.parts().0
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        let (y, part) = self.parts();
        let last_of = |y: i32, m: u32| {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
        };
        match part {
            Part::Year => last_of(y, 12),
            Part::Half(h) => last_of(y, 6 * h),
            Part::Quarter(q) => last_of(y, 3 * q),
            Part::NineMonths => last_of(y, 9),
            Part::Month(m) => last_of(y, m),
            Part::Span(to) => last_of(to, 12),
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        let (y, part) = self.parts();
        let first_of = |m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
        match part {
            Part::Year | Part::Half(1) | Part::NineMonths | Part::Span(_) => first_of(1),
            Part::Half(_) => first_of(7),
            Part::Quarter(q) => first_of(3 * q - 2),
            Part::Month(m) => first_of(m),
        }
    }

    /// Whether the period covers all of `other`.
    pub fn covers(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// Whether the period is a whole year or ends with one (a span).
    pub fn ends_a_year(&self) -> bool {
        self.end().month() == 12
    }
}

impl FromStr for Period {
    type Err = BadPeriod;

    /// A span written with its years equal (`2021-2021`) is that year; one written backwards
    /// (`2021-2019`) is the span between them.
    fn from_str(s: &str) -> Result<Period, BadPeriod> {
        if let Some(p) = parse(s).map(|_| Period(s.into())) {
            return Ok(p);
        }
        let years = (s.len() == 9 && s.as_bytes()[4] == b'-')
            .then(|| Some((s.get(..4)?.parse::<i32>().ok()?, s.get(5..)?.parse::<i32>().ok()?)))
            .flatten();
        match years {
            Some((a, b)) if s.bytes().filter(u8::is_ascii_digit).count() == 8 => {
                Period::span(a.min(b), a.max(b)).ok_or(BadPeriod)
            }
            _ => Err(BadPeriod),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Period({})", self.0)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_parses_and_ends_where_it_should() {
        let end = |s: &str| s.parse::<Period>().unwrap().end().to_string();
        assert_eq!(end("2021"), "2021-12-31");
        assert_eq!(end("2025-H1"), "2025-06-30");
        assert_eq!(end("2024-Q1"), "2024-03-31");
        assert_eq!(end("2024-02"), "2024-02-29");
        assert_eq!(end("2023-9M"), "2023-09-30");
        assert_eq!(end("2016-2020"), "2020-12-31");
        let start = |s: &str| s.parse::<Period>().unwrap().start().to_string();
        assert_eq!(start("2025-H2"), "2025-07-01");
        assert_eq!(start("2024-Q3"), "2024-07-01");
        let p = |s: &str| s.parse::<Period>().unwrap();
        assert!(p("2019-H1").covers(&p("2019-Q2")) && !p("2019-Q2").covers(&p("2019-H1")));
    }

    #[test]
    fn spans_written_oddly_are_read_as_meant() {
        assert_eq!("2021-2021".parse::<Period>().unwrap().as_str(), "2021");
        assert_eq!("2021-2019".parse::<Period>().unwrap().as_str(), "2019-2021");
    }

    #[test]
    fn malformed_periods_are_refused() {
        for bad in [
            "", "21", "2021-", "2021-H3", "2021-Q5", "2021-13", "abcd", "2021-9m",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad:?}");
        }
    }
}
