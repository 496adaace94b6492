//! Resolves the administrative units an article names to gazetteer codes.
//!
//! Names shared by several units are resolved from the other units the article names, or
//! left unresolved, never guessed. A bare type word ("UBND tỉnh", "toàn tỉnh", "Thành ủy")
//! refers to the article's own unit of that level and counts toward the primary unit.

mod scan;

use std::collections::HashMap;

use scan::{PROVINCE, RawMention, bare_provinces, scan};

use super::gazetteer::Gazetteer;
use super::text::fold_key;
use super::tokens::{Token, tokenize};
use crate::domain::Locality;

/// A span of text that names a unit, in bytes of the scanned text.
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

/// Candidate units for the first `words` words of a mention's name.
fn candidates<'g>(g: &'g Gazetteer, m: &RawMention<'_>, words: usize) -> Vec<&'g Locality> {
    let name: Vec<&str> = m.name[..words].iter().map(|t| t.text).collect();
    let key = fold_key(&name.join(" "));
    let found = g.by_short_name(&key, m.types);
    if !found.is_empty() {
        return found;
    }
    g.by_full_name(&fold_key(&format!("{} {key}", m.canonical)))
}

/// Keeps the candidates under a unit named by `hint` ("Bạch Thông", or "Thị xã" for the
/// town the article is about).
fn within_hint<'g>(
    g: &Gazetteer,
    cands: &[&'g Locality],
    hint: &str,
    context: &[String],
) -> Vec<&'g Locality> {
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
/// `captions` are body byte spans that do not count toward the primary unit.
pub fn resolve(
    g: &Gazetteer,
    title: &str,
    (body, body_toks): (&str, &[Token<'_>]),
    captions: &[(usize, usize)],
    trailer: &str,
) -> Resolution {
    if g.is_empty() {
        return Resolution::default();
    }
    let max = g.longest_name_words();
    let title_mentions = resolve_text(g, title, max);
    let body_raw = scan(body_toks, max);
    let mut context: Vec<String> = title_mentions.iter().map(|m| m.code.clone()).collect();
    context.extend(resolve_raw(g, &body_raw, &context).into_iter().map(|m| m.code));
    // Second pass: ambiguous names resolved from the units the article names elsewhere.
    let mut body_mentions = resolve_raw(g, &body_raw, &expand(g, &context));
    body_mentions.extend(bare_provinces(g, body, body_toks, &body_raw));
    body_mentions.sort_by_key(|m| m.start);

    let mut named: Vec<String> = Vec::new();
    for code in title_mentions.iter().chain(&body_mentions).map(|m| &m.code) {
        for u in g.lineage(code).into_iter().rev() {
            if !named.contains(&u.code) {
                named.push(u.code.clone());
            }
        }
    }
    let province = if named.is_empty() {
        // The body names no unit: the portal's own province may show in its teasers.
        let trailer_toks = tokenize(trailer);
        let trailer_raw = scan(&trailer_toks, max);
        let found = resolve_raw(g, &trailer_raw, &[])
            .into_iter()
            .chain(bare_provinces(g, trailer, &trailer_toks, &trailer_raw));
        single(
            found
                .filter_map(|m| g.province_of(&m.code))
                .map(|p| p.code.clone()),
        )
    } else {
        single(
            named
                .iter()
                .filter_map(|c| g.province_of(c))
                .map(|p| p.code.clone()),
        )
    };
    let in_caption = |m: &Mention| captions.iter().any(|&(s, e)| m.start >= s && m.end <= e);
    let primary = title_mentions.first().map(|m| m.code.clone()).or_else(|| {
        let mut score: HashMap<String, usize> = HashMap::new();
        for m in body_mentions.iter().filter(|m| !in_caption(m)) {
            *score.entry(m.code.clone()).or_default() += 1;
        }
        for raw in body_raw.iter().filter(|r| r.name.is_empty() && !r.generic) {
            let own: Vec<&String> = named
                .iter()
                .filter(|c| g.get(c).is_some_and(|u| raw.types.contains(&u.unit_type)))
                .collect();
            let target = match (raw.types == PROVINCE, own.as_slice()) {
                (true, _) => province.clone(),
                (false, [one]) => Some((*one).clone()),
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

fn resolve_text(g: &Gazetteer, text: &str, max: usize) -> Vec<Mention> {
    let toks = tokenize(text);
    let raw = scan(&toks, max);
    let mut found = resolve_raw(g, &raw, &[]);
    found.extend(bare_provinces(g, text, &toks, &raw));
    found.sort_by_key(|m| m.start);
    found
}

/// The one unit a mention can be, from its name, its hint and the article's context.
fn pick(g: &Gazetteer, m: &RawMention<'_>, words: usize, context: &[String]) -> Option<Option<String>> {
    let cands = candidates(g, m, words);
    if cands.is_empty() {
        return None;
    }
    let narrowed = match &m.hint {
        Some(h) => within_hint(g, &cands, h, context),
        None => cands.clone(),
    };
    Some(match narrowed.as_slice() {
        [one] => Some(one.code.clone()),
        _ => {
            let pool = if narrowed.is_empty() { &cands } else { &narrowed };
            let in_context = pool
                .iter()
                .filter(|c| context.iter().any(|k| k != &c.code && g.is_within(&c.code, k)));
            single(in_context.map(|c| c.code.clone()))
        }
    })
}

fn resolve_raw(g: &Gazetteer, raw: &[RawMention<'_>], context: &[String]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in raw.iter().filter(|m| !m.name.is_empty()) {
        let found = (1..=m.name.len())
            .rev()
            .find_map(|words| Some((pick(g, m, words, context)?, words)));
        let Some((Some(code), words)) = found else {
            continue;
        };
        let name_end = m.name[words - 1].end;
        if let Some(h) = &m.hint {
            // "(Bạch Thông)" names the parent: count it as a mention too.
            let key = fold_key(h);
            if let Some(parent) = g
                .lineage(&code)
                .iter()
                .skip(1)
                .find(|a| fold_key(&a.short_name) == key)
            {
                out.push(Mention {
                    start: name_end,
                    end: m.end.max(name_end),
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
    out
}

/// Context codes with their parents.
fn expand(g: &Gazetteer, codes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for u in codes.iter().flat_map(|c| g.lineage(c)) {
        if !out.contains(&u.code) {
            out.push(u.code.clone());
        }
    }
    out
}

/// The one distinct value of an iterator, if there is exactly one.
fn single(mut it: impl Iterator<Item = String>) -> Option<String> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}
