//! The metric catalog: what an indicator measures, so that the same measure in different
//! articles groups together. Served at `GET /metrics`.
//!
//! Each metric lists cues: groups of accent-folded phrases that must all occur. An
//! indicator's own label is matched first, in catalog order (specific before general);
//! failing that, the cue nearest the figure in its clause, then in its sentence.

use crate::domain::Unit;

/// One entry of the catalog.
#[derive(Debug, Clone, Copy)]
pub struct Metric {
    pub key: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Units the metric is reported in; a figure in another unit does not match.
    pub units: &'static [Unit],
    cues: &'static [&'static [&'static str]],
}

const PCT: &[Unit] = &[Unit::Percent, Unit::PercentagePoint];
const CNT: &[Unit] = &[Unit::Count, Unit::Ratio];
const MONEY: &[Unit] = &[Unit::Vnd, Unit::Usd, Unit::Percent];
const SHARE: &[Unit] = &[Unit::Count, Unit::Ratio, Unit::Percent];
const ANY: &[Unit] = &[];

macro_rules! metric {
    ($key:literal, $vi:literal, $en:literal, $units:expr, [$([$($cue:literal),+]),+ $(,)?]) => {
        Metric { key: $key, name_vi: $vi, name_en: $en, units: $units, cues: &[$(&[$($cue),+]),+] }
    };
}

/// The catalog, most specific first. `other` is not listed: it is what matches nothing.
#[rustfmt::skip]
pub const CATALOG: &[Metric] = &[
    metric!("voter_turnout", "Tỷ lệ cử tri đi bầu", "Voter turnout", PCT, [["cu tri"], ["bo phieu"], ["di bau"]]),
    metric!("poverty_rate", "Tỷ lệ hộ nghèo", "Poverty rate", PCT, [["ho ngheo"], ["ty le ngheo"], ["ho can ngheo"]]),
    metric!("poor_households", "Số hộ nghèo, hộ cận nghèo", "Poor and near-poor households", CNT, [["ho ngheo"], ["ho can ngheo"]]),
    metric!("malnutrition_rate", "Tỷ lệ trẻ em suy dinh dưỡng", "Child malnutrition rate", PCT, [["suy dinh duong"]]),
    metric!("clean_water_access", "Tỷ lệ dân số được dùng nước sạch, hợp vệ sinh", "Access to clean water", PCT, [ ["nuoc sach"], ["nuoc sinh hoat hop ve sinh"], ["nuoc hop ve sinh"] ]),
    metric!("health_insurance_coverage", "Tỷ lệ tham gia bảo hiểm y tế", "Health insurance coverage", PCT, [["bao hiem y te"]]),
    metric!("grdp_per_capita", "GRDP bình quân đầu người", "GRDP per capita", MONEY, [["binh quan dau nguoi"], ["thu nhap binh quan"]]),
    metric!("sector_growth", "Tăng trưởng theo khu vực kinh tế", "Growth by economic sector", PCT, [ ["khu vuc nong"], ["khu vuc cong nghiep"], ["khu vuc dich vu"], ["nong, lam nghiep"], ["nong lam nghiep"] ]),
    metric!("economic_growth", "Tốc độ tăng trưởng kinh tế (GRDP)", "Economic growth rate (GRDP)", PCT, [ ["tang truong kinh te"], ["tang truong grdp"], ["grdp"], ["toc do tang truong"] ]),
    metric!("industrial_output", "Giá trị sản xuất công nghiệp", "Industrial output value", ANY, [ ["san xuat cong nghiep"], ["gia tri cong nghiep"], ["chi so san xuat cong nghiep"] ]),
    metric!("retail_sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Retail sales and consumer services", ANY, [["ban le"], ["doanh thu dich vu tieu dung"]]),
    metric!("budget_revenue", "Thu ngân sách nhà nước", "State budget revenue", ANY, [["thu ngan sach"]]),
    metric!("budget_spending", "Chi ngân sách", "Budget spending", ANY, [["chi ngan sach"]]),
    metric!("export_import", "Kim ngạch xuất nhập khẩu", "Export-import turnover", ANY, [["xuat nhap khau"], ["xuat khau"], ["nhap khau"]]),
    metric!("investment", "Vốn đầu tư", "Investment capital", ANY, [["von dau tu"], ["thu hut dau tu"]]),
    metric!("school_completion", "Tỷ lệ hoàn thành chương trình", "Primary school completion rate", PCT, [["hoan thanh chuong trinh"]]),
    metric!("graduation_rate", "Tỷ lệ tốt nghiệp", "Graduation rate", PCT, [["tot nghiep"]]),
    metric!("new_rural_communes", "Xã đạt chuẩn nông thôn mới", "Communes meeting the new-rural standard", SHARE, [["nong thon moi"]]),
    metric!("dan_van_kheo", "Mô hình, điển hình “Dân vận khéo”", "“Skilful mass mobilisation” models and exemplars", CNT, [["dan van kheo"]]),
    metric!("cultural_titles", "Danh hiệu văn hóa (gia đình, khu dân cư, cơ quan)", "Cultural titles (families, residential areas, agencies)", ANY, [ ["gia dinh van hoa"], ["gdvh"], ["to van hoa"], ["thon van hoa"], ["khu dan cu van hoa"], ["lang van hoa"], ["don vi van hoa"], ["dang ky", "van hoa"] ]),
    metric!("petitions_resolved", "Đơn thư, vụ việc đã giải quyết", "Petitions and cases resolved", ANY, [ ["giai quyet", "don"], ["giai quyet", "vu viec"], ["giai quyet", "kien nghi"], ["giai quyet", "khieu nai"] ]),
    metric!("petitions_received", "Đơn thư, vụ việc, kiến nghị tiếp nhận", "Petitions, cases and proposals received", ANY, [ ["don, thu"], ["don thu"], ["tiep nhan", "don"], ["vu viec"], ["kien nghi"], ["khieu nai"], ["to cao"] ]),
    metric!("jobs_created", "Lao động được giải quyết việc làm", "Jobs created", ANY, [["viec lam"]]),
    metric!("vocational_training", "Đào tạo nghề", "Vocational training", ANY, [["day nghe"], ["dao tao nghe"], ["hoc nghe"]]),
    metric!("conscripts", "Công dân nhập ngũ", "Military conscripts", ANY, [["nhap ngu"], ["tan binh"], ["giao quan"]]),
    metric!("charity_houses", "Nhà tình nghĩa, nhà đại đoàn kết", "Charity houses built", ANY, [["nha tinh nghia"], ["nha dai doan ket"], ["nha tinh thuong"]]),
    metric!("loan_projects", "Dự án vay vốn", "Loan-funded projects", ANY, [["vay von"]]),
    metric!("outreach_sessions", "Buổi tuyên truyền", "Outreach sessions held", CNT, [["buoi", "tuyen truyen"], ["cuoc", "tuyen truyen"], ["hoi nghi"]]),
    metric!("participants", "Lượt người tham gia", "Participants (person-times)", CNT, [["luot"]]),
    metric!("targets_met", "Chỉ tiêu đạt và vượt kế hoạch", "Targets met", CNT, [["chi tieu"]]),
    metric!("plan_fulfilment", "Mức thực hiện kế hoạch", "Plan fulfilment", PCT, [["ke hoach"], ["chi tieu"]]),
    metric!("key_tasks", "Nhiệm vụ trọng tâm", "Key tasks set", CNT, [["nhiem vu"]]),
];

/// Whether a metric's cues are present in folded text.
fn cue_positions<'t>(m: &Metric, folded: &'t str) -> impl Iterator<Item = usize> + 't {
    let cues = m.cues;
    cues.iter().filter_map(move |group| {
        let positions: Option<Vec<usize>> = group.iter().map(|cue| find_word(folded, cue)).collect();
        positions.map(|p| p.into_iter().max().unwrap_or(0))
    })
}

/// Byte position of `needle` in `hay` at word boundaries.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle).map(|p| p + from) {
        let before = hay[..pos].chars().next_back();
        let after = hay[pos + needle.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(pos);
        }
        from = pos + needle.len();
    }
    None
}

fn allows(m: &Metric, unit: Unit) -> bool {
    m.units.is_empty() || m.units.contains(&unit)
}

/// The first catalog metric whose cues the folded label carries.
pub fn classify_label(folded_label: &str, unit: Unit) -> Option<&'static Metric> {
    CATALOG
        .iter()
        .filter(|m| allows(m, unit))
        .find(|m| cue_positions(m, folded_label).next().is_some())
}

/// The metric whose cue stands nearest `at` (a byte offset) in folded context text.
pub fn classify_context(folded: &str, at: usize, unit: Unit) -> Option<&'static Metric> {
    CATALOG
        .iter()
        .filter(|m| allows(m, unit))
        .filter_map(|m| {
            cue_positions(m, folded)
                .map(|p| p.abs_diff(at))
                .min()
                .map(|d| (d, m))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m)
}

pub fn by_key(key: &str) -> Option<&'static Metric> {
    CATALOG.iter().chain([&OTHER]).find(|m| m.key == key)
}

/// What matches no catalog entry.
pub const OTHER: Metric = metric!("other", "Khác", "Other", ANY, [[""]]);

/// Vietnamese and English names of a metric key (the key itself when unknown).
pub fn names(key: &str) -> (&str, &str) {
    by_key(key).map_or((key, key), |m| (m.name_vi, m.name_en))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::fold;

    fn label(s: &str, unit: Unit) -> &'static str {
        classify_label(&fold(s), unit).map_or("other", |m| m.key)
    }

    #[test]
    fn labels_map_to_catalog_metrics() {
        assert_eq!(
            label("Tốc độ tăng trưởng kinh tế", Unit::Percent),
            "economic_growth"
        );
        assert_eq!(
            label("khu vực nông, lâm nghiệp, thủy sản", Unit::Percent),
            "sector_growth"
        );
        assert_eq!(label("tỷ lệ hộ nghèo", Unit::Percent), "poverty_rate");
        assert_eq!(label("GRDP bình quân đầu người", Unit::Vnd), "grdp_per_capita");
        assert_eq!(label("Tốc độ tăng trưởng GRDP", Unit::Percent), "economic_growth");
        assert_eq!(
            label("lao động nông thôn được dạy nghề", Unit::Count),
            "vocational_training"
        );
        assert_eq!(label("đã giải quyết đơn", Unit::Count), "petitions_resolved");
        assert_eq!(label("hộ đăng ký GĐVH", Unit::Ratio), "cultural_titles");
        assert_eq!(label("con số bất kỳ", Unit::Count), "other");
    }

    #[test]
    fn units_constrain_metrics() {
        assert_eq!(label("tỷ lệ cử tri", Unit::Count), "other");
        assert_eq!(label("nhiệm vụ", Unit::Count), "key_tasks");
    }

    #[test]
    fn context_picks_the_nearest_cue() {
        let text = fold("thu ngân sách tăng mạnh; tỷ lệ hộ nghèo giảm 2%");
        let at = text.find('2').unwrap();
        assert_eq!(
            classify_context(&text, at, Unit::Percent).map(|m| m.key),
            Some("poverty_rate")
        );
    }

    #[test]
    fn catalog_keys_are_unique() {
        let mut keys: Vec<_> = CATALOG.iter().map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), CATALOG.len());
    }
}
