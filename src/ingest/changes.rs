//! A change told by its two ends, "từ X xuống / lên Y": Y is the level the period reached, X
//! the earlier level, of the period the text gives it ("từ 32,21% (đầu năm 2016)") or of the
//! start of a span ("giai đoạn 2016 – 2019, … từ 50,41% xuống 19,59%"), never of the period Y
//! is of.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::Period;

/// Which end of a change a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

static OPENS_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}])từ\s+(?:mức\s+|con\s+số\s+)?$").expect("from"));
static TURNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^\s(,;]*(?:\s+[^\s(,;0-9]+){0,3}\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:giảm\s+|tăng\s+)?(?:xuống|lên)(?:[^\p{L}]|$)")
        .expect("turns")
});
static REACHES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])từ\s+(?:mức\s+|con\s+số\s+)?[0-9][^;]{0,80}?(?:xuống|lên)(?:\s+(?:còn|mức|đến|tới|thành))*\s*$")
        .expect("reaches")
});
static YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s(,;]*(?:\s+[^\s(,;0-9]+){0,3}\s*\([^)0-9]{0,30}((?:19|20)[0-9]{2})\s*\)")
        .expect("year after")
});

/// Which end of a change the figure between `before` and `after` (its clause's text on
/// either side) is, if it is one.
pub fn end_of_change(before: &str, after: &str) -> Option<End> {
    if OPENS_FROM.is_match(before) && TURNS.is_match(after) {
        Some(End::From)
    } else if REACHES.is_match(before) {
        Some(End::To)
    } else {
        None
    }
}

/// The period of one end of a change, from the year in parentheses after it, else from the
/// span its clause is of: the span's first year for the earlier level, its last for the
/// level reached. An earlier level without either has no period the text gives.
pub fn period_of_end(end: End, after: &str, period: Option<Period>) -> Option<Period> {
    if let Some(y) = YEAR_AFTER.captures(after).and_then(|c| c[1].parse().ok()) {
        return Period::year(y);
    }
    use chrono::Datelike;
    let spans = period.as_ref().filter(|p| p.end().year() > p.first_year());
    match (end, spans) {
        (End::From, Some(p)) => Period::year(p.first_year()),
        (End::From, None) => None,
        (End::To, Some(p)) => Period::year(p.end().year()),
        (End::To, None) => period,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<Period> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn the_two_ends_of_a_change() {
        let sentence = "tỷ lệ hộ nghèo giảm từ 4,2% xuống còn 3,1%";
        let (x, y) = (sentence.find("4,2").unwrap(), sentence.find("3,1").unwrap());
        assert_eq!(end_of_change(&sentence[..x], &sentence[x + 3..]), Some(End::From));
        assert_eq!(end_of_change(&sentence[..y], &sentence[y + 3..]), Some(End::To));
        let s = "số hộ tăng từ 120 hộ (năm 2020) lên 185 hộ";
        let x = s.find("120").unwrap();
        assert_eq!(end_of_change(&s[..x], &s[x + 3..]), Some(End::From));
        assert_eq!(end_of_change("thu ngân sách tăng ", "%, từ đó"), None);
        assert_eq!(
            end_of_change("từ ", " người tham gia"),
            None,
            "a count from which nothing turns"
        );
    }

    #[test]
    fn an_earlier_level_is_never_of_the_period_reached() {
        assert_eq!(
            period_of_end(End::From, " (đầu năm 2016) xuống", p("2016-2019")),
            p("2016")
        );
        assert_eq!(
            period_of_end(End::From, " xuống còn 3%", p("2016-2019")),
            p("2016")
        );
        assert_eq!(period_of_end(End::To, " (cuối năm 2019).", p("2023")), p("2019"));
        assert_eq!(period_of_end(End::To, ".", p("2016-2019")), p("2019"));
        assert_eq!(period_of_end(End::From, " xuống còn 3%", p("2023")), None);
        assert_eq!(period_of_end(End::To, ".", p("2023")), p("2023"));
    }
}
