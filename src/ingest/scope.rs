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

/// Byte ranges of the paragraphs of a body (blocks separated by a blank line).
pub fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in body.match_indices("\n\n") {
        out.push((start, at));
        start = at + 2;
    }
    out.push((start, body.len()));
    out
}

impl Scope {
    /// The scopes of the figure at `figure` in a sentence `sentence` of `body`, whose
    /// paragraphs are `paragraphs`.
    pub fn of(
        body: &str,
        paragraphs: &[(usize, usize)],
        sentence: (usize, usize),
        figure: (usize, usize),
    ) -> Scope {
        let (ss, se) = sentence;
        let (start, end) = figure;
        let pi = paragraphs
            .partition_point(|&(_, e)| e < start)
            .min(paragraphs.len().saturating_sub(1));
        let (ps, pe) = paragraphs.get(pi).copied().unwrap_or((0, body.len()));
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
static HOUSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])nhà\s+ở\s").expect("housing"));

/// Words at the start of a sentence within which a place is its subject.
const SUBJECT_WORDS: usize = 6;

/// The unit a figure is about: the owner named right after what it counts ("526 hộ của ấp
/// A"); the place named nearest before it in its clause; one named after it with "tại" or
/// "ở"; the place its sentence, then its paragraph, opens with
/// (the subject: "Huyện A hiện có …; …"); else the article's primary unit. A unit named only
/// as part of another's address ("tỉnh C" in "xã A, huyện B, tỉnh C") is not a figure's place.
/// Mentions a figure's place is read from: every mention but the parts of addresses, sorted
/// by start, so that each figure looks up its scopes by binary search.
pub fn usable(mentions: &[Mention]) -> Vec<&Mention> {
    let mut out: Vec<&Mention> = mentions.iter().filter(|m| m.role != Role::Address).collect();
    out.sort_by_key(|m| m.start);
    out
}

/// The usable mentions starting within `from..to`.
fn starting_in<'a, 'm>(usable: &'a [&'m Mention], from: usize, to: usize) -> &'a [&'m Mention] {
    let a = usable.partition_point(|m| m.start < from);
    let b = usable.partition_point(|m| m.start < to);
    &usable[a..b.max(a)]
}

/// Bytes from a sentence's or paragraph's start within which a place is read as its subject.
const SUBJECT_BYTES: usize = 120;

pub fn place_of(
    body: &str,
    scope: &Scope,
    usable: &[&Mention],
    primary: Option<&PlaceId>,
) -> Option<PlaceId> {
    let (cs, ce) = scope.clause;
    let (start, end) = scope.figure;
    let before = starting_in(usable, cs, start)
        .iter()
        .rev()
        .find(|m| m.end <= start);
    let after = starting_in(usable, end, ce.min(end + 81))
        .iter()
        .find(|m| m.end <= ce)
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
        starting_in(usable, from, to.min(from + SUBJECT_BYTES))
            .first()
            .filter(|m| m.end <= to && body[from..m.start].split_whitespace().count() < SUBJECT_WORDS)
            .map(|m| m.id.clone())
    };
    subject_of(scope.sentence.0, start)
        .or_else(|| {
            let ps = scope.paragraph.0;
            let mut upto = start.min(ps + 4 * SUBJECT_BYTES);
            while !body.is_char_boundary(upto) {
                upto -= 1;
            }
            let first_sentence_end = body[ps..upto].find(". ").map_or(start, |p| ps + p);
            subject_of(ps, first_sentence_end)
        })
        .or_else(|| primary.cloned())
}
