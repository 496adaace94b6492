//! Periods stated in the prose, and the period each figure reports on.
//!
//! A period is stated as a year ("năm 2023"), a half ("6 tháng đầu năm 2019"), nine months,
//! a quarter ("quý III", "quý 3/2025"), a month ("tháng 9/2025"), a span ("giai đoạn
//! 2021-2025", "từ năm 2016 đến nay", "sau 10 năm"), a point up to which a total runs ("tính
//! đến ngày 3/11/2022"), a Tết ("Tết Nguyên đán Bính Ngọ 2026"), or relative to the article's
//! year ("năm nay", "từ đầu năm"). Not periods: a comparison base ("so với cùng kỳ năm 2018",
//! "cùng kỳ 2024"), the period of a standard ("chuẩn nghèo giai đoạn 2022-2025"), a body's term
//! used as its name ("Ủy ban MTTQ khóa I, nhiệm kỳ 2025-2030"), a meeting's month ("phiên
//! họp thường kỳ tháng 9/2025") and a date written out ("ngày 02 tháng 7 năm 2021"). An election for a term ("bầu cử … nhiệm kỳ 2021-2026") reports
//! on the year it is held. "Nhiệm kỳ qua" states a term without its years: no period.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

use crate::domain::Period;

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
      | (?P<fromto>từ\s+(?:năm\s+)?{Y}\s+(?:đến|tới)\s+(?:năm\s+)?(?:{Y}|nay))
      | (?P<span>{Y}\s*[-–—]\s*{Y})
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
      | (?P<relative>năm\s+nay|từ\s+đầu\s+năm(?:\s+đến\s+nay)?|(?:^|[^\p{{L}}])năm\s+qua)
        "
    );
    Regex::new(&pattern).expect("period pattern")
});

/// Words shortly before a period that make it a comparison base, a standard's period or part
/// of a date ("ngày 02 tháng 7 năm 2021").
static BASE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:so\s+với|so\s+cùng|cùng\s+kỳ|so\s+sánh|chuẩn|thường\s+kỳ)[^,;.()]{0,30}|ngày\s+[0-9]{1,2}\s+)$")
        .expect("base")
});
/// A term named as part of a body's name: "khóa I, nhiệm kỳ 2025-2030", "HĐND các cấp nhiệm kỳ".
static TERM_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)nhiệm\s+kỳ\s*$").expect("term"));
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

/// The periods stated in `text`. Yearless ones ("quý 3", "năm nay") take `ref_year`.
pub fn stated(text: &str, ref_year: Option<i32>) -> Vec<Stated> {
    let mut out = Vec::new();
    // Spans first (the fast automaton), groups only within each span.
    for whole in PERIOD.find_iter(text) {
        let Some(c) = PERIOD.captures(&text[whole.range()]) else {
            continue;
        };
        let (mut start, end) = (whole.start(), whole.end());
        if text[start..end].starts_with(|ch: char| !ch.is_alphanumeric()) {
            start += text[start..end].chars().next().map_or(0, char::len_utf8);
        }
        // What precedes the period in its sentence, bounded: the checks below look a few words
        // back, and a whole prefix would make reading quadratic in the text.
        let before = &text[window_start(text, start, 200)..start];
        if BASE_BEFORE.is_match(before) {
            continue;
        }
        let ys = years(&c);
        let period = if c.name("target").is_some() {
            Period::span(ys[1], ys[0])
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
                } else if !sets_scope(text, before, end) && !before.trim_end().ends_with("trong nhiệm kỳ")
                {
                    continue; // the term names a body ("khóa I, nhiệm kỳ 2025-2030")
                } else {
                    Period::span(ys[0], ys[1])
                }
            } else {
                Period::span(ys[0], ys[1])
            }
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
                period: None,
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
/// before); else the first period its body states.
pub fn article_period(title: &str, opening: &str, body: &str, date: Option<NaiveDate>) -> Option<Period> {
    let date_year = date.map(|d| d.year());
    if let Some(p) = broadest(title, &stated(title, date_year)) {
        return Some(p);
    }
    if let Some(p) = broadest(opening, &stated(opening, date_year)) {
        return Some(p);
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
    // The body's first explicit period; a school year ("năm học 2009-2010") is reported on
    // when it ends.
    let in_body = stated(body, None);
    let first = in_body.iter().find(|s| s.period.is_some())?;
    let school_year = body[..first.start].to_lowercase().trim_end().ends_with("năm học");
    match (school_year, &first.period) {
        (true, Some(p)) => Period::year(p.end().year()),
        _ => broadest(body, &in_body),
    }
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
) -> Option<Period> {
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
        (Some(b), Some(a)) if a.start - end < start - b.end => Some(a),
        (Some(s), _) | (None, Some(s)) => Some(s),
        (None, None) => {
            let last = setters.partition_point(|s| s.end <= start);
            last.checked_sub(1).map(|i| setters[i])
        }
    };
    match scoping {
        Some(s) if s.event_year => match (&s.period, article) {
            (Some(year), Some(a)) if year.covers(a) => Some(a.clone()),
            _ => s.period.clone(),
        },
        Some(s) => s.period.clone(),
        None => article.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(text: &str, ref_year: Option<i32>) -> Vec<Option<String>> {
        stated(text, ref_year)
            .into_iter()
            .map(|s| s.period.map(|p| p.to_string()))
            .collect()
    }

    fn one(text: &str) -> Vec<String> {
        periods(text, Some(2024)).into_iter().flatten().collect()
    }

    #[test]
    fn every_form_of_a_stated_period() {
        assert_eq!(one("Năm 2023, xã có 12 mô hình"), ["2023"]);
        assert_eq!(one("sơ kết công tác 06 tháng đầu năm 2022"), ["2022-H1"]);
        assert_eq!(one("ước 6 tháng năm 2019 đạt"), ["2019-H1"]);
        assert_eq!(one("tình hình 6 tháng đầu năm năm 2019"), ["2019-H1"]);
        assert_eq!(one("nhiệm vụ 6 tháng cuối năm 2021"), ["2021-H2"]);
        assert_eq!(one("trong 9 tháng đầu năm 2022"), ["2022-9M"]);
        assert_eq!(one("GRDP quý 3/2025 ước tăng"), ["2025-Q3"]);
        assert_eq!(one("Kinh tế quý III năm 2023 tăng"), ["2023-Q3"]);
        assert_eq!(one("xuất khẩu tháng 8/2023 đạt"), ["2023-08"]);
        assert_eq!(one("Giai đoạn 2021-2025, thành phố"), ["2021-2025"]);
        assert_eq!(one("khen thưởng 18 mô hình giai đoạn 2020- 2022"), ["2020-2022"]);
        assert_eq!(one("từ năm 2016 đến nay, huyện"), ["2016-2024"]);
        assert_eq!(one("sau 10 năm thực hiện"), ["2014-2024"]);
        assert_eq!(one("Tính đến ngày 15/10/2021, quỹ nhận"), ["2021"]);
        assert_eq!(one("nhân dịp Tết Nguyên đán Giáp Thìn 2024"), ["2024"]);
        assert_eq!(one("nhân dịp Tết Quý Mão"), ["2023"]);
        assert_eq!(one("trong tháng cao điểm năm nay"), ["2024"]);
        assert_eq!(
            one("thu nhập đến năm 2030 so với năm 2025 tăng 30%"),
            ["2025-2030"]
        );
        assert_eq!(one("Tổng kết năm học 2009-2010"), ["2009-2010"]);
    }

    #[test]
    fn comparison_bases_names_and_durations_are_not_periods() {
        assert!(one("tăng 9,3% so với cùng kỳ năm 2018").is_empty());
        assert!(one("cao hơn mức cùng kỳ 2024 (8,49%)").is_empty());
        assert!(one("giảm 2% so với năm 2020").is_empty());
        assert!(one("theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025").is_empty());
        assert!(one("Ủy ban MTTQ xã khóa I, nhiệm kỳ 2025-2030 ra mắt").is_empty());
        assert!(one("phiên họp thường kỳ tháng 9/2025 diễn ra").is_empty());
        assert!(one("Sáng ngày 02 tháng 7 năm 2021, hội nghị").is_empty());
        assert!(one("trong 6 tháng, xã đã").is_empty());
        assert!(one("những năm qua, tỉnh đã").is_empty());
        assert_eq!(periods("Nhiệm kỳ qua, Mặt trận đã", Some(2024)), [None]);
    }

    #[test]
    fn a_term_that_opens_a_clause_is_a_period_and_an_election_is_its_first_year() {
        assert_eq!(one("Nhiệm kỳ 2020-2025, xã đạt nhiều kết quả"), ["2020-2025"]);
        assert_eq!(
            one("cuộc bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026 diễn ra"),
            ["2021"]
        );
        let s = stated("Năm 2023, xã có 12 mô hình; tăng 5% năm 2022.", None);
        assert_eq!(s.iter().map(|s| s.sets_scope).collect::<Vec<_>>(), [true, false]);
    }

    #[test]
    fn the_article_period_from_title_opening_or_date() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let p = |title: &str, opening: &str, date| {
            article_period(title, opening, opening, date).map(|p| p.to_string())
        };
        assert_eq!(
            p(
                "Tình hình kinh tế tháng 06, quý II và 6 tháng đầu năm 2019",
                "",
                None
            )
            .as_deref(),
            Some("2019-H1")
        );
        assert_eq!(
            p(
                "",
                "Xã A tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021.",
                None
            )
            .as_deref(),
            Some("2020")
        );
        assert_eq!(
            p("Xã A tổng kết công tác", "Hội nghị diễn ra.", d(2022, 1, 12)).as_deref(),
            Some("2021")
        );
        assert_eq!(
            p("Xã A tiếp công dân", "Hội nghị diễn ra.", d(2023, 10, 27)).as_deref(),
            Some("2023")
        );
        assert_eq!(p("", "", None), None);
    }

    #[test]
    fn a_figure_takes_the_nearest_period_that_scopes_it() {
        let text = "Năm 2023, xã có 12 mô hình. Quý III đạt 5%; năm 2022 đạt 4%. Thôn có 7 hộ.";
        let s = stated(text, Some(2023));
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            let sentence_start = text[..start].rfind(". ").map_or(0, |p| p + 2);
            let sentence_end = text[start..].find('.').map_or(text.len(), |p| start + p + 1);
            let clause_start = text[sentence_start..start]
                .rfind(';')
                .map_or(sentence_start, |p| sentence_start + p + 1);
            let clause_end = text[start..sentence_end]
                .find(';')
                .map_or(sentence_end, |p| start + p);
            period_of(
                &s,
                &setters(&s),
                (clause_start, clause_end),
                (start, start + needle.len()),
                usize::MAX,
                None,
            )
            .map(|p| p.to_string())
        };
        assert_eq!(at("12").as_deref(), Some("2023"));
        assert_eq!(at("5%").as_deref(), Some("2023-Q3"));
        assert_eq!(at("4%").as_deref(), Some("2022"));
        assert_eq!(
            at("7").as_deref(),
            Some("2023"),
            "the scope set by the opening sentence"
        );
    }
}
