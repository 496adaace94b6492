//! A unit as `GET /localities/{id}` shows it: its parents, children, names over time and its
//! counterparts on the other map.

use std::collections::BTreeMap;

use super::{Gazetteer, Level, Link, LocalityDetail, LocalityLink, LocalityRef, PlaceId, Share};

impl Gazetteer {
    /// The unit `id` with everything the gazetteer knows of it; `article_count` from the store.
    pub fn detail(&self, id: &PlaceId, article_count: u64) -> Option<LocalityDetail> {
        let unit = self.get(id)?;
        let mut parents: Vec<LocalityRef> = self
            .lineage(id)
            .into_iter()
            .skip(1)
            .map(LocalityRef::from)
            .collect();
        parents.reverse();
        Some(LocalityDetail {
            locality: unit.clone(),
            parents,
            children_count: self.children(id).len() as u64,
            aliases: self.aliases().iter().filter(|a| &a.code == id).cloned().collect(),
            predecessors: self
                .predecessors(id)
                .filter_map(|l| self.link(&l.from, l))
                .collect(),
            successors: self.successor_links(id),
            article_count,
        })
    }

    fn link(&self, to: &PlaceId, l: &Link) -> Option<LocalityLink> {
        Some(LocalityLink {
            locality: LocalityRef::from(self.get(to)?),
            share: l.share,
            default: l.default,
        })
    }

    /// Where a 2024 unit went: a province or commune by the crosswalk; a district into its
    /// province's successor, whole, and in part into every commune its communes went into.
    fn successor_links(&self, id: &PlaceId) -> Vec<LocalityLink> {
        if id.level() != Level::District {
            return self.successors(id).filter_map(|l| self.link(&l.to, l)).collect();
        }
        let mut out: Vec<LocalityLink> = self
            .successor_province(id)
            .and_then(|p| self.get(p))
            .map(|p| LocalityLink {
                locality: LocalityRef::from(p),
                share: Share::Whole,
                default: true,
            })
            .into_iter()
            .collect();
        let mut communes: BTreeMap<&PlaceId, ()> = BTreeMap::new();
        for c in self.communes_of(id) {
            for l in self.successors(c) {
                communes.insert(&l.to, ());
            }
        }
        let whole = self.areas(id).into_iter().map(|a| a.id).collect::<Vec<_>>();
        out.extend(communes.into_keys().filter_map(|to| {
            Some(LocalityLink {
                locality: LocalityRef::from(self.get(to)?),
                share: if whole.contains(to) {
                    Share::Whole
                } else {
                    Share::Part
                },
                default: false,
            })
        }));
        out
    }
}
