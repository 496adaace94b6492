//! Periods a figure reports on: a year, a half, a quarter, nine months, a month, a span of
//! years (a term, a "giai đoạn"), or a span of months ("từ ngày 1/8/2018 đến 31/7/2019").

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A period key: `2021`, `2021-H1`, `2021-H2`, `2021-Q3`, `2021-9M`, `2021-09`, `2016-2020` or
/// a span of months `2018-08/2019-07`.
///
/// The key is parsed once, when the period is made; what it covers is kept beside it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    key: Box<str>,
    first_year: i32,
    part: Part,
}

/// The shape every period key has, for the OpenAPI document.
pub const PERIOD_PATTERN: &str = r"^[0-9]{4}(-(H[12]|Q[1-4]|9M|0[1-9]|1[0-2]|[0-9]{4}))?$|^[0-9]{4}-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2])$";

/// Why a text is not a period key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a period is 2021, 2021-H1, 2021-H2, 2021-Q3, 2021-9M, 2021-09, a span 2016-2020 or a span of months 2018-08/2019-07"
)]
pub struct BadPeriod;

/// What a period covers within its first year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Part {
    Year,
    Half(u32),
    Quarter(u32),
    NineMonths,
    Month(u32),
    Span(i32),
    /// From a month of the first year to (year, month), both included.
    Months(u32, i32, u32),
}

fn month_of(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|m| (1..=12).contains(m))
}

fn parse(s: &str) -> Option<(i32, Part)> {
    if let Some((from, to)) = s.split_once('/') {
        let (y1, m1) = from.split_once('-')?;
        let (y2, m2) = to.split_once('-')?;
        let years = [y1, y2].map(|y| (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten());
        let (Some(y1), Some(y2), Some(m1), Some(m2)) = (years[0], years[1], month_of(m1), month_of(m2))
        else {
            return None;
        };
        return ((y2, m2) > (y1, m1)).then_some((y1, Part::Months(m1, y2, m2)));
    }
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
        Some(m) if m.len() == 2 => Part::Month(month_of(m)?),
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            Part::Span(y.parse().ok().filter(|&e: &i32| e > year)?)
        }
        Some(_) => return None,
    };
    Some((year, part))
}

impl Period {
    fn checked(key: String) -> Option<Period> {
        parse(&key).map(|(first_year, part)| Period {
            key: key.into(),
            first_year,
            part,
        })
    }

    /// A whole year.
    pub fn year(y: i32) -> Option<Period> {
        Period::checked(format!("{y:04}"))
    }

    pub fn half(y: i32, half: u32) -> Option<Period> {
        Period::checked(format!("{y:04}-H{half}"))
    }

    pub fn quarter(y: i32, q: u32) -> Option<Period> {
        Period::checked(format!("{y:04}-Q{q}"))
    }

    pub fn nine_months(y: i32) -> Option<Period> {
        Period::checked(format!("{y:04}-9M"))
    }

    pub fn month(y: i32, m: u32) -> Option<Period> {
        Period::checked(format!("{y:04}-{m:02}"))
    }

    /// The years `from` to `to`; one year when they are equal.
    pub fn span(from: i32, to: i32) -> Option<Period> {
        match to > from {
            true => Period::checked(format!("{from:04}-{to:04}")),
            false => Period::year(from),
        }
    }

    /// The months from (`y1`, `m1`) to (`y2`, `m2`), both included, under the plainest key
    /// that says them: January to December of one year is that year, January to June its
    /// first half, one month that month.
    pub fn months(y1: i32, m1: u32, y2: i32, m2: u32) -> Option<Period> {
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || (y2, m2) < (y1, m1) {
            return None;
        }
        match (m1, m2) {
            _ if (y1, m1) == (y2, m2) => Period::month(y1, m1),
            (1, 12) => Period::span(y1, y2),
            _ if y1 != y2 => Period::checked(format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}")),
            (1, 6) => Period::half(y1, 1),
            (7, 12) => Period::half(y1, 2),
            (1, 9) => Period::nine_months(y1),
            (m1, m2) if m1 % 3 == 1 && m2 == m1 + 2 => Period::quarter(y1, m2 / 3),
            _ => Period::checked(format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.key
    }

    fn parts(&self) -> (i32, Part) {
        (self.first_year, self.part)
    }

    /// What kind of period this is.
    pub fn kind(&self) -> super::PeriodKind {
        use super::PeriodKind as K;
        match self.parts().1 {
            Part::Year => K::Year,
            Part::Half(_) => K::Half,
            Part::Quarter(_) => K::Quarter,
            Part::NineMonths => K::NineMonths,
            Part::Month(_) => K::Month,
            Part::Span(_) => K::Term,
            Part::Months(..) => K::Months,
        }
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
            Part::Months(_, to, m) => last_of(to, m),
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
            Part::Month(m) | Part::Months(m, _, _) => first_of(m),
        }
    }

    /// The same part of another year: 2025-9M in 2024 is 2024-9M; a span has no such part.
    pub fn in_year(&self, year: i32) -> Option<Period> {
        match self.parts().1 {
            Part::Span(_) | Part::Months(..) => None,
            _ => Period::checked(format!("{year}{}", &self.key[4..])),
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

    /// A span written with its ends equal (`2021-2021`) is that year (or month); one written
    /// backwards (`2021-2019`, `2019-07/2018-08`) is the span between them.
    fn from_str(s: &str) -> Result<Period, BadPeriod> {
        if let Some(p) = Period::checked(s.to_owned()) {
            return Ok(p);
        }
        let years = (s.len() == 9 && s.as_bytes()[4] == b'-')
            .then(|| Some((s.get(..4)?.parse::<i32>().ok()?, s.get(5..)?.parse::<i32>().ok()?)))
            .flatten();
        match years {
            Some((a, b)) if s.bytes().filter(u8::is_ascii_digit).count() == 8 => {
                Period::span(a.min(b), a.max(b)).ok_or(BadPeriod)
            }
            // So is a span of months written backwards or with its ends equal.
            _ => {
                let month = |p: &str| {
                    let (y, m) = p.split_once('-')?;
                    (y.len() == 4).then_some(())?;
                    Some((y.parse::<i32>().ok()?, month_of(m)?))
                };
                let (from, to) = s.split_once('/').ok_or(BadPeriod)?;
                let (a, b) = (month(from).ok_or(BadPeriod)?, month(to).ok_or(BadPeriod)?);
                let (a, b) = (a.min(b), a.max(b));
                Period::months(a.0, a.1, b.0, b.1).ok_or(BadPeriod)
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key)
    }
}

impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Period({})", self.key)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e| serde::de::Error::custom(format!("{e}; got {s:?}")))
    }
}

/// A period as a query names it, for the OpenAPI document.
impl utoipa::PartialSchema for Period {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(PERIOD_PATTERN))
            .into()
    }
}

impl utoipa::ToSchema for Period {}

#[cfg(test)]
mod tests;
