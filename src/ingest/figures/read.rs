//! Reading one number: a date, a year, a document number or a designation (all dropped),
//! or a figure with its unit, scale, denominator and noun.

use super::Figure;
use super::words::*;
use crate::domain::Unit;
use crate::ingest::numbers::{looks_like_year, parse_number, scale_word, scaled};
use crate::ingest::tokens::{Kind, Token};

/// What a number turned out to be.
#[derive(Debug, PartialEq)]
pub enum Reading {
    /// Not an indicator; tokens up to the index are part of it.
    Skip(usize),
    Figure(Figure),
}

/// Reads the number at token `i`.
pub fn read(toks: &[Token<'_>], i: usize) -> Reading {
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
        let glued_word = n.kind == Kind::Word && !GLUED_UNITS.contains(&n.lower());
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
                && (DATE_WORDS.contains(&prev_word) || prev.is_some_and(|p| p.is("(")) || !after_is_noun))
        {
            return Reading::Skip(i + 3);
        }
        denominator = parse_number(y.text);
        j = i + 3;
    }
    // The last day of a span of days, written day.month: "từ ngày 9 - 11.12".
    if dotted_day(t.text)
        && prev.is_some_and(|p| p.is("-") || p.is("–"))
        && i >= 3
        && number(toks, i - 2)
        && word(toks, i - 3) == Some("ngày")
    {
        return Reading::Skip(i + 1);
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
        // "xếp thứ 14/34": a rank among so many is a figure; "lần thứ 2", "đứng thứ 3" are not.
        let rank = w == "thứ"
            && denominator.is_some()
            && word(toks, i.wrapping_sub(2)).is_some_and(|b| RANKED.contains(&b));
        // "giảm bình quân mỗi năm 2,1%": a time word before a percentage is no date.
        let rate = matches!(w, "năm" | "tháng" | "quý" | "tuần" | "ngày") && punct(toks, j, "%");
        let document = DOCUMENTS
            .iter()
            .any(|[a, b]| w == *b && word(toks, i.wrapping_sub(2)) == Some(*a));
        if (DESIGNATORS.contains(&w) && !total && !rank && !rate) || document {
            return Reading::Skip(j.max(i + 1));
        }
    }
    // "là 1 trong 10 xã": one of so many, not a count.
    if word(toks, j) == Some("trong") && number(toks, j + 1) {
        return Reading::Skip(j + 2);
    }
    let Some(mut value) = parse_number(t.text) else {
        return Reading::Skip(i + 1);
    };
    // "(-0,36%)": a minus sign set before the number.
    if prev.is_some_and(|p| (p.is("-") || p.is("−")) && !t.spaced)
        && (i < 2 || toks[i - 1].spaced || toks[i - 2].is("("))
    {
        value = -value;
    }
    // "8,96–9,61%", "2-3 tỷ đồng": the first number of a range takes the unit of the second.
    if (punct(toks, j, "–") || punct(toks, j, "-") || punct(toks, j, "—"))
        && number(toks, j + 1)
        && denominator.is_none()
    {
        if let (Reading::Figure(second), Some(raw)) = (read(toks, j + 1), parse_number(toks[j + 1].text)) {
            if second.unit != Unit::Count && second.unit != Unit::Ratio && raw != 0.0 {
                let scale = second.value.abs() / raw;
                return Reading::Figure(Figure {
                    value: scaled(value, scale),
                    unit: second.unit,
                    unit_noun: None,
                    denominator: None,
                    qualifier: qualifier(toks, i),
                    first: i,
                    last: j,
                    tail: j,
                    noun: None,
                    label_after: false,
                });
            }
        }
    }
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
    while let Some(m) = word(toks, k).and_then(scale_word) {
        scaled_by *= m;
        k += 1;
    }
    value = scaled(value, scaled_by);
    figure.value = value;
    // "trị giá 8.821.000.000" and nothing after it that it counts: đồng, unsaid.
    let unsaid_dong = value >= 100_000.0
        && says_money_before(toks, i)
        && !counts_after(toks, k)
        && !word(toks, k).is_some_and(|w| matches!(w, "đồng" | "đ" | "vnđ" | "vnd" | "usd"));
    let unit = match word(toks, k) {
        Some("đồng") if word(toks, k + 1) == Some("chí") => None,
        Some("đồng" | "đ" | "vnđ" | "vnd") => Some(Unit::Vnd),
        Some("usd") => Some(Unit::Usd),
        Some("đô") if word(toks, k + 1) == Some("la") => Some(Unit::Usd),
        Some("ha" | "hecta" | "héc") => Some(Unit::Hectare),
        Some("m2") => Some(Unit::SquareMetre),
        Some("m") if punct(toks, k + 1, "²") => Some(Unit::SquareMetre),
        Some("tấn") => Some(Unit::Tonne),
        Some("km2") => Some(Unit::SquareKilometre),
        Some("km") if punct(toks, k + 1, "²") => Some(Unit::SquareKilometre),
        Some("km") => Some(Unit::Kilometre),
        Some("m") if !toks[k].spaced => Some(Unit::Metre),
        Some("kg") => Some(Unit::Kilogram),
        Some("lần") if word(toks, i.wrapping_sub(1)).is_some_and(|w| MULTIPLIED.contains(&w)) => {
            Some(Unit::Times)
        }
        _ if unsaid_dong => Some(Unit::Vnd),
        Some("điểm") if punct(toks, k + 1, "%") => Some(Unit::PercentagePoint),
        Some("điểm") if word(toks, k + 1) == Some("phần") && word(toks, k + 2) == Some("trăm") => {
            Some(Unit::PercentagePoint)
        }
        _ => None,
    };
    if let Some(unit) = unit {
        let mut end = if unsaid_dong && unit == Unit::Vnd {
            k
        } else {
            k + 1
        };
        while toks
            .get(end)
            .is_some_and(|t| !t.spaced && (t.is("-") || t.kind == Kind::Word))
        {
            end += 1; // "héc-ta", "đô-la"
        }
        if unit == Unit::Usd && word(toks, k) == Some("đô") {
            end = end.max(k + 2);
        }
        if unit == Unit::PercentagePoint {
            end = if punct(toks, k + 1, "%") { k + 2 } else { k + 3 };
        }
        if matches!(unit, Unit::SquareMetre | Unit::SquareKilometre) && punct(toks, k + 1, "²") {
            end = k + 2;
        }
        figure.unit = unit;
        figure.last = end;
        figure.tail = comparison_tail(toks, end);
        return Reading::Figure(figure);
    }
    let Some((ns, ne)) = noun_at(toks, k) else {
        // "xếp thứ 3/12 toàn huyện": a ratio needs no noun.
        if denominator.is_some() {
            figure.unit = Unit::Ratio;
            return Reading::Figure(figure);
        }
        return Reading::Skip(i + 1);
    };
    // "Tại 15 xã, …", "Trong tổng số 18 xã, có …": where or among how many a result holds, not
    // a figure of its own.
    let scope_word = matches!(word(toks, i.wrapping_sub(1)), Some("tại" | "ở"))
        || (word(toks, i.wrapping_sub(1)) == Some("số")
            && matches!(word(toks, i.wrapping_sub(2)), Some("tổng" | "trong")));
    if scope_word && punct(toks, ne, ",") && denominator.is_none() {
        return Reading::Skip(ne);
    }
    // "Dự đại hội có 155 đại biểu": those attending a meeting are not a figure.
    if word(toks, ns) == Some("đại") && word(toks, ns + 1) == Some("biểu") && attends(toks, i) {
        return Reading::Skip(ne);
    }
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
    // The noun phrase may run on before a slash: "8.112 hộ nghèo/506.184 hộ".
    let slash = (ne..toks.len().min(ne + 4)).find(|&k| punct(toks, k, "/") || toks[k].kind != Kind::Word);
    if let Some(ne) = slash.filter(|&k| punct(toks, k, "/") && number(toks, k + 1) && denominator.is_none()) {
        let second = noun_at(toks, ne + 2).map_or(ne + 2, |(_, e)| e);
        match parse_number(toks[ne + 1].text) {
            // "77 đơn/77 vụ việc": one count in two units.
            Some(y) if y == value => figure.tail = second,
            // "8.112 hộ nghèo/506.184 hộ": so many of all.
            Some(y) if y > value => {
                figure.unit = Unit::Ratio;
                figure.denominator = Some(y);
                figure.tail = second;
            }
            _ => {}
        }
    }
    Reading::Figure(figure)
}
