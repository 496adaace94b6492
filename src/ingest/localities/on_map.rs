//! Resolving a page's places on one map: the mentions found, the units they name, and the
//! votes that choose the primary unit.

use super::addresses::mark_addresses;
use super::primary::{Votes, lead_paragraph};
use super::resolver::Resolver;
use super::scan::{PROVINCE, RawMention, bare_provinces, scan};
use super::{Mention, Page, Resolution, Role, hamlets, listed, single};
use crate::domain::places::Gazetteer;
use crate::domain::{PlaceId, Scheme};
use crate::ingest::tokens::tokenize;

/// Weights toward the primary unit: see [`super::primary`].
const TITLE_WEIGHT: f32 = 2.0;
/// A name in the lead (the first paragraph of the story): a story names its subject first.
const LEAD_WEIGHT: f32 = 1.5;
const BARE_WEIGHT: f32 = 0.5;
const ORGAN_WEIGHT: f32 = 0.25;
/// Names looked back over for the unit a type word alone refers to.
const LOOK_BACK: usize = 32;
const ADDRESS_WEIGHT: f32 = 0.5;

/// The places a page names, read on one map.
pub(super) fn resolve_on(g: &Gazetteer, scheme: Scheme, page: &Page<'_>) -> Resolution {
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
    let lead = lead_paragraph(page.body, page.captions);
    let lead_weight = if title_mentions.is_empty() && page.title.is_empty() {
        TITLE_WEIGHT
    } else {
        LEAD_WEIGHT
    };
    // A type word alone refers back: to the unit of that type last named before it (among the
    // last few names: reading stays linear in the text); else the one of that type the article
    // is about, else the only one of that type it names.
    let referent = |raw: &RawMention<'_>| -> Option<&PlaceId> {
        let upto = body_mentions.partition_point(|m| m.start < raw.start);
        body_mentions[..upto]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find(|m| {
                m.role == Role::Named
                    && m.end <= raw.start
                    && g.get(&m.id).is_some_and(|u| raw.types.contains(&u.unit_type))
            })
            .map(|m| &m.id)
    };
    let own_unit = |raw: &RawMention<'_>, primary: Option<&PlaceId>| -> Option<PlaceId> {
        if raw.types == PROVINCE {
            return province.clone();
        }
        let of_type = |id: &&PlaceId| g.get(id).is_some_and(|u| raw.types.contains(&u.unit_type));
        let in_primary = primary.and_then(|p| g.lineage(p).into_iter().map(|u| &u.id).find(of_type));
        referent(raw)
            .or(in_primary)
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
            let weight = if lead.contains(&m.start) { lead_weight } else { 1.0 };
            votes.add(&r.chain(&t.id), weight);
        }
    }
    for raw in bare.iter().filter(|raw| !in_caption(raw.start)) {
        match (raw.about, referent(raw)) {
            (true, _) => {
                if let Some(id) = own_unit(raw, None) {
                    votes.add(&r.chain(&id), BARE_WEIGHT);
                }
            }
            // An organ of a unit named before ("UBND huyện", "Ủy ban MTTQ xã"): the unit acts.
            (false, _) if raw.types == PROVINCE => {
                if let Some(id) = &province {
                    votes.add(&r.chain(id), ORGAN_WEIGHT);
                }
            }
            (false, Some(id)) => votes.add(&r.chain(id), ORGAN_WEIGHT),
            (false, None) => {}
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
    let resolved_bare: Vec<Mention> = bare
        .iter()
        .filter_map(|raw| {
            Some(Mention {
                start: raw.start,
                end: raw.end,
                id: own_unit(raw, primary.as_ref())?,
                role: Role::Bare,
            })
        })
        .collect();
    let listed = province
        .as_ref()
        .filter(|p| p.scheme() == scheme)
        .map(|p| listed::listed_names(g, page.body_toks, p, &body_mentions))
        .unwrap_or_default();
    let mut mentions = body_mentions;
    mentions.extend(resolved_bare);
    mentions.extend(listed);
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
