//! The words around a number that decide what it is: designators before it ("tổ 10",
//! "Chỉ thị 16"), nouns after it ("nhà tình nghĩa", "đơn, thư"), qualifiers ("trên 300").

use crate::domain::Qualifier;
use crate::ingest::numbers::looks_like_year;
use crate::ingest::tokens::{Kind, Token};

/// Words before a number that make it a designation, not a quantity ("tổ 10", "lần thứ 2").
#[rustfmt::skip]
pub const DESIGNATORS: &[&str] = &[
    "tổ", "thôn", "xóm", "ấp", "khu", "khối", "bản", "buôn", "đường", "phố", "ngõ", "ngách", "hẻm",
    "kiệt", "phường", "quận", "số", "lần", "thứ", "khóa", "khoá", "điều", "khoản", "mục", "chương",
    "điểm", "lớp", "mũi", "đợt", "kỳ", "km", "ql", "quốc", "lộ", "hạng", "giải", "bảng", "tập", "trang",
    "phần", "bước", "năm", "tháng", "ngày", "quý", "tuần", "giờ", "lúc", "sáng", "chiều", "tối", "trưa",
    "đêm", "covid", "phòng", "tầng", "nhà", "lô", "kilômét", "cấp", "level", "top", "nhóm", "đội",
    "tiểu", "f", "ca", "luật", "lệnh",
];

/// Two-word names of documents before their number ("Chỉ thị 16", "Nghị quyết 26").
#[rustfmt::skip]
pub const DOCUMENTS: &[[&str; 2]] = &[
    ["chỉ", "thị"], ["nghị", "quyết"], ["nghị", "định"], ["quyết", "định"], ["thông", "tư"],
    ["kết", "luận"], ["kế", "hoạch"], ["công", "văn"], ["công", "điện"], ["thông", "báo"],
    ["hướng", "dẫn"], ["chương", "trình"], ["đề", "án"],
];

/// Nouns after a number that make it a duration, an age, a number of tiers ("3 cấp"), a class
/// ("OCOP 4 sao"), a count of officials ("02 vị", "2 đồng chí") or a vague quantity.
#[rustfmt::skip]
pub const NOT_COUNTED: &[&str] = &[
    "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "tuổi", "lần", "số", "thứ", "kỳ",
    "khóa", "khoá", "nhiệm", "giai", "độ", "mũi", "đêm", "thập", "thế", "trên", "dưới", "và", "hoặc",
    "đến", "tới", "của", "so", "trong", "tại", "ở", "là", "với", "được", "đã", "có", "cho", "về",
    "theo", "nhằm", "sau", "trước", "khi", "từ", "cấp", "vị", "đồng", "toàn", "cả", "sao",
];

/// Words glued to a number that are its unit or scale, not part of a code ("3.690.000.000đ",
/// "620tr", "2.350m", "72.550ha").
#[rustfmt::skip]
pub const GLUED_UNITS: &[&str] = &[
    "ha", "km", "km2", "m", "m2", "kg", "tấn", "tỷ", "tỉ", "triệu", "tr", "ngàn", "nghìn", "đ", "đồng", "vnđ",
    "vnd", "usd", "lần",
];

/// Verbs before "N lần" that make it a multiple ("tăng 2,6 lần", "gấp 3 lần").
pub const MULTIPLIED: &[&str] = &["tăng", "gấp", "giảm", "hơn", "trên", "khoảng", "gần"];

/// Words before "thứ N" that make it a rank ("xếp thứ 14/34").
pub const RANKED: &[&str] = &["xếp", "đứng", "hạng"];

/// Words before a number that mark it as a date ("ngày 30/6", "chiều 14/7").
#[rustfmt::skip]
pub const DATE_WORDS: &[&str] = &[
    "ngày", "sáng", "chiều", "trưa", "tối", "đêm", "hôm", "từ", "đến", "tới", "nay", "đầu", "cuối",
];

/// Multi-word count nouns, longest first, so that "nhà tình nghĩa" is one noun.
#[rustfmt::skip]
pub const COMPOUND_NOUNS: &[&str] = &[
    "hộ gia đình", "khu dân cư", "nhà tình nghĩa", "nhà tình thương", "nhà đại đoàn kết", "hợp tác xã",
    "tổ hợp tác", "lượt người", "mô hình", "công dân", "vụ việc", "lao động", "dự án", "tập thể",
    "cá nhân", "nhiệm vụ", "học sinh", "giáo viên", "đảng viên", "hội viên", "đoàn viên", "cơ quan",
    "đơn vị", "doanh nghiệp", "chỉ tiêu", "công trình", "tổ chức", "chi bộ", "đảng bộ", "trường hợp",
    "ý kiến", "kiến nghị", "thanh niên", "người dân", "cán bộ", "hội nghị", "sản phẩm", "gia đình",
    "tình nguyện", "bệnh nhân", "phương tiện", "xã viên", "hội viên", "suất quà", "phần quà",
    "cây xanh", "đại biểu", "ngày công", "cử tri", "lượt khách", "căn nhà", "ngôi nhà", "nhân khẩu",
];

/// One-word nouns that join the noun before them across a comma ("khối, xóm", "đơn, thư").
#[rustfmt::skip]
pub const LISTED_NOUNS: &[&str] = &[
    "thư", "đơn", "đảng", "chi", "xóm", "thôn", "bản", "tổ", "khu", "ấp", "khối", "làng", "buôn",
    "phường", "xã", "trường", "lớp", "hộ", "người",
];

pub fn word<'t>(toks: &'t [Token<'_>], i: usize) -> Option<&'t str> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.lower())
}

pub fn punct(toks: &[Token<'_>], i: usize, p: &str) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Punct && t.is(p))
}

pub fn number(toks: &[Token<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Number)
}

pub fn small_int(t: &Token<'_>, max: u32) -> bool {
    t.text.len() <= 2 && t.text.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v))
}

/// The count noun starting at token `i`: a compound noun, or one word; "đơn, thư" joins
/// two nouns listed with a comma.
pub fn noun_at(toks: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
    let first = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    let compound = COMPOUND_NOUNS
        .iter()
        .map(|c| c.split(' ').collect::<Vec<_>>())
        .find(|words| (0..words.len()).all(|k| word(toks, i + k) == Some(words[k])));
    let mut end = match compound {
        Some(words) => i + words.len(),
        None if NOT_COUNTED.contains(&first.lower()) => return None,
        None => i + 1,
    };
    // "đơn, thư", "cơ quan, đơn vị, doanh nghiệp": short nouns joined by commas.
    while punct(toks, end, ",") {
        let Some(next) = word(toks, end + 1) else { break };
        let compound = COMPOUND_NOUNS.iter().find(|c| {
            let words: Vec<&str> = c.split(' ').collect();
            (0..words.len()).all(|k| word(toks, end + 1 + k) == Some(words[k]))
        });
        let len = match compound {
            Some(c) => c.split(' ').count(),
            None if LISTED_NOUNS.contains(&next) => {
                if word(toks, end + 2).is_some_and(|w| w == "bộ") {
                    2
                } else {
                    1
                }
            }
            None => break,
        };
        end += 1 + len;
    }
    Some((i, end))
}

pub fn qualifier(toks: &[Token<'_>], i: usize) -> Option<Qualifier> {
    match word(toks, i.checked_sub(1)?)? {
        "trên" | "hơn" | "ngoài" => Some(Qualifier::Over),
        "gần" | "xấp" => Some(Qualifier::Nearly),
        "khoảng" | "chừng" | "tầm" => Some(Qualifier::About),
        "dưới" => Some(Qualifier::Under),
        "xỉ" if word(toks, i.checked_sub(2)?) == Some("xấp") => Some(Qualifier::Nearly),
        _ => None,
    }
}

/// "11.12": a day and a month written with a dot.
pub fn dotted_day(text: &str) -> bool {
    let Some((d, m)) = text.split_once('.') else {
        return false;
    };
    let small = |s: &str, max: u32| s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    small(d, 31) && small(m, 12)
}

/// Whether the words before the number at `i` name a sum of money: "trị giá", "kinh phí",
/// "số tiền", "tổng giá trị", with at most one hedge or verb between ("trị giá hơn").
pub fn says_money_before(toks: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    if qualifier(toks, k).is_some()
        || word(toks, k.wrapping_sub(1)).is_some_and(|w| matches!(w, "là" | "đạt"))
    {
        k -= 1;
    }
    let pair = |a: &str, b: &str| k >= 2 && word(toks, k - 2) == Some(a) && word(toks, k - 1) == Some(b);
    pair("trị", "giá") || pair("kinh", "phí") || pair("số", "tiền") || pair("giá", "trị")
}

/// Whether a lower-case word follows the number, in its sentence: what a count counts.
pub fn counts_after(toks: &[Token<'_>], k: usize) -> bool {
    const NOT_NOUNS: [&str; 8] = ["mỗi", "một", "cho", "và", "từ", "của", "đến", "với"];
    toks.get(k).is_some_and(|t| {
        t.kind == Kind::Word && t.text.starts_with(char::is_lowercase) && !NOT_NOUNS.contains(&t.text)
    })
}

/// Whether the clause before token `i` says people attend a meeting ("Dự đại hội có …").
pub fn attends(toks: &[Token<'_>], i: usize) -> bool {
    (i.saturating_sub(10)..i)
        .rev()
        .take_while(|&k| !(punct(toks, k, ";") || punct(toks, k, ".")))
        .any(|k| {
            word(toks, k) == Some("dự") && !matches!(word(toks, k + 1), Some("án" | "toán" | "kiến" | "báo"))
        })
}

/// Extends a figure over what it is compared with: "kế hoạch", "dự toán", "chỉ tiêu",
/// "so với cùng kỳ năm 2020".
pub fn comparison_tail(toks: &[Token<'_>], mut k: usize) -> usize {
    let pair = (word(toks, k), word(toks, k + 1));
    if matches!(
        (pair.0, pair.1),
        (Some("kế"), Some("hoạch")) | (Some("dự"), Some("toán")) | (Some("chỉ"), Some("tiêu"))
    ) {
        k += 2;
    } else if word(toks, k) == Some("so") && word(toks, k + 1) == Some("với") {
        k += 2;
        let in_base = |t: &Token<'_>| match t.kind {
            Kind::Word => true,
            Kind::Number => looks_like_year(t.text),
            Kind::Punct => t.is("-"),
        };
        while toks.get(k).is_some_and(in_base) {
            k += 1;
        }
    }
    k
}
