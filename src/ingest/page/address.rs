//! What a page's address says of it: news sites file stories under their month
//! ("/xa-hoi/202012/…", "/2015/07/…", "…-20251128160438227.htm") and name them by their
//! headline folded to ASCII ("…-tong-ket-cong-tac-mat-tran-nam-2025"), which states the
//! period a story without a printed headline reports on.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::domain::Period;

static PATH_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/-]((?:19|20)[0-9]{2})(?:/|-)?(0[1-9]|1[0-2])(?:(?:/|-)?(0[1-9]|[12][0-9]|3[01]))?(?:/|[0-9]{6,}\.|$)")
        .expect("path month")
});

static SLUG_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|-)(?:
            (?P<half>6|06|sau)-thang-(?:(?P<side>dau|cuoi)-)?nam-(?P<hy>(?:19|20)[0-9]{2})
          | (?P<nine>9|09|chin)-thang-(?:dau-)?nam-(?P<ny>(?:19|20)[0-9]{2})
          | quy-(?P<q>i{1,3}|iv|[1-4])-(?:nam-)?(?P<qy>(?:19|20)[0-9]{2})
          | (?:nhiem-ky|giai-doan)-(?P<t1>(?:19|20)[0-9]{2})-?(?P<t2>(?:19|20)[0-9]{2})
          | nam-(?P<y>(?:19|20)[0-9]{2})
        )(?:-|$)",
    )
    .expect("slug period")
});

/// The path of an address, without its host, query and fragment.
fn path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.find('/').map_or("", |p| &rest[p..])
}

/// The day (or the first of the month) a story is filed under in its address.
pub fn address_date(url: &str) -> Option<NaiveDate> {
    let c = PATH_MONTH.captures(path(url))?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3).unwrap_or(1))
}

/// The period the headline folded into an address states: "…-nam-2019.htm" → 2019.
pub fn address_period(url: &str) -> Option<Period> {
    let slug = path(url).rsplit('/').find(|s| s.contains('-'))?;
    let slug = slug.split('.').next().unwrap_or(slug).to_ascii_lowercase();
    let c = SLUG_PERIOD.captures(&slug)?;
    let year = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    if let Some(y) = year("hy") {
        let half = if c.name("side").is_some_and(|s| s.as_str() == "cuoi") {
            2
        } else {
            1
        };
        return Period::half(y, half);
    }
    if let Some(y) = year("ny") {
        return Period::nine_months(y);
    }
    if let Some(y) = year("qy") {
        let q = match &c["q"] {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            _ => 4,
        };
        return Period::quarter(y, q);
    }
    if let (Some(a), Some(b)) = (year("t1"), year("t2")) {
        return Period::span(a, b);
    }
    year("y").and_then(Period::year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_is_filed_under_its_month() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(
            address_date("https://bao.vn/xa-hoi/202104/tin-nao-do-123456/"),
            d(2021, 4, 1)
        );
        assert_eq!(
            address_date("https://tin.com/2016/09/mot-tin.html"),
            d(2016, 9, 1)
        );
        assert_eq!(
            address_date("https://bao.vn/tin-a-20230517093012345.htm"),
            d(2023, 5, 17)
        );
        assert_eq!(address_date("https://bao.vn/mot-tin-post123456.html"), None);
        assert_eq!(address_date("https://bao.vn/tin-nam-2019-a1.html"), None);
    }

    #[test]
    fn the_folded_headline_states_a_period() {
        let p = |u: &str| address_period(u).map(|p| p.to_string());
        assert_eq!(
            p("https://x.gov.vn/tin/xa-a-tong-ket-nam-2024").as_deref(),
            Some("2024")
        );
        assert_eq!(
            p("https://bao.vn/huyen-b-so-ket-6-thang-dau-nam-2022-a12.htm").as_deref(),
            Some("2022-H1")
        );
        assert_eq!(
            p("https://bao.vn/dai-hoi-nhiem-ky-20202025-268.html").as_deref(),
            Some("2020-2025")
        );
        assert_eq!(p("https://bao.vn/mien-nam-hom-nay-2345.html"), None);
    }
}
