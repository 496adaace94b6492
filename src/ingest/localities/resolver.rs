//! Name lookups on the map a text is written on: the candidates for a mention, narrowed by
//! its hint and the article's context, and the units containing what was found.

use super::scan::{self, RawMention, bare_provinces, scan};
use super::{Mention, Role, single};
use crate::domain::places::Gazetteer;
use crate::domain::text::fold_key;
use crate::domain::{Locality, PlaceId, Scheme};
use crate::ingest::tokens::tokenize;

/// Name lookups on one map.
pub(super) struct Resolver<'g> {
    pub(super) g: &'g Gazetteer,
    pub(super) scheme: Scheme,
    pub(super) max: usize,
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
    pub(super) fn province_of(&self, id: &PlaceId) -> Option<PlaceId> {
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
    pub(super) fn chain(&self, id: &PlaceId) -> Vec<PlaceId> {
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

    pub(super) fn resolve_text(&self, text: &str) -> Vec<Mention> {
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

    pub(super) fn resolve_raw(&self, raw: &[RawMention<'_>], context: &[PlaceId]) -> Vec<Mention> {
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
    pub(super) fn expand(&self, ids: &[PlaceId]) -> Vec<PlaceId> {
        let mut out: Vec<PlaceId> = Vec::new();
        for u in ids.iter().flat_map(|c| self.g.lineage(c)) {
            if !out.contains(&u.id) {
                out.push(u.id.clone());
            }
        }
        out
    }
}
