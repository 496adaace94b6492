//! The metric catalog: what an indicator measures, so that the same measure in different
//! articles groups together. Served at `GET /metrics`; the extractor's cues for each metric
//! live beside the extractor.

use std::fmt;

use serde::{Serialize, Serializer};

use super::Unit;

mod catalog;
pub use catalog::CATALOG;

/// One entry of the catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct Metric {
    pub key: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Units the metric is reported in; empty means any.
    pub units: &'static [Unit],
    /// What it measures and how it is told from its neighbours, in English.
    pub description: &'static str,
}

impl Metric {
    /// Whether a figure in `unit` can measure this metric.
    pub fn allows(&self, unit: Unit) -> bool {
        self.units.is_empty() || self.units.contains(&unit)
    }
}

/// What matches no catalog entry.
pub const OTHER: Metric = Metric {
    key: "other",
    name_vi: "Khác",
    name_en: "Other",
    units: &[],
    description: "A figure no catalog metric names: its label says what it measures.",
};

/// A key of the catalog (`other` included): parsed once, trusted inside.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct MetricKey(&'static Metric);

impl MetricKey {
    pub const OTHER: MetricKey = MetricKey(&OTHER);

    pub fn parse(key: &str) -> Option<MetricKey> {
        CATALOG
            .iter()
            .chain([&OTHER])
            .find(|m| m.key == key)
            .map(MetricKey)
    }

    pub fn of(metric: &'static Metric) -> MetricKey {
        MetricKey(metric)
    }

    pub fn as_str(self) -> &'static str {
        self.0.key
    }

    pub fn metric(self) -> &'static Metric {
        self.0
    }

    /// Every key, `other` last.
    pub fn all() -> impl Iterator<Item = MetricKey> {
        CATALOG.iter().chain([&OTHER]).map(MetricKey)
    }
}

impl fmt::Debug for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MetricKey({})", self.0.key)
    }
}

impl fmt::Display for MetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.key)
    }
}

impl Serialize for MetricKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.key)
    }
}

impl<'de> serde::Deserialize<'de> for MetricKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<MetricKey, D::Error> {
        let s = String::deserialize(d)?;
        MetricKey::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "takes keys of the metric catalog (GET /metrics lists them), got {s:?}"
            ))
        })
    }
}

/// A key as a path names it: one of the catalog's, for the OpenAPI document.
impl utoipa::PartialSchema for MetricKey {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(MetricKey::all().map(MetricKey::as_str)))
            .into()
    }
}

impl utoipa::ToSchema for MetricKey {}

/// Vietnamese and English names of a stored metric key (the key itself when unknown).
pub fn names(key: &str) -> (&str, &str) {
    MetricKey::parse(key).map_or((key, key), |m| (m.0.name_vi, m.0.name_en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_keys_are_unique_and_parse() {
        let mut keys: Vec<_> = CATALOG.iter().map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), CATALOG.len());
        assert_eq!(
            MetricKey::parse("poverty_rate").map(MetricKey::as_str),
            Some("poverty_rate")
        );
        assert_eq!(MetricKey::parse("other"), Some(MetricKey::OTHER));
        assert_eq!(MetricKey::parse("Poverty_rate"), None);
    }

    #[test]
    fn every_metric_is_described_and_named_in_both_languages() {
        for m in CATALOG {
            assert!(
                !m.name_vi.is_empty() && !m.name_en.is_empty() && m.description.len() > 20,
                "{}",
                m.key
            );
            assert!(
                m.key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                m.key
            );
        }
    }
}
