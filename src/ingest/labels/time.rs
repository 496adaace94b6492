//! The time a label leaves out: every period the period reader's own grammar finds
//! ([`phrases`]), with the words that introduce it, and time said without a period.

use std::ops::Range;

use crate::ingest::periods::phrases;

/// Time said without a period: left out of a label as a period is.
const VAGUE_TIME: &[&str] = &["thời gian qua"];

/// The periods `s` states, by the period reader's own grammar, and its vague time, in order.
fn time_phrases(s: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = phrases(s).collect();
    let lower = s.to_lowercase();
    if lower.len() == s.len() {
        for vague in VAGUE_TIME {
            found.extend(lower.match_indices(vague).map(|(at, v)| at..at + v.len()));
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == ','
}

/// Words that introduce a period and go with it: "trong năm 2021", "giai đoạn 2021-2025",
/// "năm học 2019-2020".
#[rustfmt::skip]
const PERIOD_LEADS: &[&str] = &["trong", "giai đoạn", "nhiệm kỳ", "năm học", "tính đến hết", "tính đến"];

/// Where a time phrase at `start` begins with the commas and the word that introduce it.
fn with_lead(s: &str, start: usize) -> usize {
    let head = s[..start].trim_end_matches(is_gap);
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        return head.len();
    }
    let lead = PERIOD_LEADS.iter().find(|w| {
        lower
            .strip_suffix(*w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    });
    match lead {
        Some(w) => head[..head.len() - w.len()].trim_end_matches(is_gap).len(),
        None => head.len(),
    }
}

/// Where a time phrase that ends at `end` stops, with what follows it up to the next word,
/// and a closing parenthesis when it opened with one.
fn with_tail(s: &str, lead: usize, end: usize) -> (usize, usize) {
    let rest = &s[end..];
    let after = end + rest.len() - rest.trim_start_matches(is_gap).len();
    let open = s[..lead].trim_end().ends_with('(');
    match open && s[after..].starts_with(')') {
        true => {
            let rest = &s[after + 1..];
            (
                s[..lead].trim_end().len() - 1,
                s.len() - rest.trim_start_matches(is_gap).len(),
            )
        }
        false => (lead, after),
    }
}

/// Where the periods that end `s` start ("… quý I, 6 tháng đầu năm 2021").
pub(super) fn trailing_periods(s: &str) -> Option<usize> {
    let mut end = s.len();
    let mut start = None;
    for r in time_phrases(s).iter().rev() {
        if r.end > end || !s[r.end..end].chars().all(is_gap) {
            break;
        }
        end = with_lead(s, r.start);
        start = Some(end);
    }
    start
}

/// `s` with each period it states (its commas and "trong" too) replaced by a space.
pub(super) fn without_periods(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for r in time_phrases(s) {
        let (lead, tail) = with_tail(s, with_lead(s, r.start), r.end);
        if lead < at {
            continue;
        }
        out.push_str(s[at..lead].trim_end());
        out.push(' ');
        at = tail;
    }
    out.push_str(&s[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_period_the_reader_knows_ends_a_label_no_more() {
        for (text, kept) in [
            ("Kim ngạch xuất khẩu tháng 8/2024", "Kim ngạch xuất khẩu"),
            ("Chỉ số giá tiêu dùng quý I/2023", "Chỉ số giá tiêu dùng"),
            ("Sản lượng lúa trong 9 tháng đầu năm", "Sản lượng lúa"),
            ("Vốn đầu tư giai đoạn 2016-2020", "Vốn đầu tư"),
            ("Số đại biểu nhiệm kỳ 2021 - 2026", "Số đại biểu"),
            ("Tổng thu tính đến hết tháng 6/2022", "Tổng thu"),
            ("Diện tích gieo trồng năm học 2019-2020", "Diện tích gieo trồng"),
            ("Số hộ được hỗ trợ thời gian qua", "Số hộ được hỗ trợ"),
            ("Số hộ nghèo giảm", "Số hộ nghèo giảm"),
        ] {
            let at = trailing_periods(text).unwrap_or(text.len());
            assert_eq!(text[..at].trim_end(), kept, "{text}");
        }
    }

    #[test]
    fn a_period_inside_a_label_leaves_one_space_and_its_parentheses() {
        assert_eq!(
            without_periods("Thu ngân sách trong 6 tháng đầu năm của xã"),
            "Thu ngân sách của xã"
        );
        assert_eq!(
            without_periods("3 năm (2021 - 2023) giá trị sản xuất"),
            "3 năm giá trị sản xuất"
        );
        assert_eq!(without_periods("Quý II, tổng vốn"), " tổng vốn");
        assert_eq!(without_periods("tỷ lệ che phủ rừng"), "tỷ lệ che phủ rừng");
    }
}
