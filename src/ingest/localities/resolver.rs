//! Name lookups on the map a text is written on: the candidates for a mention, narrowed by
//! its hint and the article's context, and the units containing what was found.

use super::scan::{self, RawMention, bare_provinces, scan};
use super::{Mention, Role, single};
use crate::domain::places::Gazetteer;
use crate::domain::text::fold_key;
use crate::domain::{Locality, PlaceId, Scheme, UnitType};
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
        // "xã A (cũ)" in a text of the 2025 map: the unit of the earlier map first.
        let first = if m.former { Scheme::Y2024 } else { self.scheme };
        let found = on(first);
        let found = match (found.is_empty(), first) {
            (true, Scheme::Y2025) => on(Scheme::Y2024),
            (true, Scheme::Y2024) if self.scheme == Scheme::Y2025 => on(Scheme::Y2025),
            _ => found,
        };
        if !found.is_empty() {
            return found;
        }
        // A unit upgraded since the text was written: "TX. Gò Công" is now a city, "xã Tân
        // Phú" a ward. Any unit of the same level with the name.
        let wider = scan::same_level(m.types);
        let upgraded = [self.scheme, Scheme::Y2024]
            .into_iter()
            .map(|s| self.g.by_short_name(s, &key, wider))
            .find(|f| !f.is_empty())
            .unwrap_or_default();
        if !upgraded.is_empty() || !wider.contains(&UnitType::RuralDistrict) {
            return upgraded;
        }
        // A district merged away before the gazetteer was drawn ("huyện Đất Đỏ"): a district
        // is named after its seat, and the township of that name lies in its successor.
        self.g
            .by_short_name(Scheme::Y2024, &key, &[UnitType::Township])
            .into_iter()
            .filter_map(|t| t.parent_id.as_ref().and_then(|p| self.g.get(p)))
            .collect()
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
    /// A former commune named in a 2025 text weighs toward the commune it went into.
    pub(super) fn chain(&self, id: &PlaceId) -> Vec<PlaceId> {
        if id.scheme() != self.scheme {
            let into = self.g.successors(id).find(|l| l.default).map(|l| &l.to);
            if let Some(successor) = into.filter(|to| to.scheme() == self.scheme) {
                return self.chain(successor);
            }
        }
        let mut out: Vec<PlaceId> = self.g.lineage(id).into_iter().map(|u| u.id.clone()).collect();
        if id.scheme() != self.scheme {
            out.extend(self.province_of(id));
        }
        out
    }

    /// Keeps the candidates under a unit named by `hint` ("Bạch Thông", or "Thị xã" for the
    /// town the article is about).
    fn within_hint(&self, cands: &[&'g Locality], hint: &str, context: &[PlaceId]) -> Vec<&'g Locality> {
        let parts = hint_parts(hint);
        cands
            .iter()
            .copied()
            .filter(|c| {
                self.g.lineage(&c.id).iter().skip(1).any(|a| {
                    parts.contains(&fold_key(a.bare_name()))
                        || (parts.contains(&fold_key(&a.type_vi)) && context.contains(&a.id))
                })
            })
            .collect()
    }

    /// The most specific unit an address in parentheses names ("(Văn Yên, Yên Bái)"): its
    /// first part a unit above the commune level, within units named by the parts after it.
    fn unit_of_hint(&self, hint: &str) -> Option<PlaceId> {
        let parts = hint_parts(hint);
        let (first, rest) = parts.split_first()?;
        let on = |s: Scheme| -> Vec<&Locality> {
            self.g
                .by_short_name(s, first, scan::ABOVE_COMMUNE)
                .into_iter()
                .filter(|c| {
                    let names: Vec<String> = self
                        .g
                        .lineage(&c.id)
                        .iter()
                        .skip(1)
                        .map(|a| fold_key(a.bare_name()))
                        .collect();
                    rest.iter().all(|p| names.contains(p))
                })
                .collect()
        };
        let mut cands = on(self.scheme);
        if cands.is_empty() && self.scheme != Scheme::Y2024 {
            cands = on(Scheme::Y2024);
        }
        match cands.as_slice() {
            [one] => Some(one.id.clone()),
            _ => None,
        }
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
                // A unit the gazetteer lacks or cannot tell, given with its address ("xã A (Văn
                // Yên, Yên Bái)"): what is said of it is said within the address's unit.
                {
                    if let Some(id) = m.hint.as_deref().and_then(|h| self.unit_of_hint(h)) {
                        out.push(Mention {
                            start: m.start,
                            end: m.end,
                            id,
                            role: Role::Named,
                        });
                    }
                }
                continue;
            };
            let name_end = m.name[words - 1].end;
            if let Some(h) = &m.hint {
                // "(Bạch Thông)" names the parent: count it as a mention too.
                let parts = hint_parts(h);
                if let Some(parent) = self
                    .g
                    .lineage(&id)
                    .iter()
                    .skip(1)
                    .find(|a| parts.contains(&fold_key(a.bare_name())))
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

/// The folded names of an address in parentheses, nearest unit first: "Văn Yên, Yên Bái".
fn hint_parts(hint: &str) -> Vec<String> {
    hint.split([',', ';'])
        .map(fold_key)
        .filter(|p| !p.is_empty())
        .collect()
}
