//! The metric catalog: what an indicator measures, so that the same measure in different
//! articles groups together. Served at `GET /metrics`; the extractor's cues for each metric
//! live beside the extractor.

use std::fmt;

use serde::{Serialize, Serializer};

use super::Unit;

/// One entry of the catalog.
#[derive(Debug, PartialEq, Eq)]
pub struct Metric {
    pub key: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Units the metric is reported in; empty means any.
    pub units: &'static [Unit],
}

impl Metric {
    /// Whether a figure in `unit` can measure this metric.
    pub fn allows(&self, unit: Unit) -> bool {
        self.units.is_empty() || self.units.contains(&unit)
    }
}

const PCT: &[Unit] = &[Unit::Percent, Unit::PercentagePoint];
const CNT: &[Unit] = &[Unit::Count, Unit::Ratio];
const MONEY: &[Unit] = &[Unit::Vnd, Unit::Usd, Unit::Percent, Unit::Times];
const SHARE: &[Unit] = &[Unit::Count, Unit::Ratio, Unit::Percent];
const ANY: &[Unit] = &[];

macro_rules! metric {
    ($key:literal, $vi:literal, $en:literal, $units:expr) => {
        Metric {
            key: $key,
            name_vi: $vi,
            name_en: $en,
            units: $units,
        }
    };
}

/// The catalog. `other` is not listed: it is what matches nothing.
#[rustfmt::skip]
pub const CATALOG: &[Metric] = &[
    metric!("voter_turnout", "Tỷ lệ cử tri đi bầu", "Voter turnout", PCT),
    metric!("voters", "Cử tri đi bầu", "Voters who voted", CNT),
    metric!("deputies_elected", "Đại biểu trúng cử", "Deputies elected", CNT),
    metric!("poverty_rate", "Tỷ lệ hộ nghèo", "Poverty rate", PCT),
    metric!("poor_households", "Số hộ nghèo, hộ cận nghèo", "Poor and near-poor households", CNT),
    metric!("malnutrition_rate", "Tỷ lệ trẻ em suy dinh dưỡng", "Child malnutrition rate", PCT),
    metric!("clean_water_access", "Tỷ lệ dân số được dùng nước sạch, hợp vệ sinh", "Access to clean water", PCT),
    metric!("health_insurance_coverage", "Tỷ lệ tham gia bảo hiểm y tế", "Health insurance coverage", PCT),
    metric!("income_per_capita", "Thu nhập bình quân đầu người", "Income per head", MONEY),
    metric!("grdp_per_capita", "GRDP bình quân đầu người", "GRDP per capita", MONEY),
    metric!("growth_contribution", "Đóng góp vào tăng trưởng kinh tế", "Contribution to economic growth", &[Unit::PercentagePoint]),
    metric!("economic_structure", "Cơ cấu kinh tế", "Economic structure (share of a sector)", &[Unit::Percent]),
    metric!("sector_growth", "Tăng trưởng theo khu vực kinh tế", "Growth by economic sector", PCT),
    metric!("economic_growth", "Tốc độ tăng trưởng kinh tế (GRDP)", "Economic growth rate (GRDP)", PCT),
    metric!("grdp", "Tổng sản phẩm trên địa bàn (GRDP)", "Gross regional domestic product", &[Unit::Vnd, Unit::Usd]),
    metric!("industrial_output", "Giá trị sản xuất công nghiệp", "Industrial output value", ANY),
    metric!("production_value", "Tổng giá trị sản xuất", "Gross output value", ANY),
    metric!("retail_sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Retail sales and consumer services", ANY),
    metric!("tourist_arrivals", "Lượt khách du lịch", "Tourist arrivals", SHARE),
    metric!("tourism_revenue", "Doanh thu du lịch", "Tourism revenue", MONEY),
    metric!("budget_revenue", "Thu ngân sách nhà nước", "State budget revenue", ANY),
    metric!("budget_spending", "Chi ngân sách", "Budget spending", ANY),
    metric!("export_import", "Kim ngạch xuất nhập khẩu", "Export-import turnover", ANY),
    metric!("investment_disbursement", "Giải ngân vốn đầu tư công", "Public investment disbursed", ANY),
    metric!("investment", "Vốn đầu tư", "Investment capital", ANY),
    metric!("school_completion", "Tỷ lệ hoàn thành chương trình", "Primary school completion rate", PCT),
    metric!("graduation_rate", "Tỷ lệ tốt nghiệp", "Graduation rate", PCT),
    metric!("new_rural_communes", "Xã đạt chuẩn nông thôn mới", "Communes meeting the new-rural standard", SHARE),
    metric!("dan_van_kheo", "Mô hình, điển hình “Dân vận khéo”", "“Skilful mass mobilisation” models and exemplars", CNT),
    metric!("cultural_titles", "Danh hiệu văn hóa (gia đình, khu dân cư, cơ quan)", "Cultural titles (families, residential areas, agencies)", ANY),
    metric!("petitions_resolved", "Đơn thư, vụ việc đã giải quyết", "Petitions and cases resolved", ANY),
    metric!("petitions_received", "Đơn thư, vụ việc, kiến nghị tiếp nhận", "Petitions, cases and proposals received", ANY),
    metric!("jobs_created", "Lao động được giải quyết việc làm", "Jobs created", ANY),
    metric!("vocational_training", "Đào tạo nghề", "Vocational training", ANY),
    metric!("conscripts", "Công dân nhập ngũ", "Military conscripts", ANY),
    metric!("charity_houses", "Nhà tình nghĩa, nhà đại đoàn kết, nhà cho hộ khó khăn", "Houses built or repaired for families in need", ANY),
    metric!("gifts", "Quà tặng", "Gifts given", ANY),
    metric!("funds_raised", "Kinh phí vận động, ủng hộ", "Funds raised and donated", &[Unit::Vnd, Unit::Usd]),
    metric!("new_party_members", "Đảng viên kết nạp mới", "New Party members", CNT),
    metric!("loan_projects", "Dự án vay vốn", "Loan-funded projects", ANY),
    metric!("outreach_sessions", "Buổi tuyên truyền", "Outreach sessions held", CNT),
    metric!("participants", "Lượt người tham gia", "Participants (person-times)", CNT),
    metric!("targets_met", "Chỉ tiêu đạt và vượt kế hoạch", "Targets met", CNT),
    metric!("plan_fulfilment", "Mức thực hiện kế hoạch", "Plan fulfilment", PCT),
    metric!("key_tasks", "Nhiệm vụ trọng tâm", "Key tasks set", CNT),
];

/// What matches no catalog entry.
pub const OTHER: Metric = metric!("other", "Khác", "Other", ANY);

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
}
