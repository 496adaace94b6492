//! Turns the figures of a body into indicators: label, metric, direction, locality, period
//! and evidence (the sentence, and the figure's offsets in Unicode scalar values).

use super::figures::{Figure, find_figures};
use super::labels::{capitalise, is_empty_label, label_after, label_before};
use super::localities::Mention;
use super::metrics;
use super::periods::{Stated, period_of, setters};
use super::scope::{Scope, paragraphs, place_of, usable};
use super::tokens::{Kind, Token, sentences};
use crate::domain::text::fold;
use crate::domain::{Direction, Evidence, Metric, MetricKey, NewIndicator, Period, PlaceId, TextField, Unit};

/// What the article says around its figures.
pub struct Context<'a> {
    pub mentions: &'a [Mention],
    pub primary: Option<&'a PlaceId>,
    /// The units the primary unit lies in.
    pub primary_within: &'a [PlaceId],
    /// The article's period.
    pub period: Option<&'a Period>,
    /// The periods the text states.
    pub stated: &'a [Stated],
    /// Which text of the article this is.
    pub field: TextField,
}

/// The label and metric of the last figure, carried to a figure that names no measure of
/// its own ("giảm 1,41% còn 5,33%").
struct Carried {
    sentence: usize,
    /// Byte where the last figure and what it said end.
    end: usize,
    label: String,
    metric: Option<&'static Metric>,
    /// What a count counted.
    noun: Option<String>,
}

fn first_word(s: &str) -> &str {
    s.split([' ', ',']).next().unwrap_or(s)
}

/// Words after a measure that do not name what it measures ("12 ha so với …").
const NOT_AN_OBJECT: &[&str] = &[
    "so", "với", "tăng", "giảm", "đạt", "là", "và", "trong", "tại", "ở", "của", "cho", "được", "thì", "nhưng",
];

/// Byte → Unicode-scalar offsets for a set of byte positions, computed in one pass.
fn char_offsets(text: &str, mut bytes: Vec<usize>) -> impl Fn(usize) -> usize {
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

fn direction(before: &[Token<'_>]) -> Direction {
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

/// Where the text naming a figure's measure starts: the clause, after an unclosed "(" or a
/// ":", and after the previous figure of the same sentence.
fn window_start(body: &str, clause_start: usize, start: usize, carried: Option<&Carried>) -> usize {
    let within = &body[clause_start..start];
    let colon = within.rfind(':').map(|p| p + 1);
    let open = within
        .rfind('(')
        .filter(|&p| !within[p..].contains(')'))
        .map(|p| p + 1);
    let mut from = clause_start + colon.max(open).unwrap_or(0);
    if let Some(c) = carried {
        from = from.max(c.end.min(start));
    }
    from
}

/// Every indicator of a body.
pub fn extract(body: &str, toks: &[Token<'_>], ctx: &Context<'_>) -> Vec<NewIndicator> {
    let figures = find_figures(toks);
    if figures.is_empty() {
        return Vec::new();
    }
    let sents = sentences(body);
    let paragraphs = paragraphs(body);
    let usable = usable(ctx.mentions);
    let setters = setters(ctx.stated);
    let span = |f: &Figure| (toks[f.first].start, toks[f.last - 1].end);
    let mut positions: Vec<usize> = figures.iter().flat_map(|f| <[usize; 2]>::from(span(f))).collect();
    positions.extend(sents.iter().flat_map(|&(s, e)| [s, e]));
    let to_char = char_offsets(body, positions);

    let mut out = Vec::with_capacity(figures.len());
    let mut carried: Option<Carried> = None;
    let mut counts: Vec<(String, &'static Metric)> = Vec::new();
    for (n, f) in figures.iter().enumerate() {
        let (start, end) = span(f);
        let next_figure = figures.get(n + 1).map_or(body.len(), |g| span(g).0);
        let si = sents
            .partition_point(|&(_, e)| e <= start)
            .min(sents.len().saturating_sub(1));
        // A figure that straddles a sentence break ("0.K8") widens its sentence.
        let (ss, se) = sents
            .get(si)
            .map_or((0, body.len()), |&(s, e)| (s.min(start), e.max(end)));
        let scope = Scope::of(body, &paragraphs, (ss, se), (start, end));
        let (clause_start, clause_end) = scope.clause;
        let same_sentence = carried.as_ref().filter(|c| c.sentence == si);
        let mut from = window_start(body, clause_start, start, same_sentence);
        let breakdown = f.noun.is_none() && f.unit == Unit::Count;
        if breakdown {
            from = body[from..start].rfind(',').map_or(from, |p| from + p + 1);
        }
        let first_before = toks[..f.first].partition_point(|t| t.start < from);
        let before = &toks[first_before..f.first];
        let lead: Vec<&str> = before
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text)
            .collect();
        let lead = lead[lead.len().saturating_sub(4)..].join(" ");

        let mut said_end = toks.get(f.tail.saturating_sub(1)).map_or(end, |t| t.end.max(end));
        let (mut label, cue) = if breakdown {
            let noun = f.unit_noun.clone().unwrap_or_default();
            (
                format!("{noun} {}", label_before(&body[from..start]))
                    .trim()
                    .to_owned(),
                String::new(),
            )
        } else {
            // "làm mới 2.350m đường bê tông", "thu gom 15 tấn rác": what a measure measures
            // follows it.
            let measured_after = matches!(
                f.unit,
                Unit::Metre
                    | Unit::SquareMetre
                    | Unit::Tonne
                    | Unit::Kilogram
                    | Unit::Kilometre
                    | Unit::Hectare
            ) && toks.get(f.tail).is_some_and(|t| {
                t.kind == Kind::Word
                    && t.text.starts_with(char::is_lowercase)
                    && !NOT_AN_OBJECT.contains(&t.lower())
            });
            let own = if f.label_after || measured_after {
                String::new()
            } else {
                label_before(&body[from..start])
            };
            if is_empty_label(&own) && f.tail < toks.len() {
                // The measure follows the figure: "73 công dân nhập ngũ", "96,8% hộ gia đình đạt …".
                let noun = f.unit_noun.clone().unwrap_or_default();
                let (after, after_end) = label_after(toks, &noun, f.tail, body);
                said_end = said_end.max(after_end);
                let cue = format!("{lead} {after}");
                (after, cue)
            } else {
                // The verb before the figure tells a share from a growth ("chiếm 24,3%").
                let cue = format!("{lead} {own} {}", &body[end..said_end]);
                (own, cue)
            }
        };

        let mut metric = None;
        if breakdown {
            metric = counts
                .iter()
                .rev()
                .take(16)
                .find(|(n, _)| Some(n) == f.unit_noun.as_ref())
                .map(|(_, m)| *m);
        }
        if is_empty_label(&label) {
            if let Some(c) = same_sentence {
                label = c.label.clone();
                metric = c.metric.filter(|m| m.allows(f.unit));
            }
        }
        // "Trong đó, 194 mô hình tập thể …": a breakdown of the figure before it.
        let breaks_down = body[clause_start..start]
            .trim_start()
            .to_lowercase()
            .starts_with("trong đó");
        if metric.is_none() && breaks_down {
            metric = carried
                .as_ref()
                .filter(|c| {
                    c.noun.is_some()
                        && c.noun.as_deref().map(first_word) == f.unit_noun.as_deref().map(first_word)
                })
                .and_then(|c| c.metric)
                .filter(|m| m.allows(f.unit));
        }
        // The label; else the cue nearest in the clause; else one stated earlier in the sentence
        // (the head of a list: "… đăng ký GĐVH; 117/117 KDC …; 184/198 cơ quan …").
        let metric = metric
            .or_else(|| metrics::classify_label(&fold(&cue), f.unit))
            .or_else(|| {
                let clause = fold(&body[clause_start..clause_end]);
                metrics::classify_context(&clause, fold(&body[clause_start..start]).len(), f.unit)
            })
            .or_else(|| {
                let clause = fold(&body[clause_start..clause_end]);
                metrics::classify_list_item(&fold(&body[ss..clause_start]), &clause, f.unit)
            });
        if is_empty_label(&label) {
            label = f.unit_noun.clone().unwrap_or_default();
        }
        let mut locality = place_of(body, &scope, &usable, ctx.primary);
        // A headline names a commune's province for readers elsewhere ("Một xã ở Hà Nội thu …"):
        // its figure is the article's unit's when that lies within.
        if ctx.field == TextField::Title && locality.as_ref().is_some_and(|l| ctx.primary_within.contains(l))
        {
            locality = ctx.primary.cloned();
        }
        if let (Some(m), Some(noun)) = (metric, f.unit_noun.clone().filter(|_| f.noun.is_some())) {
            counts.push((noun, m));
        }
        carried = Some(Carried {
            sentence: si,
            end: said_end,
            label: label.clone(),
            metric,
            noun: f.unit_noun.clone(),
        });
        out.push(NewIndicator {
            metric: metric.map_or(MetricKey::OTHER, MetricKey::of),
            label: capitalise(&label),
            value: f.value,
            unit: f.unit,
            unit_noun: f.unit_noun.clone(),
            denominator: f.denominator,
            qualifier: f.qualifier,
            direction: direction(before),
            period: period_of(
                ctx.stated,
                &setters,
                scope.clause,
                (start, end),
                next_figure,
                ctx.period,
            ),
            locality,
            evidence: Evidence::new(body, ctx.field, (ss, se), (start, end), &to_char),
        });
    }
    out
}
