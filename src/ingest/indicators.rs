//! Turns the figures of a body into indicators: label, metric, direction, locality, period
//! and evidence (the sentence, and the figure's offsets in Unicode scalar values).

use std::sync::LazyLock;

use regex::Regex;

use super::figures::{Figure, find_figures};
use super::localities::Mention;
use super::metrics::{self, Metric};
use super::numbers::looks_like_year;
use super::text::fold;
use super::tokens::{Kind, Token, sentences, tokenize};
use crate::domain::{Direction, Evidence, NewIndicator, Unit};

/// What the article says around its figures.
pub struct Context<'a> {
    pub mentions: &'a [Mention],
    pub primary: Option<&'a str>,
    pub period: Option<&'a str>,
}

/// Words that end a label before its figure: verbs, qualifiers, fillers.
const TRAILING: &[&str] = &[
    "đạt",
    "tăng",
    "giảm",
    "trưởng",
    "còn",
    "là",
    "ước",
    "bằng",
    "chiếm",
    "lên",
    "xuống",
    "vượt",
    "được",
    "với",
    "khoảng",
    "trên",
    "hơn",
    "gần",
    "dưới",
    "mức",
    "ở",
    "có",
    "thêm",
    "xấp",
    "xỉ",
    "chỉ",
    "đã",
    "đều",
    "tới",
    "đến",
    "cho",
    "thu",
    "hút",
    "gồm",
    "tổng",
    "số",
    "ra",
    "đề",
    "tính",
    "riêng",
    "như",
    "cao",
    "lần",
    "nay",
    "vào",
    "khi",
    "và",
    "tại",
    "của",
    "trong",
    "đó",
    "thì",
    "mà",
];

/// Words that open a clause without being part of what it measures.
const LEADING: &[&str] = &[
    "trong", "đó", "như", "và", "còn", "riêng", "đồng", "thời", "cụ", "thể", "bên", "cạnh", "ngoài", "ra",
    "đặc", "biệt", "là", "với", "có", "đã", "đối", "hiện", "nay", "theo", "qua", "nhất",
];

static PERIOD_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\s*,?\s*(?:trong\s+)?(?:(?:(?:6|06|sáu|9|09|chín|3|03)\s+tháng(?:\s+(?:đầu|cuối))?|quý\s+[ivx0-9]+)\s+)?(?:năm(?:\s+học)?\s+[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?|năm\s+qua|năm\s+nay|thời\s+gian\s+qua|(?:6|06|sáu)\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?(?:\s+[0-9]{4})?))+\s*,?\s*",
    )
    .expect("period phrase")
});

static LOCALITY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:tỉnh|thành phố|tp\.?|thị xã|huyện|quận|xã|phường|thị trấn)(?:\s+\p{Lu}\S*)+$")
        .expect("locality only")
});

/// Byte → Unicode-scalar offsets for a sorted set of byte positions.
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
            .map(|i| table[i].1)
            .unwrap_or(0)
    }
}

fn words<'a>(toks: &'a [Token<'a>]) -> impl DoubleEndedIterator<Item = String> + 'a {
    toks.iter().filter(|t| t.kind == Kind::Word).map(|t| t.lower())
}

fn direction(before: &[Token<'_>]) -> Direction {
    for w in words(before).rev().take(4) {
        match w.as_str() {
            "tăng" => return Direction::Increase,
            "giảm" => return Direction::Decrease,
            "trưởng" | "ước" | "trên" | "hơn" | "gần" | "khoảng" | "thêm" | "lên" | "xuống" | "được"
            | "xấp" | "xỉ" => {}
            _ => return Direction::Level,
        }
    }
    Direction::Level
}

/// The phrase naming what a figure measures, from the text before it.
fn label_before(text: &str) -> String {
    let mut s = text
        .trim()
        .trim_end_matches([',', ':', '-', '–'])
        .trim()
        .to_owned();
    loop {
        let before = s.clone();
        let toks = tokenize(&s);
        if let Some(last) = toks
            .last()
            .filter(|t| t.kind == Kind::Word && TRAILING.contains(&t.lower().as_str()))
        {
            s.truncate(last.start);
        }
        let trimmed = PERIOD_PHRASE
            .find_iter(&s)
            .last()
            .filter(|m| m.end() == s.len())
            .map(|m| m.start());
        if let Some(start) = trimmed {
            s.truncate(start);
        }
        s = s
            .trim()
            .trim_end_matches([',', ':', '-', '–', '('])
            .trim()
            .to_owned();
        if s == before {
            break;
        }
    }
    // A short list item before a comma belongs to the same noun: "nông, lâm nghiệp, thủy sản".
    let segments: Vec<&str> = s.split(", ").collect();
    let mut from = segments.len().saturating_sub(1);
    while from > 0 && segments[from].split_whitespace().count() <= 2 {
        from -= 1;
    }
    let mut label = segments[from..].join(", ");
    label = PERIOD_PHRASE.replace(&label, " ").trim().to_owned();
    let label = strip_leading(&label);
    // A measure noun heads the label: "… thành công với tỷ lệ cử tri tham gia" → "tỷ lệ cử tri tham gia".
    let lower = label.to_lowercase();
    match MEASURE_HEADS
        .iter()
        .filter_map(|h| lower.rfind(h))
        .filter(|&p| p > 0)
        .max()
    {
        Some(p) if lower[..p].ends_with(' ') => label[p..].to_owned(),
        _ => label,
    }
}

/// Nouns that open the name of a measure.
const MEASURE_HEADS: &[&str] = &[
    "tỷ lệ ",
    "tỉ lệ ",
    "tốc độ ",
    "tổng mức ",
    "tổng kim ngạch ",
    "tổng số ",
    "giá trị ",
    "chỉ số ",
];

fn strip_leading(s: &str) -> String {
    let toks = tokenize(s);
    let start = toks
        .iter()
        .position(|t| {
            !(t.kind == Kind::Punct || (t.kind == Kind::Word && LEADING.contains(&t.lower().as_str())))
        })
        .map_or(s.len(), |i| toks[i].start);
    s[start..].trim().to_owned()
}

/// The phrase after a count: its noun and what is said of it, up to the clause's end.
fn label_after(toks: &[Token<'_>], noun: &str, from: usize, text: &str) -> String {
    let stop = |t: &Token<'_>| {
        (t.kind == Kind::Number && !looks_like_year(t.text))
            || (t.kind == Kind::Punct && !["-", "“", "”", "\""].contains(&t.text))
    };
    let end = toks[from..]
        .iter()
        .position(stop)
        .map_or(toks.len(), |p| from + p)
        .min(from + 10);
    let Some(last) = end.checked_sub(1).filter(|&l| l >= from) else {
        return noun.to_owned();
    };
    let rest = format!(" {}", &text[toks[from].start..toks[last].end]);
    let rest = match rest.find(" tại ").or_else(|| rest.find(" ở ")) {
        Some(p) => &rest[..p],
        None => &rest,
    };
    format!("{noun} {}", label_before(rest)).trim().to_owned()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn is_empty_label(label: &str) -> bool {
    !label.chars().any(char::is_alphabetic) || LOCALITY_ONLY.is_match(label)
}

/// Every indicator of a body.
pub fn extract(body: &str, ctx: &Context<'_>) -> Vec<NewIndicator> {
    let toks = tokenize(body);
    let figures = find_figures(&toks);
    if figures.is_empty() {
        return Vec::new();
    }
    let sents = sentences(body);
    let span = |f: &Figure| (toks[f.first].start, toks[f.last - 1].end);
    let mut positions: Vec<usize> = Vec::new();
    for f in &figures {
        let (s, e) = span(f);
        positions.extend([s, e]);
    }
    positions.extend(sents.iter().flat_map(|&(s, e)| [s, e]));
    let to_char = char_offsets(body, positions);

    let mut out: Vec<NewIndicator> = Vec::with_capacity(figures.len());
    let mut previous: Option<(usize, usize, String, &'static Metric)> = None; // sentence, tail byte, label, metric
    let mut counts: Vec<(String, &'static Metric)> = Vec::new();
    for f in &figures {
        let (start, end) = span(f);
        let si = sents
            .partition_point(|&(_, e)| e <= start)
            .min(sents.len().saturating_sub(1));
        let (ss, se) = sents.get(si).copied().unwrap_or((0, body.len()));
        let sentence = &body[ss..se];
        let clause_start = body[ss..start].rfind(';').map_or(ss, |p| ss + p + 1);
        let clause_end = body[end..se].find(';').map_or(se, |p| end + p);
        let mut window_start = body[clause_start..start]
            .rfind([':', '('])
            .map_or(clause_start, |p| clause_start + p + 1);
        let prev_same_sentence = previous.as_ref().filter(|p| p.0 == si);
        if let Some(p) = prev_same_sentence {
            window_start = window_start.max(p.1.min(start));
        }
        let breakdown = f.noun.is_none() && f.unit == Unit::Count;
        if breakdown {
            window_start = body[window_start..start]
                .rfind(',')
                .map_or(window_start, |p| window_start + p + 1);
        }
        let before_toks: Vec<Token<'_>> = toks[..f.first]
            .iter()
            .rev()
            .take_while(|t| t.start >= window_start)
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let direction = direction(&before_toks);

        let (mut label, cue_text) = if breakdown {
            let own = label_before(&body[window_start..start]);
            let noun = f.unit_noun.clone().unwrap_or_default();
            (format!("{noun} {own}").trim().to_owned(), String::new())
        } else if f.label_after {
            let label = label_after(&toks, f.unit_noun.as_deref().unwrap_or_default(), f.last, body);
            let lead: Vec<String> = words(&before_toks)
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let cue = format!("{} {label}", lead.join(" "));
            (label, cue)
        } else {
            let label = label_before(&body[window_start..start]);
            let tail = toks
                .get(f.tail.saturating_sub(1))
                .filter(|_| f.tail > f.last)
                .map_or(end, |t| t.end);
            let cue = format!("{label} {}", &body[end..tail.max(end)]);
            (label, cue)
        };

        let mut metric = None;
        if breakdown {
            metric = counts
                .iter()
                .rev()
                .find(|(n, _)| Some(n) == f.unit_noun.as_ref())
                .map(|(_, m)| *m);
        }
        if is_empty_label(&label) {
            if let Some(p) = prev_same_sentence {
                label = p.2.clone();
                metric = Some(p.3);
            }
        }
        let metric = metric
            .or_else(|| metrics::classify_label(&fold(&cue_text), f.unit))
            .or_else(|| {
                let clause = fold(&body[clause_start..clause_end]);
                metrics::classify_context(&clause, fold(&body[clause_start..start]).len(), f.unit)
            })
            .or_else(|| metrics::classify_context(&fold(sentence), fold(&body[ss..start]).len(), f.unit));
        let label = if is_empty_label(&label) {
            f.unit_noun.clone().unwrap_or_default()
        } else {
            label
        };
        let locality = locality_of(
            ctx,
            to_char(ss),
            (to_char(start), to_char(end)),
            &body[end..clause_end],
        );

        if let Some(m) = metric {
            if let Some(noun) = f.unit_noun.clone().filter(|_| f.noun.is_some()) {
                counts.push((noun, m));
            }
            let tail_end = toks.get(f.tail.saturating_sub(1)).map_or(end, |t| t.end.max(end));
            previous = Some((si, tail_end, label.clone(), m));
        }
        out.push(NewIndicator {
            metric: metric.map_or("other", |m| m.key).to_owned(),
            label: capitalise(&label),
            value: f.value,
            unit: f.unit,
            unit_noun: f.unit_noun.clone(),
            denominator: f.denominator,
            qualifier: f.qualifier.map(str::to_owned),
            direction,
            period: ctx.period.map(str::to_owned),
            locality,
            evidence: Evidence {
                text: sentence.to_owned(),
                start: to_char(start),
                end: to_char(end),
            },
        });
    }
    out
}

/// The unit a figure is about: the nearest place named before it in its sentence, or one
/// named after it with "tại"/"ở" in its clause, or else the article's primary unit.
fn locality_of(
    ctx: &Context<'_>,
    sent_start: usize,
    (fig_start, fig_end): (usize, usize),
    after: &str,
) -> Option<String> {
    let before = ctx
        .mentions
        .iter()
        .rev()
        .find(|m| m.start >= sent_start && m.end <= fig_start);
    if let Some(m) = before {
        return Some(m.code.clone());
    }
    let clause_len = after.chars().count();
    let named_after = ctx
        .mentions
        .iter()
        .find(|m| m.start >= fig_end && m.end <= fig_end + clause_len && m.start <= fig_end + 40);
    if let Some(m) = named_after {
        let between: String = after.chars().take(m.start - fig_end).collect();
        if between.contains(" tại ") || between.contains(" ở ") {
            return Some(m.code.clone());
        }
    }
    ctx.primary.map(str::to_owned)
}
