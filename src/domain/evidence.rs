//! Evidence: where a figure stands in its article, in character offsets, with a bounded
//! window of its sentence.

use crate::domain::keyword::keyword;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

keyword! {
/// The part of an article a figure stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// The headline (a headline figure the body usually repeats).
    Title = "title",
    Body = "body",
}
}

/// Where a figure stands in its article. Offsets count Unicode scalar values (code points) of
/// the article's `title` or `body`, as `field` says; for Vietnamese text they equal JavaScript
/// string indices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "text": "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2021 đạt 4,21%, trong đó khu vực dịch vụ tăng 3,1%.",
    "field": "body", "start": 2710, "end": 2715, "sentence_start": 2658, "sentence_end": 2751
}))]
pub struct Evidence {
    /// The sentence the figure was read from, cut to at most 240 characters around the figure
    /// ("…" marks a cut); the whole sentence is `body[sentence_start..sentence_end]`.
    pub text: String,
    pub field: TextField,
    /// Offset of the figure's first character.
    pub start: usize,
    /// Offset just past the figure's last character.
    pub end: usize,
    /// Offset of the sentence's first character.
    pub sentence_start: usize,
    /// Offset just past the sentence's last character.
    pub sentence_end: usize,
    /// The whole sentence, when asked for (`GET /indicators/{id}?include=sentence`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// Characters of a sentence kept as a figure's evidence.
pub const EVIDENCE_CHARS: usize = 240;

impl Evidence {
    /// The evidence of a figure at `figure` (byte range) in a sentence at `sentence` (byte
    /// range) of `text`, with offsets given in characters by `to_char`.
    pub fn new(
        text: &str,
        field: TextField,
        sentence: (usize, usize),
        figure: (usize, usize),
        to_char: impl Fn(usize) -> usize,
    ) -> Evidence {
        Evidence {
            text: window(
                &text[sentence.0..sentence.1],
                figure.0 - sentence.0,
                figure.1 - sentence.0,
            ),
            field,
            start: to_char(figure.0),
            end: to_char(figure.1),
            sentence_start: to_char(sentence.0),
            sentence_end: to_char(sentence.1),
            sentence: None,
        }
    }
}

/// At most [`EVIDENCE_CHARS`] characters of `sentence` around the bytes `from..to`, cut at
/// spaces, with "…" where it was cut.
fn window(sentence: &str, from: usize, to: usize) -> String {
    if sentence.chars().count() <= EVIDENCE_CHARS {
        return sentence.to_owned();
    }
    let figure = sentence[from..to].chars().count();
    let half = EVIDENCE_CHARS.saturating_sub(figure + 2) / 2;
    let start = sentence[..from]
        .char_indices()
        .rev()
        .nth(half.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = sentence[to..]
        .char_indices()
        .nth(half)
        .map_or(sentence.len(), |(i, _)| to + i);
    let start = match start {
        0 => 0,
        s => sentence[s..from].find(' ').map_or(s, |p| s + p + 1),
    };
    let end = match end == sentence.len() {
        true => end,
        false => sentence[to..end].rfind(' ').map_or(end, |p| to + p),
    };
    let mut out = String::with_capacity(end - start + 6);
    if start > 0 {
        out.push('…');
    }
    out.push_str(&sentence[start..end]);
    if end < sentence.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_bounded_around_the_figure() {
        let long = format!("{} đạt 4,21% {}", "trước ".repeat(100), "sau ".repeat(100));
        let at = long.find("4,21%").unwrap();
        let e = Evidence::new(&long, TextField::Body, (0, long.len()), (at, at + 6), |b| b);
        assert!(
            e.text.chars().count() <= EVIDENCE_CHARS,
            "{}",
            e.text.chars().count()
        );
        assert!(e.text.contains("4,21%") && e.text.starts_with('…') && e.text.ends_with('…'));
        let short = "Tỷ lệ hộ nghèo còn 4,21%.";
        let e = Evidence::new(short, TextField::Title, (0, short.len()), (20, 26), |b| b);
        assert_eq!(e.text, short);
    }
}
