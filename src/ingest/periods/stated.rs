//! Finding the periods a text states, and which of them open a clause and so set the period
//! of what follows.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

use super::spans::{current_term, date_span, month_span, target, term_before};
use crate::domain::Period;

/// What yearless and relative periods are read against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reference {
    /// The year the text reports on: "quý 3" and "năm nay" are of it.
    pub year: Option<i32>,
    /// The day the text was written: "đến nay" ends in its month.
    pub date: Option<NaiveDate>,
    /// The day the text was stored: nothing it reports on starts later.
    pub stored: Option<NaiveDate>,
}

#[cfg(test)]
impl Reference {
    pub fn year(year: Option<i32>) -> Reference {
        Reference {
            year,
            ..Reference::default()
        }
    }
}

/// A period stated in a text, in bytes of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    pub start: usize,
    pub end: usize,
    /// `None` for a term stated without its years ("nhiệm kỳ qua").
    pub period: Option<Period>,
    /// Opens its clause and is set off by a comma ("Năm 2023, …", "Giai đoạn 2021-2025, …"):
    /// it sets the period of what follows until another is stated.
    pub sets_scope: bool,
    /// The year of an event (an election): the article's period, when it is a part of that
    /// year holding the event, says it more precisely.
    pub event_year: bool,
}

const Y: &str = r"([12][0-9]{3})";

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?ix)
        (?P<target>đến\s+năm\s+{Y}\s+so\s+với\s+năm\s+{Y})
      | (?P<dates>từ\s+(?:ngày\s+)?(?P<d1>[0-9]{{1,2}})\s*[/.-]\s*(?P<m1>[0-9]{{1,2}})(?:\s*[/.-]\s*(?P<y1>[12][0-9]{{3}}))?\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(?P<d2>[0-9]{{1,2}})\s*[/.-]\s*(?P<m2>[0-9]{{1,2}})\s*[/.-]\s*(?P<y2>[12][0-9]{{3}}))
      | (?P<months>từ\s+tháng\s+(?P<mm1>1[0-2]|0?[1-9])(?-u:\b)(?:(?:\s*/\s*|\s+năm\s+)(?P<my1>[12][0-9]{{3}}))?\s+(?:đến|tới)\s+(?:hết\s+)?(?:tháng\s+(?P<mm2>1[0-2]|0?[1-9])(?-u:\b)(?:(?:\s*/\s*|\s+năm\s+)(?P<my2>[12][0-9]{{3}}))?|nay))
      | (?P<fromto>từ\s+(?:năm\s+)?{Y}\s*(?:(?:đến|tới)\s+|[-–—]\s*)(?:năm\s+)?(?:{Y}|nay))
      | (?P<span>{Y}\s*[-–—]\s*{Y})
      | (?P<first>(?P<fn>1[0-1]|0?[1-578]|hai|ba|bốn|bảy|tám|mười\s+một|mười)\s+tháng\s+đầu(?:\s+năm)*(?:\s+(?P<fy>[12][0-9]{{3}}))?)
      | (?P<half>(?:6|06|sáu)\s+tháng(?:\s+(?P<side>đầu|cuối))?(?P<hyear>(?:\s+năm)+)?(?:\s+{Y})?)
      | (?P<nine>(?:9|09|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)*(?:\s+{Y})?)
      | (?P<quarter>quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?-u:\b)(?:\s*/\s*|\s+năm\s+|\s+)?{Y}?)
      | (?P<month>tháng\s+(?P<m>0?[1-9]|1[0-2])\s*(?:/|năm|-)\s*{Y})
      | (?P<todate>tính\s+đến\s+(?:hết\s+)?(?:ngày\s+)?[0-9]{{1,2}}\s*/\s*[0-9]{{1,2}}\s*/\s*{Y})
      | (?P<lunar>(?:tết|xuân)(?:\s+nguyên\s+đán)?\s+(?P<stem>giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+(?P<branch>tý|sửu|dần|mão|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)(?:\s+(?:năm\s+)?{Y})?)
      | (?P<tet>(?:tết|xuân)(?:\s+nguyên\s+đán)?\s+{Y})
      | (?P<year>năm\s+{Y})
      | (?P<ago>(?:sau|qua)\s+(?P<n>[0-9]{{1,2}})\s+năm|(?P<n2>[0-9]{{1,2}})\s+năm\s+qua)
      | (?P<undated>nhiệm\s+kỳ\s+(?:qua|trước|vừa\s+qua))
      | (?P<termnow>(?:từ\s+)?đầu\s+nhiệm\s+kỳ(?:\s+(?:đến|tới)\s+nay)?)
      | (?P<relative>năm\s+nay|từ\s+đầu\s+năm(?:\s+đến\s+nay)?|(?:^|[^\p{{L}}])năm\s+qua)
        "
    );
    Regex::new(&pattern).expect("period pattern")
});

/// Words shortly before a period that make it a comparison base, a standard's period, part
/// of a date ("ngày 02 tháng 7 năm 2021") or the year of a birth or a founding ("sinh năm
/// 1980", "được thành lập năm 2011").
static BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:so\s+với|so\s+cùng|cùng\s+kỳ|so\s+sánh|chuẩn\s+nghèo|bộ\s+tiêu\s+chí|thường\s+kỳ)[^,;.()]{0,30}|ngày\s+[0-9]{1,2}\s+|(?:sinh|thành\s+lập|ra\s+đời)(?:\s+(?:vào|từ))?\s+)$")
        .expect("base")
});
/// A term named as part of a body's name: "khóa I, nhiệm kỳ 2025-2030", "HĐND các cấp nhiệm kỳ".
static TERM_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)nhiệm\s+kỳ\s*$").expect("term"));
/// A term after a body's session number ("Ban Chấp hành (khóa VII), nhiệm kỳ"): always its name.
static SESSION_TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)khóa\s+(?:[IVXLC]+|[0-9]{1,2})\s*\)?\s*[,–-]?\s*nhiệm\s+kỳ\s*$").expect("session term")
});
/// A year a goal is set for: "phấn đấu đến năm 2030", "đến hết năm 2025".
static TARGET_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:đến|tới)\s+(?:hết\s+|cuối\s+)?$").expect("target"));
static ELECTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)bầu\s+cử").expect("election"));
/// What opens a clause before a period that sets the scope of what follows.
static CLAUSE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.,;:\n]|cho\s+biết|cho\s+hay)\s*(?:\p{L}+\s+){0,2}$").expect("clause opening")
});
static PLURAL_YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:những|các|nhiều)\s+$").expect("plural"));

/// The capture groups holding years, in order, within a match.
fn years(c: &Captures<'_>) -> Vec<i32> {
    (1..c.len())
        .filter_map(|i| c.get(i).filter(|m| m.as_str().len() == 4))
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}

/// The lunar year named by a stem and a branch nearest `near`.
fn lunar_year(stem: &str, branch: &str, near: i32) -> Option<i32> {
    const STEMS: [&str; 10] = [
        "canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ",
    ];
    const BRANCHES: [&str; 12] = [
        "thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi",
    ];
    let branch = if branch == "tị" { "tỵ" } else { branch };
    let s = STEMS.iter().position(|x| *x == stem)? as i32;
    let b = BRANCHES.iter().position(|x| *x == branch)? as i32;
    // A year whose last digit gives the stem and whose remainder by 12 gives the branch.
    (near - 30..=near + 30).find(|y| y.rem_euclid(10) == s && y.rem_euclid(12) == b)
}

/// The periods stated in `text`. Yearless ones ("quý 3", "năm nay") take the reference year.
pub fn stated(text: &str, r: Reference) -> Vec<Stated> {
    let ref_year = r.year;
    let mut out = Vec::new();
    // Spans first (the fast automaton), groups only within each span.
    for whole in PERIOD.find_iter(text) {
        let Some(c) = PERIOD.captures(&text[whole.range()]) else {
            continue;
        };
        let Range { start, end } = phrase(whole);
        // What precedes the period in its sentence, bounded: the checks below look a few words
        // back, and a whole prefix would make reading quadratic in the text.
        let before = &text[window_start(text, start, 200)..start];
        if BASE_BEFORE.is_match(before) {
            continue;
        }
        let ys = years(&c);
        let period = if c.name("target").is_some() {
            Period::span(ys[1], ys[0])
        } else if c.name("dates").is_some() {
            date_span(&c)
        } else if c.name("months").is_some() {
            month_span(&c, r)
        } else if c.name("fromto").is_some() {
            match ys.as_slice() {
                [from, to] => Period::span(*from, *to),
                [from] => ref_year.and_then(|to| Period::span(*from, to)),
                _ => None,
            }
        } else if c.name("span").is_some() {
            if TERM_BEFORE.is_match(before) {
                let sentence_start = before.rfind(['.', '\n']).map_or(0, |p| p + 1);
                if ELECTION.is_match(&before[sentence_start..]) {
                    out.push(Stated {
                        start,
                        end,
                        period: Period::year(ys[0]),
                        sets_scope: false,
                        event_year: true,
                    });
                    continue;
                } else if SESSION_TERM.is_match(before)
                    || !sets_scope(text, before, end) && !before.trim_end().ends_with("trong nhiệm kỳ")
                {
                    continue; // the term names a body ("khóa I, nhiệm kỳ 2025-2030")
                } else {
                    Period::span(ys[0], ys[1])
                }
            } else {
                Period::span(ys[0], ys[1])
            }
        } else if c.name("first").is_some() {
            let n = match c["fn"].to_lowercase().as_str() {
                "hai" => 2,
                "ba" => 3,
                "bốn" => 4,
                "bảy" => 7,
                "tám" => 8,
                "mười" => 10,
                w if w.starts_with("mười") => 11,
                digits => digits.parse().unwrap_or(0),
            };
            c.name("fy")
                .and_then(|y| y.as_str().parse().ok())
                .or(ref_year)
                .and_then(|y| Period::months(y, 1, y, n))
        } else if c.name("termnow").is_some() {
            current_term(text, r)
        } else if c.name("half").is_some() {
            let has_year_word = c.name("hyear").is_some();
            let side = c.name("side").map(|m| m.as_str().to_lowercase());
            if side.is_none() && ys.is_empty() && !has_year_word {
                continue; // "trong 6 tháng": a duration
            }
            let half = if side.as_deref() == Some("cuối") { 2 } else { 1 };
            ys.first()
                .copied()
                .or(ref_year)
                .and_then(|y| Period::half(y, half))
        } else if c.name("nine").is_some() {
            ys.first().copied().or(ref_year).and_then(Period::nine_months)
        } else if c.name("quarter").is_some() {
            let q = match c["q"].to_uppercase().as_str() {
                "I" | "1" => 1,
                "II" | "2" => 2,
                "III" | "3" => 3,
                _ => 4,
            };
            ys.first()
                .copied()
                .or(ref_year)
                .and_then(|y| Period::quarter(y, q))
        } else if c.name("month").is_some() {
            let m: u32 = c["m"].parse().unwrap_or(0);
            ys.first().copied().and_then(|y| Period::month(y, m))
        } else if c.name("year").is_some() && TARGET_BEFORE.is_match(before) {
            match (ys.first().copied(), ref_year.or(r.stored.map(|d| d.year()))) {
                (Some(y), Some(now)) if y > now => target(text, y, Reference { year: Some(now), ..r }),
                (y, _) => y.and_then(Period::year),
            }
        } else if c.name("todate").is_some() || c.name("tet").is_some() || c.name("year").is_some() {
            ys.first().copied().and_then(Period::year)
        } else if c.name("lunar").is_some() {
            let named = ys.first().copied();
            let (stem, branch) = (c["stem"].to_lowercase(), c["branch"].to_lowercase());
            named
                .or_else(|| ref_year.and_then(|r| lunar_year(&stem, &branch, r)))
                .and_then(Period::year)
        } else if c.name("ago").is_some() {
            let n: i32 = c
                .name("n")
                .or(c.name("n2"))
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            ref_year.and_then(|r| Period::span(r - n, r))
        } else if c.name("undated").is_some() {
            out.push(Stated {
                start,
                end,
                period: term_before(text, r),
                sets_scope: sets_scope(text, before, end),
                event_year: false,
            });
            continue;
        } else {
            // "năm nay", "từ đầu năm", "năm qua" (not "những năm qua").
            if PLURAL_YEARS.is_match(before) {
                continue;
            }
            ref_year.and_then(Period::year)
        };
        let Some(period) = period else { continue };
        // A period after the day the text was stored is a name ("Chiến lược … đến năm
        // 2045") or a misreading, never what a figure reports on.
        if r.stored.is_some_and(|day| period.start() > day) {
            continue;
        }
        out.push(Stated {
            start,
            end,
            period: Some(period),
            sets_scope: sets_scope(text, before, end),
            event_year: false,
        });
    }
    out
}

/// Where the period grammar matches in `text`, in bytes, whether or not the match dates
/// anything (a comparison base, a duration): what a label leaves out.
pub fn phrases(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    PERIOD.find_iter(text).map(phrase)
}

/// A match of the grammar without the character before "năm qua" that tells it from
/// "những năm qua".
fn phrase(m: regex::Match<'_>) -> Range<usize> {
    let start = match m.as_str().starts_with(|ch: char| !ch.is_alphanumeric()) {
        true => m.start() + m.as_str().chars().next().map_or(0, char::len_utf8),
        false => m.start(),
    };
    start..m.end()
}

/// The byte at most `bytes` before `at`, at a character boundary.
fn window_start(text: &str, at: usize, bytes: usize) -> usize {
    let mut from = at.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// Whether a period at `before.len()..end` opens its clause and is set off by a comma.
fn sets_scope(text: &str, before: &str, end: usize) -> bool {
    text[end..].trim_start().starts_with([',', ':']) && CLAUSE_OPENING.is_match(before)
}
