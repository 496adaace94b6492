//! The calendar years chiso reads and answers about, stated once: a figure that looks like a
//! year, a period's first year, and a query's `year`, `from_year` or `to_year` all fall in
//! [`YEARS`].

use std::ops::RangeInclusive;
use std::str::FromStr;

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::{RefOr, schema::KnownFormat, schema::SchemaFormat};

/// Every year a period, a figure or a query may name.
pub const YEARS: RangeInclusive<i32> = 1900..=2100;

/// A calendar year within [`YEARS`], parsed once where it enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Year(i32);

/// Why a text is not a year chiso answers about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("takes a year from {} to {}", YEARS.start(), YEARS.end())]
pub struct BadYear;

impl Year {
    /// The year, if it is one of [`YEARS`].
    pub fn new(year: i32) -> Option<Year> {
        YEARS.contains(&year).then_some(Year(year))
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

impl FromStr for Year {
    type Err = BadYear;

    /// A whole number within [`YEARS`]: `2021`, `2021.0`; never `2021.5` or `20210`.
    fn from_str(s: &str) -> Result<Year, BadYear> {
        let n: f64 = s.trim().parse().map_err(|_| BadYear)?;
        // A fraction, NaN and the infinities all have a fractional part other than 0.
        if n.fract() != 0.0 {
            return Err(BadYear);
        }
        Year::new(n as i32).ok_or(BadYear)
    }
}

impl<'de> serde::Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Year, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e| serde::de::Error::custom(format!("{e}, got {s:?}")))
    }
}

impl utoipa::PartialSchema for Year {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
            .minimum(Some(f64::from(*YEARS.start())))
            .maximum(Some(f64::from(*YEARS.end())))
            .into()
    }
}

impl utoipa::ToSchema for Year {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_a_whole_number_within_the_range() {
        assert_eq!("2021".parse::<Year>().map(Year::get), Ok(2021));
        assert_eq!("2021.0".parse::<Year>().map(Year::get), Ok(2021));
        for bad in ["2021.5", "1899", "2101", "20210", "năm", "", "NaN", "inf"] {
            assert_eq!(bad.parse::<Year>(), Err(BadYear), "{bad}");
        }
        assert_eq!(BadYear.to_string(), "takes a year from 1900 to 2100");
    }
}
