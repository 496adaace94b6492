//! The crosswalk between the maps, and which units of either map lie on a unit's ground.
//!
//! A unit's *areas* are the units that contain it: its parents on its own map, and on the
//! other map every unit whose ground includes all of its ground. A 2024 commune that went
//! whole into a 2025 commune lies within it; one that was split lies within no 2025 commune,
//! only within the 2025 province of its parts. A 2025 commune lies within the 2024 commune,
//! district or province that all of its predecessors belong to. Units with the same ground on
//! both maps (a province the reform left alone, a commune only renumbered) are each other's
//! *same* unit: what is said of one is said of the other.

use crate::domain::keyword::keyword;

use super::{Gazetteer, Level, PlaceId, Scheme, Share};

/// One row of the crosswalk: a unit of the 2024 map went, whole or in part, into a unit of the
/// 2025 map. Provinces merged whole; communes went whole into one commune or were split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub from: PlaceId,
    pub to: PlaceId,
    pub share: Share,
    /// For a split unit: the part that took most of it.
    pub default: bool,
}

keyword! {
/// How an area relates to a unit it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// The unit itself.
    Itself = "self",
    /// A parent on the unit's own map.
    Parent = "parent",
    /// The same ground on the other map.
    Same = "same",
    /// A unit of the other map whose ground includes the unit's.
    Contains = "contains",
}
}

impl Relation {
    /// Whether what is said of the unit is said of the area itself, not of a part of it.
    pub fn is_own(self) -> bool {
        matches!(self, Relation::Itself | Relation::Same)
    }

    /// Whether the area is on the other map.
    pub fn crosses_maps(self) -> bool {
        matches!(self, Relation::Same | Relation::Contains)
    }
}

/// A unit that contains another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: PlaceId,
    pub relation: Relation,
}

impl Gazetteer {
    /// Crosswalk rows from a 2024 unit.
    pub fn successors(&self, id: &PlaceId) -> impl Iterator<Item = &Link> {
        self.successors
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.links[i])
    }

    /// Crosswalk rows into a 2025 unit.
    pub fn predecessors(&self, id: &PlaceId) -> impl Iterator<Item = &Link> {
        self.predecessors
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.links[i])
    }

    /// The 2025 province that a 2024 unit's province became part of.
    pub fn successor_province(&self, id: &PlaceId) -> Option<&PlaceId> {
        let province = self.province_of(id)?;
        self.successors(&province.id).map(|l| &l.to).next()
    }

    /// Every unit that contains `id`, on both maps, itself first.
    pub fn areas(&self, id: &PlaceId) -> Vec<Area> {
        let mut out: Vec<Area> = self
            .lineage(id)
            .into_iter()
            .enumerate()
            .map(|(i, u)| Area {
                id: u.id.clone(),
                relation: if i == 0 {
                    Relation::Itself
                } else {
                    Relation::Parent
                },
            })
            .collect();
        if out.is_empty() {
            return out;
        }
        let cross = match id.scheme() {
            Scheme::Y2024 => self.areas_on_2025(id),
            Scheme::Y2025 => self.areas_on_2024(id),
        };
        for area in cross {
            if !out.iter().any(|a| a.id == area.id) {
                out.push(area);
            }
        }
        out
    }

    /// 2025 units containing a 2024 unit: its province's successor, and the commune that all
    /// of its communes went into whole, if there is one.
    fn areas_on_2025(&self, id: &PlaceId) -> Vec<Area> {
        let mut out = Vec::new();
        if let Some(province) = self.successor_province(id) {
            let same = id.level() == Level::Province && self.predecessors(province).map(|l| &l.from).eq([id]);
            out.push(Area {
                id: province.clone(),
                relation: if same { Relation::Same } else { Relation::Contains },
            });
        }
        if id.level() == Level::Province {
            return out;
        }
        let communes = self.communes_of(id);
        let mut into = None;
        for c in &communes {
            let links: Vec<&Link> = self.successors(c).collect();
            match (links.as_slice(), into) {
                ([l], None) if l.share == Share::Whole => into = Some(&l.to),
                ([l], Some(t)) if l.share == Share::Whole && &l.to == t => {}
                _ => return out,
            }
        }
        if let Some(to) = into {
            let same = self.predecessors(to).count() == communes.len();
            out.push(Area {
                id: to.clone(),
                relation: if same { Relation::Same } else { Relation::Contains },
            });
        }
        out
    }

    /// 2024 units containing a 2025 unit: the province a 2025 province was left as, or the
    /// commune, district and province that every predecessor of a 2025 commune belongs to.
    fn areas_on_2024(&self, id: &PlaceId) -> Vec<Area> {
        let preds: Vec<&Link> = self.predecessors(id).collect();
        if id.level() == Level::Province {
            return match preds.as_slice() {
                [only] => vec![Area {
                    id: only.from.clone(),
                    relation: Relation::Same,
                }],
                _ => Vec::new(),
            };
        }
        let Some(first) = preds.first() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ancestor in self.lineage(&first.from) {
            if preds.iter().all(|l| self.is_within(&l.from, &ancestor.id)) {
                let same = preds.len() == self.communes_of(&ancestor.id).len()
                    && preds
                        .iter()
                        .all(|l| l.share == Share::Whole && self.successors(&l.from).count() == 1);
                out.push(Area {
                    id: ancestor.id.clone(),
                    relation: if same { Relation::Same } else { Relation::Contains },
                });
            }
        }
        out
    }
}
