//! The columns and rows of the CSV exports, quoted as RFC 4180 says and defused for
//! spreadsheets.

use crate::domain::{ArticleSummary, Indicator};

/// Columns of the article export.
pub const ARTICLE_COLUMNS: &[&str] = &[
    "id",
    "title",
    "published_on",
    "event_date",
    "byline",
    "period",
    "locality_code",
    "locality_name",
    "indicator_count",
    "source_file",
    "source_url",
];

pub fn article_row(a: &ArticleSummary) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    vec![
        a.id.clone(),
        opt(a.title.clone()),
        opt(a.published_on.map(|d| d.to_string())),
        opt(a.event_date.map(|d| d.to_string())),
        opt(a.byline.clone()),
        opt(a.period.clone()),
        opt(a.locality.as_ref().map(|l| l.code.clone())),
        opt(a.locality.as_ref().map(|l| l.name.clone())),
        a.indicator_count.to_string(),
        opt(a.source_file.clone()),
        opt(a.source_url.clone()),
    ]
}

/// Columns of the indicator export.
pub const INDICATOR_COLUMNS: &[&str] = &[
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
    "locality_code",
    "locality_name",
    "locality_level",
    "article_id",
    "article_title",
    "evidence",
    "evidence_start",
    "evidence_end",
];

pub fn indicator_row(i: &Indicator) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let loc = i.locality.as_ref();
    vec![
        i.id.to_string(),
        i.metric.clone(),
        i.metric_name_en.clone(),
        i.label.clone(),
        i.value.to_string(),
        i.unit.as_str().to_owned(),
        opt(i.unit_noun.clone()),
        opt(i.denominator.map(|d| d.to_string())),
        opt(i.qualifier.clone()),
        i.direction.as_str().to_owned(),
        opt(i.period.clone()),
        opt(loc.map(|l| l.code.clone())),
        opt(loc.map(|l| l.name.clone())),
        opt(loc.map(|l| l.level.as_str().to_owned())),
        i.article_id.clone(),
        opt(i.article_title.clone()),
        i.evidence.text.clone(),
        i.evidence.start.to_string(),
        i.evidence.end.to_string(),
    ]
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
