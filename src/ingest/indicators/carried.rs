//! What one figure leaves to the next: its label, metric and noun, carried to a figure that
//! names no measure of its own or continues its list, and the counts whose metric is known.

use crate::domain::{Metric, Unit};
use crate::ingest::labels::uncapitalise;
use crate::ingest::measure::Before;

/// The label and metric of the last figure, carried to a figure that names no measure of
/// its own ("giảm 1,41% còn 5,33%").
pub(super) struct Carried {
    pub(super) sentence: usize,
    /// Byte where its paragraph starts.
    pub(super) paragraph: usize,
    /// Byte where the last figure and what it said end.
    pub(super) end: usize,
    pub(super) label: String,
    pub(super) metric: Option<&'static Metric>,
    /// What a count counted.
    pub(super) noun: Option<String>,
    pub(super) unit: Unit,
}

/// Verbs that say a figure in points is a part's share of a whole's growth.
const CONTRIBUTING: &[&str] = &["đóng góp", "đóng", "góp", "làm", "kéo"];

impl Carried {
    /// A sector's share of growth, said right after its growth: "khu vực nông nghiệp giảm 2,4%,
    /// làm giảm 0,6 điểm phần trăm" is its contribution, not its growth; the label says whose.
    pub(super) fn contribution(&self, sentence: usize, unit: Unit, label: &str) -> Option<String> {
        let part = &self.label;
        let contributes = unit == Unit::PercentagePoint
            && CONTRIBUTING.contains(&label.to_lowercase().as_str())
            && self.sentence == sentence
            && self.unit == Unit::Percent
            && !part.is_empty()
            && !part.to_lowercase().starts_with("đóng góp");
        contributes.then(|| format!("đóng góp của {} vào tăng trưởng", uncapitalise(part)))
    }

    /// The head's label for an item of its list that says only what it counts: "Nam Mẫu 3 mô
    /// hình" after "20 mô hình Dân vận khéo" is labelled "mô hình Dân vận khéo".
    pub(super) fn head_label(
        &self,
        sentence: usize,
        label: &str,
        noun: Option<&str>,
        metric: Option<&'static Metric>,
    ) -> Option<&str> {
        let says_only_its_noun = noun.is_some_and(|n| label.trim().to_lowercase() == n.to_lowercase());
        let head = says_only_its_noun
            && self.sentence == sentence
            && self.noun.as_deref() == noun
            && metric.is_some()
            && self.metric == metric
            && self.label.len() > label.len();
        head.then_some(self.label.as_str())
    }

    pub(super) fn before(&self) -> Before {
        Before {
            unit: self.unit,
            metric: self.metric,
        }
    }
}

/// A count whose metric is known: a later count of the same noun counts the same.
pub(super) struct Counted {
    pub(super) start: usize,
    pub(super) noun: String,
    pub(super) metric: &'static Metric,
}

/// Where the text naming a figure's measure starts: the clause, after an unclosed "(" or a
/// ":", and after the previous figure of the same sentence.
pub(super) fn window_start(
    body: &str,
    clause_start: usize,
    start: usize,
    carried: Option<&Carried>,
) -> usize {
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
