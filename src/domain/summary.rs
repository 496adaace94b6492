//! Roll-ups for dashboards: what the articles about a unit report, metric by metric, with the
//! unit's own figures kept apart from those of the units on its ground.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::comparison::recency;
use super::ground::{GroundPoint, ground_per_period};
use super::like_with_like::{Chosen, choose_value};
use super::period_kind::rounded_like;
use super::series::{SeriesValue, one_per_period};
use super::{Direction, Figure, LocalityRef, MetricKey, Period, Spread, Unit};

/// The value a card shows for a metric: the unit's own, chosen as a comparison chooses a
/// unit's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CardValue {
    pub value: f64,
    /// `level`, or the change reported when the unit has no level of the metric.
    pub direction: Direction,
    #[schema(value_type = Option<String>, example = "2020")]
    pub period: Option<Period>,
    /// How many values of this direction were reported for the period.
    pub count: u64,
    /// Their range, and whether they differ beyond rounding.
    pub spread: Option<Spread>,
    /// The figure shown: the last reported of the period.
    pub figure: Figure,
}

/// How the card's value moved since the period before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"period": "2019", "value": 6.2, "change": -0.87, "direction": "decrease"}))]
pub struct Trend {
    /// The latest earlier period of the same kind with a value (the year before a year, the
    /// half before a half), ended before the card's period starts.
    #[schema(value_type = String, example = "2019")]
    pub period: Period,
    /// The value chosen for it, as for the card's.
    pub value: f64,
    /// The card's value minus this one, in the metric's unit.
    pub change: f64,
    /// `increase`, `decrease`, or `level` when the two agree up to rounding.
    pub direction: Direction,
}

/// A metric's values about the units on a unit's ground: the units under it, and the units of
/// the other map that lie within it, period by period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
pub struct GroundCard {
    /// How many values there are in all.
    pub count: u64,
    /// The direction of the points: `level` when any unit reports a level, else a change.
    pub direction: Option<Direction>,
    /// The period that ends last: how many units report it, their range and median.
    pub latest: Option<GroundPoint>,
    /// With `include=series`: one point per period, oldest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Vec<GroundPoint>>,
}

/// One metric in one unit of measure, as a dashboard tile shows it: the unit's own value and
/// trend, and apart what the units on its ground report. A metric reported in two units
/// (percent and percentage points, đồng and US dollars) has a card for each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MetricCard {
    pub metric: String,
    pub name_vi: String,
    pub name_en: String,
    /// The unit of every value below.
    pub unit: Unit,
    /// How many values there are about the unit itself (or its same unit on the other map).
    pub count: u64,
    /// The unit's own value: of its levels (its changes when it has none) the period that ends
    /// last, the longer at a tie (a year before its second half); of that period the last
    /// reported. `null` when nothing is reported about the unit itself: a value of a part is
    /// never given as the unit's own.
    pub latest: Option<CardValue>,
    /// Against the period before; `null` when no earlier period of the kind has a value.
    pub trend: Option<Trend>,
    /// With `include=series`: the unit's own values of `latest`'s direction, one point per
    /// period (chosen as `latest` is), oldest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Vec<SeriesValue>>,
    /// The same metric and unit about the units on its ground; empty with `rollup=false`.
    pub parts: GroundCard,
}

/// A child unit with how much is reported about it and the units on its ground.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"locality": {"id": "2024-d058", "scheme": "2024", "code": "058", "name": "Thành phố Bắc Kạn", "level": "district"}, "article_count": 2, "indicator_count": 32}))]
pub struct ChildCount {
    pub locality: LocalityRef,
    pub article_count: u64,
    pub indicator_count: u64,
}

/// What a dashboard card shows for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LocalitySummary {
    pub locality: LocalityRef,
    /// Whether what is reported about the units on its ground is counted in: the units under
    /// it, and the units of the other map within it.
    pub rolled_up: bool,
    pub article_count: u64,
    /// Earliest and latest article date (publication, else event).
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub indicator_count: u64,
    /// Of `indicator_count`, the values about units of the other map (see `crosswalk` on each
    /// value).
    pub crosswalk_indicator_count: u64,
    pub metrics: Vec<MetricCard>,
    /// Units one level down on the unit's own map.
    pub child_count: u64,
    /// Of them, those that an article names.
    pub children_with_articles: u64,
    /// With `include=children`: every one of them, with their counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<ChildCount>>,
}

/// A catalog metric with how much the store holds of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "key": "poverty_rate", "name_vi": "Tỷ lệ hộ nghèo", "name_en": "Poverty rate", "units": ["percent", "percentage_point"],
    "description": "Share of households below the poverty line (near-poor households are near_poor_rate).",
    "indicator_count": 5, "locality_count": 3
}))]
pub struct MetricCount {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    /// Units the metric is reported in; empty means any.
    pub units: Vec<Unit>,
    /// What the metric measures and how it is told from its neighbours.
    pub description: String,
    pub indicator_count: u64,
    /// Distinct units the metric's indicators are about.
    pub locality_count: u64,
}

/// What a card embeds besides its counts and latest values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardParts {
    pub series: bool,
    pub children: bool,
}

/// A part a card can embed, as `include` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardPart {
    Series,
    Children,
}

impl CardParts {
    /// The parts named.
    pub fn of(parts: &[CardPart]) -> CardParts {
        CardParts {
            series: parts.contains(&CardPart::Series),
            children: parts.contains(&CardPart::Children),
        }
    }
}

impl LocalitySummary {
    /// The card with only what `parts` asks for of its series and children; what it leaves
    /// out is not copied.
    pub fn card(&self, parts: CardParts) -> LocalitySummary {
        LocalitySummary {
            locality: self.locality.clone(),
            rolled_up: self.rolled_up,
            article_count: self.article_count,
            first_date: self.first_date,
            last_date: self.last_date,
            indicator_count: self.indicator_count,
            crosswalk_indicator_count: self.crosswalk_indicator_count,
            metrics: self.metrics.iter().map(|m| m.card(parts.series)).collect(),
            child_count: self.child_count,
            children_with_articles: self.children_with_articles,
            children: self.children.as_ref().filter(|_| parts.children).cloned(),
        }
    }
}

impl MetricCard {
    /// The metric's card, with its series only `with_series`.
    fn card(&self, with_series: bool) -> MetricCard {
        MetricCard {
            metric: self.metric.clone(),
            name_vi: self.name_vi.clone(),
            name_en: self.name_en.clone(),
            unit: self.unit,
            count: self.count,
            latest: self.latest.clone(),
            trend: self.trend.clone(),
            series: self.series.as_ref().filter(|_| with_series).cloned(),
            parts: GroundCard {
                count: self.parts.count,
                direction: self.parts.direction,
                latest: self.parts.latest.clone(),
                series: self.parts.series.as_ref().filter(|_| with_series).cloned(),
            },
        }
    }
}

/// The card of a metric in one unit of measure from the unit's own figures and its parts'
/// (each with its direction), series and all.
pub fn metric_card(
    metric: MetricKey,
    unit: Unit,
    (own_count, own): (u64, &[(Direction, Figure)]),
    (parts_count, parts): (u64, &[(Direction, Figure)]),
) -> MetricCard {
    let (direction, own) = one_direction(own);
    let chosen = choose_value(&own, None);
    let points = one_per_period(&own.iter().map(|f| (*f).clone()).collect::<Vec<_>>());
    let trend = chosen.as_ref().and_then(|c| trend(&points, c));
    let (parts_direction, parts) = one_direction(parts);
    let ground = ground_per_period(&parts.into_iter().cloned().collect::<Vec<_>>());
    let m = metric.metric();
    MetricCard {
        metric: m.key.to_owned(),
        name_vi: m.name_vi.to_owned(),
        name_en: m.name_en.to_owned(),
        unit,
        count: own_count,
        latest: chosen.map(|c| CardValue {
            value: c.figure.value,
            direction: direction.unwrap_or(Direction::Level),
            period: c.figure.period.clone(),
            count: c.count,
            spread: c.spread,
            figure: c.figure,
        }),
        trend,
        series: Some(points),
        parts: GroundCard {
            count: parts_count,
            direction: parts_direction,
            latest: ground.last().cloned(),
            series: Some(ground),
        },
    }
}

/// The figures of one direction: the levels when there are any, else those of the change
/// reported last.
fn one_direction(figures: &[(Direction, Figure)]) -> (Option<Direction>, Vec<&Figure>) {
    let direction = match figures.iter().any(|(d, _)| *d == Direction::Level) {
        true => Some(Direction::Level),
        false => figures
            .iter()
            .max_by_key(|(_, f)| recency(f.period.as_ref(), f.date, f.indicator_id))
            .map(|(d, _)| *d),
    };
    let of = figures
        .iter()
        .filter(|(d, _)| Some(*d) == direction)
        .map(|(_, f)| f)
        .collect();
    (direction, of)
}

/// The trend of `chosen` against the latest point of `points` of the same kind of period
/// that ended before its period began.
fn trend(points: &[SeriesValue], chosen: &Chosen) -> Option<Trend> {
    let period = chosen.figure.period.as_ref()?;
    let before = points
        .iter()
        .filter(|p| p.period.kind() == period.kind() && p.period.end() < period.start())
        .max_by_key(|p| p.period.end())?;
    let (now, then) = (chosen.figure.value, before.value);
    let change = rounded_like(now - then, &[now, then]);
    let agree = Spread::of([chosen.figure.value, before.value]).is_some_and(|s| !s.disagree);
    Some(Trend {
        period: before.period.clone(),
        value: before.value,
        change,
        direction: match (agree, change > 0.0) {
            (true, _) => Direction::Level,
            (false, true) => Direction::Increase,
            (false, false) => Direction::Decrease,
        },
    })
}

#[cfg(test)]
mod tests;
