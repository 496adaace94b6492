//! Vietnamese number syntax: decimal comma, dot thousands, scale words.
//!
//! "4,21" = 4.21, "11.963" = 11 963, "1.234,5" = 1 234.5, "60,7 triệu" = 60 700 000.
//! A lone dot followed by other than three digits is read as a decimal point ("4.3"), as
//! some portals write; a lone comma is always decimal.

/// Parses a run of digits with `.` and `,` separators.
pub fn parse_number(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let plain: String = match (dots, commas) {
        (0, 0) => s.to_owned(),
        (0, 1) => s.replace(',', "."),
        (0, _) if groups_of_three(',') => s.replace(',', ""),
        (0, _) => return None,
        (_, 0) if groups_of_three('.') => s.replace('.', ""),
        (1, 0) => s.to_owned(),
        (_, 0) => return None,
        _ => {
            // Both: the last separator is the decimal one.
            let last = s.rfind(['.', ',']).unwrap_or(0);
            let decimal = &s[last..=last];
            let (int, frac) = s.split_at(last);
            let thousands = if decimal == "," { '.' } else { ',' };
            if int.contains(decimal) || !int.split(thousands).skip(1).all(|g| g.len() == 3) {
                return None;
            }
            format!("{}.{}", int.replace(thousands, ""), &frac[1..])
        }
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The multiplier of a scale word ("nghìn", "triệu", "tỷ"), lower-cased input.
pub fn scale_word(word: &str) -> Option<f64> {
    match word {
        "nghìn" | "ngàn" | "ngìn" => Some(1e3),
        "triệu" | "tr" => Some(1e6),
        "tỷ" | "tỉ" => Some(1e9),
        _ => None,
    }
}

/// `value × multiplier`, rounded to what the written figure can carry (no binary noise:
/// 60,7 triệu is 60 700 000, not 60 700 000.000000004).
pub fn scaled(value: f64, multiplier: f64) -> f64 {
    ((value * multiplier) * 1e6).round() / 1e6
}

/// Whether a figure has the shape of a calendar year.
pub fn looks_like_year(s: &str) -> bool {
    s.len() == 4 && s.parse::<i32>().is_ok_and(|y| crate::domain::YEARS.contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma() {
        assert_eq!(parse_number("4,21"), Some(4.21));
        assert_eq!(parse_number("0,05"), Some(0.05));
        assert_eq!(parse_number("125,63"), Some(125.63));
    }

    #[test]
    fn dot_thousands() {
        assert_eq!(parse_number("11.963"), Some(11963.0));
        assert_eq!(parse_number("1.800"), Some(1800.0));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
    }

    #[test]
    fn both_separators_and_leading_zeros() {
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("01"), Some(1.0));
        assert_eq!(parse_number("09"), Some(9.0));
    }

    #[test]
    fn lone_dot_not_in_groups_of_three_is_decimal() {
        assert_eq!(parse_number("4.3"), Some(4.3));
        assert_eq!(parse_number("12.75"), Some(12.75));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for s in ["", ",5", "5,", "1.2.3", "1,2,3", "1.23,4.5", "abc", "1e5"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn scale_words_and_years() {
        assert_eq!(scale_word("triệu").map(|m| scaled(60.7, m)), Some(60_700_000.0));
        assert_eq!(scale_word("tỷ"), Some(1e9));
        assert_eq!(scale_word("năm"), None);
        assert!(looks_like_year("2021") && !looks_like_year("206") && !looks_like_year("3000"));
    }
}
