//! Tokens and sentences of an article body, with byte offsets into it.

use std::borrow::Cow;

mod sentences;
pub use sentences::sentences;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, possibly with digits inside ("GRDP", "H5N1").
    Word,
    /// Digits with `.`/`,` separators between digits ("11.963", "4,21").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Whether white space separates this token from the one before.
    pub spaced: bool,
    lower: Cow<'a, str>,
}

impl Token<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.text == s
    }

    /// Lower case, with the tone mark of a word-final "oa", "oe", "uy" placed the modern way
    /// ("hoà" → "hòa", "uỷ" → "ủy"), so that both spellings compare equal.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// Lower case with modern tone placement, borrowing when the word needs neither.
pub fn normal_word(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        return Cow::Owned(modern_tone(&word.to_lowercase()));
    }
    match OLD_TONE.iter().any(|(old, _)| word.ends_with(old)) {
        true => Cow::Owned(modern_tone(word)),
        false => Cow::Borrowed(word),
    }
}

#[rustfmt::skip]
const OLD_TONE: [(&str, &str); 15] = [
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
];

/// Moves a tone mark from the first to the second vowel of a word-final "oa", "oe", "uy".
pub fn modern_tone(word: &str) -> String {
    for (old, new) in OLD_TONE {
        if let Some(stem) = word.strip_suffix(old) {
            return format!("{stem}{new}");
        }
    }
    word.to_owned()
}

/// `char::is_alphabetic`, answered without a table lookup for ASCII and the Latin blocks
/// that Vietnamese is written in.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' | '×' | '÷' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphabetic(),
    }
}

/// What a word so far says about a digit that follows it.
#[derive(Default, Clone, Copy)]
struct Glue {
    letters: usize,
    vietnamese_lower: bool,
    capital_inside: bool,
    digit: bool,
}

impl Glue {
    fn after(mut self, c: char, first: bool) -> Glue {
        self.letters += usize::from(!c.is_ascii_digit());
        self.digit |= c.is_ascii_digit();
        self.vietnamese_lower |= !c.is_ascii() && c.is_lowercase();
        self.capital_inside |= !first && c.is_uppercase();
        self
    }

    /// A word of two letters or more, written in lower case with a Vietnamese letter and no
    /// digit yet: a word, not a code.
    fn ends_word(self) -> bool {
        self.letters >= 2 && self.vietnamese_lower && !self.capital_inside && !self.digit
    }
}

/// Splits text into words, numbers and punctuation.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut spaced = true;
    let mut glued = false;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        // The number after a word that ran into it reads as if spaced from it.
        spaced |= std::mem::take(&mut glued);
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while end < bytes.len() {
                let b = bytes[end];
                let digit_follows = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() || ((b == b'.' || b == b',') && digit_follows) {
                    end += 1;
                } else {
                    break;
                }
            }
            Kind::Number
        } else if is_letter(c) {
            // A lower-case Vietnamese word run into a number ("giảm0,4%", a page that lost
            // the space at a tag) ends before it; codes keep their digits ("H5N1", "ĐT741").
            let mut glue = Glue::default().after(c, true);
            while let Some(&(i, n)) = iter.peek() {
                if n.is_ascii_digit() && glue.ends_word() {
                    glued = true;
                    break;
                }
                if n.is_ascii_digit() || is_letter(n) {
                    glue = glue.after(n, false);
                    end = i + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        while iter.peek().is_some_and(|&(i, _)| i < end) {
            iter.next();
        }
        let word = &text[start..end];
        let lower = if kind == Kind::Word {
            normal_word(word)
        } else {
            Cow::Borrowed(word)
        };
        out.push(Token {
            kind,
            text: word,
            start,
            end,
            spaced,
            lower,
        });
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_separators_and_words_their_digits() {
        let toks = tokenize("đạt 4,21%; 11.963/12.011 hộ, Covid-19, H5N1 năm 2021.");
        let texts: Vec<_> = toks.iter().map(|t| (t.kind, t.text)).collect();
        assert_eq!(texts[1], (Kind::Number, "4,21"));
        assert_eq!(texts[2], (Kind::Punct, "%"));
        assert_eq!(texts[4], (Kind::Number, "11.963"));
        assert_eq!(texts[6], (Kind::Number, "12.011"));
        assert!(texts.contains(&(Kind::Word, "H5N1")));
        assert_eq!(texts.last(), Some(&(Kind::Punct, ".")));
        assert!(!toks[2].spaced && toks[1].spaced);
    }

    #[test]
    fn a_word_run_into_a_number_ends_before_it_and_a_code_keeps_its_digits() {
        let toks = tokenize("xây dựngtăng2,15%; giảm0,4% tại ĐT741, H5N1, Covid19 và Tỉnh lộ 8");
        let texts: Vec<_> = toks.iter().map(|t| (t.kind, t.text, t.spaced)).collect();
        assert!(texts.contains(&(Kind::Word, "dựngtăng", true)), "{texts:?}");
        assert!(texts.contains(&(Kind::Number, "2,15", true)), "{texts:?}");
        assert!(texts.contains(&(Kind::Number, "0,4", true)), "{texts:?}");
        for code in ["ĐT741", "H5N1", "Covid19"] {
            assert!(texts.iter().any(|t| t.1 == code), "{code}: {texts:?}");
        }
    }

    #[test]
    fn tone_marks_move_only_at_the_end_of_a_word() {
        assert_eq!(modern_tone("hoà"), "hòa");
        assert_eq!(modern_tone("uỷ"), "ủy");
        assert_eq!(modern_tone("đoàn"), "đoàn");
        assert_eq!(modern_tone("khoẻ"), "khỏe");
    }
}
