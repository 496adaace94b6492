//! Turns the figures of a body into indicators: label, metric, direction, locality, period
//! and evidence (the sentence, and the figure's offsets in Unicode scalar values).

use super::figures::{Figure, find_figures};
use super::labels::{Said, capitalise, is_empty_label, said};
use super::localities::Mention;
use super::measure::{self, Standing, metric_of};
use super::metrics::{self, Measured};
use super::periods::{Stated, period_of, setters};
use super::scope::{Scope, paragraphs, place_of, usable};
use super::tokens::{Kind, Token, sentences};
use crate::domain::{Evidence, MetricKey, NewIndicator, Period, PlaceId, TextField, Unit};

mod carried;
mod figure_period;
mod text;

use carried::{Carried, Counted, window_start};
use figure_period::FigureAt;

use text::{char_offsets, direction, first_word, floor_boundary};

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
    /// The article's title: what a count that says nothing else counts of.
    pub title: &'a str,
    /// The day the text was written, as far as the page tells.
    pub written: Option<chrono::NaiveDate>,
    /// The month of the event the article tells of, when it is a handing-over.
    pub event_month: Option<&'a Period>,
}

/// What is handed out at an event, and so is of the event's month.
const HANDED_OUT: &[&str] = &[
    "gifts",
    "support_in_need",
    "charity_houses",
    "awards",
    "funds_raised",
];

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

    let topic = metrics::normal(ctx.title);
    let mut out = Vec::with_capacity(figures.len());
    let mut carried: Option<Carried> = None;
    let mut counts: Vec<Counted> = Vec::new();
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
        let Said {
            mut label,
            cue,
            lead,
            verb,
            end: said_end,
        } = said(body, toks, f, from, (start, end), breakdown);

        let mut metric = None;
        if breakdown {
            metric = counts
                .iter()
                .rev()
                .take(16)
                .find(|c| Some(&c.noun) == f.unit_noun.as_ref())
                .map(|c| c.metric);
        }
        // A figure that names nothing is of the measure named before it: in its sentence, or
        // in its paragraph ("GRDP quý 3 tăng 8,62%. Tính chung 9 tháng đạt 8,61%").
        let bare = is_empty_label(&label);
        let named_before = carried
            .as_ref()
            .filter(|c| c.sentence == si || (bare && f.noun.is_none() && c.paragraph == scope.paragraph.0));
        if bare {
            if let Some(c) = named_before {
                label = c.label.clone();
            }
        }
        // What a count counts, as the words after it begin ("cử tri đi bầu"): the noun the
        // figure reader took may be the first word of a longer one.
        let noun = match f.noun {
            Some((ns, _)) => {
                let words: Vec<&str> = toks[ns..]
                    .iter()
                    .take_while(|t| t.kind == Kind::Word)
                    .take(3)
                    .map(|t| t.text)
                    .collect();
                Some(metrics::normal(&words.join(" ")))
            }
            None => f.unit_noun.as_deref().map(metrics::normal),
        };
        // "Trong đó, 194 mô hình tập thể …" breaks down the count before; "giải quyết 32/52 vụ
        // việc KN, 63/78 vụ việc TC" lists two of one kind; "Qua đánh giá có 115 mô hình …"
        // counts again what the paragraph counted: each counts the same.
        let head = f.unit_noun.as_deref().map(first_word);
        let breaks_down = body[clause_start..start]
            .trim_start()
            .to_lowercase()
            .starts_with("trong đó");
        let joined = f.first > 0 && toks[f.first - 1].is("/") && !toks[f.first].spaced;
        // An item of a list with no verb of its own: "giải quyết 32/52 vụ KN, 63/78 vụ TC",
        // "tuyên dương 31 tập thể và 12 cá nhân".
        let listed = |c: &Carried| {
            let between = body.get(c.end.min(start)..start).unwrap_or_default().trim();
            c.sentence == si
                && (joined || verb.is_empty() && matches!(between, "," | ";" | "và" | ", và" | "" | "-"))
        };
        let (same_noun, in_list) = match (&carried, head) {
            (Some(c), Some(h))
                if (breaks_down && c.noun.as_deref().map(first_word) == Some(h)) || listed(c) =>
            {
                (c.metric, true)
            }
            (_, Some(h)) => counts
                .iter()
                .rev()
                .take_while(|c| c.start >= scope.paragraph.0)
                .find(|c| first_word(&c.noun) == h)
                .map_or((None, false), |c| (Some(c.metric), false)),
            _ => (None, false),
        };
        let previous = named_before.map(Carried::before);
        let (before_text, after_text) = (
            metrics::normal(&body[clause_start..start]),
            metrics::normal(&body[end..floor_boundary(body, clause_end.min(end + 60).max(end))]),
        );
        let clause = metrics::normal(&body[clause_start..clause_end]);
        let metric = metric.or_else(|| {
            metric_of(&Standing {
                measured: Measured {
                    unit: f.unit,
                    noun: noun.as_deref(),
                },
                before: &before_text,
                after: &after_text,
                clause: &clause,
                at: before_text.len(),
                sentence_before: &metrics::normal(&body[ss..clause_start]),
                cue: &metrics::normal(&cue),
                lead: &metrics::normal(&lead),
                bare: bare && named_before.is_some(),
                previous,
                same_noun,
                in_list,
                joined,
                topic: &topic,
            })
        });
        let metric = match carried.as_ref().and_then(|c| c.contribution(si, f.unit, &label)) {
            Some(contribution) => {
                label = contribution;
                MetricKey::parse("growth_contribution").map(MetricKey::metric)
            }
            None => metric,
        };
        // A share of a plan says of which measure: "thu ngân sách so với dự toán".
        if metric.is_some_and(|m| m.key == "plan_fulfilment") {
            let measure = match named_before {
                Some(c) if bare || label.split_whitespace().count() <= 1 => c.label.clone(),
                _ => label.clone(),
            };
            label = format!("{measure} so với {}", measure::plan_base(&after_text));
        }
        if is_empty_label(&label) {
            label = f.unit_noun.clone().unwrap_or_default();
        }
        if let Some(head) = carried
            .as_ref()
            .and_then(|c| c.head_label(si, &label, f.unit_noun.as_deref(), metric))
        {
            label = head.to_owned();
        }
        // A count named by its noun alone is the number of them: "có 75 hộ" → "số hộ".
        if f.unit == Unit::Count
            && f.unit_noun
                .as_deref()
                .is_some_and(|n| n.to_lowercase() == label.to_lowercase())
            && label.split_whitespace().count() == 1
        {
            label = format!("số {}", label.to_lowercase());
        }
        let mut locality = place_of(body, &scope, &usable, ctx.primary);
        // A headline names a commune's province for readers elsewhere ("Một xã ở Hà Nội thu …"):
        // its figure is the article's unit's when that lies within.
        if ctx.field == TextField::Title && locality.as_ref().is_some_and(|l| ctx.primary_within.contains(l))
        {
            locality = ctx.primary.cloned();
        }
        if let (Some(m), Some(noun)) = (metric, f.unit_noun.clone().filter(|_| f.noun.is_some())) {
            counts.push(Counted {
                start,
                noun,
                metric: m,
            });
        }
        // A share of a plan or a rank carries on the measure it is of.
        let measure = match metric {
            Some(m) if measure::is_a_share(m) => previous.and_then(|p| p.metric),
            m => m,
        };
        let (period, scoped) = period_of(
            ctx.stated,
            &setters,
            scope.clause,
            (start, end),
            next_figure,
            ctx.period,
        );
        let direction = direction(before);
        let period = figure_period::adjusted(
            period,
            &FigureAt {
                ctx,
                scoped,
                metric,
                unit: f.unit,
                direction,
                body,
                clause: (clause_start, clause_end),
                span: (start, end),
            },
        );
        carried = Some(Carried {
            sentence: si,
            paragraph: scope.paragraph.0,
            end: said_end,
            label: label.clone(),
            metric: measure,
            noun: f.unit_noun.clone(),
            unit: f.unit,
        });
        out.push(NewIndicator {
            metric: metric.map_or(MetricKey::OTHER, MetricKey::of),
            label: capitalise(&label),
            value: f.value,
            unit: f.unit,
            unit_noun: f.unit_noun.clone(),
            denominator: f.denominator,
            qualifier: f.qualifier,
            direction,
            period,
            locality,
            evidence: Evidence::new(body, ctx.field, (ss, se), (start, end), &to_char),
        });
    }
    out
}
