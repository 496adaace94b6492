//! Publication times as markup writes them — `2025-12-22T08:30:00+07:00`, `2021-01-12`,
//! `2021-01-12 09:15:00`, `2021-01-12T02:15:00Z` — read as the day it was in Vietnam.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// Vietnam's time zone, UTC+7, in which a page's instant is its publication day.
const VIETNAM_SECONDS: i32 = 7 * 3600;

/// The publication day a markup time states; `None` for anything else ("NoneT14:51").
pub fn markup_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        let vietnam = FixedOffset::east_opt(VIETNAM_SECONDS)?;
        return Some(instant.with_timezone(&vietnam).date_naive());
    }
    let day = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .filter(|d| crate::domain::YEARS.contains(&chrono::Datelike::year(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markup_time_is_the_day_it_was_in_vietnam() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(markup_date("2025-12-22T08:30:00+07:00"), day(2025, 12, 22));
        assert_eq!(markup_date("2025-12-21T18:30:00Z"), day(2025, 12, 22));
        assert_eq!(markup_date("2021-01-12"), day(2021, 1, 12));
        assert_eq!(markup_date("2021-01-12 09:15:00"), day(2021, 1, 12));
        assert_eq!(markup_date("NoneT14:51:00+07:00"), None);
        assert_eq!(markup_date("2021-13-01"), None);
        assert_eq!(markup_date("20210112"), None);
        assert_eq!(markup_date(""), None);
    }
}
