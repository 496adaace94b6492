//! A figure's period beyond the one stated around it: what is handed out at an event is of the
//! event's month, a base's figure in parentheses of the base's year, a share of a whole at the
//! end of a span of the span's last year, the two ends of a change each of its own.

use chrono::Datelike;

use super::{Context, HANDED_OUT};
use crate::domain::{Direction, Metric, Period, Unit};
use crate::ingest::changes;
use crate::ingest::periods::{self, PeriodSource};

/// Where a figure stands, as far as its period goes.
pub struct FigureAt<'a> {
    pub ctx: &'a Context<'a>,
    /// Where the period stated for it came from.
    pub scoped: PeriodSource,
    pub metric: Option<&'static Metric>,
    pub unit: Unit,
    pub direction: Direction,
    pub body: &'a str,
    /// Byte ranges of its clause and of the figure.
    pub clause: (usize, usize),
    pub span: (usize, usize),
}

/// The period of a figure, from the one stated for it.
pub fn adjusted(mut period: Option<Period>, at: &FigureAt<'_>) -> Option<Period> {
    if at.scoped == PeriodSource::Article && at.metric.is_some_and(|m| HANDED_OUT.contains(&m.key)) {
        period = at.ctx.event_month.cloned().or(period);
    }
    // "cao hơn cùng kỳ 2024 (8,49%)": the figure of the base it follows.
    if let Some(year) = periods::base_year(&at.body[at.clause.0..at.span.0]) {
        period = period
            .and_then(|p| p.in_year(year))
            .or_else(|| Period::year(year));
    }
    // A share of a whole at the end of a span of years is the state the span ended in:
    // "sau 20 năm, 57/60 thôn đạt danh hiệu văn hóa".
    if at.unit == Unit::Ratio && at.scoped != PeriodSource::Clause {
        let ended = |p: &&Period| at.ctx.written.is_some_and(|d| p.end().year() <= d.year());
        if let Some(p) = period
            .as_ref()
            .filter(|p| p.end().year() - p.first_year() >= 3)
            .filter(ended)
        {
            period = Period::year(p.end().year());
        }
    }
    // "từ 4,2% xuống còn 3,1%": the level reached is of the period, the earlier level of its own.
    if at.direction == Direction::Level {
        let after = &at.body[at.span.1..at.clause.1.max(at.span.1)];
        if let Some(at) = changes::end_of_change(&at.body[at.clause.0..at.span.0], after) {
            period = changes::period_of_end(at, after, period);
        }
    }
    period
}
