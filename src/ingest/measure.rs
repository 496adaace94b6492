//! Which metric a figure measures, from where it stands: a percentage of a plan is plan
//! fulfilment whatever it fulfils; a rank is a rank; a count after "cho" counts who received
//! what the clause gives; a figure that names nothing carries the measure of the one before
//! it; a count of the noun counted just before counts the same; else the cues of its label,
//! its clause and its sentence ([`metrics`]).

use std::sync::LazyLock;

use regex::Regex;

use super::metrics::{self, Measured};
use crate::domain::{Metric, MetricKey, Unit};

/// What a percentage is a share of, said right after it: a plan, an estimate, a target.
static OF_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\)?\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|kh|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|nq)(?:[^\p{L}]|$)")
        .expect("of plan")
});
/// A bare "đạt 51,2%" closing a clause: the share of its plan that the amount before reached.
static BARE_SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,;(]\s*)(?:đạt|bằng)\s*(?:khoảng|gần|hơn|trên)?\s*$").expect("share")
});
static CLOSES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:[,;.)]|và\s|$)").expect("closes"));
static RANKED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:xếp\s+thứ|đứng\s+thứ|xếp\s+hạng)\s*$").expect("ranked"));
/// Who receives what the clause gives: "tặng quà cho 3.000 hộ".
static RECIPIENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)cho(?:\s+(?:trên|hơn|gần|khoảng|tổng\s+số))?\s*$").expect("recipients")
});
/// Metrics that say who people are rather than what they got.
const WHO: &[&str] = &[
    "poor_households",
    "near_poor_households",
    "households",
    "participants",
    "voters",
];
static RATE_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"tỷ\s+lệ|tỉ\s+lệ").expect("rate"));

static STRUCTURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"cơ\s+cấu|tỷ\s+trọng|tỉ\s+trọng").expect("structure"));

/// Whether the words before a percentage name one sector of the economy and nothing else:
/// "dịch vụ tăng", "riêng nông, lâm nghiệp và thủy sản tăng", "khu vực III (dịch vụ)".
/// Normalised text.
fn names_a_sector(lead: &str) -> bool {
    const HEADS: [&str; 5] = ["lĩnh vực", "khu vực", "nhóm ngành", "ngành", "khối"];
    const WORDS: [&str; 16] = [
        "nông", "lâm", "nghiệp", "thủy", "sản", "công", "xây", "dựng", "dịch", "vụ", "thương", "mại", "thuế",
        "phẩm", "và", "riêng",
    ];
    const VERBS: [&str; 13] = [
        "tăng",
        "giảm",
        "đạt",
        "chiếm",
        "ước",
        "khoảng",
        "trưởng",
        "có",
        "từ",
        "bình",
        "quân",
        "còn",
        "lên",
    ];
    let clause = lead.rsplit([';', ':', '.']).next().unwrap_or(lead);
    let clause = clause
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    let clause = clause.strip_prefix("trong đó").unwrap_or(clause);
    let mut words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| VERBS.contains(w) || *w == "tăng") {
        words.pop();
    }
    let text = words.join(" ");
    let rest = HEADS.iter().find_map(|h| text.strip_prefix(h)).unwrap_or(&text);
    let named: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| !matches!(*w, "i" | "ii" | "iii"))
        .collect();
    // "thủy sản" alone is as often the catch as the sector.
    let catch_only = named == ["thủy", "sản"] && !text.starts_with("ngành") && !text.starts_with("khu vực");
    named.len() >= 2
        && named.iter().all(|w| WORDS.contains(w))
        && ["nghiệp", "vụ", "dựng", "sản", "mại"]
            .iter()
            .any(|w| named.contains(w))
        && !catch_only
}

/// The figure just before, in the same sentence.
#[derive(Debug, Clone, Copy)]
pub struct Before {
    pub unit: Unit,
    pub metric: Option<&'static Metric>,
}

/// Where a figure stands, as normalised text ([`metrics::normal`]).
pub struct Standing<'a> {
    pub measured: Measured<'a>,
    /// The clause up to the figure.
    pub before: &'a str,
    /// The clause after the figure.
    pub after: &'a str,
    /// The figure's whole clause, and where in it the figure starts.
    pub clause: &'a str,
    pub at: usize,
    /// The sentence before the clause.
    pub sentence_before: &'a str,
    /// The label with the words around it that name the measure.
    pub cue: &'a str,
    /// The text before the figure within its label's window.
    pub lead: &'a str,
    /// Whether the figure's own label names nothing ("tăng 3%").
    pub bare: bool,
    /// The previous figure of the sentence.
    pub previous: Option<Before>,
    /// The metric of the last count of the same noun in the paragraph, if any.
    pub same_noun: Option<&'static Metric>,
    /// Whether that count is the item before in a list of the same sentence, or the whole
    /// that a "trong đó" breaks down.
    pub in_list: bool,
    /// Whether the figure follows the one before across a slash ("166 mô hình/30 chi bộ"):
    /// how many units the figure before is spread over, of the same measure.
    pub joined: bool,
    /// What the article is about (its title): the last resort for what a count counts.
    pub topic: &'a str,
}

fn plan() -> &'static Metric {
    MetricKey::parse("plan_fulfilment")
        .expect("in the catalog")
        .metric()
}

fn rank() -> &'static Metric {
    MetricKey::parse("ranking").expect("in the catalog").metric()
}

/// What a share of a plan is a share of, as the words after it name it ("dự toán", "kế
/// hoạch"); a plan when they name none.
pub fn plan_base(after: &str) -> &'static str {
    const BASES: [(&str, &str); 7] = [
        ("kế hoạch", "kế hoạch"),
        ("kh", "kế hoạch"),
        ("dự toán", "dự toán"),
        ("chỉ tiêu", "chỉ tiêu"),
        ("mục tiêu", "mục tiêu"),
        ("nghị quyết", "nghị quyết"),
        ("nq", "nghị quyết"),
    ];
    let head = after.trim_start_matches(|c: char| !c.is_alphanumeric());
    let head = head
        .strip_prefix("so với ")
        .or_else(|| head.strip_prefix("so "))
        .unwrap_or(head);
    BASES
        .iter()
        .find(|(w, _)| head.starts_with(w) && !head[w.len()..].starts_with(char::is_alphanumeric))
        .map_or("kế hoạch", |(_, base)| base)
}

/// Whether a metric is a figure's share of another measure (of its plan, its rank), not the
/// measure itself.
pub fn is_a_share(m: &Metric) -> bool {
    m.key == "plan_fulfilment" || m.key == "ranking"
}

/// The metric a figure measures, if the catalog has it.
pub fn metric_of(s: &Standing<'_>) -> Option<&'static Metric> {
    let f = s.measured;
    if matches!(f.unit, Unit::Percent) {
        if OF_PLAN.is_match(s.after) {
            return Some(plan());
        }
        let after_amount = s.previous.is_some_and(|p| {
            !matches!(
                p.unit,
                Unit::Percent | Unit::PercentagePoint | Unit::Count | Unit::Ratio
            )
        });
        if after_amount
            && BARE_SHARE.is_match(s.before)
            && CLOSES.is_match(s.after)
            && !RATE_WORD.is_match(s.lead)
        {
            return Some(plan());
        }
    }
    // The sector may take more words than the label's window: "nông, lâm nghiệp và thủy sản tăng".
    let since_figure = s
        .before
        .rsplit(|c: char| c.is_ascii_digit() || c == '%')
        .next()
        .unwrap_or(s.before);
    if matches!(f.unit, Unit::Percent) && (names_a_sector(s.lead) || names_a_sector(since_figure)) {
        let share = s.before.contains("chiếm")
            || STRUCTURE.is_match(s.sentence_before)
            || STRUCTURE.is_match(s.clause);
        return MetricKey::parse(if share {
            "economic_structure"
        } else {
            "sector_growth"
        })
        .map(MetricKey::metric);
    }
    if matches!(f.unit, Unit::Ratio | Unit::Count) && RANKED.is_match(s.before) {
        return Some(rank());
    }
    // Who received is said by who they are ("hộ nghèo"); what they received, by the clause
    // before "cho" — unless what follows names it ("cho 63 hộ xóa nhà tạm").
    if RECIPIENTS.is_match(s.before) {
        let own = metrics::classify_label(s.cue, f).filter(|m| !WHO.contains(&m.key));
        let given = Measured { noun: None, ..f };
        if let Some(m) = own.or_else(|| metrics::classify_context(s.before, s.before.len(), given)) {
            return Some(m);
        }
    }
    if s.bare {
        if let Some(m) = s.previous.and_then(|p| p.metric).filter(|m| m.allows(f.unit)) {
            return Some(m);
        }
    }
    // An item of a list continues its head: "giải quyết 32/52 vụ KN, 63/78 vụ TC".
    if let Some(m) = s
        .previous
        .and_then(|p| p.metric)
        .filter(|m| s.joined && m.allows(f.unit))
    {
        return Some(m);
    }
    if let Some(m) = s.same_noun.filter(|m| metrics::fits(m, f) && s.in_list) {
        return Some(m);
    }
    metrics::classify_label(s.cue, f)
        .or(s.same_noun.filter(|m| metrics::fits(m, f)))
        .or_else(|| metrics::classify_context(s.clause, s.at, f))
        .or_else(|| metrics::classify_list_item(s.sentence_before, s.clause, f))
        .or_else(|| metrics::classify_context(s.topic, s.topic.len(), f).filter(|_| f.noun.is_some()))
}

#[cfg(test)]
mod tests;
