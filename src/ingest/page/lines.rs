//! What a line of a scraped page is: page furniture (toolbars, counters, contact and advertising
//! lines, pagers, stray marks), the end of the story, a headline, a caption, or a byline.

use std::sync::LazyLock;

use regex::Regex;

static VIEW_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:số\s+)?lượt\s+(?:xem|đọc)\s*:?\s*[0-9.,]+(?:\s+lượt\s+(?:xem|đọc))?|[0-9.,]+\s+lượt\s+(?:xem|đọc)|views?(?:\s+count)?\s*:?\s*[0-9.,]+)$")
        .expect("counter")
});
static MEDIA_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:video|audio|clip|ảnh|file)\s*:\s*)?\S*\.(?:mp4|mp3|avi|mov|wmv|flv|webm|jpe?g|png|gif|pdf|docx?)\)?$")
        .expect("media line")
});
static IMAGE_ALT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\sảnh\s+[0-9]{1,2}$").expect("image alt"));
/// Contact, advertising and widget lines: hotlines, phone and e-mail lines, comment boxes,
/// weather.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:hotline|đường\s+dây\s+nóng|điện\s+thoại|đt|tel|fax|email|e-mail|liên\s+hệ(?:\s+quảng\s+cáo)?|quảng\s+cáo|bình\s+luận|ý\s+kiến\s+bạn\s+đọc|gửi\s+bình\s+luận|chia\s+sẻ|theo\s+dõi)(?:[^\p{L}\p{N}_!?][^!?]{0,59})?$|^[0-9]+\s+bình\s+luận$|^-?[0-9]{1,2}\s*°\s*c(?:[^\p{L}\p{N}_]|$)",
    )
    .expect("contact")
});
/// A weather widget: a place's temperatures ("Hà Nội, 28°C/ 27°C - 30°C"), or one with the
/// widget's words; a headline about heat names one reading and says more.
static WEATHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[0-9]\s*°\s*c?(?:[^\p{L}]|$).*[0-9]\s*°|[0-9]\s*°\s*c?(?:[^\p{L}]|$).*(?:icon|thời\s+tiết|độ\s+ẩm)|(?:icon|thời\s+tiết)\s.*[0-9]\s*°")
        .expect("weather")
});
/// Site furniture that names no story: navigation and interface labels, an e-mail address, the
/// site's own name ("Cổng thông tin điện tử …", "Báo điện tử …").
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:skip\s+to(?:\s+main)?\s+content|banner|analytics?|menu|trang\s+chủ|home|đăng\s+nhập|đăng\s+ký|tìm\s+kiếm|search|english|tiếng\s+việt|en|vi|tags?|comments?)$|[\w.+-]+@[\w-]+\.[\w.]+|^(?:cổng|trang)\s+thông\s+tin(?:\s+điện\s+tử)?(?:[^\p{L}\p{N}_]|$)|^báo\s+điện\s+tử(?:[^\p{L}\p{N}_]|$)",
    )
    .expect("site furniture")
});

/// Section and tag labels portals print beside a story: never its byline.
#[rustfmt::skip]
const SECTIONS: &[&str] = &[
    "thời sự", "chính trị", "kinh tế", "xã hội", "văn hóa", "dân tộc", "thể thao", "giáo dục", "y tế",
    "pháp luật", "quốc phòng", "an ninh", "nông nghiệp", "du lịch", "tin tức", "tin tổng hợp", "đời sống",
    "mặt trận", "dân vận", "xây dựng đảng", "tin địa phương", "địa phương", "sự kiện", "tin mới", "tin nổi bật",
    "tags", "tag", "từ khóa", "comment", "comments", "bình luận", "share", "chia sẻ", "en", "vi", "print",
    "kinh tế - xã hội", "chính trị - xã hội", "văn hóa - xã hội", "hoạt động", "tin hoạt động",
];

/// A section or tag label ("Kinh tế", "TAGS").
pub fn is_section(text: &str) -> bool {
    let words: Vec<String> = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .map(|w| crate::ingest::tokens::normal_word(w).into_owned())
        .collect();
    SECTIONS.contains(&words.join(" ").as_str())
}

/// The outlet's own mark opening a lede: "(QNO) - ", "TPO - ", "(Baothanhhoa.vn) - ", "(ABO) ".
static OUTLET_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\([\p{Lu}][\p{L}0-9.]{1,24}\)\s*(?:[-–—]\s*)?|[\p{Lu}][\p{Lu}0-9.]{1,14}\s*[-–—]\s+)")
        .expect("outlet mark")
});

/// Lines that are page furniture wherever they stand (a line of digits alone is a pager
/// unless it is a date line, which the caller reads first).
pub fn is_chrome(line: &str) -> bool {
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
    let bare = line.trim_matches(|c: char| !c.is_alphanumeric());
    PREFIXES.iter().any(|p| line.starts_with(p))
        || VIEW_COUNTER.is_match(bare)
        || MEDIA_LINE.is_match(line)
        || CONTACT.is_match(bare)
        || (WEATHER.is_match(line) && line.split_whitespace().count() <= 14 && !ends_sentence(line))
        || (SITE.is_match(bare) && line.split_whitespace().count() <= 12)
        // A pager ("1", "56 (1)"), a stray letter or mark.
        || !line.chars().any(char::is_alphabetic)
        || bare.chars().count() <= 1
}

/// Lines that end the article: what follows is the portal's, not the author's.
pub fn is_end_marker(line: &str) -> bool {
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

pub fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', '"', '”', ')', ','])
}

pub fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The line without the outlet's mark that opens a lede.
pub fn without_outlet_mark(line: &str) -> &str {
    OUTLET_MARK.find(line).map_or(line, |m| &line[m.end()..])
}

/// A line that reads as a headline: no sentence end, not too long, not a lede opened by the
/// outlet's mark, not a bulleted sub-heading.
pub fn is_headline(line: &str) -> bool {
    let words = word_count(line);
    // A headline may close with a parenthesis: "… Đại hội lần thứ IX (nhiệm kỳ 2025 – 2030)".
    let unbracketed = match line
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|p| &l[..p]))
    {
        Some(head) if word_count(head) >= 2 => head,
        _ => line,
    };
    (2..=40).contains(&words)
        && !ends_sentence(unbracketed.trim_end().trim_end_matches(['"', '”']))
        && without_outlet_mark(line).len() == line.len()
        && !line.starts_with(['*', '•', '+', '-', '–'])
}

/// A photo caption: a line that does not end a sentence, between paragraphs.
pub fn is_caption(line: &str) -> bool {
    let words = word_count(line);
    (4..=40).contains(&words) && !ends_sentence(line)
}

/// An image's alternative text left in the page ("… ảnh 2").
pub fn is_image_alt(line: &str) -> bool {
    IMAGE_ALT.is_match(line) && !ends_sentence(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "Hotline: 0912.345.678 |",
            "Điện thoại: (0209) 3870 123",
            "Bình luận",
            "0",
            "56 (1)",
            ".",
            "b",
            ".jpg)",
            "Lượt xem: 3.210 lượt xem",
            "View Count: 15",
            "Video: 63021_OTHANH.mp4",
            "28°C",
            "Hải Phòng, 27°C/ 26°C - 29°C Icon thời tiết mưa",
            "Đà Lạt 18°C, độ ẩm 80%",
            "Skip to main content",
            "Banner",
            "0209.3 872 582 | vanphong@thongke.gov.vn",
            "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN AN PHÚ",
        ] {
            assert!(is_chrome(line), "{line:?}");
        }
        for line in [
            "Năm 2020, tỉnh đạt nhiều kết quả.",
            "Quang cảnh hội nghị",
            "Nắng nóng gay gắt, nhiệt độ lên tới 40°C",
            "Nhiệt độ trung bình 24°C, cao nhất 31°C, độ ẩm 85%.",
        ] {
            assert!(!is_chrome(line), "{line:?}");
        }
    }

    #[test]
    fn headlines_are_not_ledes_sentences_or_bullets() {
        assert!(is_headline("Xã Hòa Bình tổng kết công tác năm 2023"));
        assert!(is_headline("Bắc Giang: Thu ngân sách đạt 120% dự toán"));
        assert!(!is_headline(
            "(BBG) - Chiều 5/1, xã Hòa Bình tổ chức hội nghị tổng kết"
        ));
        assert!(!is_headline("Năm 2023, xã đạt 19/19 tiêu chí nông thôn mới."));
        assert!(!is_headline("* Phó Bí thư Tỉnh ủy dự ngày hội tại xã Hòa Bình"));
        assert!(is_headline(
            "Đảng bộ xã Hòa Bình tổ chức Đại hội lần thứ XX (nhiệm kỳ 2025 – 2030)"
        ));
        assert!(!is_headline("Xã Hòa Bình tổ chức Đại hội. (Ảnh: Lê An)"));
        assert_eq!(
            without_outlet_mark("(BBG) - Chiều 5/1, xã tổ chức"),
            "Chiều 5/1, xã tổ chức"
        );
        assert_eq!(without_outlet_mark("VOV.VN - Sáng nay"), "Sáng nay");
        assert_eq!(without_outlet_mark("Năm 2023 - một năm"), "Năm 2023 - một năm");
    }
}
