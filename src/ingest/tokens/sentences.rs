//! Sentences of a body, as byte ranges, bounded in length so that the work spent on each
//! figure's sentence stays bounded.

/// Abbreviations whose dot does not end a sentence: unit types ("TP. Mỹ Tho", "H. Cai Lậy")
/// and titles ("ThS. Nguyễn Văn A").
const ABBREVIATIONS: &[&str] = &[
    "TP", "Tp", "tp", "TX", "Tx", "tx", "TT", "Tt", "H", "Q", "P", "X", "ThS", "TS", "PGS", "GS", "BS", "KS",
    "Th.S",
];

/// Whether the dot at byte `dot` closes an abbreviation.
fn after_abbreviation(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    ABBREVIATIONS.contains(&&text[word_start..dot])
}

/// Longest sentence, in bytes, that is read as one: a run of figures without a full stop is
/// cut at its last `;`, `,` or space before this length, so that the work spent on each figure's
/// sentence is bounded and reading a text stays linear in its length.
pub const MAX_SENTENCE: usize = 1200;

/// Byte ranges of the sentences of a text: split at line breaks and at `.`, `!`, `?`, `…`
/// that end a sentence (followed by a space, a line break, the end, or a capital letter; not
/// the dot of an abbreviation), and sentences longer than [`MAX_SENTENCE`] cut.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, end) in whole_sentences(text) {
        let mut s = start;
        while end - s > MAX_SENTENCE {
            let mut limit = s + MAX_SENTENCE;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = text[s..limit]
                .rfind(';')
                .or_else(|| text[s..limit].rfind(','))
                .or_else(|| text[s..limit].rfind(' '))
                .map_or(limit, |p| s + p + 1);
            push_trimmed(text, s, cut, &mut out);
            s = cut;
        }
        push_trimmed(text, s, end, &mut out);
    }
    out
}

fn whole_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = match c {
            '\n' => true,
            '.' if after_abbreviation(text, i) => false,
            '.' | '!' | '?' | '…' => match next {
                None => true,
                Some(n) => n.is_whitespace() || n.is_uppercase(),
            },
            _ => false,
        };
        if ends {
            let end = if c == '\n' { i } else { i + c.len_utf8() };
            push_trimmed(text, start, end, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_full_stops_is_cut_into_bounded_sentences() {
        let run = "tăng 12,5%, ".repeat(1000);
        let got = sentences(&run);
        assert!(got.len() > 1);
        assert!(got.iter().all(|(s, e)| e - s <= MAX_SENTENCE), "{got:?}");
        assert_eq!(got.first().map(|s| s.0), Some(0));
        assert_eq!(got.last().map(|s| s.1), Some(run.trim_end().len()));
    }

    #[test]
    fn sentences_split_at_ends_not_inside_numbers() {
        let text = "Tăng 4.3% so với năm 2020. Giảm 2,1%.Đồng chí phát biểu\nẢnh. TP. Mỹ Tho có 5 xã.";
        let got: Vec<&str> = sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            got,
            [
                "Tăng 4.3% so với năm 2020.",
                "Giảm 2,1%.",
                "Đồng chí phát biểu",
                "Ảnh.",
                "TP. Mỹ Tho có 5 xã."
            ]
        );
    }
}
