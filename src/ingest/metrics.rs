//! Which catalog metric a figure measures, from cues in its label and around it.
//!
//! Each metric has cues: groups of accent-folded phrases that must all occur. An indicator's
//! own label is matched first, in the order below (specific before general); failing that,
//! the cue nearest the figure in its clause, then in its sentence.

use std::sync::LazyLock;

use crate::domain::Unit;
use crate::domain::metrics::{Metric, MetricKey};

type Cues = &'static [&'static [&'static str]];

/// Cues of each catalog metric, most specific first.
#[rustfmt::skip]
const CUES: &[(&str, Cues)] = &[
    ("voter_turnout", &[&["cu tri"], &["bo phieu"], &["di bau"]]),
    ("voters", &[&["cu tri di bau"], &["cu tri", "bau cu"], &["cu tri", "bo phieu"]]),
    ("deputies_elected", &[&["dai bieu quoc hoi"], &["dai bieu hdnd"], &["trung cu"], &["bau du"]]),
    ("poverty_rate", &[&["ho ngheo"], &["ty le ngheo"], &["ho can ngheo"]]),
    ("poor_households", &[&["ho ngheo"], &["ho can ngheo"]]),
    ("malnutrition_rate", &[&["suy dinh duong"]]),
    ("clean_water_access", &[&["nuoc sach"], &["nuoc sinh hoat hop ve sinh"], &["nuoc hop ve sinh"]]),
    ("health_insurance_coverage", &[&["bao hiem y te"]]),
    ("income_per_capita", &[&["thu nhap binh quan"], &["thu nhap dau nguoi"]]),
    ("grdp_per_capita", &[&["grdp binh quan"], &["san pham binh quan dau nguoi"], &["binh quan dau nguoi"]]),
    ("growth_contribution", &[&["tang truong"], &["dong gop"]]),
    ("economic_structure", &[&["co cau"], &["co cau", "chiem"], &["nganh", "chiem"], &["khu vuc", "chiem"]]),
    ("sector_growth", &[&["nganh cong nghiep"], &["nganh xay dung"], &["nganh dich vu"], &["nganh nong"], &["cong nghiep va xay dung"], &["cong nghiep - xay dung"], &["khu vuc nong"], &["khu vuc cong nghiep"], &["khu vuc dich vu"], &["nong, lam nghiep"], &["nong lam nghiep"]]),
    ("economic_growth", &[&["tang truong kinh te"], &["tang truong grdp"], &["grdp"], &["toc do tang truong"]]),
    ("grdp", &[&["grdp"], &["tong san pham"]]),
    ("industrial_output", &[&["san xuat cong nghiep"], &["gia tri cong nghiep"], &["chi so san xuat cong nghiep"]]),
    ("production_value", &[&["gia tri san xuat"]]),
    ("retail_sales", &[&["ban le"], &["doanh thu dich vu tieu dung"]]),
    ("tourism_revenue", &[&["doanh thu du lich"], &["doanh thu", "du lich"]]),
    ("tourist_arrivals", &[&["khach du lich"], &["luot khach"], &["du lich", "luot"]]),
    ("budget_revenue", &[&["thu ngan sach"]]),
    ("budget_spending", &[&["chi ngan sach"]]),
    ("export_import", &[&["xuat nhap khau"], &["xuat khau"], &["nhap khau"]]),
    ("investment_disbursement", &[&["giai ngan"]]),
    ("investment", &[&["von dau tu"], &["thu hut dau tu"]]),
    ("school_completion", &[&["hoan thanh chuong trinh"]]),
    ("graduation_rate", &[&["tot nghiep"]]),
    ("new_rural_communes", &[&["nong thon moi"]]),
    ("dan_van_kheo", &[&["dan van kheo"]]),
    ("cultural_titles", &[&["gia dinh van hoa"], &["dat chuan van hoa"], &["van hoa", "gia dinh"], &["gdvh"], &["to van hoa"], &["thon van hoa"], &["khu dan cu van hoa"], &["lang van hoa"], &["don vi van hoa"], &["dang ky", "van hoa"]]),
    ("petitions_resolved", &[&["giai quyet", "don"], &["giai quyet", "vu viec"], &["giai quyet", "kien nghi"], &["giai quyet", "khieu nai"]]),
    ("petitions_received", &[&["don, thu"], &["don thu"], &["tiep nhan", "don"], &["vu viec"], &["kien nghi"], &["khieu nai"], &["to cao"]]),
    ("jobs_created", &[&["viec lam"]]),
    ("vocational_training", &[&["day nghe"], &["dao tao nghe"], &["hoc nghe"]]),
    ("conscripts", &[&["nhap ngu"], &["tan binh"], &["giao quan"]]),
    ("charity_houses", &[&["nha tinh nghia"], &["nha dai doan ket"], &["nha tinh thuong"], &["xoa nha tam"], &["sua chua", "nha"], &["xay moi", "nha"], &["nha o"]]),
    ("gifts", &[&["phan qua"], &["suat qua"], &["tang qua"], &["trao qua"], &["qua tet"]]),
    ("funds_raised", &[&["van dong"], &["ung ho"], &["quyen gop"], &["tai tro"], &["tiep nhan"]]),
    ("new_party_members", &[&["ket nap"], &["dang vien moi"]]),
    ("loan_projects", &[&["vay von"]]),
    ("outreach_sessions", &[&["buoi", "tuyen truyen"], &["cuoc", "tuyen truyen"], &["hoi nghi"]]),
    ("participants", &[&["luot"]]),
    ("targets_met", &[&["chi tieu"]]),
    ("plan_fulfilment", &[&["ke hoach"], &["chi tieu"]]),
    ("key_tasks", &[&["nhiem vu"]]),
];

/// The cue table with each key resolved in the catalog.
static RULES: LazyLock<Vec<(&'static Metric, Cues)>> = LazyLock::new(|| {
    CUES.iter()
        .map(|(key, cues)| {
            let metric = MetricKey::parse(key).expect("every cue names a catalog metric");
            (metric.metric(), *cues)
        })
        .collect()
});

/// Positions in folded text where each of a metric's cue groups is complete.
fn cue_positions<'t>(cues: Cues, folded: &'t str) -> impl Iterator<Item = usize> + 't {
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

/// The first catalog metric whose cues the folded label carries.
pub fn classify_label(folded_label: &str, unit: Unit) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|(m, _)| m.allows(unit))
        .find(|(_, cues)| cue_positions(cues, folded_label).next().is_some())
        .map(|(m, _)| *m)
}

/// The metric of a list item whose clause repeats part of a cue stated earlier in its
/// sentence: "… 11.963 hộ đăng ký GĐVH; 117/117 KDC đăng ký …; 184/198 cơ quan đăng ký" (the
/// last clause repeats "đăng ký" of the cue "đăng ký … văn hóa").
pub fn classify_list_item(folded_before: &str, folded_clause: &str, unit: Unit) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|(m, _)| m.allows(unit))
        .filter_map(|(m, cues)| {
            let near = cues
                .iter()
                .filter(|group| {
                    group.len() > 1 && group.iter().any(|c| find_word(folded_clause, c).is_some())
                })
                .filter_map(|group| {
                    let at: Option<Vec<usize>> = group.iter().map(|c| find_word(folded_before, c)).collect();
                    at.map(|p| p.into_iter().max().unwrap_or(0))
                })
                .max()?;
            Some((near, *m))
        })
        .max_by_key(|(p, _)| *p)
        .map(|(_, m)| m)
}

/// The metric whose cue stands nearest `at` (a byte offset) in folded context text.
pub fn classify_context(folded: &str, at: usize, unit: Unit) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|(m, _)| m.allows(unit))
        .filter_map(|(m, cues)| {
            cue_positions(cues, folded)
                .map(|p| p.abs_diff(at))
                .min()
                .map(|d| (d, *m))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::metrics::CATALOG;
    use crate::domain::text::fold;

    fn label(s: &str, unit: Unit) -> &'static str {
        classify_label(&fold(s), unit).map_or("other", |m| m.key)
    }

    #[test]
    fn every_catalog_metric_has_cues_and_every_cue_a_metric() {
        assert_eq!(RULES.len(), CATALOG.len());
        for m in CATALOG {
            assert!(CUES.iter().any(|(k, _)| *k == m.key), "{} has no cues", m.key);
        }
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
        assert_eq!(label("tỷ lệ hộ nghèo", Unit::Vnd), "other");
        assert_eq!(label("cử tri đi bầu", Unit::Count), "voters");
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
}
