//! Dates and periods read from the prose: when the event happened, which period a report covers.

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

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?P<half>6|06|sáu)\s+tháng\s+(?P<side>đầu|cuối)\s+năm|(?P<nine>9|09|chín)\s+tháng(?:\s+đầu)?\s+năm|quý\s+(?P<quarter>I|II|III|IV|1|2|3|4)(?:\s+năm)?|năm\s+học\s+[0-9]{4}\s*[-–]\s*|tổng\s+kết\s+(?:công\s+tác\s+)?(?:[^\s.,;]+\s+){0,4}năm|năm)\s*(?P<year>[0-9]{4})",
    )
    .expect("period pattern")
});

static HALF_NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(6|06|sáu)\s+tháng\s+đầu\s+năm(?:\s+nay)?(?:[^0-9]|$)").expect("half pattern")
});

/// The date an event took place, from the opening of a paragraph ("Ngày 14/01/2021",
/// "Chiều (14/7)"). Without a year in the text the year comes from `context_year`.
pub fn event_date(paragraph: &str, context_year: Option<i32>, period: Option<&Period>) -> Option<NaiveDate> {
    let c = EVENT_DATE.captures(paragraph)?;
    let day: u32 = c.get(1)?.as_str().parse().ok()?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    let year = match c.get(3) {
        Some(y) => y.as_str().parse().ok()?,
        None => year_for(month, context_year, period)?,
    };
    NaiveDate::from_ymd_opt(year, month, day)
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

/// The period a report covers, from the first place that states one (title first).
/// `fallback_year` completes "6 tháng đầu năm" written without a year.
pub fn period<'a>(texts: impl IntoIterator<Item = &'a str>, fallback_year: Option<i32>) -> Option<Period> {
    let texts: Vec<&str> = texts.into_iter().collect();
    for text in &texts {
        for c in PERIOD.captures_iter(text) {
            let Ok(year) = c["year"].parse::<i32>() else {
                continue;
            };
            let whole = c.get(0).map_or("", |m| m.as_str()).to_lowercase();
            if c.name("half").is_some() {
                if c.name("side")
                    .is_some_and(|m| m.as_str().eq_ignore_ascii_case("cuối"))
                {
                    continue; // "6 tháng cuối năm" is the plan ahead, not what is reported.
                }
                return Period::half(year, 1);
            }
            if c.name("nine").is_some() {
                return Period::nine_months(year);
            }
            if let Some(q) = c.name("quarter") {
                let q = match q.as_str().to_uppercase().as_str() {
                    "I" | "1" => 1,
                    "II" | "2" => 2,
                    "III" | "3" => 3,
                    _ => 4,
                };
                return Period::quarter(year, q);
            }
            if let Some(after) = whole.strip_prefix("tổng kết") {
                // "tổng kết công tác quý I năm 2020" names a quarter, not the year.
                let specific = period([after], None).filter(|p| p.as_str().len() > 4);
                return specific.or_else(|| Period::year(year));
            }
            if whole.starts_with("năm học") {
                return Period::year(year);
            }
        }
        if let (Some(y), true) = (fallback_year, HALF_NO_YEAR.is_match(text)) {
            return Period::half(y, 1);
        }
    }
    // A plain "năm 2020" in the title or opening: the year under review.
    texts.iter().take(2).find_map(|t| {
        PERIOD
            .captures_iter(t)
            .find(|c| {
                c.get(0)
                    .is_some_and(|m| m.as_str().to_lowercase().starts_with("năm "))
            })
            .and_then(|c| c["year"].parse().ok().and_then(Period::year))
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
            event_date("Ngày 14/01/2021, Ban Dân vận tổ chức", None, None),
            d(2021, 1, 14)
        );
        assert_eq!(
            event_date("Chiều (14/7), Ban Dân vận", None, Period::half(2022, 1).as_ref()),
            d(2022, 7, 14)
        );
        assert_eq!(
            event_date("Chiều 30/6, đồng chí", Some(2021), None),
            d(2021, 6, 30)
        );
        assert_eq!(
            event_date("Sáng 12/1, hội nghị tổng kết", None, Period::year(2020).as_ref()),
            d(2021, 1, 12)
        );
        assert_eq!(event_date("Năm 2020, công tác dân vận", Some(2021), None), None);
        assert_eq!(event_date("Chiều 30/6, không rõ năm", None, None), None);
    }

    #[test]
    fn periods_in_report_phrasing() {
        assert_eq!(
            period(["sơ kết công tác 06 tháng đầu năm 2022"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2022-H1")
        );
        assert_eq!(
            period(["dự hội nghị tổng kết công tác dân vận năm 2020"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2020")
        );
        assert_eq!(
            period(["Tổng kết năm học 2009-2010, bậc tiểu học"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2010")
        );
        assert_eq!(
            period(["Kinh tế quý III năm 2023 tăng"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2023-Q3")
        );
        assert_eq!(
            period(["Tỉnh A tổng kết công tác dân vận quý I năm 2020"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2020-Q1")
        );
        assert_eq!(
            period(["9 tháng năm 2021, thu ngân sách"], None)
                .as_ref()
                .map(Period::as_str),
            Some("2021-9M")
        );
        assert_eq!(
            period(
                [
                    "triển khai nhiệm vụ 6 tháng cuối năm 2021",
                    "sơ kết 6 tháng đầu năm, bàn"
                ],
                Some(2021)
            )
            .as_ref()
            .map(Period::as_str),
            Some("2021-H1")
        );
        assert_eq!(period(["không có kỳ nào"], None), None);
    }
}
