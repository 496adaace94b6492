//! Periods stated in the prose, and the period each figure reports on.
//!
//! A period is stated as a year ("năm 2023"), a half ("6 tháng đầu năm 2019"), nine months,
//! a quarter ("quý III", "quý 3/2025"), a month ("tháng 9/2025"), a span ("giai đoạn
//! 2021-2025", "từ năm 2016 đến nay", "sau 10 năm"), a point up to which a total runs ("tính
//! đến ngày 3/11/2022"), a Tết ("Tết Nguyên đán Bính Ngọ 2026"), or relative to the article's
//! year ("năm nay", "từ đầu năm"). Not periods: a comparison base ("so với cùng kỳ năm 2018",
//! "cùng kỳ 2024"), the period of a standard ("chuẩn nghèo giai đoạn 2016-2020"), a body's term
//! used as its name ("Ủy ban MTTQ khóa I, nhiệm kỳ 2025-2030"), a meeting's month ("phiên
//! họp thường kỳ tháng 9/2025") and a date written out ("ngày 02 tháng 7 năm 2021"). An election for a term ("bầu cử … nhiệm kỳ 2021-2026") reports
//! on the year it is held. "Nhiệm kỳ qua" states a term without its years: no period.

#[cfg(test)]
mod article_tests;
mod spans;
mod stated;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::domain::Period;
pub use stated::{Reference, Stated, phrases, stated};

/// The first period a text states, or the broadest of the first ones listed together (a
/// title's "tháng 06, quý II và 6 tháng đầu năm 2019" reports the half year).
fn broadest(text: &str, stated: &[Stated]) -> Option<Period> {
    let mut listed = stated.iter().filter(|s| s.period.is_some());
    let first = listed.next()?;
    let mut best = first.period.clone()?;
    let mut last_end = first.end;
    for s in listed {
        let between = text[last_end..s.start].trim();
        if !(between.is_empty() || between == "," || between == "và") {
            break;
        }
        if let Some(p) = &s.period {
            if p.covers(&best) {
                best = p.clone();
            }
        }
        last_end = s.end;
    }
    Some(best)
}

/// The period an article reports on: stated in its title, else in its opening paragraphs;
/// else the year of its date (a review held in the first months of a year reports the year
/// before); else the term before the one a congress in its opening opens (what it reviews);
/// else the first period its body states; else the year after a comparison base of the same
/// months ("tăng 12% so với cùng kỳ năm 2024").
pub fn article_period(
    title: &str,
    opening: &str,
    body: &str,
    date: Option<NaiveDate>,
    stored: Option<NaiveDate>,
) -> Option<Period> {
    let r = Reference {
        year: date.map(|d| d.year()),
        date,
        stored,
    };
    for text in [title, opening] {
        let said = stated(text, r);
        // Undated, a yearless period takes the year the same text names ("sơ kết 6 tháng đầu
        // năm và triển khai nhiệm vụ 6 tháng cuối năm 2019").
        let named = said
            .iter()
            .find_map(|s| s.period.as_ref())
            .map(|p| p.end().year());
        let said = match named {
            Some(year) if r.year.is_none() => stated(
                text,
                Reference {
                    year: Some(year),
                    ..r
                },
            ),
            _ => said,
        };
        if let Some(p) = broadest(text, &said) {
            return Some(p);
        }
    }
    if let Some(d) = date {
        let review = [title, opening].iter().any(|t| {
            let t = t.to_lowercase();
            t.contains("tổng kết") || t.contains("năm qua")
        });
        let year = if review && d.month() <= 3 {
            d.year() - 1
        } else {
            d.year()
        };
        return Period::year(year);
    }
    // A congress reviews the term before the one it opens.
    if let Some(c) = CONGRESS_TERM.captures(opening) {
        let (from, to): (i32, i32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        return Period::span(from - (to - from), from);
    }
    // The body's first explicit period; a school year ("năm học 2009-2010") is reported on
    // when it ends.
    let in_body = stated(body, Reference { year: None, ..r });
    let first = in_body.iter().find(|s| s.period.is_some());
    // Compared with the same months of a year before any period is stated: the text is of
    // the year after.
    if let Some(base) = SAME_TIME_LAST_YEAR.captures(body) {
        if first.is_none_or(|f| base.get(0).is_some_and(|m| m.start() < f.start)) {
            return base[1].parse::<i32>().ok().and_then(|y| Period::year(y + 1));
        }
    }
    let first = first?;
    let school_year = body[..first.start].to_lowercase().trim_end().ends_with("năm học");
    match (school_year, &first.period) {
        (true, Some(p)) => Period::year(p.end().year()),
        _ => broadest(body, &in_body),
    }
}

/// A congress and the term it opens, in one sentence: "Đại hội đại biểu Đảng bộ xã lần thứ
/// XV, nhiệm kỳ 2025 - 2030".
static CONGRESS_TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)đại\s+hội[^.;\n]{{0,120}}?{}", spans::TERM_YEARS)).expect("congress term")
});

/// The same months of a named year, as a comparison base: "so với cùng kỳ năm 2024".
static SAME_TIME_LAST_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)cùng\s+kỳ(?:\s+năm)?\s+([12][0-9]{3})").expect("same time"));

/// Words of an opening that tell of a handing-over, and of a review of a period.
static HANDING_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(?:trao|tặng|bàn\s+giao|khánh\s+thành|phát\s+quà|cấp\s+phát)(?:[^\p{L}\p{N}_]|$)").expect("handing over")
});
static REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)tổng\s+kết|sơ\s+kết|báo\s+cáo|kết\s+quả|năm\s+qua|nhiệm\s+kỳ|đại\s+hội|kỳ\s+họp|giai\s+đoạn",
    )
    .expect("review")
});

/// The month of the event an article tells of, for what was handed out at it ("Chiều 20/1,
/// … trao 200 suất quà"): an opening sentence that tells of a handing-over on a day, with no
/// period stated in the title or that sentence and no review of one (what the paragraph says
/// after it of a year, "Năm 2023, huyện giảm …", is of its own clauses).
pub fn event_month(
    title: &str,
    opening: &str,
    event: Option<NaiveDate>,
    stored: Option<NaiveDate>,
) -> Option<Period> {
    let day = event?;
    let r = Reference {
        year: Some(day.year()),
        date: Some(day),
        stored,
    };
    let opening = crate::ingest::tokens::sentences(opening)
        .first()
        .map_or(opening, |&(start, end)| &opening[start..end]);
    let states = |t: &str| stated(t, r).iter().any(|s| s.period.is_some());
    let quiet = !states(title) && !states(opening) && !REVIEW.is_match(title) && !REVIEW.is_match(opening);
    (quiet && HANDING_OVER.is_match(opening))
        .then(|| Period::month(day.year(), day.month()))
        .flatten()
}

static BASE_IN_PARENTHESES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:cùng\s+kỳ|so\s+với)(?:\s+năm)?\s+([12][0-9]{3})\s*\(\s*$").expect("base")
});

/// The year of a comparison base whose figure follows in parentheses: "… cùng kỳ 2024 (8,49%)"
/// (`before` is the clause up to the figure).
pub fn base_year(before: &str) -> Option<i32> {
    BASE_IN_PARENTHESES.captures(before)?[1].parse().ok()
}

/// The periods that set the scope of what follows, in text order.
pub fn setters(stated: &[Stated]) -> Vec<&Stated> {
    stated.iter().filter(|s| s.sets_scope).collect()
}

/// The period a figure reports on: the nearer of the period stated before it in its clause
/// and one stated after it in its clause (before the next figure); the last period that set
/// the scope of what follows; else the article's period. A period stated in another clause of
/// the sentence is that clause's ("… nhập ngũ năm 2022; xây dựng 01 nhà …").
pub fn period_of(
    stated: &[Stated],
    setters: &[&Stated],
    (clause_start, clause_end): (usize, usize),
    (start, end): (usize, usize),
    next_figure: usize,
    article: Option<&Period>,
) -> (Option<Period>, PeriodSource) {
    // `stated` is in text order: each scope is found by binary search.
    let first_from = |at: usize| stated.partition_point(|s| s.start < at);
    let before = stated[first_from(clause_start)..first_from(start)]
        .iter()
        .rev()
        .find(|s| s.end <= start);
    let after = stated[first_from(end)..]
        .first()
        .filter(|s| s.end <= clause_end && s.start < next_figure);
    let scoping = match (before, after) {
        // Both: the nearer ("… năm 2022, đồng thời khen thưởng 18 mô hình giai đoạn 2020-2022").
        (Some(b), Some(a)) if a.start - end < start - b.end => Some((a, PeriodSource::Clause)),
        (Some(s), _) | (None, Some(s)) => Some((s, PeriodSource::Clause)),
        (None, None) => {
            let last = setters.partition_point(|s| s.end <= start);
            last.checked_sub(1).map(|i| (setters[i], PeriodSource::Scope))
        }
    };
    match scoping {
        Some((s, by)) if s.event_year => match (&s.period, article) {
            (Some(year), Some(a)) if year.covers(a) => (Some(a.clone()), by),
            _ => (s.period.clone(), by),
        },
        Some((s, by)) => (s.period.clone(), by),
        None => (article.cloned(), PeriodSource::Article),
    }
}

/// Where a figure's period came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodSource {
    /// A period stated in its clause.
    Clause,
    /// A period stated before, opening a clause, that scopes what follows ("Năm 2023, …").
    Scope,
    /// The article's period: the text states none for it.
    Article,
}
