//! Facets: how many items of a filtered list have each value of a field, for filter sidebars.

use crate::domain::keyword::keyword;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

keyword! {
/// A field a list can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKey {
    /// The metric of the figures (of an article's figures, for articles).
    Metric = "metric",
    /// The unit of measure of the figures.
    Unit = "unit",
    /// Whether the figures are levels or changes.
    Direction = "direction",
    /// The period the figures (or the article) report on.
    Period = "period",
    /// The unit the figures are about (the article's primary unit, for articles).
    Locality = "locality",
}
}

/// Most values a facet lists: the most frequent ones.
pub const FACET_VALUES: usize = 30;

/// One value of a facet and how many items have it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"value": "poverty_rate", "label": "Poverty rate", "count": 5}))]
pub struct FacetValue {
    /// The value, as the list's filter of the same name takes it; `null` for items without one
    /// (figures with no period).
    pub value: Option<String>,
    /// What to show for it: a metric's English name, a unit's name; `null` when the value
    /// says it all.
    pub label: Option<String>,
    pub count: u64,
}

/// The counts of one field over a whole filtered list (not only the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "name": "metric", "values": [{"value": "poverty_rate", "label": "Poverty rate", "count": 5}],
    "truncated": false, "timed_out": false
}))]
pub struct Facet {
    pub name: FacetKey,
    /// The most frequent values first, at most 30.
    pub values: Vec<FacetValue>,
    /// `true` when more values exist than are listed.
    pub truncated: bool,
    /// `true` when counting ran past its time budget (half a second) and `values` is empty:
    /// narrow the list with a filter and ask again.
    pub timed_out: bool,
}
