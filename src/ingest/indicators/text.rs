//! Small readings of a body around a figure: byte and character offsets, the first word of a
//! noun, and the direction the verb before a figure gives it.

use crate::domain::Direction;
use crate::ingest::tokens::{Kind, Token};

pub(super) fn first_word(s: &str) -> &str {
    s.split([' ', ',']).next().unwrap_or(s)
}

/// The nearest character boundary at or before `at`.
pub(super) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Byte → Unicode-scalar offsets for a set of byte positions, computed in one pass.
pub(super) fn char_offsets(text: &str, mut bytes: Vec<usize>) -> impl Fn(usize) -> usize {
    bytes.sort_unstable();
    bytes.dedup();
    let mut table = Vec::with_capacity(bytes.len());
    let (mut b, mut c) = (0, 0);
    for target in bytes {
        c += text[b..target].chars().count();
        b = target;
        table.push((target, c));
    }
    move |byte| {
        table
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(0, |i| table[i].1)
    }
}

pub(super) fn direction(before: &[Token<'_>]) -> Direction {
    let words = before.iter().rev().filter(|t| t.kind == Kind::Word).take(4);
    for w in words.map(|t| t.lower()) {
        match w {
            "tăng" => return Direction::Increase,
            "giảm" => return Direction::Decrease,
            "trưởng" | "ước" | "trên" | "hơn" | "gần" | "khoảng" | "thêm" | "lên" | "xuống" | "được"
            | "xấp" | "xỉ" => {}
            _ => return Direction::Level,
        }
    }
    Direction::Level
}
