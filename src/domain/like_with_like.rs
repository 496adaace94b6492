//! One value per unit, metric, unit of measure and period, of one kind of period across the
//! units compared. The rule, in order: the kind of period asked, else the kind most units
//! report (a year at a tie); of a unit's figures of that kind, the latest period; of the
//! figures of that period, the last reported (a later report restates or corrects an earlier
//! one). The count and spread of the figures behind the value say whether they agree.

use std::collections::BTreeMap;

use super::{Figure, PeriodKind, Spread};

/// The kind of period most units have a figure of; a year at a tie, then the longer kinds.
pub fn most_common_kind<'a>(units: impl IntoIterator<Item = &'a [&'a Figure]>) -> Option<PeriodKind> {
    let mut units_of: BTreeMap<PeriodKind, u64> = BTreeMap::new();
    for figures in units {
        let mut kinds: Vec<PeriodKind> = figures
            .iter()
            .filter_map(|f| f.period.as_ref())
            .map(|p| p.kind())
            .collect();
        kinds.sort();
        kinds.dedup();
        for k in kinds {
            *units_of.entry(k).or_default() += 1;
        }
    }
    units_of
        .into_iter()
        .max_by_key(|(k, n)| (*n, *k == PeriodKind::Year, std::cmp::Reverse(*k)))
        .map(|(k, _)| k)
}

/// The value a unit shows, with the figures behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub figure: Figure,
    /// Figures of the unit for the same period.
    pub count: u64,
    pub spread: Option<Spread>,
}

/// The value of a unit's figures for the periods of `kind` (any figure when `None`).
pub fn choose_value(figures: &[&Figure], kind: Option<PeriodKind>) -> Option<Chosen> {
    let of_kind: Vec<&Figure> = figures
        .iter()
        .copied()
        .filter(|f| kind.is_none_or(|k| f.period.as_ref().is_some_and(|p| p.kind() == k)))
        .collect();
    let latest = Figure::latest(of_kind.iter().copied())?;
    let same: Vec<&Figure> = of_kind
        .into_iter()
        .filter(|f| f.period == latest.period)
        .collect();
    Some(Chosen {
        figure: latest.clone(),
        count: same.len() as u64,
        spread: Spread::of(same.iter().map(|f| f.value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::comparison::figure;

    #[test]
    fn the_kind_most_units_report_and_a_year_at_a_tie() {
        let a = [
            figure(1, Some("2024"), "2025-01-10", 4.0),
            figure(2, Some("2025-9M"), "2025-10-10", 3.0),
        ];
        let b = [figure(3, Some("2025-9M"), "2025-10-11", 5.0)];
        let c = [figure(4, Some("2023"), "2024-01-02", 6.0)];
        let (a, b, c): (Vec<&Figure>, Vec<&Figure>, Vec<&Figure>) =
            (a.iter().collect(), b.iter().collect(), c.iter().collect());
        assert_eq!(
            most_common_kind([a.as_slice(), b.as_slice()]),
            Some(PeriodKind::NineMonths)
        );
        assert_eq!(
            most_common_kind([a.as_slice(), c.as_slice()]),
            Some(PeriodKind::Year)
        );
        assert_eq!(
            most_common_kind([b.as_slice(), c.as_slice()]),
            Some(PeriodKind::Year),
            "a year at a tie"
        );
    }

    #[test]
    fn a_unit_shows_its_latest_period_of_the_kind_the_last_report_of_it_and_how_far_reports_agree() {
        let fs = [
            figure(1, Some("2024"), "2025-01-10", 4.2),
            figure(2, Some("2025-9M"), "2025-10-10", 3.0),
            figure(3, Some("2024"), "2025-03-01", 3.9),
            figure(4, Some("2023"), "2024-01-02", 6.0),
        ];
        let refs: Vec<&Figure> = fs.iter().collect();
        let chosen = choose_value(&refs, Some(PeriodKind::Year)).unwrap();
        assert_eq!((chosen.figure.indicator_id, chosen.count), (3, 2));
        let spread = chosen.spread.unwrap();
        assert!(spread.disagree && spread.low == 3.9 && spread.high == 4.2);
        assert_eq!(choose_value(&refs, Some(PeriodKind::Quarter)), None);
        assert_eq!(
            choose_value(&refs, None).unwrap().figure.indicator_id,
            2,
            "any kind: the latest period"
        );
    }
}
