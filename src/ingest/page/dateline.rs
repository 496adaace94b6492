//! Date lines: the line a portal prints above or below a story with its publication date, in
//! the many forms Vietnamese portals use: "20/07/2021", "Thứ Ba, 14/03/2023, 09:30 (GMT+7)",
//! "Chủ nhật - 30/06/2019 05:13", "• Cập nhật: 02/03/2022", "13/12/2023 | 10:16 GMT+7",
//! "11/05/2020 07:45 Số lượt xem: 320", "Tin tức - Ngày đăng : 10:15, 22/04/2022",
//! "Thứ Hai, ngày 20 tháng 7 năm 2021", with the author before or after the time
//! ("Hương Dịu - 20/07/2021 08:00").

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::byline::person_name;
use super::lines::is_section;

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})(?:[^0-9]|$)")
        .expect("date")
});

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s[-|–,]?\s*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}),?\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$",
    )
    .expect("stamp")
});

static WORDED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})").expect("worded date")
});

/// What may stand beside the date on a date line without being prose.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:số\s+)?lượt\s+(?:xem|đọc)\s*:?\s*[0-9.,]*(?:\s*lượt\s+(?:xem|đọc))?
        | [0-9.,]+\s+lượt\s+(?:xem|đọc)
        | views?(?:\s+count)?\s*:?\s*[0-9.,]*
        | bình\s+luận\s*:?\s*[0-9]*
        | [0-9]{1,2}\s*[:hg]\s*[0-9]{2}(?:\s*:\s*[0-9]{2})?(?:\s*(?:am|pm|sa|ch)\b)?
        | [(\[]?\s*(?:gmt|utc)\s*\+\s*0?7\s*[)\]]?
        | thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])
        | chủ\s+nhật | \bcn\b
        | ngày\s+đăng | đăng\s+ngày | đăng\s+lúc | đăng\s+tải | ngày\s+cập\s+nhật | cập\s+nhật(?:\s+lúc|\s+ngày)?
        | thời\s+gian(?:\s+đăng)? | xuất\s+bản | ngày\s+xuất\s+bản | published | updated | posted
        | in\s+bài(?:\s+viết)? | bản\s+in | chia\s+sẻ | gửi\s+bài | lưu\s+bài
        | \bngày\b | \blúc\b | \bvào\b
        | \b[0-9]{1,7}\b
        ",
    )
    .expect("date line furniture")
});

/// Separators between the parts of a date line.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '•' | '·' | ',' | '-' | '–' | '—' | ':' | '(' | ')' | '[' | ']' | '/' | '*'
    ) || c.is_whitespace()
}

/// The date and author of a date line; `None` for any other line.
pub fn date_line(line: &str) -> Option<(NaiveDate, Option<String>)> {
    if line.split_whitespace().count() > 18 {
        return None;
    }
    let (date, rest) = find_date(line)?;
    let rest = FURNITURE.replace_all(&rest, " ");
    let chunks: Vec<&str> = rest
        .split(['|', '•', '·', '-', '–', '—', ',', '(', ')', '[', ']', '*'])
        .map(|c| c.trim_matches(is_separator))
        .filter(|c| c.chars().any(char::is_alphanumeric))
        .collect();
    let before_date = line.find(&*date.1).unwrap_or(0);
    match chunks.as_slice() {
        [] => Some((date.0, None)),
        [one] if is_section(one) => Some((date.0, None)),
        [one] => match person_name(one) {
            Some(name) => Some((date.0, Some(name))),
            // A category label printed before the date ("Nhịp cầu nhân ái - Ngày đăng : …").
            None if line[..before_date].contains(one) && one.split_whitespace().count() <= 6 => {
                Some((date.0, None))
            }
            None => None,
        },
        _ => None,
    }
}

/// A date and time closing a line ("05/02/2024 09:15", "05-02-2024, 09:15"): the line before
/// it and the date.
pub fn split_stamp(line: &str) -> Option<(&str, NaiveDate)> {
    let c = STAMP.captures(line)?;
    Some((line[..c.get(0)?.start()].trim_end(), day_month_year(&c)?))
}

/// The date of captures 1, 2 and 3: day, month, year.
fn day_month_year(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(3)? as i32, num(2)?, num(1)?)
}

/// The first full date of a line, with the text it was read from, and the line without it.
fn find_date(line: &str) -> Option<((NaiveDate, String), String)> {
    for re in [&*WORDED_DATE, &*NUMERIC_DATE] {
        if let Some(c) = re.captures(line) {
            let date = day_month_year(&c)?;
            let whole = c.get(0)?;
            let text = line[whole.range()].to_owned();
            let rest = format!("{} {}", &line[..whole.start()], &line[whole.end()..]);
            return Some(((date, text), rest));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn date(line: &str) -> Option<NaiveDate> {
        date_line(line).map(|(d, _)| d)
    }

    #[test]
    fn date_lines_in_portal_formats() {
        assert_eq!(date("20/07/2021"), d(2021, 7, 20));
        assert_eq!(date("Thứ 4, 30.06.2021 | 00:00:00"), d(2021, 6, 30));
        assert_eq!(date("Cập nhật: 05-03-2022 14:20"), d(2022, 3, 5));
        assert_eq!(date("Thứ Sáu, 12/03/2021, 09:30 (GMT+7)"), d(2021, 3, 12));
        assert_eq!(date("Chủ nhật - 14/02/2021 21:05"), d(2021, 2, 14));
        assert_eq!(date("  • Cập nhật lúc: 08/09/2020"), d(2020, 9, 8));
        assert_eq!(date("25/04/2020 | 07:45 GMT+7"), d(2020, 4, 25));
        assert_eq!(date("[GMT+7] 11:20 - 03/05/2022"), d(2022, 5, 3));
        assert_eq!(date("03/05/2022 11:20 Số lượt xem: 1.204"), d(2022, 5, 3));
        assert_eq!(date("03/05/2022 11:20 View Count: 87"), d(2022, 5, 3));
        assert_eq!(date("Kinh tế - Ngày đăng : 10:15, 04/08/2020"), d(2020, 8, 4));
        assert_eq!(date("Thứ Hai, ngày 20 tháng 7 năm 2021"), d(2021, 7, 20));
        assert_eq!(
            date("Thứ ba - 12/11/2024 07:15 36 0"),
            d(2024, 11, 12),
            "counters after the time"
        );
        assert_eq!(
            date("10:05:41 22/03/2018 | Kinh tế"),
            d(2018, 3, 22),
            "a section after the date"
        );
        assert_eq!(
            date("04:10 PM 05/10/2021 |  Lượt xem: 215 |  In bài viết |"),
            d(2021, 10, 5)
        );
        assert_eq!(
            date_line("10:05:41 22/03/2018 | Kinh tế").and_then(|(_, a)| a),
            None
        );
    }

    #[test]
    fn an_author_beside_the_date_is_the_byline() {
        assert_eq!(
            date_line("Mai Lan - 14:30, 21/09/2021"),
            Some((d(2021, 9, 21).unwrap(), Some("Mai Lan".to_owned())))
        );
        assert_eq!(
            date_line("21/09/2021 | 14:30 | Đỗ Văn Hùng"),
            Some((d(2021, 9, 21).unwrap(), Some("Đỗ Văn Hùng".to_owned())))
        );
    }

    #[test]
    fn prose_and_impossible_dates_are_not_date_lines() {
        assert_eq!(date("31/02/2021"), None);
        assert_eq!(date("Ngày 14/01/2021, Ban Dân vận tổ chức hội nghị"), None);
        assert_eq!(
            date("Sáng 12/1/2021 hội nghị tổng kết công tác dân vận diễn ra"),
            None
        );
        assert_eq!(date("Kế hoạch số 12/KH-UBND ngày 03/02/2021 của UBND tỉnh"), None);
    }
}
