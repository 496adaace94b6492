//! Resolves the administrative units an article names to gazetteer ids, on the map in force
//! when it was written.
//!
//! Names shared by several units are resolved from the other units the article names, or
//! left unresolved, never guessed. A bare type word ("UBND tỉnh", "toàn tỉnh", "Thành ủy")
//! refers to the article's own unit of that level and counts toward the primary unit. A text
//! of the 2025 map that names a unit the 2025 map does not have ("huyện Văn Lãng", abolished
//! with every district) names the unit of the earlier map. When the date does not say which
//! map a text is on, the map on which more of its names resolve is taken, the 2025 map on a tie.

mod addresses;
mod hamlets;
mod listed;
mod on_map;
mod primary;
mod resolver;
mod scan;
mod type_words;

use super::tokens::{Token, tokenize};
use crate::domain::places::Gazetteer;
use crate::domain::{PlaceId, Scheme};

/// How a span of text names a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// By its name ("xã Vi Hương", "Bắc Kạn").
    Named,
    /// As part of the address of the unit named just before it: "huyện B" in "xã A, huyện B".
    Address,
    /// By a type word alone, meaning the article's own unit of that type ("toàn tỉnh", "UBND xã").
    Bare,
}

/// A span of text that names a unit, in bytes of the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub id: PlaceId,
    pub role: Role,
}

/// What a text says about places.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The map the text names units of.
    pub scheme: Scheme,
    /// The unit the article is about.
    pub primary: Option<PlaceId>,
    /// Every unit named, with their parents; primary first.
    pub localities: Vec<PlaceId>,
    /// Resolved mentions in the body, type words alone included, in order.
    pub mentions: Vec<Mention>,
    /// Resolved mentions in the title, in order.
    pub title_mentions: Vec<Mention>,
    /// Mentions in title and body that resolved on `scheme` itself.
    evidence: usize,
}

/// Which map a text is on, when its dates say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapHint {
    Known(Scheme),
    Unknown,
}

/// The text of an article, as the resolver reads it.
pub struct Page<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub body_toks: &'a [Token<'a>],
    /// Body byte spans of photo captions: they do not count toward the primary unit.
    pub captions: &'a [(usize, usize)],
    /// Lines after the article (teasers of related articles).
    pub trailer: &'a str,
    /// Where the page was published.
    pub url: Option<&'a str>,
}

/// Whether text opens with a unit's type word ("Phường", "thị trấn", "TP.").
pub fn opens_with_type_word(text: &str) -> bool {
    let toks = tokenize(text);
    !toks.is_empty() && scan::match_type_word(&toks, 0).is_some()
}

/// Resolves the places named in an article's title, body and trailer.
pub fn resolve(g: &Gazetteer, map: MapHint, page: &Page<'_>) -> Resolution {
    match map {
        MapHint::Known(scheme) => on_map::resolve_on(g, scheme, page),
        MapHint::Unknown => {
            let old = on_map::resolve_on(g, Scheme::Y2024, page);
            let new = on_map::resolve_on(g, Scheme::Y2025, page);
            if old.evidence > new.evidence { old } else { new }
        }
    }
}

/// The one distinct value of an iterator, if there is exactly one.
fn single<T: PartialEq>(mut it: impl Iterator<Item = T>) -> Option<T> {
    let first = it.next()?;
    it.all(|x| x == first).then_some(first)
}
