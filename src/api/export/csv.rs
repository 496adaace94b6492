//! The columns and rows of the CSV exports of articles and indicators, and CSV cells, quoted as RFC 4180 says and defused for
//! spreadsheets.

use super::Tabular;
use crate::domain::{ArticleSummary, Indicator};

/// An optional value as a cell: empty for `null`.
pub fn cell<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl Tabular for ArticleSummary {
    fn columns() -> &'static [&'static str] {
        &[
            "id",
            "title",
            "published_on",
            "event_date",
            "byline",
            "period",
            "locality_id",
            "locality_name",
            "indicator_count",
            "source_file",
            "source_url",
        ]
    }

    fn cells(&self) -> Vec<String> {
        let a = self;
        vec![
            a.id.to_string(),
            cell(a.title.as_ref()),
            cell(a.published_on),
            cell(a.event_date),
            cell(a.byline.as_ref()),
            cell(a.period.as_ref()),
            cell(a.locality.as_ref().map(|l| &l.id)),
            cell(a.locality.as_ref().map(|l| &l.name)),
            a.indicator_count.to_string(),
            cell(a.source_file.as_ref()),
            cell(a.source_url.as_ref()),
        ]
    }
}

impl Tabular for Indicator {
    fn columns() -> &'static [&'static str] {
        &[
            "id",
            "metric",
            "metric_name_en",
            "label",
            "value",
            "unit",
            "unit_noun",
            "denominator",
            "qualifier",
            "direction",
            "period",
            "date",
            "locality_id",
            "locality_name",
            "locality_level",
            "locality_province_id",
            "locality_province_name",
            "locality_lat",
            "locality_lon",
            "article_id",
            "article_title",
            "evidence",
            "evidence_start",
            "evidence_end",
        ]
    }

    fn cells(&self) -> Vec<String> {
        let i = self;
        let loc = i.locality.as_ref();
        let province = loc.and_then(|l| l.province.as_ref());
        vec![
            i.id.to_string(),
            i.metric.clone(),
            i.metric_name_en.clone(),
            i.label.clone(),
            i.value.to_string(),
            i.unit.as_str().to_owned(),
            cell(i.unit_noun.as_ref()),
            cell(i.denominator),
            cell(i.qualifier.map(|q| q.as_str())),
            i.direction.as_str().to_owned(),
            cell(i.period.as_ref()),
            cell(i.date),
            cell(loc.map(|l| &l.id)),
            cell(loc.map(|l| &l.name)),
            cell(loc.map(|l| l.level.as_str())),
            cell(province.map(|p| &p.id)),
            cell(province.map(|p| &p.name)),
            cell(loc.and_then(|l| l.lat)),
            cell(loc.and_then(|l| l.lon)),
            i.article_id.to_string(),
            cell(i.article_title.as_ref()),
            i.evidence.text.clone(),
            i.evidence.start.to_string(),
            i.evidence.end.to_string(),
        ]
    }
}

/// RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a `'`.
pub(super) fn push_field(buf: &mut String, f: &str) {
    let formula = f.starts_with(['=', '+', '@', '\t', '\r']);
    if f.contains([',', '"', '\n', '\r']) || formula {
        buf.push('"');
        if formula {
            buf.push('\'');
        }
        buf.push_str(&f.replace('"', "\"\""));
        buf.push('"');
    } else {
        buf.push_str(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        let mut buf = String::new();
        for f in ["plain", "a,b", "say \"hi\"", "=SUM(A1)", "tỷ lệ"] {
            push_field(&mut buf, f);
            buf.push('|');
        }
        assert_eq!(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"'=SUM(A1)\"|tỷ lệ|");
    }
}
