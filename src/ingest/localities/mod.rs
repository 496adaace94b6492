//! Resolves the administrative units an article names to gazetteer ids, on the map in force
//! when it was written.
//!
//! Names shared by several units are resolved from the other units the article names, or
//! left unresolved, never guessed. A bare type word ("UBND tỉnh", "toàn tỉnh", "Thành ủy")
//! refers to the article's own unit of that level and counts toward the primary unit. A text
//! of the 2025 map that names a unit the 2025 map does not have ("huyện Văn Lãng", abolished
//! with every district) names the unit of the earlier map. When the date does not say which
//! map a text is on, the map on which more of its names resolve is taken, the 2025 map on a tie.

mod hamlets;
mod primary;
mod scan;

use primary::Votes;
use scan::{PROVINCE, RawMention, bare_provinces, scan};

use super::tokens::{Token, tokenize};
use crate::domain::places::Gazetteer;
use crate::domain::text::fold_key;
use crate::domain::{Locality, PlaceId, Scheme};

/// How a span of text names a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// By its name ("xã Vi Hương", "Bắc Kạn").
    Named,
    /// As part of the address of the unit named just before it: "huyện B" in "xã A, huyện B".
    Address,
    /// By a type word alone, meaning the article's own unit of that type ("toàn tỉnh", "UBND xã").
    Bare,
}

/// A span of text that names a unit, in bytes of the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub id: PlaceId,
    pub role: Role,
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
    /// Resolved mentions in the body, type words alone included, in order.
    pub mentions: Vec<Mention>,
    /// Resolved mentions in the title, in order.
    pub title_mentions: Vec<Mention>,
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
    /// Where the page was published.
    pub url: Option<&'a str>,
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

/// Weights toward the primary unit: see [`primary`].
const TITLE_WEIGHT: f32 = 2.0;
const BARE_WEIGHT: f32 = 0.5;
const ADDRESS_WEIGHT: f32 = 0.5;

fn resolve_on(g: &Gazetteer, scheme: Scheme, page: &Page<'_>) -> Resolution {
    let empty = Resolution {
        scheme,
        primary: None,
        localities: Vec::new(),
        mentions: Vec::new(),
        title_mentions: Vec::new(),
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
    let address = page.url.and_then(|u| g.unit_of_address(u, scheme));
    let mut title_mentions = r.resolve_text(page.title);
    mark_addresses(g, page.title, &mut title_mentions);
    let body_raw = scan(page.body_toks, r.max);
    let mut context: Vec<PlaceId> = title_mentions.iter().map(|m| m.id.clone()).collect();
    context.extend(address.iter().cloned());
    context.extend(r.resolve_raw(&body_raw, &context).into_iter().map(|m| m.id));
    // Second pass: ambiguous names resolved from the units the article names elsewhere.
    let mut body_mentions = r.resolve_raw(&body_raw, &r.expand(&context));
    body_mentions.extend(bare_provinces(g, scheme, page.body, page.body_toks, &body_raw));
    body_mentions.sort_by_key(|m| m.start);
    mark_addresses(g, page.body, &mut body_mentions);
    let by_hamlet = hamlets::hamlet_mentions(page.body, page.body_toks, &body_mentions);
    body_mentions.extend(by_hamlet);
    body_mentions.sort_by_key(|m| (m.start, m.role != Role::Address));

    let mut named: Vec<PlaceId> = Vec::new();
    for id in title_mentions.iter().chain(&body_mentions).map(|m| &m.id) {
        for u in g.lineage(id).into_iter().rev() {
            if !named.contains(&u.id) {
                named.push(u.id.clone());
            }
        }
    }
    let province = single(named.iter().filter_map(|id| r.province_of(id)))
        .or_else(|| address.as_ref().and_then(|a| r.province_of(a)))
        .or_else(|| {
            // Nothing else tells: the portal's own province may show in its teasers.
            let toks = tokenize(page.trailer);
            let raw = scan(&toks, r.max);
            let found = r.resolve_raw(&raw, &[]).into_iter().chain(bare_provinces(
                g,
                scheme,
                page.trailer,
                &toks,
                &raw,
            ));
            single(found.filter_map(|m| r.province_of(&m.id)))
        });
    let in_caption = |start: usize| page.captions.iter().any(|&(s, e)| start >= s && start < e);
    let own_unit = |raw: &RawMention<'_>, primary: Option<&PlaceId>| -> Option<PlaceId> {
        if raw.types == PROVINCE {
            return province.clone();
        }
        let of_type = |id: &&PlaceId| g.get(id).is_some_and(|u| raw.types.contains(&u.unit_type));
        let in_primary = primary.and_then(|p| g.lineage(p).into_iter().map(|u| &u.id).find(of_type));
        in_primary
            .cloned()
            .or_else(|| single(named.iter().filter(of_type).cloned()))
    };
    let bare: Vec<&RawMention<'_>> = body_raw
        .iter()
        .filter(|r| r.name.is_empty() && !r.generic)
        .collect();

    let mut votes = Votes::default();
    for m in title_mentions.iter().filter(|m| m.role == Role::Named) {
        votes.add(&r.chain(&m.id), TITLE_WEIGHT);
    }
    let mut last_named: Option<&Mention> = None;
    for m in &body_mentions {
        // A unit given with its address ("xã A, huyện B, tỉnh C") is what the text is about:
        // each part of the address votes for it.
        let target = match m.role {
            Role::Address => last_named.filter(|n| g.is_within(&n.id, &m.id)),
            _ => Some(m),
        };
        if m.role == Role::Named {
            last_named = Some(m);
        }
        if let Some(t) = target.filter(|_| !in_caption(m.start)) {
            votes.add(&r.chain(&t.id), 1.0);
        }
    }
    for raw in bare.iter().filter(|raw| raw.about && !in_caption(raw.start)) {
        if let Some(id) = own_unit(raw, None) {
            votes.add(&r.chain(&id), BARE_WEIGHT);
        }
    }
    if let Some(a) = &address {
        votes.add(&r.chain(a), ADDRESS_WEIGHT);
    }
    let primary = votes.winner().or_else(|| {
        // Only captions name places.
        let mut from_captions = Votes::default();
        for m in &body_mentions {
            from_captions.add(&r.chain(&m.id), 1.0);
        }
        from_captions.winner()
    });
    let mut mentions = body_mentions;
    mentions.extend(bare.iter().filter_map(|raw| {
        Some(Mention {
            start: raw.start,
            end: raw.end,
            id: own_unit(raw, primary.as_ref())?,
            role: Role::Bare,
        })
    }));
    mentions.sort_by_key(|m| (m.start, m.role != Role::Address));

    let mut localities = Vec::new();
    for id in primary.iter().chain(&named).chain(province.iter()) {
        if !localities.contains(id) {
            localities.push(id.clone());
        }
    }
    let evidence = title_mentions
        .iter()
        .chain(&mentions)
        .filter(|m| m.role != Role::Bare && m.id.scheme() == scheme)
        .count();
    Resolution {
        primary,
        localities,
        mentions,
        title_mentions,
        evidence,
        ..empty
    }
}

/// Marks the mentions that only continue the address of the unit named just before them
/// ("xã Thạnh Phú, huyện Cái Nước, tỉnh Cà Mau"; "xã Vi Hương (Bạch Thông)").
fn mark_addresses(g: &Gazetteer, text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let m = &mut rest[0];
        let Some(prev) = before.iter().rev().find(|p| p.role != Role::Bare) else {
            continue;
        };
        let gap = text.get(prev.end.min(m.start)..m.start).unwrap_or("");
        let adjacent = m.start <= prev.end || gap.chars().all(|c| matches!(c, ',' | ' ' | '(' | '-' | '–'));
        if adjacent && prev.id != m.id && g.is_within(&prev.id, &m.id) {
            m.role = Role::Address;
        }
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
        let found = match (found.is_empty(), self.scheme) {
            (true, Scheme::Y2025) => on(Scheme::Y2024),
            _ => found,
        };
        if !found.is_empty() {
            return found;
        }
        // A unit upgraded since the text was written: "TX. Gò Công" is now a city, "xã Tân
        // Phú" a ward. Any unit of the same level with the name.
        let wider = scan::same_level(m.types);
        [self.scheme, Scheme::Y2024]
            .into_iter()
            .map(|s| self.g.by_short_name(s, &key, wider))
            .find(|f| !f.is_empty())
            .unwrap_or_default()
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

    /// A unit and the units containing it on the text's map (a unit of the earlier map named in
    /// a 2025 text lies in its province's successor).
    fn chain(&self, id: &PlaceId) -> Vec<PlaceId> {
        let mut out: Vec<PlaceId> = self.g.lineage(id).into_iter().map(|u| u.id.clone()).collect();
        if id.scheme() != self.scheme {
            out.extend(self.province_of(id));
        }
        out
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
                        role: Role::Address,
                    });
                }
            }
            out.push(Mention {
                start: m.start,
                end: name_end,
                id,
                role: Role::Named,
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
