//! Resolves the administrative units an article names to gazetteer ids, on the map in force
//! when it was written.
//!
//! Names shared by several units are resolved from the other units the article names, or
//! left unresolved, never guessed. A bare type word ("UBND tỉnh", "toàn tỉnh", "Thành ủy")
//! refers to the article's own unit of that level and counts toward the primary unit. A text
//! of the 2025 map that names a unit the 2025 map does not have ("huyện Văn Lãng", abolished
//! with every district) names the unit of the earlier map. When the date does not say which
//! map a text is on, the map on which more of its names resolve is taken, the 2025 map on a tie.

mod scan;

use std::collections::HashMap;

use scan::{PROVINCE, RawMention, bare_provinces, scan};

use super::tokens::{Token, tokenize};
use crate::domain::places::Gazetteer;
use crate::domain::text::fold_key;
use crate::domain::{Locality, PlaceId, Scheme};

/// A span of text that names a unit, in bytes of the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub id: PlaceId,
}

/// What a text says about places.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The map the text names units of.
    pub scheme: Scheme,
    /// The unit the article is about.
    pub primary: Option<PlaceId>,
    /// Every unit named, with their parents; primary first.
    pub localities: Vec<PlaceId>,
    /// Resolved mentions in the body, in order.
    pub mentions: Vec<Mention>,
    /// Mentions in title and body that resolved on `scheme` itself.
    evidence: usize,
}

/// Which map a text is on, when its dates say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapHint {
    Known(Scheme),
    Unknown,
}

/// The text of an article, as the resolver reads it.
pub struct Page<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub body_toks: &'a [Token<'a>],
    /// Body byte spans of photo captions: they do not count toward the primary unit.
    pub captions: &'a [(usize, usize)],
    /// Lines after the article (teasers of related articles).
    pub trailer: &'a str,
}

/// Resolves the places named in an article's title, body and trailer.
pub fn resolve(g: &Gazetteer, map: MapHint, page: &Page<'_>) -> Resolution {
    match map {
        MapHint::Known(scheme) => resolve_on(g, scheme, page),
        MapHint::Unknown => {
            let old = resolve_on(g, Scheme::Y2024, page);
            let new = resolve_on(g, Scheme::Y2025, page);
            if old.evidence > new.evidence { old } else { new }
        }
    }
}

fn resolve_on(g: &Gazetteer, scheme: Scheme, page: &Page<'_>) -> Resolution {
    let empty = Resolution {
        scheme,
        primary: None,
        localities: Vec::new(),
        mentions: Vec::new(),
        evidence: 0,
    };
    if g.is_empty() {
        return empty;
    }
    let r = Resolver {
        g,
        scheme,
        max: g.longest_name_words(),
    };
    let title_mentions = r.resolve_text(page.title);
    let body_raw = scan(page.body_toks, r.max);
    let mut context: Vec<PlaceId> = title_mentions.iter().map(|m| m.id.clone()).collect();
    context.extend(r.resolve_raw(&body_raw, &context).into_iter().map(|m| m.id));
    // Second pass: ambiguous names resolved from the units the article names elsewhere.
    let mut body_mentions = r.resolve_raw(&body_raw, &r.expand(&context));
    body_mentions.extend(bare_provinces(g, scheme, page.body, page.body_toks, &body_raw));
    body_mentions.sort_by_key(|m| m.start);

    let mut named: Vec<PlaceId> = Vec::new();
    for id in title_mentions.iter().chain(&body_mentions).map(|m| &m.id) {
        for u in g.lineage(id).into_iter().rev() {
            if !named.contains(&u.id) {
                named.push(u.id.clone());
            }
        }
    }
    let province = if named.is_empty() {
        // The body names no unit: the portal's own province may show in its teasers.
        let trailer_toks = tokenize(page.trailer);
        let trailer_raw = scan(&trailer_toks, r.max);
        let found = r.resolve_raw(&trailer_raw, &[]).into_iter().chain(bare_provinces(
            g,
            scheme,
            page.trailer,
            &trailer_toks,
            &trailer_raw,
        ));
        single(found.filter_map(|m| r.province_of(&m.id)))
    } else {
        single(named.iter().filter_map(|id| r.province_of(id)))
    };
    let in_caption = |m: &Mention| page.captions.iter().any(|&(s, e)| m.start >= s && m.end <= e);
    let primary = title_mentions.first().map(|m| m.id.clone()).or_else(|| {
        let mut score: HashMap<PlaceId, usize> = HashMap::new();
        for m in body_mentions.iter().filter(|m| !in_caption(m)) {
            *score.entry(m.id.clone()).or_default() += 1;
        }
        for raw in body_raw.iter().filter(|r| r.name.is_empty() && !r.generic) {
            let own: Vec<&PlaceId> = named
                .iter()
                .filter(|id| g.get(id).is_some_and(|u| raw.types.contains(&u.unit_type)))
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
            .max_by_key(|(id, n)| (*n, std::cmp::Reverse(id.code().len()), id.scheme() == scheme))
            .map(|(id, _)| id)
            .or_else(|| province.clone())
    });

    let mut localities = Vec::new();
    for id in primary.iter().chain(&named).chain(province.iter()) {
        if !localities.contains(id) {
            localities.push(id.clone());
        }
    }
    let evidence = title_mentions
        .iter()
        .chain(&body_mentions)
        .filter(|m| m.id.scheme() == scheme)
        .count();
    Resolution {
        primary,
        localities,
        mentions: body_mentions,
        evidence,
        ..empty
    }
}

/// Name lookups on one map.
struct Resolver<'g> {
    g: &'g Gazetteer,
    scheme: Scheme,
    max: usize,
}

impl<'g> Resolver<'g> {
    /// Candidate units for the first `words` words of a mention's name: on the text's map, or
    /// for a 2025 text that names what the 2025 map lacks, on the earlier map.
    fn candidates(&self, m: &RawMention<'_>, words: usize) -> Vec<&'g Locality> {
        let name: Vec<&str> = m.name[..words].iter().map(|t| t.text).collect();
        let key = fold_key(&name.join(" "));
        let on = |scheme: Scheme| {
            let found = self.g.by_short_name(scheme, &key, m.types);
            if !found.is_empty() {
                return found;
            }
            self.g
                .by_full_name(scheme, &fold_key(&format!("{} {key}", m.canonical)))
        };
        let found = on(self.scheme);
        match (found.is_empty(), self.scheme) {
            (true, Scheme::Y2025) => on(Scheme::Y2024),
            _ => found,
        }
    }

    /// The province of a unit as the text's map draws it: a unit of the earlier map named in a
    /// 2025 text lies in its province's successor.
    fn province_of(&self, id: &PlaceId) -> Option<PlaceId> {
        if id.scheme() == self.scheme {
            return self.g.province_of(id).map(|p| p.id.clone());
        }
        match self.scheme {
            Scheme::Y2025 => self.g.successor_province(id).cloned(),
            Scheme::Y2024 => None,
        }
    }

    /// Keeps the candidates under a unit named by `hint` ("Bạch Thông", or "Thị xã" for the
    /// town the article is about).
    fn within_hint(&self, cands: &[&'g Locality], hint: &str, context: &[PlaceId]) -> Vec<&'g Locality> {
        let hint_key = fold_key(hint);
        cands
            .iter()
            .copied()
            .filter(|c| {
                self.g.lineage(&c.id).iter().skip(1).any(|a| {
                    fold_key(a.bare_name()) == hint_key
                        || (fold_key(&a.type_vi) == hint_key && context.contains(&a.id))
                })
            })
            .collect()
    }

    fn resolve_text(&self, text: &str) -> Vec<Mention> {
        let toks = tokenize(text);
        let raw = scan(&toks, self.max);
        let mut found = self.resolve_raw(&raw, &[]);
        found.extend(bare_provinces(self.g, self.scheme, text, &toks, &raw));
        found.sort_by_key(|m| m.start);
        found
    }

    /// The one unit a mention can be, from its name, its hint and the article's context.
    fn pick(&self, m: &RawMention<'_>, words: usize, context: &[PlaceId]) -> Option<Option<PlaceId>> {
        let cands = self.candidates(m, words);
        if cands.is_empty() {
            return None;
        }
        let narrowed = match &m.hint {
            Some(h) => self.within_hint(&cands, h, context),
            None => cands.clone(),
        };
        Some(match narrowed.as_slice() {
            [one] => Some(one.id.clone()),
            _ => {
                let pool = if narrowed.is_empty() { &cands } else { &narrowed };
                let in_context = pool
                    .iter()
                    .filter(|c| context.iter().any(|k| k != &c.id && self.g.is_within(&c.id, k)));
                single(in_context.map(|c| c.id.clone()))
            }
        })
    }

    fn resolve_raw(&self, raw: &[RawMention<'_>], context: &[PlaceId]) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in raw.iter().filter(|m| !m.name.is_empty()) {
            let found = (1..=m.name.len())
                .rev()
                .find_map(|words| Some((self.pick(m, words, context)?, words)));
            let Some((Some(id), words)) = found else {
                continue;
            };
            let name_end = m.name[words - 1].end;
            if let Some(h) = &m.hint {
                // "(Bạch Thông)" names the parent: count it as a mention too.
                let key = fold_key(h);
                if let Some(parent) = self
                    .g
                    .lineage(&id)
                    .iter()
                    .skip(1)
                    .find(|a| fold_key(a.bare_name()) == key)
                {
                    // Spanning the whole mention and listed first, so that the unit itself
                    // is the nearest place named before what follows.
                    out.push(Mention {
                        start: m.start,
                        end: m.end.max(name_end),
                        id: parent.id.clone(),
                    });
                }
            }
            out.push(Mention {
                start: m.start,
                end: name_end,
                id,
            });
        }
        out
    }

    /// Context ids with their parents.
    fn expand(&self, ids: &[PlaceId]) -> Vec<PlaceId> {
        let mut out: Vec<PlaceId> = Vec::new();
        for u in ids.iter().flat_map(|c| self.g.lineage(c)) {
            if !out.contains(&u.id) {
                out.push(u.id.clone());
            }
        }
        out
    }
}

/// The one distinct value of an iterator, if there is exactly one.
fn single<T: PartialEq>(mut it: impl Iterator<Item = T>) -> Option<T> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}
