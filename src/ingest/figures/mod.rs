//! Finds the figures in a body: which numbers are indicators, their value, unit, unit noun,
//! denominator and qualifier. Dates, years, decree numbers, ordinals, addresses, ages and
//! dose lists are recognised here and dropped.

mod read;
mod words;

use read::{Reading, read};
use words::{DESIGNATORS, punct, word};

use crate::domain::{Qualifier, Unit};
use crate::ingest::numbers::{looks_like_year, parse_number};
use crate::ingest::tokens::{Kind, Token};

/// A number that is an indicator, before labelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: Unit,
    pub unit_noun: Option<String>,
    pub denominator: Option<f64>,
    pub qualifier: Option<Qualifier>,
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
            let main = out.iter().rev().take(8).find(|f| {
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
            && (punct(toks, i.wrapping_sub(1), ",") || word(toks, i.wrapping_sub(1)) == Some("và"));
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
                        if word(toks, i.wrapping_sub(1)).is_some_and(|w| DESIGNATORS.contains(&w)) {
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
            figures("giảm 1,5 điểm phần trăm"),
            [(1.5, Unit::PercentagePoint, None)]
        );
        assert_eq!(figures("còn 1.234 hộ nghèo"), [(1234.0, Unit::Count, None)]);
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
            "theo Chỉ thị số 08/CT-UBND ngày 12/5/2021",
            "Nghị định số 107/2020/NĐ-CP",
            "sinh hoạt tại tổ 7, phường Tân An",
            "hoàn thành tiêm mũi 1, 2,3 cho người dân",
            "khám sức khỏe cho trẻ dưới 6 tuổi",
            "Kỳ họp thứ 2, Quốc hội khoá XV",
            "chỉ rõ 1 số tồn tại hạn chế",
            "6 tháng đầu năm 2021 và sáu tháng cuối 2022",
            "Bế giảng năm học 2014-2015, bậc trung học",
            "Video: 63021_OTHANH.mp4",
            "Đại hội lần thứ 2 và giai đoạn 2021-2030",
            "sản phẩm đạt chuẩn OCOP 4 sao",
        ] {
            assert_eq!(figures(trap), [], "{trap}");
        }
    }

    #[test]
    fn qualifiers_and_same_count_in_two_units() {
        let f = find_figures(&tokenize("cho trên 300 lao động nông thôn"));
        assert_eq!(f[0].qualifier, Some(Qualifier::Over));
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
