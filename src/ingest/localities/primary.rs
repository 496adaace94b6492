//! Which unit an article is about: the most specific unit that most of what it names lies in.
//!
//! Every place the article names weighs toward its unit and that unit's parents: a name in the
//! title counts twice, a name in the body once (each part of an address once more for the
//! unit it locates: "xã A, huyện B" twice for xã A), a type word alone ("toàn tỉnh", "UBND
//! xã") half, the page's address half. The primary unit is the most specific unit holding more than
//! half of the weight: a story about one commune of a province is about the commune; a story
//! that names six districts of a province, none of them most of the time, is about the
//! province.

use std::collections::HashMap;

use crate::domain::{Level, PlaceId};

/// Share of the weight the primary unit must hold more than.
const MAJORITY: f32 = 0.5;

/// Weights toward units, each with the units that contain it.
#[derive(Debug, Default)]
pub struct Votes {
    cover: HashMap<PlaceId, (f32, u8)>,
    total: f32,
}

fn depth(id: &PlaceId) -> u8 {
    match id.level() {
        Level::Province => 0,
        Level::District => 1,
        Level::Commune => 2,
    }
}

impl Votes {
    /// `weight` toward the first unit of `chain` and every unit after it (its containers).
    pub fn add(&mut self, chain: &[PlaceId], weight: f32) {
        if chain.is_empty() || weight <= 0.0 {
            return;
        }
        self.total += weight;
        for id in chain {
            let e = self.cover.entry(id.clone()).or_insert((0.0, depth(id)));
            e.0 += weight;
        }
    }

    /// The most specific unit holding more than half of the weight.
    pub fn winner(&self) -> Option<PlaceId> {
        let needed = self.total * MAJORITY;
        self.cover
            .iter()
            .filter(|(_, (w, _))| *w > needed)
            .max_by(|a, b| {
                let (wa, da) = a.1;
                let (wb, db) = b.1;
                da.cmp(db).then(wa.total_cmp(wb)).then_with(|| b.0.cmp(a.0))
            })
            .map(|(id, _)| id.clone())
    }
}

/// Bytes of the story's first paragraph that is not a photo caption; empty for a story of one
/// paragraph (all of it is the lead, and none stands out).
pub fn lead_paragraph(body: &str, captions: &[(usize, usize)]) -> std::ops::Range<usize> {
    let mut start = 0;
    loop {
        let end = body[start..].find("\n\n").map_or(body.len(), |p| start + p);
        if end == body.len() {
            return if start == 0 { 0..0 } else { start..end };
        }
        if !captions.iter().any(|&(s, _)| s == start) {
            return start..end;
        }
        start = end + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> PlaceId {
        s.parse().unwrap()
    }

    #[test]
    fn one_commune_named_again_and_again_wins_over_its_province() {
        let mut v = Votes::default();
        v.add(&[id("2025-01")], 2.0);
        for _ in 0..3 {
            v.add(&[id("2025-10402"), id("2025-01")], 1.0);
        }
        assert_eq!(v.winner(), Some(id("2025-10402")));
    }

    #[test]
    fn districts_named_evenly_leave_the_province() {
        let mut v = Votes::default();
        for d in ["540", "541", "542", "543"] {
            v.add(&[id(d), id("52")], 1.0);
        }
        assert_eq!(v.winner(), Some(id("52")));
        assert_eq!(Votes::default().winner(), None);
    }
}
