//! Mentions that only continue the address of the unit named before them: "huyện B, tỉnh C"
//! in "xã A, huyện B, tỉnh C"; "(Bạch Thông)" in "xã Vi Hương (Bạch Thông)".

use super::{Mention, Role};
use crate::domain::places::Gazetteer;

/// Marks the mentions that only continue the address of the unit named just before them
/// ("xã Thạnh Phú, huyện Cái Nước, tỉnh Cà Mau"; "xã Vi Hương (Bạch Thông)").
pub(super) fn mark_addresses(g: &Gazetteer, text: &str, mentions: &mut [Mention]) {
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
