//! Finding place mentions in text: a type word ("tỉnh", "thị xã", "Thành ủy") and the
//! capitalised name after it, with a parent in parentheses when given ("xã Vi Hương (Bạch
//! Thông)"); and provinces named on their own ("Cử tri Thái Bình").

use super::Mention;
use super::type_words::TYPE_WORDS;
pub use super::type_words::{ABOVE_COMMUNE, PROVINCE, TypeWord, same_level};
use crate::domain::{Gazetteer, Scheme, UnitType};
use crate::ingest::tokens::{Kind, Token};

/// Words before a bare type word that make it generic ("các xã", "cấp huyện").
const GENERIC_BEFORE: &[&str] = &["các", "những", "nhiều", "mỗi", "từng", "cấp", "số"];

/// Words before a type word alone that make it say where something is or happens.
const ABOUT_BEFORE: &[&str] = &["toàn", "của", "bàn", "tại", "ở", "cả", "trong", "khắp"];

/// Words a type word forms another word with: "xã hội" (society), "xã viên" and "hợp tác xã"
/// (a cooperative), "xã giao" (etiquette), "tỉnh táo" (alert).
const NOT_A_UNIT: &[(&str, &str)] = &[("xã", "hội"), ("xã", "viên"), ("xã", "giao"), ("tỉnh", "táo")];
const NOT_A_UNIT_AFTER: &[(&str, &str)] = &[("tác", "xã")];

/// Whether the type word at `i` is part of another word rather than naming a unit.
fn forms_another_word(toks: &[Token<'_>], i: usize, tw: &TypeWord) -> bool {
    let last = tw.words[tw.words.len() - 1];
    let next = toks.get(i + tw.words.len()).map(|t| t.lower());
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    NOT_A_UNIT.iter().any(|&(w, n)| w == last && next == Some(n))
        || NOT_A_UNIT_AFTER
            .iter()
            .any(|&(p, w)| w == tw.words[0] && prev == Some(p))
}

/// A type word with whatever follows it; offsets in bytes of the scanned text.
#[derive(Debug)]
pub struct RawMention<'a> {
    pub start: usize,
    pub end: usize,
    pub canonical: &'static str,
    pub types: &'static [UnitType],
    /// Name words after the type word; empty for a bare reference ("UBND tỉnh").
    pub name: Vec<Token<'a>>,
    /// Words in parentheses right after the name.
    pub hint: Option<String>,
    /// "các xã", "cấp huyện": not a reference to one unit.
    pub generic: bool,
    /// A type word alone that says where ("toàn tỉnh", "của xã", "trên địa bàn huyện", or
    /// opening a sentence), not whose organ ("HĐND tỉnh", "Tỉnh ủy" in an official's title).
    pub about: bool,
    /// Said to be the unit before a merger: "xã A (cũ)", "huyện B cũ", "xã C trước sáp nhập".
    pub former: bool,
}

/// Words after a name that say it is the unit before a merger.
fn names_the_former_unit(words: &str) -> bool {
    let w = words.trim().to_lowercase();
    w == "cũ"
        || w.starts_with("cũ ")
        || w.starts_with("cũ,")
        || w.starts_with("trước sáp nhập")
        || w.starts_with("trước khi sáp nhập")
}

fn is_name_word(t: &Token<'_>) -> bool {
    t.kind != Kind::Punct
        && t.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn match_type_word(toks: &[Token<'_>], i: usize) -> Option<&'static TypeWord> {
    let first = toks[i].lower();
    let dotted = toks.get(i + 1).is_some_and(|t| t.is(".") && !t.spaced);
    TYPE_WORDS.iter().find(|tw| {
        tw.words[0] == first
            && tw.words.len() <= toks.len() - i
            && (tw.words[0].chars().count() > 1 || dotted)
            && tw
                .words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| toks[i + k].lower() == *w)
    })
}

/// Words that make a type word plural, introducing a list of names.
const PLURAL: &[&str] = &["các", "những"];

/// The names listed from token `j` after a plural type word, each pushed as a mention of that
/// type; returns the token after the list.
fn enumeration<'a>(
    toks: &[Token<'a>],
    mut j: usize,
    max_words: usize,
    tw: &'static TypeWord,
    out: &mut Vec<RawMention<'a>>,
) -> usize {
    if toks.get(j).is_some_and(|t| t.is(":")) {
        j += 1;
    }
    loop {
        let first = j;
        while j < toks.len()
            && j - first < max_words
            && is_name_word(&toks[j])
            && match_type_word(toks, j).is_none()
        {
            j += 1;
        }
        if j == first {
            return first;
        }
        out.push(RawMention {
            start: toks[first].start,
            end: toks[j - 1].end,
            canonical: tw.canonical,
            types: tw.types,
            name: toks[first..j].to_vec(),
            hint: None,
            generic: false,
            about: false,
            former: false,
        });
        match toks.get(j) {
            Some(t) if t.is(",") || (t.kind == Kind::Word && t.lower() == "và") => j += 1,
            _ => return j,
        }
    }
}

/// Every type-word mention in a text.
pub fn scan<'a>(toks: &[Token<'a>], max_words: usize) -> Vec<RawMention<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(tw) = (toks[i].kind == Kind::Word)
            .then(|| match_type_word(toks, i))
            .flatten()
            .filter(|tw| !forms_another_word(toks, i, tw))
        else {
            i += 1;
            continue;
        };
        // "các xã", "cấp huyện", "10 xã", and "phường" in "các xã, phường": not one unit.
        let listed_after_generic = i >= 2
            && (toks[i - 1].is(",") || toks[i - 1].lower() == "và")
            && out
                .last()
                .is_some_and(|m: &RawMention<'_>| m.generic && m.end == toks[i - 2].end);
        let generic = i > 0
            && (GENERIC_BEFORE.contains(&toks[i - 1].lower())
                || toks[i - 1].kind == Kind::Number
                || listed_after_generic);
        let about = i == 0
            || toks[i - 1].kind == Kind::Punct && !toks[i - 1].is("(")
            || ABOUT_BEFORE.contains(&toks[i - 1].lower());
        let mut j = i + tw.words.len();
        if tw.abbrev && toks.get(j).is_some_and(|t| t.is(".") && !t.spaced) {
            j += 1;
        }
        if generic && i > 0 && PLURAL.contains(&toks[i - 1].lower()) {
            // "các huyện: Tuy Phước, Phù Mỹ và Phù Cát": each name listed is one unit.
            j = enumeration(toks, j, max_words, tw, &mut out);
        }
        let mut name: Vec<Token<'a>> = Vec::new();
        while j < toks.len() && name.len() < max_words {
            let t = &toks[j];
            if is_name_word(t) && match_type_word(toks, j).is_none() {
                name.push(t.clone());
                j += 1;
            } else if (t.is("-") || t.is("–"))
                && !name.is_empty()
                && toks.get(j + 1).is_some_and(is_name_word)
            {
                j += 1;
            } else {
                break;
            }
        }
        let mut hint = None;
        let mut end = name.last().map_or(toks[j - 1].end, |t| t.end);
        if !name.is_empty() && toks.get(j).is_some_and(|t| t.is("(")) {
            if let Some(close) = (j + 1..toks.len().min(j + 10)).find(|&k| toks[k].is(")")) {
                let inner: Vec<&str> = toks[j + 1..close].iter().map(|t| t.text).collect();
                hint = Some(inner.join(" "));
                end = toks[close].end;
                j = close + 1;
            }
        }
        let former = !name.is_empty()
            && (hint.as_deref().is_some_and(names_the_former_unit)
                || toks.get(j..).is_some_and(|rest| {
                    let words: Vec<&str> = rest.iter().take(4).map(|t| t.lower()).collect();
                    names_the_former_unit(&words.join(" "))
                }));
        if former {
            hint = hint.filter(|h| !names_the_former_unit(h));
        }
        out.push(RawMention {
            start: toks[i].start,
            end,
            canonical: tw.canonical,
            types: tw.types,
            name,
            hint,
            generic,
            about,
            former,
        });
        i = j.max(i + 1);
    }
    out
}

/// Exact province names of a map standing on their own ("Cử tri Thái Bình"), outside
/// type-word mentions.
pub fn bare_provinces(
    g: &Gazetteer,
    scheme: Scheme,
    text: &str,
    toks: &[Token<'_>],
    raw: &[RawMention<'_>],
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    // `raw` is in text order: a cursor walks it beside the tokens.
    let mut r = 0;
    while i < toks.len() {
        while r < raw.len() && raw[r].end <= toks[i].start {
            r += 1;
        }
        let inside = raw
            .get(r)
            .is_some_and(|m| toks[i].start >= m.start && toks[i].start < m.end);
        let hit = (!inside && toks[i].kind == Kind::Word && is_name_word(&toks[i]))
            .then(|| {
                (2..=3).rev().find_map(|n| {
                    let words = toks.get(i..i + n)?;
                    let name = &text[words[0].start..words[n - 1].end];
                    g.province_named(scheme, name).map(|p| (n, p.id.clone()))
                })
            })
            .flatten();
        match hit {
            Some((n, id)) => {
                out.push(Mention {
                    start: toks[i].start,
                    end: toks[i + n - 1].end,
                    id,
                    role: super::Role::Named,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}
