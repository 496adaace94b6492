//! The CSV columns and cells of the lists other than articles and indicators: units, unit
//! summaries, the metric catalog and comparisons.

use super::Tabular;
use super::csv::cell;
use crate::domain::{ComparisonRow, Locality, LocalitySummary, MetricCount, Unit};

impl Tabular for Locality {
    fn columns() -> &'static [&'static str] {
        &[
            "id",
            "scheme",
            "code",
            "level",
            "type",
            "type_vi",
            "name",
            "short_name",
            "parent_id",
            "lat",
            "lon",
            "area_km2",
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.scheme.as_str().to_owned(),
            self.code.clone(),
            self.level.as_str().to_owned(),
            self.unit_type.as_str().to_owned(),
            self.type_vi.clone(),
            self.name.clone(),
            self.short_name.clone(),
            cell(self.parent_id.as_ref()),
            cell(self.lat),
            cell(self.lon),
            cell(self.area_km2),
        ]
    }
}

impl Tabular for LocalitySummary {
    fn columns() -> &'static [&'static str] {
        &[
            "locality_id",
            "locality_name",
            "locality_level",
            "article_count",
            "first_date",
            "last_date",
            "indicator_count",
            "crosswalk_indicator_count",
            "metric_count",
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.locality.id.to_string(),
            self.locality.name.clone(),
            self.locality.level.as_str().to_owned(),
            self.article_count.to_string(),
            cell(self.first_date),
            cell(self.last_date),
            self.indicator_count.to_string(),
            self.crosswalk_indicator_count.to_string(),
            self.metrics.len().to_string(),
        ]
    }
}

impl Tabular for MetricCount {
    fn columns() -> &'static [&'static str] {
        &[
            "key",
            "name_vi",
            "name_en",
            "units",
            "description",
            "indicator_count",
            "locality_count",
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.key.clone(),
            self.name_vi.clone(),
            self.name_en.clone(),
            self.units
                .iter()
                .map(|u| Unit::as_str(*u))
                .collect::<Vec<_>>()
                .join(" "),
            self.description.clone(),
            self.indicator_count.to_string(),
            self.locality_count.to_string(),
        ]
    }
}

impl Tabular for ComparisonRow {
    fn columns() -> &'static [&'static str] {
        &[
            "locality_id",
            "locality_name",
            "locality_level",
            "locality_province_id",
            "locality_province_name",
            "locality_lat",
            "locality_lon",
            "value",
            "unit",
            "direction",
            "period",
            "count",
            "spread_low",
            "spread_high",
            "disagree",
            "figure_indicator_id",
            "figure_label",
            "figure_article_id",
            "figure_article_title",
            "figure_date",
            "figure_crosswalk",
        ]
    }

    fn cells(&self) -> Vec<String> {
        let (l, f) = (&self.locality, self.figure.as_ref());
        let province = l.province.as_ref();
        vec![
            l.id.to_string(),
            l.name.clone(),
            l.level.as_str().to_owned(),
            cell(province.map(|p| &p.id)),
            cell(province.map(|p| &p.name)),
            cell(l.lat),
            cell(l.lon),
            cell(self.value),
            cell(self.unit.map(Unit::as_str)),
            cell(self.direction.map(|d| d.as_str())),
            cell(self.period.as_ref()),
            self.count.to_string(),
            cell(self.spread.map(|s| s.low)),
            cell(self.spread.map(|s| s.high)),
            cell(self.spread.map(|s| s.disagree)),
            cell(f.map(|f| f.indicator_id)),
            cell(f.map(|f| &f.label)),
            cell(f.map(|f| &f.article_id)),
            cell(f.and_then(|f| f.article_title.as_ref())),
            cell(f.and_then(|f| f.date)),
            cell(f.map(|f| f.crosswalk)),
        ]
    }
}
