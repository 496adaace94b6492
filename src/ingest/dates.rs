//! The date of the event an article reports, read from its opening.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::domain::Period;

static EVENT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:sáng|chiều|trưa|tối|đêm)\s+(?:nay\s+)?(?:ngày\s+)?|ngày\s+|hôm\s+nay\s+)\(?\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})(?:\s*[/.-]\s*([0-9]{4}))?\s*\)?",
    )
    .expect("event date pattern")
});

/// The date an event took place, from the opening of a paragraph ("Ngày 14/01/2021",
/// "Chiều (14/7)"). Without a year in the text the year comes from `context_year`; a date
/// after the day the text was stored is a year too late, or no date.
pub fn event_date(
    paragraph: &str,
    context_year: Option<i32>,
    period: Option<&Period>,
    stored: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let c = EVENT_DATE.captures(paragraph)?;
    let day: u32 = c.get(1)?.as_str().parse().ok()?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    let stated_year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
    let year = match stated_year {
        Some(y) => y,
        None => year_for(month, context_year, period)?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    match stored {
        Some(today) if date > today && stated_year.is_none() => {
            NaiveDate::from_ymd_opt(year - 1, month, day).filter(|d| *d <= today)
        }
        Some(today) if date > today => None,
        _ => Some(date),
    }
}

/// Year of a day-and-month date: the publication year, or else the year after a reviewed
/// period when the meeting falls early in the year (annual reviews meet in January).
fn year_for(month: u32, context_year: Option<i32>, period: Option<&Period>) -> Option<i32> {
    if let Some(y) = context_year {
        return Some(y);
    }
    let period = period?;
    let year = period.end().year();
    Some(if period.ends_a_year() && month <= 3 {
        year + 1
    } else {
        year
    })
}

pub fn year_of(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn event_dates_with_and_without_year() {
        assert_eq!(
            event_date("Ngày 14/01/2021, Ban Dân vận tổ chức", None, None, None),
            d(2021, 1, 14)
        );
        assert_eq!(
            event_date(
                "Chiều (14/7), Ban Dân vận",
                None,
                Period::half(2022, 1).as_ref(),
                None
            ),
            d(2022, 7, 14)
        );
        assert_eq!(
            event_date("Chiều 30/6, đồng chí", Some(2021), None, None),
            d(2021, 6, 30)
        );
        assert_eq!(
            event_date(
                "Sáng 12/1, hội nghị tổng kết",
                None,
                Period::year(2020).as_ref(),
                None
            ),
            d(2021, 1, 12)
        );
        assert_eq!(
            event_date("Năm 2020, công tác dân vận", Some(2021), None, None),
            None
        );
        assert_eq!(event_date("Chiều 30/6, không rõ năm", None, None, None), None);
    }

    #[test]
    fn no_event_falls_after_the_day_the_text_was_stored() {
        let stored = d(2026, 12, 3);
        assert_eq!(
            event_date(
                "Sáng 12/1, hội nghị tổng kết",
                None,
                Period::year(2026).as_ref(),
                stored
            ),
            d(2026, 1, 12),
            "a review of 2026 stored in December met in January of that year"
        );
        assert_eq!(event_date("Ngày 14/01/2027, hội nghị", None, None, stored), None);
    }
}
