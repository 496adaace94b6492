//! Finds the figures in a body: which numbers are indicators, their value, unit, unit noun,
//! denominator and qualifier. Dates, years, decree numbers, ordinals, addresses, ages and
//! dose lists are recognised here and dropped.

use super::numbers::{looks_like_year, parse_number, scale_word, scaled};
use super::tokens::{Kind, Token};
use crate::domain::Unit;

/// A number that is an indicator, before labelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: Unit,
    pub unit_noun: Option<String>,
    pub denominator: Option<f64>,
    pub qualifier: Option<&'static str>,
    /// Token range of the figure itself (number through unit), `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// Token index just past the figure and what qualifies it ("kế hoạch", "so với cùng kỳ").
    pub tail: usize,
    /// Counts: token range of the noun phrase after the figure.
    pub noun: Option<(usize, usize)>,
    /// Whether the label comes after the figure (counts) rather than before it.
    pub label_after: bool,
}

/// Words before a number that make it a designation, not a quantity ("tổ 10", "lần thứ 2").
const DESIGNATORS: &[&str] = &[
    "tổ",
    "thôn",
    "xóm",
    "ấp",
    "khu",
    "khối",
    "bản",
    "buôn",
    "đường",
    "phố",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "phường",
    "quận",
    "số",
    "lần",
    "thứ",
    "khóa",
    "khoá",
    "điều",
    "khoản",
    "mục",
    "chương",
    "điểm",
    "lớp",
    "mũi",
    "đợt",
    "kỳ",
    "km",
    "ql",
    "quốc",
    "lộ",
    "hạng",
    "giải",
    "bảng",
    "tập",
    "trang",
    "phần",
    "bước",
    "năm",
    "tháng",
    "ngày",
    "quý",
    "tuần",
    "giờ",
    "lúc",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "đêm",
    "covid",
    "phòng",
    "tầng",
    "nhà",
    "lô",
    "kilômét",
    "cấp",
    "level",
    "top",
    "nhóm",
    "đội",
    "tiểu",
    "f",
    "ca",
];

/// Nouns after a number that make it a duration, an age or a vague quantity.
const NOT_COUNTED: &[&str] = &[
    "năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây", "tuổi", "lần", "số", "thứ", "kỳ", "khóa",
    "khoá", "nhiệm", "giai", "độ", "mũi", "đêm", "thập", "thế", "trên", "dưới", "và", "hoặc", "đến", "tới",
    "của", "so", "trong", "tại", "ở", "là", "với", "được", "đã", "có", "cho",
];

/// Words before a number that mark it as a date ("ngày 30/6", "chiều 14/7").
const DATE_WORDS: &[&str] = &[
    "ngày", "sáng", "chiều", "trưa", "tối", "đêm", "hôm", "từ", "đến", "tới", "nay", "đầu", "cuối",
];

/// Multi-word count nouns, longest first, so that "nhà tình nghĩa" is one noun.
const COMPOUND_NOUNS: &[&str] = &[
    "hộ gia đình",
    "khu dân cư",
    "nhà tình nghĩa",
    "nhà tình thương",
    "nhà đại đoàn kết",
    "hợp tác xã",
    "tổ hợp tác",
    "lượt người",
    "mô hình",
    "công dân",
    "vụ việc",
    "lao động",
    "dự án",
    "tập thể",
    "cá nhân",
    "nhiệm vụ",
    "học sinh",
    "giáo viên",
    "đảng viên",
    "hội viên",
    "đoàn viên",
    "cơ quan",
    "đơn vị",
    "doanh nghiệp",
    "chỉ tiêu",
    "công trình",
    "tổ chức",
    "chi bộ",
    "đảng bộ",
    "trường hợp",
    "ý kiến",
    "kiến nghị",
    "thanh niên",
    "người dân",
    "cán bộ",
    "hội nghị",
    "sản phẩm",
    "gia đình",
    "tình nguyện",
    "bệnh nhân",
    "phương tiện",
    "xã viên",
    "hội viên",
    "suất quà",
    "phần quà",
    "cây xanh",
];

#[derive(Debug, PartialEq)]
enum Reading {
    /// Not an indicator; tokens up to the index are part of it.
    Skip(usize),
    Figure(Figure),
}

fn word(toks: &[Token<'_>], i: usize) -> Option<String> {
    toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.lower())
}

fn punct(toks: &[Token<'_>], i: usize, p: &str) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Punct && t.is(p))
}

fn number(toks: &[Token<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Number)
}

fn small_int(t: &Token<'_>, max: u32) -> bool {
    t.text.len() <= 2 && t.text.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v))
}

/// The count noun starting at token `i`: a compound noun, or one word; "đơn, thư" joins
/// two nouns listed with a comma.
fn noun_at(toks: &[Token<'_>], i: usize) -> Option<(usize, usize)> {
    let first = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    let compound = COMPOUND_NOUNS
        .iter()
        .map(|c| c.split(' ').collect::<Vec<_>>())
        .find(|words| (0..words.len()).all(|k| word(toks, i + k).as_deref() == Some(words[k])));
    let mut end = match compound {
        Some(words) => i + words.len(),
        None if NOT_COUNTED.contains(&first.lower().as_str()) => return None,
        None => i + 1,
    };
    // "đơn, thư", "cơ quan, đơn vị, doanh nghiệp": short nouns joined by commas.
    while punct(toks, end, ",") {
        let Some(next) = word(toks, end + 1) else { break };
        let compound = COMPOUND_NOUNS.iter().find(|c| {
            let words: Vec<&str> = c.split(' ').collect();
            (0..words.len()).all(|k| word(toks, end + 1 + k).as_deref() == Some(words[k]))
        });
        let len = match compound {
            Some(c) => c.split(' ').count(),
            None if ["thư", "đơn", "đảng", "chi"].contains(&next.as_str()) => {
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

fn qualifier(toks: &[Token<'_>], i: usize) -> Option<&'static str> {
    match word(toks, i.checked_sub(1)?)?.as_str() {
        "trên" | "hơn" | "ngoài" => Some("over"),
        "gần" | "xấp" => Some("nearly"),
        "khoảng" | "chừng" | "tầm" => Some("about"),
        "dưới" => Some("under"),
        "xỉ" if word(toks, i.checked_sub(2)?).as_deref() == Some("xấp") => Some("nearly"),
        _ => None,
    }
}

/// Reads the number at token `i`.
fn read(toks: &[Token<'_>], i: usize) -> Reading {
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    // Glued to letters: "Covid-19", "H5N1", "F0", "5G", file names.
    if prev.is_some_and(|p| {
        !t.spaced
            && (p.kind == Kind::Word
                || p.is("_")
                || p.is("-") && !p.spaced && i >= 2 && toks[i - 2].kind == Kind::Word)
    }) {
        return Reading::Skip(i + 1);
    }
    if let Some(n) = toks.get(i + 1).filter(|n| !n.spaced) {
        let glued_word = n.kind == Kind::Word
            && !matches!(n.lower().as_str(), "ha" | "km" | "tấn" | "kg" | "tỷ" | "triệu");
        if glued_word
            || n.is("_")
            || (n.is(".") && toks.get(i + 2).is_some_and(|a| a.kind == Kind::Word && !a.spaced))
        {
            return Reading::Skip(i + 2);
        }
    }
    // Slashes: dates ("30/6", "31/3/2020"), document numbers ("16/CT-TTg", "107/2020/NĐ-CP"), ratios.
    let mut denominator = None;
    let mut j = i + 1;
    if punct(toks, i + 1, "/") && !toks[i + 1].spaced {
        if !number(toks, i + 2) {
            return Reading::Skip(i + 3);
        }
        let y = &toks[i + 2];
        if punct(toks, i + 3, "/") && !toks[i + 3].spaced {
            return Reading::Skip(i + 5);
        }
        let prev_word = word(toks, i.wrapping_sub(1)).unwrap_or_default();
        let after_is_noun = toks.get(i + 3).is_some_and(|n| n.kind == Kind::Word);
        let date_like = small_int(t, 31) && small_int(y, 12);
        if (small_int(t, 12) && looks_like_year(y.text))
            || (date_like
                && (DATE_WORDS.contains(&prev_word.as_str())
                    || prev.is_some_and(|p| p.is("("))
                    || !after_is_noun))
        {
            return Reading::Skip(i + 3);
        }
        denominator = parse_number(y.text);
        j = i + 3;
    }
    // Dashed and dotted dates, year ranges: "14-1-2021", "2021-2026", "2021 – 2026".
    if looks_like_year(t.text) || (punct(toks, i + 1, "-") && number(toks, i + 2) && punct(toks, i + 3, "-"))
    {
        if toks.get(i + 1).is_some_and(|n| n.is("-") || n.is("–")) && number(toks, i + 2) {
            return Reading::Skip(i + 3);
        }
        if !punct(toks, i + 1, "%") {
            return Reading::Skip(i + 1);
        }
    }
    if let Some(p) = prev.filter(|p| p.kind == Kind::Word) {
        let w = p.lower();
        let total = w == "số" && word(toks, i.wrapping_sub(2)).is_some_and(|b| b == "tổng");
        if DESIGNATORS.contains(&w.as_str()) && !total {
            return Reading::Skip(i + 1);
        }
    }
    let Some(mut value) = parse_number(t.text) else {
        return Reading::Skip(i + 1);
    };
    let qualifier = qualifier(toks, i);
    let mut figure = Figure {
        value,
        unit: Unit::Count,
        unit_noun: None,
        denominator,
        qualifier,
        first: i,
        last: j,
        tail: j,
        noun: None,
        label_after: false,
    };
    if punct(toks, j, "%") {
        figure.unit = Unit::Percent;
        figure.last = j + 1;
        figure.tail = comparison_tail(toks, j + 1);
        return Reading::Figure(figure);
    }
    let mut k = j;
    let mut scaled_by = 1.0;
    while let Some(m) = word(toks, k).as_deref().and_then(scale_word) {
        scaled_by *= m;
        k += 1;
    }
    value = scaled(value, scaled_by);
    figure.value = value;
    let unit = match word(toks, k).as_deref() {
        Some("đồng" | "đ" | "vnđ" | "vnd") => Some(Unit::Vnd),
        Some("usd") => Some(Unit::Usd),
        Some("đô") if word(toks, k + 1).as_deref() == Some("la") => Some(Unit::Usd),
        Some("ha" | "hecta" | "héc") => Some(Unit::Hectare),
        Some("tấn") => Some(Unit::Tonne),
        Some("km") => Some(Unit::Kilometre),
        _ => None,
    };
    if let Some(unit) = unit {
        let mut end = k + 1;
        while toks
            .get(end)
            .is_some_and(|t| !t.spaced && (t.is("-") || t.kind == Kind::Word))
        {
            end += 1; // "héc-ta", "đô-la"
        }
        if unit == Unit::Usd && word(toks, k).as_deref() == Some("đô") {
            end = end.max(k + 2);
        }
        figure.unit = unit;
        figure.last = end;
        figure.tail = comparison_tail(toks, end);
        return Reading::Figure(figure);
    }
    let Some((ns, ne)) = noun_at(toks, k) else {
        return Reading::Skip(i + 1);
    };
    figure.unit = if denominator.is_some() {
        Unit::Ratio
    } else {
        Unit::Count
    };
    figure.unit_noun = Some(
        toks[ns..ne]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" ,", ","),
    );
    figure.noun = Some((ns, ne));
    figure.label_after = true;
    figure.last = ne;
    figure.tail = ne;
    // "77 đơn/77 vụ việc": one count in two units.
    if punct(toks, ne, "/") && number(toks, ne + 1) && parse_number(toks[ne + 1].text) == Some(value) {
        let second = noun_at(toks, ne + 2).map_or(ne + 2, |(_, e)| e);
        figure.tail = second;
    }
    Reading::Figure(figure)
}

/// Extends a figure over what it is compared with: "kế hoạch", "so với cùng kỳ năm 2020".
fn comparison_tail(toks: &[Token<'_>], mut k: usize) -> usize {
    if word(toks, k).as_deref() == Some("kế") && word(toks, k + 1).as_deref() == Some("hoạch") {
        k += 2;
    } else if word(toks, k).as_deref() == Some("so") && word(toks, k + 1).as_deref() == Some("với") {
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

/// Every figure in a tokenised body, in order.
pub fn find_figures(toks: &[Token<'_>]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    let mut skipped_designation: Option<usize> = None;
    // Inside "(duy trì 69, đăng ký mới 99)" after a count: the count's noun.
    let mut breakdown: Option<(String, usize)> = None;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == Kind::Punct && t.is(")") {
            breakdown = None;
        }
        if t.kind == Kind::Punct && t.is("(") {
            // The breakdown belongs to the main count, not to the "/30 chi bộ" that may follow it.
            let near = out
                .last()
                .is_some_and(|f| f.unit == Unit::Count && f.tail + 8 >= i);
            let main = out.iter().rev().find(|f| {
                f.unit == Unit::Count && f.noun.is_some() && !punct(toks, f.first.wrapping_sub(1), "/")
            });
            if let Some(f) = main.filter(|_| near) {
                breakdown = f.unit_noun.clone().map(|n| (n, i));
            }
        }
        if t.kind != Kind::Number {
            i += 1;
            continue;
        }
        // "mũi 1, 2,3", "tổ 10, 11": a list that continues a designation.
        let continues_list = skipped_designation.is_some_and(|s| i <= s + 3)
            && (punct(toks, i.wrapping_sub(1), ",")
                || word(toks, i.wrapping_sub(1)).as_deref() == Some("và"));
        if continues_list {
            skipped_designation = Some(i);
            i += 1;
            continue;
        }
        match read(toks, i) {
            Reading::Figure(f) => {
                i = f.tail.max(i + 1);
                out.push(f);
            }
            Reading::Skip(next) => {
                let in_breakdown = breakdown.as_ref().filter(|_| {
                    word(toks, i.wrapping_sub(1)).is_some()
                        && (punct(toks, i + 1, ",") || punct(toks, i + 1, ")") || punct(toks, i + 1, ";"))
                });
                match (in_breakdown, parse_number(t.text)) {
                    (Some((noun, _)), Some(value)) if !looks_like_year(t.text) => {
                        out.push(Figure {
                            value,
                            unit: Unit::Count,
                            unit_noun: Some(noun.clone()),
                            denominator: None,
                            qualifier: None,
                            first: i,
                            last: i + 1,
                            tail: i + 1,
                            noun: None,
                            label_after: false,
                        });
                    }
                    _ => {
                        if word(toks, i.wrapping_sub(1)).is_some_and(|w| DESIGNATORS.contains(&w.as_str())) {
                            skipped_designation = Some(i);
                        }
                    }
                }
                i = next.max(i + 1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::tokens::tokenize;

    fn figures(text: &str) -> Vec<(f64, Unit, Option<f64>)> {
        find_figures(&tokenize(text))
            .into_iter()
            .map(|f| (f.value, f.unit, f.denominator))
            .collect()
    }

    #[test]
    fn percentages_money_and_counts() {
        assert_eq!(figures("tăng trưởng đạt 4,21%"), [(4.21, Unit::Percent, None)]);
        assert_eq!(
            figures("GRDP bình quân đầu người 60,7 triệu đồng;"),
            [(60_700_000.0, Unit::Vnd, None)]
        );
        assert_eq!(
            figures("thu hút 1.800 lượt học sinh"),
            [(1800.0, Unit::Count, None)]
        );
        assert_eq!(figures("xây dựng 01 nhà tình nghĩa"), [(1.0, Unit::Count, None)]);
        assert_eq!(
            figures("trồng 250 ha rừng, thu 3,5 tỷ đồng"),
            [(250.0, Unit::Hectare, None), (3.5e9, Unit::Vnd, None)]
        );
    }

    #[test]
    fn ratios_are_not_dates() {
        assert_eq!(
            figures("có 11.963/12.011 hộ đăng ký"),
            [(11963.0, Unit::Ratio, Some(12011.0))]
        );
        assert_eq!(
            figures("có 14/15 chỉ tiêu đạt"),
            [(14.0, Unit::Ratio, Some(15.0))]
        );
        assert_eq!(figures("Chiều (14/7), Ban Dân vận"), []);
        assert_eq!(figures("Chiều 30/6, đồng chí"), []);
        assert_eq!(figures("ngày 09/4/2020 của Chính phủ"), []);
    }

    #[test]
    fn traps_are_not_figures() {
        for trap in [
            "phòng, chống dịch Covid-19 hiệu quả",
            "nhiệm kỳ 2021 - 2026 và nhiệm kỳ 2021-2026, nhiệm kỳ 2023 -2028",
            "Chỉ thị số 16/CT-TTg ngày 31/3/2020",
            "Nghị định số 107/2020/NĐ-CP",
            "tại tổ 10, phường Phùng Chí Kiên",
            "tiêm vắcxin mũi 1, 2,3 tạo miễn dịch",
            "trẻ em dưới 5 tuổi suy dinh dưỡng",
            "Kỳ họp thứ 2, Quốc hội khoá XV",
            "chỉ rõ 1 số tồn tại hạn chế",
            "6 tháng đầu năm 2021 và sáu tháng cuối 2022",
            "Tổng kết năm học 2009-2010, bậc tiểu học",
            "Video: 63021_OTHANH.mp4",
            "Đại hội lần thứ 2 và giai đoạn 2021-2030",
        ] {
            assert_eq!(figures(trap), [], "{trap}");
        }
    }

    #[test]
    fn qualifiers_and_same_count_in_two_units() {
        let f = find_figures(&tokenize("cho trên 300 lao động nông thôn"));
        assert_eq!(f[0].qualifier, Some("over"));
        assert_eq!(
            figures("đã giải quyết 77 đơn/77 vụ việc"),
            [(77.0, Unit::Count, None)]
        );
        assert_eq!(
            figures("có 166 mô hình/30 chi, đảng bộ"),
            [(166.0, Unit::Count, None), (30.0, Unit::Count, None)]
        );
    }

    #[test]
    fn breakdowns_in_parentheses_inherit_the_noun() {
        let f = find_figures(&tokenize(
            "có 166 mô hình đăng ký (duy trì 69, đăng ký mới 99, tập thể 147, cá nhân 19).",
        ));
        let got: Vec<(f64, Option<&str>)> = f.iter().map(|f| (f.value, f.unit_noun.as_deref())).collect();
        assert_eq!(
            got,
            [
                (166.0, Some("mô hình")),
                (69.0, Some("mô hình")),
                (99.0, Some("mô hình")),
                (147.0, Some("mô hình")),
                (19.0, Some("mô hình"))
            ]
        );
    }
}
