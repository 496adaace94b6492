//! Units a list names without their type word, each with its figure: "các huyện: Ba Bể 12 mô
//! hình, Pác Nặm 8 mô hình", "Bạch Thông 1 đại biểu". Capitalised words right before a
//! number name a unit when they are the name of exactly one unit within the article's
//! province.

use std::collections::HashMap;

use super::{Mention, Role};
use crate::domain::PlaceId;
use crate::domain::places::Gazetteer;
use crate::domain::text::fold_key;
use crate::ingest::tokens::{Kind, Token};

/// Most words of a name read back from a number.
const NAME_WORDS: usize = 4;

/// The units within `province` by folded short name.
fn names_within(g: &Gazetteer, province: &PlaceId) -> HashMap<String, Vec<PlaceId>> {
    let mut out: HashMap<String, Vec<PlaceId>> = HashMap::new();
    let mut todo = g.children(province).to_vec();
    while let Some(id) = todo.pop() {
        if let Some(u) = g.get(&id) {
            out.entry(fold_key(u.bare_name())).or_default().push(id.clone());
        }
        todo.extend(g.children(&id).iter().cloned());
    }
    out
}

fn is_capitalised(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && t.text.starts_with(char::is_uppercase)
}

/// Mentions of units named right before a figure, outside the mentions already found.
pub fn listed_names(
    g: &Gazetteer,
    toks: &[Token<'_>],
    province: &PlaceId,
    found: &[Mention],
) -> Vec<Mention> {
    let names = names_within(g, province);
    let taken = |at: usize| found.iter().any(|m| at >= m.start && at < m.end);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != Kind::Number || i == 0 {
            continue;
        }
        let first = (i.saturating_sub(NAME_WORDS)..i)
            .find(|&k| toks[k..i].iter().all(is_capitalised))
            .unwrap_or(i);
        // The longest name that is one unit's, of at least two words ("Ba Bể", not "Tết").
        let hit = (first..i.saturating_sub(1)).find_map(|k| {
            let key = fold_key(&toks[k..i].iter().map(|t| t.text).collect::<Vec<_>>().join(" "));
            match names.get(&key).map(Vec::as_slice) {
                Some([one]) => Some((k, one.clone())),
                _ => None,
            }
        });
        if let Some((k, id)) = hit.filter(|&(k, _)| !taken(toks[k].start)) {
            out.push(Mention {
                start: toks[k].start,
                end: toks[i - 1].end,
                id,
                role: Role::Named,
            });
        }
    }
    out
}
