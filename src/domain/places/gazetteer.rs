//! The gazetteer in memory: every unit of both maps, indexed by id and by folded name.

use std::collections::HashMap;

use super::{Level, Link, Locality, LocalityAlias, Outlet, PerScheme, PlaceId, Scheme, UnitType};
use crate::domain::text::fold_key;

/// Province names that, standing alone, name a person far more often than the place
/// ("tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh"): only "Thành phố/TP. Hồ Chí Minh" counts.
const PERSON_NAMES: [&str; 1] = ["Hồ Chí Minh"];

/// Names of one map's units.
#[derive(Debug, Default)]
struct Names {
    /// fold_key(short name) → ids of every unit with that short name.
    by_short_name: HashMap<String, Vec<PlaceId>>,
    /// fold_key(full name, historical names included) → ids.
    by_full_name: HashMap<String, Vec<PlaceId>>,
    /// Exact (accented) short names of provinces → id, for bare mentions ("Bắc Kạn").
    province_names: HashMap<String, PlaceId>,
}

/// Every administrative unit of both maps, their historical names and the crosswalk between
/// the maps.
#[derive(Debug, Default)]
pub struct Gazetteer {
    units: HashMap<PlaceId, Locality>,
    children: HashMap<PlaceId, Vec<PlaceId>>,
    names: PerScheme<Names>,
    aliases: Vec<LocalityAlias>,
    pub(super) links: Vec<Link>,
    pub(super) successors: HashMap<PlaceId, Vec<usize>>,
    pub(super) predecessors: HashMap<PlaceId, Vec<usize>>,
    pub(super) outlets: Vec<Outlet>,
    longest_name_words: usize,
}

impl Gazetteer {
    /// The gazetteer of `units` (both maps), their `aliases` and the crosswalk `links` from
    /// units of the 2024 map to units of the 2025 map.
    pub fn new(units: Vec<Locality>, aliases: Vec<LocalityAlias>, links: Vec<Link>) -> Gazetteer {
        let mut g = Gazetteer::default();
        for u in units {
            let names = &mut g.names[u.id.scheme()];
            let short = fold_key(u.bare_name());
            g.longest_name_words = g.longest_name_words.max(short.split(' ').count());
            names.by_short_name.entry(short).or_default().push(u.id.clone());
            names
                .by_full_name
                .entry(fold_key(&u.name))
                .or_default()
                .push(u.id.clone());
            if u.level == Level::Province && !PERSON_NAMES.contains(&u.short_name.as_str()) {
                names.province_names.insert(u.short_name.clone(), u.id.clone());
            }
            if let Some(p) = &u.parent_id {
                g.children.entry(p.clone()).or_default().push(u.id.clone());
            }
            g.units.insert(u.id.clone(), u);
        }
        for a in aliases.iter().filter(|a| g.units.contains_key(&a.code)) {
            let ids = g.names[a.code.scheme()]
                .by_full_name
                .entry(fold_key(&a.name))
                .or_default();
            if !ids.contains(&a.code) {
                ids.push(a.code.clone());
            }
        }
        g.aliases = aliases;
        for kids in g.children.values_mut() {
            kids.sort();
        }
        for (i, link) in links.iter().enumerate() {
            g.successors.entry(link.from.clone()).or_default().push(i);
            g.predecessors.entry(link.to.clone()).or_default().push(i);
        }
        g.links = links;
        g
    }

    /// The same gazetteer knowing the outlets whose names do not spell their province.
    pub fn with_outlets(mut self, outlets: Vec<Outlet>) -> Gazetteer {
        self.outlets = outlets;
        self
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every unit, in no particular order.
    pub fn units(&self) -> impl Iterator<Item = &Locality> {
        self.units.values()
    }

    pub fn aliases(&self) -> &[LocalityAlias] {
        &self.aliases
    }

    pub fn get(&self, id: &PlaceId) -> Option<&Locality> {
        self.units.get(id)
    }

    /// Units one level down, on the same map, by id.
    pub fn children(&self, id: &PlaceId) -> &[PlaceId] {
        self.children.get(id).map_or(&[], Vec::as_slice)
    }

    /// Units of `scheme` whose short name folds to `key` and whose type is one of `types`.
    pub fn by_short_name(&self, scheme: Scheme, key: &str, types: &[UnitType]) -> Vec<&Locality> {
        self.names[scheme]
            .by_short_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|c| self.units.get(c))
            .filter(|u| types.contains(&u.unit_type))
            .collect()
    }

    /// Units of `scheme` whose current or historical full name folds to `key`.
    pub fn by_full_name(&self, scheme: Scheme, key: &str) -> Vec<&Locality> {
        self.names[scheme]
            .by_full_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|c| self.units.get(c))
            .collect()
    }

    /// The province of `scheme` whose short name is exactly `name`, accents included.
    pub fn province_named(&self, scheme: Scheme, name: &str) -> Option<&Locality> {
        self.names[scheme]
            .province_names
            .get(name)
            .and_then(|c| self.units.get(c))
    }

    /// Most words in any short name: bounds how far a name is read after a type word.
    pub fn longest_name_words(&self) -> usize {
        self.longest_name_words.max(1)
    }

    /// The unit itself, then its parent, up to the province, on its own map.
    pub fn lineage(&self, id: &PlaceId) -> Vec<&Locality> {
        let mut out = Vec::new();
        let mut next = self.units.get(id);
        while let Some(u) = next {
            out.push(u);
            next = u.parent_id.as_ref().and_then(|p| self.units.get(p));
            if out.len() > 3 {
                break;
            }
        }
        out
    }

    pub fn province_of(&self, id: &PlaceId) -> Option<&Locality> {
        self.lineage(id).into_iter().find(|u| u.level == Level::Province)
    }

    /// Whether `ancestor` is `id` or one of its parents on its own map.
    pub fn is_within(&self, id: &PlaceId, ancestor: &PlaceId) -> bool {
        self.lineage(id).iter().any(|u| &u.id == ancestor)
    }

    /// The communes of a unit's own map under it (the unit itself for a commune).
    pub fn communes_of(&self, id: &PlaceId) -> Vec<&PlaceId> {
        match self.units.get(id) {
            Some(u) if u.level == Level::Commune => vec![&u.id],
            Some(u) => self
                .children(&u.id)
                .iter()
                .flat_map(|c| self.communes_of(c))
                .collect(),
            None => Vec::new(),
        }
    }
}
