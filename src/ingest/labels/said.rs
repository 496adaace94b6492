//! What the words around one figure say it measures: its label, the cue its metric is read
//! from, and where what it said ends.

use super::{label_after, label_before};
use crate::domain::Unit;
use crate::ingest::figures::Figure;
use crate::ingest::tokens::{Kind, Token};

/// Words after a measure that do not name what it measures ("12 ha so với …").
const NOT_AN_OBJECT: &[&str] = &[
    "so", "với", "tăng", "giảm", "đạt", "là", "và", "trong", "tại", "ở", "của", "cho", "được", "thì", "nhưng",
];

/// Words between a verb and its count that are not the verb: qualifiers, aspect, existence.
const NOT_THE_VERB: &[&str] = &[
    "được", "hơn", "trên", "gần", "khoảng", "tổng", "số", "đạt", "là", "có", "với", "thêm", "mới", "lên",
    "tới", "đến", "ước", "xấp", "xỉ", "cả", "toàn", "tất",
];

/// Words that end the verb phrase read backwards from a count.
const BEFORE_THE_VERB: &[&str] = &[
    "đã",
    "và",
    "đều",
    "cũng",
    "sẽ",
    "đang",
    "vừa",
    "các",
    "những",
    "của",
    "trong",
    "đó",
    "thì",
    "nhằm",
    "để",
    "xã",
    "huyện",
    "tỉnh",
    "phường",
    "quận",
    "trấn",
    "phố",
    "thôn",
    "ấp",
    "bản",
];

/// What one figure says of itself.
pub struct Said {
    pub label: String,
    /// The label with the words before the figure and its comparison: what the metric is read
    /// from.
    pub cue: String,
    /// The last words before the figure.
    pub lead: String,
    /// The verb right before a count ("tiếp nhận"), empty when none.
    pub verb: String,
    /// Byte where the figure and what it said end.
    pub end: usize,
}

/// The verb right before a count, read backwards over qualifiers: "tiếp nhận 3.667 đơn" →
/// "tiếp nhận"; "có 12 hộ" → nothing.
fn verb_before(before: &[Token<'_>]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for t in before.iter().rev() {
        if t.kind != Kind::Word || !t.text.starts_with(char::is_lowercase) {
            break;
        }
        let w = t.lower();
        if words.is_empty() && NOT_THE_VERB.contains(&w) {
            continue;
        }
        if BEFORE_THE_VERB.contains(&w) || NOT_THE_VERB.contains(&w) || words.len() == 3 {
            break;
        }
        words.push(t.text);
    }
    words.reverse();
    words.join(" ")
}

/// "tặng quà cho 3.000 hộ nghèo": who receives, then what they receive.
fn received(before: &[Token<'_>]) -> Option<String> {
    let cho = before
        .iter()
        .rposition(|t| t.kind == Kind::Word && t.lower() == "cho")
        .filter(|&p| {
            before[p + 1..]
                .iter()
                .all(|t| t.kind == Kind::Word && NOT_THE_VERB.contains(&t.lower()))
        })?;
    let verb = verb_before(&before[..cho]);
    (!verb.is_empty()).then_some(verb)
}

/// The label of the figure `f` spanning `start..end`, from its window `from..start` of `body`.
pub fn said(
    body: &str,
    toks: &[Token<'_>],
    f: &Figure,
    from: usize,
    (start, end): (usize, usize),
    breakdown: bool,
) -> Said {
    let first_before = toks[..f.first].partition_point(|t| t.start < from);
    let before = &toks[first_before..f.first];
    let lead: Vec<&str> = before
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text)
        .collect();
    let lead = lead[lead.len().saturating_sub(4)..].join(" ");
    let mut said_end = toks.get(f.tail.saturating_sub(1)).map_or(end, |t| t.end.max(end));
    let verb = verb_before(before);
    if breakdown {
        let noun = f.unit_noun.clone().unwrap_or_default();
        let label = format!("{noun} {}", label_before(&body[from..start]))
            .trim()
            .to_owned();
        return Said {
            label,
            cue: String::new(),
            lead,
            verb,
            end: said_end,
        };
    }
    // "làm mới 2.350m đường bê tông", "thu gom 15 tấn rác": what a measure measures follows it.
    let measured_after = matches!(
        f.unit,
        Unit::Metre
            | Unit::SquareMetre
            | Unit::SquareKilometre
            | Unit::Tonne
            | Unit::Kilogram
            | Unit::Kilometre
            | Unit::Hectare
    ) && toks.get(f.tail).is_some_and(|t| {
        t.kind == Kind::Word && t.text.starts_with(char::is_lowercase) && !NOT_AN_OBJECT.contains(&t.lower())
    });
    let own = if f.label_after || measured_after {
        String::new()
    } else {
        label_before(&body[from..start])
    };
    if !super::is_empty_label(&own) || f.tail >= toks.len() {
        // The verb before the figure tells a share from a growth ("chiếm 24,3%").
        let cue = format!("{lead} {own} {}", &body[end..said_end]);
        return Said {
            label: own,
            cue,
            lead,
            verb,
            end: said_end,
        };
    }
    // The measure follows the figure: "73 công dân nhập ngũ", "96,8% hộ gia đình đạt …"; a
    // count's verb says what was done with what it counts ("đơn tiếp nhận"), and one after
    // "cho" counts who received ("hộ nghèo được tặng quà").
    let noun = f.unit_noun.clone().unwrap_or_default();
    let (mut label, after_end) = label_after(toks, &noun, f.tail, body);
    said_end = said_end.max(after_end);
    if f.label_after && label.split_whitespace().count() <= 3 {
        match received(before) {
            Some(verb) => label = format!("{label} được {verb}"),
            None if !verb.is_empty() => label = format!("{label} {verb}"),
            None => {}
        }
    }
    let cue = format!("{lead} {label}");
    Said {
        label,
        cue,
        lead,
        verb,
        end: said_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::figures::find_figures;
    use crate::ingest::tokens::tokenize;

    fn label(text: &str) -> String {
        let toks = tokenize(text);
        let f = &find_figures(&toks)[0];
        let start = toks[f.first].start;
        said(text, &toks, f, 0, (start, toks[f.last - 1].end), false).label
    }

    #[test]
    fn a_count_is_labelled_by_its_noun_and_what_was_done_with_it() {
        assert_eq!(label("Ủy ban đã tiếp nhận 240 đơn."), "đơn tiếp nhận");
        assert_eq!(label("Xã có 12 hộ."), "hộ");
        assert_eq!(
            label("Hội trao tặng quà cho 320 hộ nghèo."),
            "hộ nghèo được trao tặng quà"
        );
        assert_eq!(
            label("Năm nay, xã kết nạp 15 đảng viên mới."),
            "đảng viên mới kết nạp"
        );
    }
}
