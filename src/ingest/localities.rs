//! Finds the administrative units an article names and resolves them to gazetteer codes.
//!
//! A mention is a type word ("tỉnh", "thị xã", "Thành ủy") followed by a capitalised name,
//! optionally with a parent in parentheses ("xã Vi Hương (Bạch Thông)"), or a province's
//! exact name on its own. Names shared by several units are resolved from the other units
//! the article names, or left unresolved; a bare type word ("UBND tỉnh", "toàn tỉnh") is a
//! reference to the article's own unit of that level.

use std::collections::HashMap;

use super::gazetteer::Gazetteer;
use super::text::fold_key;
use crate::domain::UnitType;

/// A span of text that names a unit, in Unicode scalar values of the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub code: String,
}

/// What a text says about places.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// The unit the article is about.
    pub primary: Option<String>,
    /// Every unit named, with their parents; primary first.
    pub localities: Vec<String>,
    /// Resolved mentions in the body, in order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// A type word and the unit types it can introduce.
struct TypeWord {
    words: &'static [&'static str],
    canonical: &'static str,
    types: &'static [UnitType],
}

const PROVINCE: &[UnitType] = &[UnitType::Province];
const CITY: &[UnitType] = &[UnitType::Municipality, UnitType::City];
const TOWN: &[UnitType] = &[UnitType::Town];
const RURAL: &[UnitType] = &[UnitType::RuralDistrict];
const URBAN: &[UnitType] = &[UnitType::UrbanDistrict];
const COMMUNE: &[UnitType] = &[UnitType::Commune];
const WARD: &[UnitType] = &[UnitType::Ward];
const TOWNSHIP: &[UnitType] = &[UnitType::Township];

const TYPE_WORDS: &[TypeWord] = &[
    TypeWord {
        words: &["tỉnh", "ủy"],
        canonical: "tỉnh",
        types: PROVINCE,
    },
    TypeWord {
        words: &["thành", "ủy"],
        canonical: "thành phố",
        types: CITY,
    },
    TypeWord {
        words: &["thị", "ủy"],
        canonical: "thị xã",
        types: TOWN,
    },
    TypeWord {
        words: &["huyện", "ủy"],
        canonical: "huyện",
        types: RURAL,
    },
    TypeWord {
        words: &["quận", "ủy"],
        canonical: "quận",
        types: URBAN,
    },
    TypeWord {
        words: &["thành", "phố"],
        canonical: "thành phố",
        types: CITY,
    },
    TypeWord {
        words: &["thị", "xã"],
        canonical: "thị xã",
        types: TOWN,
    },
    TypeWord {
        words: &["thị", "trấn"],
        canonical: "thị trấn",
        types: TOWNSHIP,
    },
    TypeWord {
        words: &["tỉnh"],
        canonical: "tỉnh",
        types: PROVINCE,
    },
    TypeWord {
        words: &["tp"],
        canonical: "thành phố",
        types: CITY,
    },
    TypeWord {
        words: &["tx"],
        canonical: "thị xã",
        types: TOWN,
    },
    TypeWord {
        words: &["huyện"],
        canonical: "huyện",
        types: RURAL,
    },
    TypeWord {
        words: &["quận"],
        canonical: "quận",
        types: URBAN,
    },
    TypeWord {
        words: &["xã"],
        canonical: "xã",
        types: COMMUNE,
    },
    TypeWord {
        words: &["phường"],
        canonical: "phường",
        types: WARD,
    },
];

/// Words before a bare type word that make it generic ("các xã", "cấp huyện").
const GENERIC_BEFORE: &[&str] = &["các", "những", "nhiều", "mỗi", "từng", "cấp", "số", "100%"];

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut word_start: Option<(usize, usize)> = None;
    let mut chars = 0;
    for (byte, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some((byte, chars));
            }
        } else {
            if let Some((b, s)) = word_start.take() {
                out.push(Token {
                    text: &text[b..byte],
                    start: s,
                    end: chars,
                });
            }
            if matches!(c, '(' | ')' | '-' | '–' | '.' | ',' | ';' | ':' | '\n') {
                out.push(Token {
                    text: &text[byte..byte + c.len_utf8()],
                    start: chars,
                    end: chars + 1,
                });
            }
        }
        chars += 1;
    }
    if let Some((b, s)) = word_start {
        out.push(Token {
            text: &text[b..],
            start: s,
            end: chars,
        });
    }
    out
}

fn normalized_word(w: &str) -> String {
    w.to_lowercase().replace("uỷ", "ủy")
}

fn is_name_word(t: &Token<'_>) -> bool {
    t.text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A type word with whatever follows it.
#[derive(Debug)]
struct RawMention<'a> {
    start: usize,
    end: usize,
    canonical: &'static str,
    types: &'static [UnitType],
    /// Name words after the type word; empty for a bare reference.
    name: Vec<Token<'a>>,
    /// Words in parentheses right after the name.
    hint: Option<String>,
    generic: bool,
}

fn match_type_word(toks: &[Token<'_>], i: usize) -> Option<&'static TypeWord> {
    TYPE_WORDS.iter().find(|tw| {
        tw.words.len() <= toks.len() - i
            && tw
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| normalized_word(toks[i + k].text) == *w)
    })
}

fn scan<'a>(text: &'a str, max_words: usize) -> Vec<RawMention<'a>> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(tw) = match_type_word(&toks, i) else {
            i += 1;
            continue;
        };
        let start = toks[i].start;
        let generic = i > 0 && GENERIC_BEFORE.contains(&normalized_word(toks[i - 1].text).as_str());
        let mut j = i + tw.words.len();
        let mut name = Vec::new();
        while j < toks.len() && name.len() < max_words {
            let t = &toks[j];
            if is_name_word(t) && match_type_word(&toks, j).is_none() {
                name.push(t.clone());
                j += 1;
            } else if matches!(t.text, "-" | "–")
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
        if !name.is_empty() && toks.get(j).is_some_and(|t| t.text == "(") {
            if let Some(close) = (j + 1..toks.len().min(j + 6)).find(|&k| toks[k].text == ")") {
                let inner: Vec<&str> = toks[j + 1..close].iter().map(|t| t.text).collect();
                hint = Some(inner.join(" "));
                end = toks[close].end;
                j = close + 1;
            }
        }
        out.push(RawMention {
            start,
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

/// Candidate units for a named mention, before context is applied.
fn candidates<'g>(g: &'g Gazetteer, m: &RawMention<'_>, words: usize) -> Vec<&'g crate::domain::Locality> {
    let name: Vec<&str> = m.name[..words].iter().map(|t| t.text).collect();
    let key = fold_key(&name.join(" "));
    let found = g.by_short_name(&key, m.types);
    if !found.is_empty() {
        return found;
    }
    g.by_full_name(&fold_key(&format!("{} {key}", m.canonical)))
}

/// Keeps the candidates that lie under a unit named by `hint` (or by the article's context).
fn within_hint<'g>(
    g: &Gazetteer,
    cands: &[&'g crate::domain::Locality],
    hint: &str,
    context: &[String],
) -> Vec<&'g crate::domain::Locality> {
    let hint_key = fold_key(hint);
    cands
        .iter()
        .copied()
        .filter(|c| {
            g.lineage(&c.code).iter().skip(1).any(|a| {
                fold_key(&a.short_name) == hint_key
                    || (fold_key(&a.type_vi) == hint_key && context.contains(&a.code))
            })
        })
        .collect()
}

/// Resolves the places named in an article's title, body and trailer.
///
/// `captions` are body spans (in scalar values) that do not count toward the primary unit.
pub fn resolve(
    g: &Gazetteer,
    title: &str,
    body: &str,
    captions: &[(usize, usize)],
    trailer: &str,
) -> Resolution {
    if g.is_empty() {
        return Resolution::default();
    }
    let max = g.longest_name_words();
    let title_mentions = resolve_text(g, title, max, &[]);
    let body_raw = scan(body, max);
    let mut context: Vec<String> = title_mentions.iter().map(|m| m.code.clone()).collect();
    let mut body_mentions = resolve_raw(g, &body_raw, &context);
    context.extend(body_mentions.iter().map(|m| m.code.clone()));
    // Second pass: ambiguous names resolved from the units the article names elsewhere.
    body_mentions = resolve_raw(g, &body_raw, &expand(g, &context));
    body_mentions.extend(bare_provinces(g, body, &body_raw));
    body_mentions.sort_by_key(|m| m.start);

    let in_caption = |m: &Mention| captions.iter().any(|&(s, e)| m.start >= s && m.end <= e);
    let mut named: Vec<String> = Vec::new();
    for code in title_mentions.iter().chain(&body_mentions).map(|m| &m.code) {
        for u in g.lineage(code).into_iter().rev() {
            if !named.contains(&u.code) {
                named.push(u.code.clone());
            }
        }
    }
    let province = if !named.is_empty() {
        single(
            named
                .iter()
                .filter_map(|c| g.province_of(c))
                .map(|p| p.code.clone()),
        )
    } else {
        // The body names no unit: the portal's own province may show in its teasers.
        let trailer_raw = scan(trailer, max);
        let found = resolve_raw(g, &trailer_raw, &[])
            .into_iter()
            .chain(bare_provinces(g, trailer, &trailer_raw));
        single(
            found
                .filter_map(|m| g.province_of(&m.code))
                .map(|p| p.code.clone()),
        )
    };

    let primary = title_mentions.first().map(|m| m.code.clone()).or_else(|| {
        let mut score: HashMap<String, usize> = HashMap::new();
        for m in body_mentions.iter().filter(|m| !in_caption(m)) {
            *score.entry(m.code.clone()).or_default() += 1;
        }
        for raw in body_raw.iter().filter(|r| r.name.is_empty() && !r.generic) {
            let own = named
                .iter()
                .filter(|c| g.get(c).is_some_and(|u| raw.types.contains(&u.unit_type)))
                .cloned()
                .collect::<Vec<_>>();
            let target = match (raw.types == PROVINCE, own.as_slice()) {
                (true, _) => province.clone(),
                (false, [one]) => Some(one.clone()),
                _ => None,
            };
            if let Some(t) = target {
                *score.entry(t).or_default() += 1;
            }
        }
        score
            .into_iter()
            .max_by_key(|(code, n)| (*n, std::cmp::Reverse(code.len())))
            .map(|(code, _)| code)
            .or_else(|| province.clone())
    });

    let mut localities = Vec::new();
    for code in primary.iter().chain(&named).chain(province.iter()) {
        if !localities.contains(code) {
            localities.push(code.clone());
        }
    }
    Resolution {
        primary,
        localities,
        mentions: body_mentions,
    }
}

fn resolve_text(g: &Gazetteer, text: &str, max: usize, context: &[String]) -> Vec<Mention> {
    let raw = scan(text, max);
    let mut found = resolve_raw(g, &raw, context);
    found.extend(bare_provinces(g, text, &raw));
    found.sort_by_key(|m| m.start);
    found
}

fn resolve_raw(g: &Gazetteer, raw: &[RawMention<'_>], context: &[String]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in raw.iter().filter(|m| !m.name.is_empty()) {
        let resolved = (1..=m.name.len()).rev().find_map(|words| {
            let cands = candidates(g, m, words);
            if cands.is_empty() {
                return None;
            }
            let narrowed = match &m.hint {
                Some(h) => within_hint(g, &cands, h, context),
                None => cands.clone(),
            };
            let pick = match narrowed.as_slice() {
                [one] => Some(one.code.clone()),
                _ => {
                    let pool = if narrowed.is_empty() { &cands } else { &narrowed };
                    single(
                        pool.iter()
                            .filter(|c| context.iter().any(|k| k != &c.code && g.is_within(&c.code, k)))
                            .map(|c| c.code.clone()),
                    )
                }
            };
            Some(pick.map(|code| (code, m.name[words - 1].end)))
        });
        if let Some(Some((code, name_end))) = resolved {
            let end = if m.hint.is_some() {
                m.end.max(name_end)
            } else {
                name_end
            };
            if let Some(h) = &m.hint {
                // "(Bạch Thông)" names the parent: count it as a mention too.
                if let Some(parent) = g
                    .lineage(&code)
                    .iter()
                    .skip(1)
                    .find(|a| fold_key(&a.short_name) == fold_key(h))
                {
                    out.push(Mention {
                        start: name_end,
                        end,
                        code: parent.code.clone(),
                    });
                }
            }
            out.push(Mention {
                start: m.start,
                end: name_end,
                code,
            });
        }
    }
    out
}

/// Exact province names standing on their own ("Cử tri Thái Bình"), outside type-word mentions.
fn bare_provinces(g: &Gazetteer, text: &str, raw: &[RawMention<'_>]) -> Vec<Mention> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let inside = raw
            .iter()
            .any(|r| toks[i].start >= r.start && toks[i].start < r.end);
        let hit = (!inside && is_name_word(&toks[i]))
            .then(|| {
                (2..=3).rev().find_map(|n| {
                    let words = toks.get(i..i + n)?;
                    let name: Vec<&str> = words.iter().map(|t| t.text).collect();
                    g.province_named(&name.join(" ")).map(|p| (n, p.code.clone()))
                })
            })
            .flatten();
        match hit {
            Some((n, code)) => {
                out.push(Mention {
                    start: toks[i].start,
                    end: toks[i + n - 1].end,
                    code,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Context codes with their parents.
fn expand(g: &Gazetteer, codes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        for u in g.lineage(c) {
            if !out.contains(&u.code) {
                out.push(u.code.clone());
            }
        }
    }
    out
}

/// The one distinct value of an iterator, if there is exactly one.
fn single(mut it: impl Iterator<Item = String>) -> Option<String> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}
