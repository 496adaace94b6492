//! Periods that a span of dates or months, a term or a goal states: "từ ngày 1/8/2018 đến
//! 31/7/2019", "từ tháng 7 đến nay", "nhiệm kỳ qua", "phấn đấu đến năm 2030".

use std::sync::LazyLock;

use chrono::Datelike;
use regex::{Captures, Regex};

use super::stated::Reference;
use crate::domain::Period;

/// A term named with its years, as a body's or as a period: "nhiệm kỳ 2020 - 2025" (its
/// first and last years are the two groups).
pub(super) const TERM_YEARS: &str = r"nhiệm\s+kỳ\s*\(?\s*([12][0-9]{3})\s*[-–—]\s*([12][0-9]{3})";
static NAMED_TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){TERM_YEARS}")).expect("named term"));

/// A day-and-month pair read as a month of a span: a span that starts late in a month starts
/// with the next, one that ends early in a month ends with the one before.
fn span_month(day: u32, month: u32, year: i32, starts: bool) -> (i32, u32) {
    match (starts, day, month) {
        (true, 16.., 12) => (year + 1, 1),
        (true, 16.., m) => (year, m + 1),
        (false, ..=14, 1) => (year - 1, 12),
        (false, ..=14, m) => (year, m - 1),
        (_, _, m) => (year, m),
    }
}

/// "từ ngày 1/8/2018 đến 31/7/2019": the months it covers.
pub(super) fn date_span(c: &Captures<'_>) -> Option<Period> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d1, m1, d2, m2) = (num("d1")?, num("m1")?, num("d2")?, num("m2")?);
    let y2: i32 = c.name("y2")?.as_str().parse().ok()?;
    let y1: i32 = match c.name("y1") {
        Some(y) => y.as_str().parse().ok()?,
        None if m1 <= m2 => y2,
        None => y2 - 1,
    };
    if !(1..=31).contains(&d1)
        || !(1..=31).contains(&d2)
        || !(1..=12).contains(&m1)
        || !(1..=12).contains(&m2)
    {
        return None;
    }
    let (y1, m1) = span_month(d1, m1, y1, true);
    let (y2, m2) = span_month(d2, m2, y2, false);
    Period::months(y1, m1, y2, m2)
}

/// "từ tháng 10/2022 đến tháng 9/2023", "từ tháng 7 đến nay": the months it covers.
pub(super) fn month_span(c: &Captures<'_>, r: Reference) -> Option<Period> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let m1 = num("mm1")? as u32;
    let (y2, m2) = match num("mm2") {
        Some(m2) => (num("my2").or(r.year)?, m2 as u32),
        // "đến nay" ends in the month the text was written; in a text of an earlier year
        // than the day it was stored, and undated, in that year: from January, the year.
        None => match (r.date, r.year, r.stored) {
            (Some(now), ..) => (now.year(), now.month()),
            (None, Some(y), stored) if stored.is_none_or(|d| d.year() != y) => {
                if m1 == 1 {
                    return Period::year(y);
                }
                (y, 12)
            }
            (None, _, stored) => (stored?.year(), stored?.month()),
        },
    };
    let y1 = num("my1").unwrap_or(if m1 <= m2 { y2 } else { y2 - 1 });
    Period::months(y1, m1, y2, m2)
}

/// The term before the latest one a text names: what "nhiệm kỳ qua" reports on. A term that
/// has begun by the reference year is the one ending; one named at its start, the new one.
pub(super) fn term_before(text: &str, r: Reference) -> Option<Period> {
    let (from, to) = NAMED_TERM
        .captures_iter(text)
        .filter_map(|c| Some((c[1].parse::<i32>().ok()?, c[2].parse::<i32>().ok()?)))
        .filter(|(a, b)| b > a && b - a <= 6)
        .max()?;
    match r.year {
        Some(y) if from < y - 1 => Period::span(from, to),
        _ => Period::span(from - (to - from), from),
    }
}

/// The term under way that "từ đầu nhiệm kỳ đến nay" reports on: the latest term the text
/// names that has begun by the reference year.
pub(super) fn current_term(text: &str, r: Reference) -> Option<Period> {
    let (from, to) = NAMED_TERM
        .captures_iter(text)
        .filter_map(|c| Some((c[1].parse::<i32>().ok()?, c[2].parse::<i32>().ok()?)))
        .filter(|&(a, b)| b > a && b - a <= 6 && r.year.is_none_or(|y| a <= y))
        .max()?;
    Period::span(from, to)
}

/// The period a goal for `year` covers: the term the text names that ends in it, else the
/// years from the reference year to it.
pub(super) fn target(text: &str, year: i32, r: Reference) -> Option<Period> {
    let term = NAMED_TERM
        .captures_iter(text)
        .filter_map(|c| Some((c[1].parse::<i32>().ok()?, c[2].parse::<i32>().ok()?)))
        .find(|&(a, b)| b == year && a < b);
    match (term, r.year) {
        (Some((a, b)), _) => Period::span(a, b),
        (None, Some(from)) => Period::span(from, year),
        (None, None) => Period::year(year),
    }
}
