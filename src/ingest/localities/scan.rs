//! Finding place mentions in text: a type word ("tỉnh", "thị xã", "Thành ủy") and the
//! capitalised name after it, with a parent in parentheses when given ("xã Vi Hương (Bạch
//! Thông)"); and provinces named on their own ("Cử tri Thái Bình").

use super::Mention;
use crate::domain::{Gazetteer, Scheme, UnitType};
use crate::ingest::tokens::{Kind, Token};

/// A type word and the unit types it can introduce.
pub struct TypeWord {
    words: &'static [&'static str],
    /// How the gazetteer's full names spell the type ("thành phố" for "Thành ủy").
    pub canonical: &'static str,
    pub types: &'static [UnitType],
}

pub const PROVINCE: &[UnitType] = &[UnitType::Province];
const CITY: &[UnitType] = &[UnitType::Municipality, UnitType::City];
const TOWN: &[UnitType] = &[UnitType::Town];
const RURAL: &[UnitType] = &[UnitType::RuralDistrict];
const URBAN: &[UnitType] = &[UnitType::UrbanDistrict];

#[rustfmt::skip]
const TYPE_WORDS: &[TypeWord] = &[
    TypeWord { words: &["tỉnh", "ủy"], canonical: "tỉnh", types: PROVINCE },
    TypeWord { words: &["thành", "ủy"], canonical: "thành phố", types: CITY },
    TypeWord { words: &["thị", "ủy"], canonical: "thị xã", types: TOWN },
    TypeWord { words: &["huyện", "ủy"], canonical: "huyện", types: RURAL },
    TypeWord { words: &["quận", "ủy"], canonical: "quận", types: URBAN },
    TypeWord { words: &["thành", "phố"], canonical: "thành phố", types: CITY },
    TypeWord { words: &["thị", "xã"], canonical: "thị xã", types: TOWN },
    TypeWord { words: &["thị", "trấn"], canonical: "thị trấn", types: &[UnitType::Township] },
    TypeWord { words: &["đặc", "khu"], canonical: "đặc khu", types: &[UnitType::SpecialZone] },
    TypeWord { words: &["tỉnh"], canonical: "tỉnh", types: PROVINCE },
    TypeWord { words: &["tp"], canonical: "thành phố", types: CITY },
    TypeWord { words: &["tx"], canonical: "thị xã", types: TOWN },
    TypeWord { words: &["huyện"], canonical: "huyện", types: RURAL },
    TypeWord { words: &["quận"], canonical: "quận", types: URBAN },
    TypeWord { words: &["xã"], canonical: "xã", types: &[UnitType::Commune] },
    TypeWord { words: &["phường"], canonical: "phường", types: &[UnitType::Ward] },
];

/// Words before a bare type word that make it generic ("các xã", "cấp huyện").
const GENERIC_BEFORE: &[&str] = &["các", "những", "nhiều", "mỗi", "từng", "cấp", "số"];

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
}

fn is_name_word(t: &Token<'_>) -> bool {
    t.kind != Kind::Punct
        && t.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn match_type_word(toks: &[Token<'_>], i: usize) -> Option<&'static TypeWord> {
    let first = toks[i].lower();
    TYPE_WORDS.iter().find(|tw| {
        tw.words[0] == first
            && tw.words.len() <= toks.len() - i
            && tw
                .words
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, w)| toks[i + k].lower() == *w)
    })
}

/// Every type-word mention in a text.
pub fn scan<'a>(toks: &[Token<'a>], max_words: usize) -> Vec<RawMention<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(tw) = (toks[i].kind == Kind::Word)
            .then(|| match_type_word(toks, i))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let generic = i > 0 && GENERIC_BEFORE.contains(&toks[i - 1].lower());
        let mut j = i + tw.words.len();
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
            if let Some(close) = (j + 1..toks.len().min(j + 6)).find(|&k| toks[k].is(")")) {
                let inner: Vec<&str> = toks[j + 1..close].iter().map(|t| t.text).collect();
                hint = Some(inner.join(" "));
                end = toks[close].end;
                j = close + 1;
            }
        }
        out.push(RawMention {
            start: toks[i].start,
            end,
            canonical: tw.canonical,
            types: tw.types,
            name,
            hint,
            generic,
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
    while i < toks.len() {
        let inside = raw
            .iter()
            .any(|r| toks[i].start >= r.start && toks[i].start < r.end);
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
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}
