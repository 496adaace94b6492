//! The gazetteer in memory, indexed for name lookups by the locality resolver.

use std::collections::HashMap;

use super::text::fold_key;
use crate::domain::{Level, Locality, LocalityAlias, UnitType};

/// Province names that, standing alone, name a person far more often than the place
/// ("tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh"): only "Thành phố/TP. Hồ Chí Minh" counts.
const PERSON_NAMES: [&str; 1] = ["Hồ Chí Minh"];

/// Every administrative unit, indexed by code and by folded name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    units: HashMap<String, Locality>,
    /// fold_key(short name) → codes of every unit with that short name.
    by_short_name: HashMap<String, Vec<String>>,
    /// fold_key(full name, historical names included) → codes.
    by_full_name: HashMap<String, Vec<String>>,
    /// Exact (accented) short names of provinces → code, for bare mentions ("Bắc Kạn").
    province_names: HashMap<String, String>,
    longest_name_words: usize,
}

impl Gazetteer {
    pub fn new(units: Vec<Locality>, aliases: &[LocalityAlias]) -> Gazetteer {
        let mut g = Gazetteer::default();
        for u in units {
            // "Long Mỹ (Huyện)": the gazetteer disambiguates some short names in parentheses.
            let bare = u.short_name.split(" (").next().unwrap_or(&u.short_name);
            let short = fold_key(bare);
            g.longest_name_words = g.longest_name_words.max(short.split(' ').count());
            g.by_short_name.entry(short).or_default().push(u.code.clone());
            g.by_full_name
                .entry(fold_key(&u.name))
                .or_default()
                .push(u.code.clone());
            if u.level == Level::Province && !PERSON_NAMES.contains(&u.short_name.as_str()) {
                g.province_names.insert(u.short_name.clone(), u.code.clone());
            }
            g.units.insert(u.code.clone(), u);
        }
        for a in aliases.iter().filter(|a| g.units.contains_key(&a.code)) {
            let codes = g.by_full_name.entry(fold_key(&a.name)).or_default();
            if !codes.contains(&a.code) {
                codes.push(a.code.clone());
            }
        }
        g
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every unit, in no particular order.
    pub fn units(&self) -> impl Iterator<Item = &Locality> {
        self.units.values()
    }

    pub fn get(&self, code: &str) -> Option<&Locality> {
        self.units.get(code)
    }

    /// Units whose short name folds to `key` and whose type is one of `types`.
    pub fn by_short_name(&self, key: &str, types: &[UnitType]) -> Vec<&Locality> {
        self.by_short_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|c| self.units.get(c))
            .filter(|u| types.contains(&u.unit_type))
            .collect()
    }

    /// Units whose current or historical full name folds to `key`.
    pub fn by_full_name(&self, key: &str) -> Vec<&Locality> {
        self.by_full_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|c| self.units.get(c))
            .collect()
    }

    /// The province whose short name is exactly `name`, accents included.
    pub fn province_named(&self, name: &str) -> Option<&Locality> {
        self.province_names.get(name).and_then(|c| self.units.get(c))
    }

    /// Most words in any short name: bounds how far a name is read after a type word.
    pub fn longest_name_words(&self) -> usize {
        self.longest_name_words.max(1)
    }

    /// The unit itself, then its parent, up to the province.
    pub fn lineage(&self, code: &str) -> Vec<&Locality> {
        let mut out = Vec::new();
        let mut next = self.units.get(code);
        while let Some(u) = next {
            out.push(u);
            next = u.parent_code.as_deref().and_then(|p| self.units.get(p));
            if out.len() > 3 {
                break;
            }
        }
        out
    }

    pub fn province_of(&self, code: &str) -> Option<&Locality> {
        self.lineage(code)
            .into_iter()
            .find(|u| u.level == Level::Province)
    }

    /// Whether `ancestor` is `code` or one of its parents.
    pub fn is_within(&self, code: &str, ancestor: &str) -> bool {
        self.lineage(code).iter().any(|u| u.code == ancestor)
    }
}
