//! Labels: the Vietnamese phrase that says what a figure measures.
//!
//! Before a figure the label is the clause's subject with its verb, period and place
//! stripped ("Tốc độ tăng trưởng kinh tế quý III năm 2019 ước đạt" → "Tốc độ tăng trưởng
//! kinh tế"); after a count it is the noun and what is said of it ("73 công dân nhập ngũ
//! năm 2022" → "công dân nhập ngũ").

mod said;
mod time;

use std::sync::LazyLock;

use regex::Regex;

pub use said::{Said, said};
use time::{trailing_periods, without_periods};

use super::numbers::looks_like_year;
use super::tokens::{Kind, Token, tokenize};

/// Words that end a label before its figure: verbs, qualifiers, fillers.
#[rustfmt::skip]
const TRAILING: &[&str] = &[
    "đạt", "tăng", "giảm", "trưởng", "còn", "là", "ước", "bằng", "chiếm", "lên", "xuống", "vượt",
    "được", "với", "khoảng", "trên", "hơn", "gần", "dưới", "mức", "ở", "có", "thêm", "xấp", "xỉ", "chỉ",
    "đã", "đều", "tới", "đến", "từ", "cho", "thu", "hút", "gồm", "tổng", "số", "ra", "đề", "tính",
    "riêng", "như", "lần", "nay", "vào", "khi", "và", "tại", "của", "trong", "đó", "thì", "mà",
];

/// Words that open a clause without being part of what it measures.
#[rustfmt::skip]
const LEADING: &[&str] = &[
    "trong", "đó", "như", "và", "còn", "riêng", "đồng", "thời", "cụ", "thể", "bên", "cạnh", "ngoài",
    "ra", "đặc", "biệt", "là", "với", "có", "đã", "đối", "hiện", "nay", "theo", "qua", "nhất",
];

/// Words after a count that start another phrase ("15 nhà với tổng kinh phí …").
#[rustfmt::skip]
const AFTER_STOPS: &[&str] = &[
    "với", "tại", "ở", "cho", "gồm", "bao", "trong", "thu", "nhằm", "để",
];

/// Nouns that open the name of a measure.
#[rustfmt::skip]
const MEASURE_HEADS: &[&str] = &[
    "tỷ lệ ", "tỉ lệ ", "tốc độ ", "tổng mức ", "tổng kim ngạch ", "tổng số ", "giá trị ", "chỉ số ",
];

/// "… của tỉnh", "… trên địa bàn huyện": whose figure it is, said at the end of a label.
static OWNER_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:của|trên\s+địa\s+bàn|toàn)\s+(?:tỉnh|thành\s+phố|thị\s+xã|huyện|quận|xã|phường|thị\s+trấn)(?:\s+\p{Lu}\S*)*$|\s+trên\s+địa\s+bàn$")
        .expect("owner suffix")
});

static LOCALITY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:tỉnh|thành phố|tp\.?|thị xã|huyện|quận|xã|phường|thị trấn)(?:\s+\p{Lu}\S*)+$")
        .expect("locality only")
});

/// Nouns whose last word is also a verb: "doanh thu" (turnover) keeps its "thu".
#[rustfmt::skip]
const NOUNS_ENDING_IN_A_VERB: &[&str] = &["doanh thu", "tổng thu", "nguồn thu", "tổng chi", "tổng số"];
/// Verbs of two words that go as one: "bao gồm".
#[rustfmt::skip]
const TWO_WORD_VERBS: &[&str] = &["bao gồm", "kể cả"];

fn is_trailing(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && TRAILING.contains(&t.lower())
}

/// Where the trailing verb, qualifier or filler at the end of `s` starts, if it ends in one.
fn trailing_start(s: &str) -> Option<usize> {
    let toks = tokenize(s);
    let words: Vec<&Token<'_>> = toks.iter().filter(|t| t.kind == Kind::Word).collect();
    let last = toks.last().filter(|t| t.kind == Kind::Word)?;
    let pair = words
        .len()
        .checked_sub(2)
        .map(|i| (words[i], format!("{} {}", words[i].lower(), last.lower())));
    match pair {
        Some((_, p)) if NOUNS_ENDING_IN_A_VERB.contains(&p.as_str()) => None,
        Some((first, p)) if TWO_WORD_VERBS.contains(&p.as_str()) => Some(first.start),
        _ => is_trailing(last).then_some(last.start),
    }
}

/// The phrase naming what a figure measures, from the text before it.
pub fn label_before(text: &str) -> String {
    let mut s = text
        .trim()
        .trim_end_matches([',', ':', '-', '–'])
        .trim()
        .to_owned();
    loop {
        let before = s.clone();
        if let Some(start) = trailing_start(&s) {
            s.truncate(start);
        }
        if let Some(start) = trailing_periods(&s) {
            s.truncate(start);
        }
        let owner = OWNER_SUFFIX.find(&s).map(|m| m.start());
        if let Some(start) = owner {
            s.truncate(start);
        }
        s = s
            .trim()
            .trim_end_matches([',', ':', '-', '–', '('])
            .trim()
            .to_owned();
        if s == before {
            break;
        }
    }
    // A short list item before a comma belongs to the same noun: "nông, lâm nghiệp, thủy sản";
    // never to a clause that reports it ("Báo cáo cho thấy, GRDP").
    let segments: Vec<&str> = s.split(", ").collect();
    let mut from = segments.len().saturating_sub(1);
    while from > 0 && segments[from].split_whitespace().count() <= 2 && !reports(segments[from - 1]) {
        from -= 1;
    }
    let joined = segments[from..].join(", ");
    let label = strip_leading(without_periods(&joined).trim());
    // A measure noun heads the label: "… thành công với tỷ lệ cử tri tham gia" → "tỷ lệ cử tri tham gia".
    let lower = label.to_lowercase();
    match MEASURE_HEADS
        .iter()
        .filter_map(|h| lower.rfind(h))
        .filter(|&p| p > 0)
        .max()
    {
        Some(p) if lower[..p].ends_with(' ') => label[p..].to_owned(),
        _ => label,
    }
}

/// Verbs of saying and showing that end a clause before what they report.
#[rustfmt::skip]
const REPORTING_VERBS: &[&str] = &[
    "cho thấy", "cho biết", "cho hay", "nêu rõ", "khẳng định", "nhấn mạnh", "thông tin", "báo cáo",
];

/// Whether `clause` ends in a verb of saying: what follows its comma is what it reports.
fn reports(clause: &str) -> bool {
    let lower = clause.trim_end().to_lowercase();
    REPORTING_VERBS.iter().any(|v| {
        lower
            .strip_suffix(v)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
    })
}

/// Phrases that open a clause without naming what it measures: "Tính chung 9 tháng, …"
/// (its period already left out by [`without_periods`]).
static LEADING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tính\s+chung|lũy\s+kế|luỹ\s+kế|cộng\s+dồn|tổng\s+cộng|nhìn\s+chung)(?:\s+(?:cả\s+)?năm)?\s*,?\s*")
        .expect("leading phrase")
});

fn strip_leading(s: &str) -> String {
    let s = LEADING_PHRASE.find(s).map_or(s, |m| &s[m.end()..]);
    let toks = tokenize(s);
    let start = toks
        .iter()
        .position(|t| match t.kind {
            Kind::Punct => ["“", "\"", "("].contains(&t.text),
            Kind::Word => !LEADING.contains(&t.lower()),
            Kind::Number => true,
        })
        .map_or(s.len(), |i| toks[i].start);
    s[start..].trim().to_owned()
}

/// The phrase after a count, from token `from`: its noun and what is said of it, up to the
/// clause's end. Returns the label and the byte where the phrase ends.
pub fn label_after(toks: &[Token<'_>], noun: &str, from: usize, text: &str) -> (String, usize) {
    let stop = |t: &Token<'_>| match t.kind {
        Kind::Number => !looks_like_year(t.text),
        Kind::Punct => !["-", "“", "”", "\""].contains(&t.text),
        Kind::Word => AFTER_STOPS.contains(&t.lower()),
    };
    let mut end = toks[from..]
        .iter()
        .position(stop)
        .map_or(toks.len(), |p| from + p)
        .min(from + 14);
    // "… lượt công dân và tổ chức 12 buổi …": what follows "và" belongs to the next figure.
    if toks.get(end).is_some_and(|t| t.kind == Kind::Number) {
        if let Some(and) = (from..end).rev().take(3).find(|&k| toks[k].lower() == "và") {
            end = and;
        }
    }
    let Some(last) = end.checked_sub(1).filter(|&l| l >= from) else {
        return (
            noun.to_owned(),
            toks.get(from.wrapping_sub(1)).map_or(0, |t| t.end),
        );
    };
    let rest = format!(" {}", &text[toks[from].start..toks[last].end]);
    let rest = match rest.find(" tại ").or_else(|| rest.find(" ở ")) {
        Some(p) => &rest[..p],
        None => &rest,
    };
    (
        format!("{noun} {}", label_before(rest)).trim().to_owned(),
        toks[last].end,
    )
}

/// `s` with its first letter lower-case, unless it opens an acronym ("GRDP").
pub fn uncapitalise(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Words that say a figure is a rate or an amount without saying of what ("đạt tỷ lệ").
static MEASURE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:đạt|chiếm|bằng|với|là|ở)\s+)*(?i:tỷ\s+lệ|tỉ\s+lệ|mức|con\s+số|số|tổng\s+số|tổng|số\s+tiền|trị\s+giá|tổng\s+trị\s+giá|giá\s+trị)$")
        .expect("measure only")
});

/// Words that restate, compare or date the figure before without naming a measure: "hay",
/// "tương đương", "so cùng kỳ", "hằng năm", "lũy kế 10 tháng".
static RESTATING_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:hay|hoặc|tức|là|tương\s+đương|tương\s+ứng|so|với|cùng\s+kỳ|năm\s+trước|hằng\s+năm|hàng\s+năm|mỗi\s+năm|bình\s+quân|dự\s+kiến|ước|lũy\s+kế|luỹ\s+kế|đầu|cuối|giữa|[0-9]+\s+tháng(?:\s+đầu\s+năm)?|năm|[0-9]{4})(?:\s+|$))+$")
        .expect("restating only")
});

/// A label that names no measure: empty, only a place ("huyện Bác Ái"), only the word for a
/// rate or an amount ("đạt tỷ lệ"), or only words that restate or date ("tương đương").
pub fn is_empty_label(label: &str) -> bool {
    !label.chars().any(char::is_alphabetic)
        || LOCALITY_ONLY.is_match(label)
        || MEASURE_ONLY.is_match(label.trim())
        || RESTATING_ONLY.is_match(label.trim_matches(|c: char| c.is_whitespace() || "()".contains(c)))
}

#[cfg(test)]
mod tests;
