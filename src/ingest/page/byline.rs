//! Bylines: the author a line names, with a credit before it ("Tin và ảnh:") and where the
//! author works after it ("(Trung tâm …)", "– Phường …") left out.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{ends_sentence, is_section};

/// A credit that opens a byline: "Tin và ảnh: Lê Hòa", "Bài, ảnh: Mai Lan".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:tin|bài|tin\s+bài|bài\s+viết)(?:\s*(?:,|và|&|\+)\s*ảnh)?\s*:\s*").expect("credit")
});

/// A person's name, or two joined by a dash: 1 to 5 capitalised words each, no digits
/// ("Hương Dịu", "PHƯƠNG THẢO", "Minh Lý – Ksorr Tuối").
pub fn person_name(text: &str) -> Option<String> {
    let text = text.trim();
    let one = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && name.chars().count() <= 40
            && !name.chars().any(|c| c.is_ascii_digit())
            && words.iter().all(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.is_empty() || w.chars().next().is_some_and(char::is_uppercase)
            })
    };
    let names: Vec<&str> = text.split(['–', '—']).map(str::trim).collect();
    let ok = !ends_sentence(text)
        && !is_section(text)
        && text.chars().any(char::is_alphabetic)
        && names.len() <= 2
        && names.iter().all(|n| one(n));
    ok.then(|| text.to_owned())
}

/// The author a byline line names: "Hương Dịu", "Thanh Thủy (Trung tâm VH-TT Nghi Lộc)" →
/// "Thanh Thủy", "Tin và ảnh: Lê Hòa" → "Lê Hòa".
pub fn byline(line: &str) -> Option<String> {
    let line = CREDIT.find(line).map_or(line, |m| &line[m.end()..]);
    let line = line.trim_end_matches(|c: char| c == '|' || c.is_whitespace());
    let name = match line.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name,
        _ => line,
    };
    // "Hoàng Mai – Phường Đông Hòa": the author, then where the author works.
    let name = match name.split_once(['–', '—']) {
        Some((author, place)) if names_an_organ(place) => author.trim_end(),
        _ => name,
    };
    person_name(name)
}

/// Whether text opens with the type word of a unit ("Phường", "TP.") or the name of an organ:
/// where an author works.
fn names_an_organ(text: &str) -> bool {
    const ORGANS: [&str; 12] = [
        "trung tâm",
        "ubnd",
        "ủy ban",
        "ban",
        "hội",
        "phòng",
        "sở",
        "báo",
        "đài",
        "trường",
        "công an",
        "văn phòng",
    ];
    let head = crate::ingest::tokens::normal_word(text.trim()).into_owned();
    crate::ingest::localities::opens_with_type_word(text)
        || ORGANS
            .iter()
            .any(|t| head.starts_with(t) && !head[t.len()..].starts_with(char::is_alphanumeric))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_name_the_author() {
        assert_eq!(byline("Hương Dịu").as_deref(), Some("Hương Dịu"));
        assert_eq!(
            byline("Thanh Thủy (Trung tâm VH-TT)").as_deref(),
            Some("Thanh Thủy")
        );
        assert_eq!(byline("Tin và ảnh: Lê Hòa").as_deref(), Some("Lê Hòa"));
        assert_eq!(byline("Bài, ảnh: Mai Anh").as_deref(), Some("Mai Anh"));
        assert_eq!(byline("PHƯƠNG THẢO").as_deref(), Some("PHƯƠNG THẢO"));
        assert_eq!(
            byline("Minh Lý – Ksorr Tuối").as_deref(),
            Some("Minh Lý – Ksorr Tuối")
        );
        assert_eq!(byline("Quang cảnh hội nghị"), None);
        assert_eq!(byline("Năm 2020"), None);
        assert_eq!(byline("Phát biểu tại hội nghị."), None);
        assert_eq!(byline("TAGS"), None);
        assert_eq!(byline("Kinh tế"), None);
        assert_eq!(byline("LÊ AN |").as_deref(), Some("LÊ AN"));
        assert_eq!(
            byline("Hoàng Mai – Phường Đông Hòa").as_deref(),
            Some("Hoàng Mai")
        );
        assert_eq!(
            byline("Lê Vân — Trung tâm Văn hóa huyện").as_deref(),
            Some("Lê Vân")
        );
    }
}
