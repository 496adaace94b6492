//! How a domain value sits in an SQLite column: as its text, read back one way, with one
//! policy for a value that does not parse (an error naming the value, which the store turns
//! into a 500 and logs; never a row silently skipped).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use super::places::{Level, UnitType};
use super::{ArticleId, ContentSource, Direction, MetricKey, Period, PlaceId, Qualifier, TextField, Unit};

/// Implements both traits for a type whose text form is its `Display` and `FromStr`.
macro_rules! text_column {
    ($($t:ty),* $(,)?) => {$(
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse()
                    .map_err(|e| FromSqlError::Other(format!("{text:?} in the store: {e}").into()))
            }
        }

        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_string()))
            }
        }
    )*};
}

text_column!(PlaceId, Period, ContentSource, ArticleId);

/// Implements both traits for a keyword type: one spelling a value (`as_str`), read back by
/// `parse`.
macro_rules! keyword_column {
    ($($t:ty),* $(,)?) => {$(
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                <$t>::parse(text).ok_or_else(|| {
                    FromSqlError::Other(format!("{text:?} in the store is not a {}", stringify!($t)).into())
                })
            }
        }

        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
    )*};
}

keyword_column!(Unit, Direction, Qualifier, TextField, Level, UnitType, MetricKey);

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn a_value_goes_in_as_its_text_and_a_bad_one_comes_back_as_an_error_naming_it() {
        let c = Connection::open_in_memory().unwrap();
        let id: PlaceId = "2024-p06".parse().unwrap();
        let period: Period = "2021-H1".parse().unwrap();
        let (back_id, back_period): (PlaceId, Period) = c
            .query_row("SELECT ?1, ?2", rusqlite::params![id, period], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((back_id, back_period), (id, period));
        let bad = c
            .query_row("SELECT 'xyz'", [], |r| r.get::<_, PlaceId>(0))
            .unwrap_err()
            .to_string();
        assert!(bad.contains("\"xyz\" in the store"), "{bad}");
        let (unit, level): (Unit, Level) = c
            .query_row(
                "SELECT ?1, ?2",
                rusqlite::params![Unit::Percent, Level::Commune],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((unit, level), (Unit::Percent, Level::Commune));
        let bad = c
            .query_row("SELECT 'furlong'", [], |r| r.get::<_, Unit>(0))
            .unwrap_err()
            .to_string();
        assert!(bad.contains("\"furlong\" in the store is not a Unit"), "{bad}");
    }
}
