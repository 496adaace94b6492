//! Page structure: title, publication date, byline, body paragraphs and captions of a
//! scraped page.
//!
//! Works on the line layout that portals leave in scraped text: furniture lines (toolbars,
//! counters, contact lines, pagers) are dropped wherever they stand; date lines above or
//! below the story give the publication date (and sometimes the author); the first line is the
//! title when it reads as a headline, and otherwise already the story; the body stops at the
//! "Từ khóa" / "Xem thêm" block, and the related-article teasers after it are kept apart.

mod address;
mod byline;
mod dateline;
mod lines;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::domain::text::fold_key;
pub use address::{address_date, address_period};
pub use byline::byline;
pub use dateline::date_line;
use lines::{
    is_caption, is_chrome, is_end_marker, is_headline, is_image_alt, without_outlet_mark, word_count,
};

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub caption: bool,
}

/// What the page layout says, before any reading of the prose.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageParts {
    /// The headline, when the page prints one.
    pub title: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub byline: Option<String>,
    pub blocks: Vec<Block>,
    /// Lines after the byline: related-article teasers and keywords.
    pub trailer: Vec<String>,
}

/// Lines from the top within which date lines and a category are looked for.
const HEADER_LINES: usize = 4;

/// Splits a normalised page into its parts. A headline the page's markup states is taken as
/// the title, and its line, when the text opens with it, is not the body's.
pub fn parse_page(normalized: &str, given_title: Option<&str>) -> PageParts {
    let lines: Vec<&str> = normalized
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && (!is_chrome(l) || date_line(l).is_some()))
        .collect();
    let mut parts = PageParts::default();
    let mut author = None;
    let mut take_date = |line: &str, parts: &mut PageParts| match date_line(line) {
        Some((date, name)) => {
            parts.published_on = parts.published_on.or(Some(date));
            author = author.take().or(name);
            true
        }
        None => false,
    };
    let mut i = 0;
    while i < lines.len() && take_date(lines[i], &mut parts) {
        i += 1;
    }
    if let Some(title) = given_title {
        if lines.get(i).is_some_and(|l| fold_key(l) == fold_key(title)) {
            i += 1;
        }
        parts.title = Some(title.to_owned());
    } else if i < lines.len() {
        let next = lines.get(i + 1).copied();
        let is_category = word_count(lines[i]) <= 5
            && !lines[i].chars().any(|c| c.is_ascii_digit())
            && next.is_some_and(|n| {
                is_headline(n) && date_line(n).is_none() && word_count(n) > word_count(lines[i])
            });
        if is_category {
            i += 1;
        }
        // A headline with the page's date-time stamp run onto it ("… hộ nghèo 05/02/2024 09:15").
        let stamped = dateline::split_stamp(lines[i]).filter(|(headline, _)| is_headline(headline));
        if let Some((headline, date)) = stamped {
            parts.title = Some(headline.to_owned());
            parts.published_on = parts.published_on.or(Some(date));
            i += 1;
        } else if is_headline(lines[i]) {
            parts.title = Some(lines[i].to_owned());
            i += 1;
        }
    }
    let header_end = i + HEADER_LINES;
    while i < lines.len() && i <= header_end && take_date(lines[i], &mut parts) {
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
    let mut trailer: Vec<String> = lines[end..].iter().map(|s| s.to_string()).collect();
    // A byline right under the headline, before the first paragraph.
    if body.len() > 1 && parts.title.is_some() {
        if let Some(name) = byline(body[0]) {
            author = author.or(Some(name));
            body.remove(0);
        }
    }
    // The byline closing the story, with only furniture and teasers after it.
    if let Some(mut pos) = body.iter().rposition(|l| byline(l).is_some()).filter(|&p| {
        p > 0
            && body[p + 1..]
                .iter()
                .all(|l| word_count(l) <= 40 && !l.ends_with('.'))
    }) {
        // "Lê An" then "Báo Nhân Dân": the author, then the paper the story is taken from.
        if pos > 1 && byline(body[pos - 1]).is_some() {
            pos -= 1;
        }
        author = byline(body[pos]).or(author);
        let after: Vec<String> = body[pos + 1..].iter().map(|s| s.to_string()).collect();
        trailer.splice(0..0, after);
        body.truncate(pos);
    }
    parts.byline = author;
    parts.trailer = trailer;
    parts.blocks = blocks(&body, parts.title.as_deref(), &mut parts.published_on);
    parts
}

/// The body's paragraphs and captions, each text once (a sapo printed again without the
/// outlet's mark, a headline repeated as a caption), without date lines.
fn blocks(body: &[&str], title: Option<&str>, published: &mut Option<NaiveDate>) -> Vec<Block> {
    let mut seen: HashSet<String> = title.map(fold_key).into_iter().collect();
    let mut out = Vec::new();
    let mut after_image = false;
    for line in body {
        if is_image_alt(line) {
            after_image = true;
            continue;
        }
        if let Some((date, _)) = date_line(line) {
            *published = published.or(Some(date));
            continue;
        }
        if !seen.insert(fold_key(without_outlet_mark(line))) {
            continue;
        }
        let caption = after_image || is_caption(line);
        after_image = false;
        out.push(Block {
            text: line.to_string(),
            caption,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_parts_skip_chrome_category_and_teasers() {
        let page = "Chính trị - Xã hội\n\nĐồng chí A dự hội nghị tổng kết năm 2020\n15/01/2021\n\
            Ngày 14/01/2021, hội nghị diễn ra.\nẢnh hội nghị tổng kết công tác năm\n\
            Năm 2020, tỉnh đạt nhiều kết quả.\nNăm 2020, tỉnh đạt nhiều kết quả.\n611 lượt xem\n\
            Video: 63021_OTHANH.mp4\nVăn Tiến\n• Từ khóa\nCử tri Thái Bình đánh giá cao kỳ họp";
        let p = parse_page(page, None);
        assert_eq!(
            p.title.as_deref(),
            Some("Đồng chí A dự hội nghị tổng kết năm 2020")
        );
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
    fn a_page_that_opens_with_its_lede_has_no_title_and_keeps_the_lede() {
        let p = parse_page(
            "(ĐN) - Chiều 5/1, xã Hòa An tổ chức hội nghị tổng kết năm 2023.\n\nNăm 2023, xã có 12 mô hình.",
            None,
        );
        assert_eq!(p.title, None);
        assert_eq!(p.blocks.len(), 2);
        let p = parse_page(
            "Năm 2023, xã Hòa An có 12 mô hình mới và 3 tổ hợp tác được thành lập.",
            None,
        );
        assert_eq!(p.title, None);
        assert_eq!(p.blocks.len(), 1);
    }

    #[test]
    fn a_byline_under_the_headline_and_furniture_around_it() {
        let page = "Hotline: 0912.345.678 |\n\nXã Hòa An họp cuối năm 2023\n\n\
            Mai Anh (Trung tâm văn hóa xã Hòa An)\n(BHA) - Chiều 20/12, xã Hòa An họp.\n\n\
            Chiều 20/12, xã Hòa An họp.\n\nXã Hòa An họp cuối năm 2023\n\nNăm 2023, xã đạt 15/19 tiêu chí.";
        let p = parse_page(page, None);
        assert_eq!(p.title.as_deref(), Some("Xã Hòa An họp cuối năm 2023"));
        assert_eq!(p.byline.as_deref(), Some("Mai Anh"));
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "(BHA) - Chiều 20/12, xã Hòa An họp.",
                "Năm 2023, xã đạt 15/19 tiêu chí."
            ],
            "the sapo once, the headline's repeat dropped"
        );
    }

    #[test]
    fn date_lines_above_the_headline_or_below_it() {
        let p = parse_page(
            "Thứ Ba, 14/03/2023, 09:30 (GMT+7)\n.\n\nTỉnh A: Hộ nghèo còn 1,6%\n\nNăm 2022, tỉnh giảm nghèo.",
            None,
        );
        assert_eq!(p.title.as_deref(), Some("Tỉnh A: Hộ nghèo còn 1,6%"));
        assert_eq!(p.published_on, NaiveDate::from_ymd_opt(2023, 3, 14));
        let p = parse_page(
            "Xã B tổng kết năm 2020\n\n20/01/2021 07:45 Số lượt xem: 320\nNăm 2020, xã đạt 12 chỉ tiêu.\n\nTin và ảnh: Lê Hòa\n\nBình luận\n0",
            None,
        );
        assert_eq!(p.published_on, NaiveDate::from_ymd_opt(2021, 1, 20));
        assert_eq!(p.byline.as_deref(), Some("Lê Hòa"));
    }

    #[test]
    fn a_date_and_time_run_onto_the_headline_is_its_date_not_part_of_it() {
        let p = parse_page(
            "Huyện C trao 500 suất quà cho hộ nghèo 05/02/2024 09:15\n\nSáng 4/2, huyện C trao quà.",
            None,
        );
        assert_eq!(p.title.as_deref(), Some("Huyện C trao 500 suất quà cho hộ nghèo"));
        assert_eq!(p.published_on, NaiveDate::from_ymd_opt(2024, 2, 5));
        let p = parse_page(
            "Xã D có 12 sản phẩm OCOP (5/1/2023)\n\nNăm 2022, xã có thêm 3 sản phẩm.",
            None,
        );
        assert_eq!(p.title.as_deref(), Some("Xã D có 12 sản phẩm OCOP (5/1/2023)"));
    }

    #[test]
    fn empty_and_single_line_pages_do_not_panic() {
        assert_eq!(parse_page("", None).title, None);
        assert_eq!(
            parse_page("Chỉ một dòng", None).title.as_deref(),
            Some("Chỉ một dòng")
        );
    }

    #[test]
    fn a_headline_the_markup_states_is_the_title_and_its_line_leaves_the_body() {
        let page = "Xã Hòa An họp cuối năm\n\n(BHA) - Chiều 20/12, xã Hòa An họp.";
        let p = parse_page(page, Some("Xã Hòa An họp cuối năm"));
        assert_eq!(p.title.as_deref(), Some("Xã Hòa An họp cuối năm"));
        assert_eq!(p.blocks.len(), 1);
        let p = parse_page("Năm 2023, xã đạt 15/19 tiêu chí.", Some("Tiêu đề khác hẳn"));
        assert_eq!(p.title.as_deref(), Some("Tiêu đề khác hẳn"));
        assert_eq!(
            p.blocks[0].text, "Năm 2023, xã đạt 15/19 tiêu chí.",
            "a lede is never taken for it"
        );
    }
}
