//! Where a figure stands in the body: its paragraph, sentence and clause. What a figure is
//! about (its place, its period) is read from the nearest of these that says.

use std::sync::LazyLock;

use regex::Regex;

use super::localities::{Mention, Role};
use crate::domain::PlaceId;

/// Byte ranges around a figure, each inside the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub paragraph: (usize, usize),
    pub sentence: (usize, usize),
    pub clause: (usize, usize),
    /// The figure itself.
    pub figure: (usize, usize),
}

impl Scope {
    /// The scopes of the figure at `figure` in a sentence `sentence` of `body`.
    pub fn of(body: &str, sentence: (usize, usize), figure: (usize, usize)) -> Scope {
        let (ss, se) = sentence;
        let (start, end) = figure;
        let ps = body[..ss].rfind("\n\n").map_or(0, |p| p + 2);
        let pe = body[se..].find("\n\n").map_or(body.len(), |p| se + p);
        let cs = body[ss..start].rfind(';').map_or(ss, |p| ss + p + 1);
        let ce = body[end..se].find(';').map_or(se, |p| end + p);
        Scope {
            paragraph: (ps, pe),
            sentence,
            clause: (cs, ce),
            figure,
        }
    }
}

/// A location preposition right after a figure: "… 15 nhà tại xã A", "… ở huyện B" (not the
/// noun "nhà ở", housing).
static LOCATED_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}])(?:tại|ở)\s").expect("location"));
/// The owner of what a figure counts, right after it: "526 hộ của ấp A", "12 mô hình tại xã B".
static OWNED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[^,;:]{0,40}[^\p{L}](?:của|tại|ở)\s+$").expect("owner"));
static HOUSING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bnhà\s+ở\s").expect("housing"));

/// Words at the start of a sentence within which a place is its subject.
const SUBJECT_WORDS: usize = 6;

/// The unit a figure is about: the owner named right after what it counts ("526 hộ của ấp
/// A"); the place named nearest before it in its clause; one named after it with "tại" or
/// "ở"; the place its sentence, then its paragraph, opens with
/// (the subject: "Huyện A hiện có …; …"); else the article's primary unit. A unit named only
/// as part of another's address ("tỉnh C" in "xã A, huyện B, tỉnh C") is not a figure's place.
pub fn place_of(
    body: &str,
    scope: &Scope,
    mentions: &[Mention],
    primary: Option<&PlaceId>,
) -> Option<PlaceId> {
    let usable: Vec<&Mention> = mentions.iter().filter(|m| m.role != Role::Address).collect();

    let (cs, ce) = scope.clause;
    let (start, end) = scope.figure;
    let before = usable.iter().rev().find(|m| m.start >= cs && m.end <= start);
    let after = usable
        .iter()
        .find(|m| m.start >= end && m.end <= ce && m.start <= end + 80)
        .filter(|m| {
            let between = &body[end..m.start];
            (OWNED_BY.is_match(between) || LOCATED_AT.is_match(between)) && !HOUSING.is_match(between)
        });
    match (before, after) {
        // Both: the more specific ("xã A … ở tỉnh B" is about xã A; "huyện A … hộ của xã B" about xã B).
        (Some(b), Some(a)) => {
            let specific = if a.id.level() > b.id.level() { a } else { b };
            return Some(specific.id.clone());
        }
        (Some(m), None) | (None, Some(m)) => return Some(m.id.clone()),
        (None, None) => {}
    }
    let subject_of = |from: usize, to: usize| {
        usable
            .iter()
            .find(|m| m.start >= from && m.end <= to)
            .filter(|m| body[from..m.start].split_whitespace().count() < SUBJECT_WORDS)
            .map(|m| m.id.clone())
    };
    subject_of(scope.sentence.0, start)
        .or_else(|| {
            let first_sentence_end = body[scope.paragraph.0..start]
                .find(". ")
                .map_or(start, |p| scope.paragraph.0 + p);
            subject_of(scope.paragraph.0, first_sentence_end)
        })
        .or_else(|| primary.cloned())
}
