//! Page structure: title, header date, body paragraphs, captions and byline of a scraped page.
//!
//! Works on the line layout that portals leave in scraped text: chrome lines (toolbars,
//! counters, video file names) are dropped, the body stops at the byline or at the
//! "Từ khóa" / "Xem thêm" block, and the related-article teasers after it are kept apart.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub caption: bool,
}

/// What the page layout says, before any reading of the prose.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageParts {
    pub title: String,
    pub published_on: Option<NaiveDate>,
    pub byline: Option<String>,
    pub blocks: Vec<Block>,
    /// Lines after the byline: related-article teasers and keywords.
    pub trailer: Vec<String>,
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:thứ\s+(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)?(?:(?:ngày\s+đăng|ngày\s+cập\s+nhật|cập\s+nhật|đăng\s+ngày|ngày)\s*:?\s*)?(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*(?:[|,-]\s*)?)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:\s*(?:[|,-]\s*)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?:am|pm|gmt[+0-9]*))?)?$",
    )
    .expect("date line pattern")
});
static VIEW_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:lượt\s+xem\s*:?\s*[0-9.,]+|[0-9.,]+\s+lượt\s+(?:xem|đọc))$").expect("counter")
});
static MEDIA_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:video|audio|clip|ảnh|file)\s*:\s*)?\S+\.(?:mp4|mp3|avi|mov|wmv|flv|webm|jpe?g|png|gif|pdf|docx?)$")
        .expect("media line")
});
static IMAGE_ALT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\sảnh\s+[0-9]{1,2}$").expect("image alt"));

/// Lines that are page furniture wherever they stand.
fn is_chrome(line: &str) -> bool {
    const PREFIXES: [&str; 8] = [
        "PublishingPortal",
        "Tăng cỡ chữ",
        "Giảm cỡ chữ",
        "In bài viết",
        "Bản in",
        "Chia sẻ",
        "Gửi bài viết",
        "Lưu bài viết",
    ];
    PREFIXES.iter().any(|p| line.starts_with(p)) || VIEW_COUNTER.is_match(line) || MEDIA_LINE.is_match(line)
}

/// Lines that end the article: what follows is the portal's, not the author's.
fn is_end_marker(line: &str) -> bool {
    let l = line.trim_start_matches(['•', '-', '*', '·', ' ']).to_lowercase();
    [
        "từ khóa",
        "từ khoá",
        "xem thêm",
        "tin liên quan",
        "bài viết liên quan",
        "các tin khác",
        "tin khác",
        "tin cùng chuyên mục",
        "tags:",
    ]
    .iter()
    .any(|m| l == *m || l.starts_with(&format!("{m}:")) || (m.ends_with(':') && l.starts_with(m)))
}

/// A header date line ("20/07/2021", "Thứ 4, 30.06.2021 | 00:00:00"), as a date.
pub fn header_date(line: &str) -> Option<NaiveDate> {
    let c = DATE_LINE.captures(line.trim())?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(3)? as i32, num(2)?, num(1)?)
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', ')', ','])
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A short line of capitalised words: an author's name ("Hương Dịu", "Văn Tiến"), possibly
/// with its source in parentheses ("Thanh Thủy (Trung tâm VH-TT Nghi Lộc)").
fn is_byline(line: &str) -> bool {
    let name = match line.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name,
        _ => line,
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && name.chars().count() <= 40
        && !name.chars().any(|c| c.is_ascii_digit())
        && !ends_sentence(name)
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().next().is_some_and(char::is_uppercase) || w.is_empty()
        })
}

/// A title-like line: no sentence end, not too long.
fn is_headline(line: &str) -> bool {
    !ends_sentence(line.trim_end_matches(['"', '”'])) && word_count(line) <= 40
}

/// A photo caption: a line that does not end a sentence, between paragraphs.
fn is_caption(line: &str) -> bool {
    let words = word_count(line);
    (4..=40).contains(&words) && !ends_sentence(line)
}

/// Splits a normalised page into its parts.
pub fn parse_page(normalized: &str) -> PageParts {
    let lines: Vec<&str> = normalized
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_chrome(l))
        .collect();
    let mut parts = PageParts::default();
    let mut i = 0;
    // Header: dates before the title, then the title (after an optional category line).
    while i < lines.len() && header_date(lines[i]).is_some() {
        parts.published_on = parts.published_on.or(header_date(lines[i]));
        i += 1;
    }
    if i < lines.len() {
        let next = lines.get(i + 1).copied();
        let is_category = word_count(lines[i]) <= 5
            && !lines[i].chars().any(|c| c.is_ascii_digit())
            && next.is_some_and(|n| {
                is_headline(n) && header_date(n).is_none() && word_count(n) > word_count(lines[i])
            });
        if is_category {
            i += 1;
        }
        parts.title = lines[i].to_owned();
        i += 1;
    }
    while i < lines.len() && header_date(lines[i]).is_some() && i <= 4 {
        parts.published_on = parts.published_on.or(header_date(lines[i]));
        i += 1;
    }
    let mut body: Vec<&str> = Vec::new();
    let mut end = lines.len();
    for (j, line) in lines.iter().enumerate().skip(i) {
        if is_end_marker(line) {
            end = j;
            break;
        }
        body.push(line);
    }
    let trailer_from_marker: Vec<String> = lines[end..].iter().map(|s| s.to_string()).collect();
    if let Some(pos) = body.iter().rposition(|l| is_byline(l)).filter(|&p| p > 0) {
        parts.byline = Some(body[pos].to_owned());
        parts.trailer = body[pos + 1..].iter().map(|s| s.to_string()).collect();
        body.truncate(pos);
    }
    parts.trailer.extend(trailer_from_marker);
    let mut seen = HashSet::new();
    let mut after_image = false;
    for line in body {
        if IMAGE_ALT.is_match(line) && !ends_sentence(line) {
            after_image = true;
            continue;
        }
        if !seen.insert(line) || header_date(line).is_some() {
            continue;
        }
        let caption = after_image || is_caption(line);
        after_image = false;
        parts.blocks.push(Block {
            text: line.to_owned(),
            caption,
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_dates_in_portal_formats() {
        assert_eq!(header_date("20/07/2021"), NaiveDate::from_ymd_opt(2021, 7, 20));
        assert_eq!(
            header_date("Thứ 4, 30.06.2021 | 00:00:00"),
            NaiveDate::from_ymd_opt(2021, 6, 30)
        );
        assert_eq!(
            header_date("Cập nhật: 05-03-2022 14:20"),
            NaiveDate::from_ymd_opt(2022, 3, 5)
        );
        assert_eq!(header_date("31/02/2021"), None);
        assert_eq!(header_date("Ngày 14/01/2021, Ban Dân vận tổ chức hội nghị"), None);
    }

    #[test]
    fn page_parts_skip_chrome_category_and_teasers() {
        let page = "Chính trị - Xã hội\n\nĐồng chí A dự hội nghị tổng kết năm 2020\n15/01/2021\n\
            Ngày 14/01/2021, hội nghị diễn ra.\nẢnh hội nghị tổng kết công tác năm\n\
            Năm 2020, tỉnh đạt nhiều kết quả.\nNăm 2020, tỉnh đạt nhiều kết quả.\n611 lượt xem\n\
            Video: 63021_OTHANH.mp4\nVăn Tiến\n• Từ khóa\nCử tri Thái Bình đánh giá cao kỳ họp";
        let p = parse_page(page);
        assert_eq!(p.title, "Đồng chí A dự hội nghị tổng kết năm 2020");
        assert_eq!(p.published_on, NaiveDate::from_ymd_opt(2021, 1, 15));
        assert_eq!(p.byline.as_deref(), Some("Văn Tiến"));
        let texts: Vec<_> = p.blocks.iter().map(|b| (b.text.as_str(), b.caption)).collect();
        assert_eq!(
            texts,
            [
                ("Ngày 14/01/2021, hội nghị diễn ra.", false),
                ("Ảnh hội nghị tổng kết công tác năm", true),
                ("Năm 2020, tỉnh đạt nhiều kết quả.", false),
            ]
        );
        assert!(p.trailer.iter().any(|l| l.contains("Thái Bình")));
    }

    #[test]
    fn empty_and_single_line_pages_do_not_panic() {
        assert_eq!(parse_page("").title, "");
        assert_eq!(parse_page("Chỉ một dòng").title, "Chỉ một dòng");
    }
}
