//! Hamlets and villages (ấp, thôn, bản, xóm, khóm, tổ dân phố …) are below the gazetteer's
//! communes. A text names a hamlet with its commune once ("ấp Trần Độ, xã Thạnh Phú") and then
//! alone ("ấp Trần Độ có 526 hộ"): every later mention of the hamlet is a mention of its
//! commune.

use super::{Mention, Role};
use crate::domain::text::fold_key;
use crate::ingest::tokens::{Kind, Token};

/// Words that introduce a hamlet, village or residential group, longest first.
const HAMLET_WORDS: &[&[&str]] = &[
    &["tổ", "dân", "phố"],
    &["khu", "dân", "cư"],
    &["khu", "phố"],
    &["ấp"],
    &["thôn"],
    &["bản"],
    &["xóm"],
    &["khóm"],
    &["làng"],
    &["buôn"],
    &["plei"],
];

/// A hamlet named in the text: where, and its folded name.
struct Hamlet {
    start: usize,
    end: usize,
    key: String,
}

fn hamlets(toks: &[Token<'_>]) -> Vec<Hamlet> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(words) = HAMLET_WORDS.iter().find(|w| {
            w.iter().enumerate().all(|(k, word)| {
                toks.get(i + k)
                    .is_some_and(|t| t.kind == Kind::Word && t.lower() == *word)
            })
        }) else {
            i += 1;
            continue;
        };
        let mut j = i + words.len();
        let name_start = j;
        while toks.get(j).is_some_and(|t| {
            t.kind != Kind::Punct
                && t.text
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        }) && j - name_start < 4
        {
            j += 1;
        }
        if j > name_start {
            let name: Vec<&str> = toks[name_start..j].iter().map(|t| t.text).collect();
            out.push(Hamlet {
                start: toks[i].start,
                end: toks[j - 1].end,
                key: fold_key(&name.join(" ")),
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Mentions of communes made by naming their hamlets: a hamlet named right before a commune
/// ("thôn A, xã B") belongs to it, and so does every other mention of that hamlet.
pub fn hamlet_mentions(text: &str, toks: &[Token<'_>], mentions: &[Mention]) -> Vec<Mention> {
    let found = hamlets(toks);
    let mut communes: Vec<(&str, &Mention)> = Vec::new();
    for h in &found {
        let next = mentions
            .iter()
            .find(|m| m.start >= h.end && m.role == Role::Named);
        let joined = next.filter(|m| {
            m.id.level() == crate::domain::Level::Commune
                && text[h.end..m.start]
                    .chars()
                    .all(|c| matches!(c, ',' | ' ' | '-' | '–'))
        });
        if let Some(m) = joined {
            if !communes.iter().any(|(k, _)| *k == h.key) {
                communes.push((&h.key, m));
            }
        }
    }
    found
        .iter()
        .filter_map(|h| {
            let (_, commune) = communes.iter().find(|(k, _)| *k == h.key)?;
            Some(Mention {
                start: h.start,
                end: h.end,
                id: commune.id.clone(),
                role: Role::Named,
            })
        })
        .collect()
}
