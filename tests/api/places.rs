//! Place resolution through the pipeline: names, historical names, parents in parentheses,
//! unique district names, ambiguous names and spelling variants.

use chiso::ingest;

use crate::extraction::gazetteer;
use crate::support::{text, texts};

/// Primary unit and every unit named, for a short article with this body.
fn places(title: &str, body: &str) -> (Option<String>, Vec<String>) {
    let page = format!("{title}\n\n{body}\n\nPhóng Viên");
    let a = ingest::ingest(&ingest::Source::text(&page), gazetteer()).expect("an article");
    (text(&a.primary_locality), texts(&a.localities))
}

#[test]
fn a_province_named_with_its_type_resolves_to_its_code() {
    let (primary, all) = places(
        "Hội nghị tổng kết công tác dân vận",
        "Năm 2020, tỉnh Bắc Kạn đạt nhiều kết quả.",
    );
    assert_eq!(primary.as_deref(), Some("06"));
    assert_eq!(all, ["06"]);
}

#[test]
fn a_city_party_committee_names_the_city() {
    let (primary, all) = places(
        "Ban Dân vận Thành ủy Bắc Kạn sơ kết công tác",
        "Thành phố tiếp tục làm tốt công tác dân vận.",
    );
    assert_eq!(primary.as_deref(), Some("058"));
    assert!(
        all.contains(&"06".to_owned()),
        "the parent province is listed: {all:?}"
    );
}

#[test]
fn a_historical_name_resolves_to_the_same_unit() {
    let (primary, _) = places("Thị xã Bắc Kạn với công tác dân vận", "Thị xã đạt nhiều kết quả.");
    assert_eq!(primary.as_deref(), Some("058"));
}

#[test]
fn a_parent_in_parentheses_picks_the_commune() {
    let (_, all) = places(
        "Bầu cử thành công",
        "Cử tri xã Vi Hương (Bạch Thông) đi bầu. Tỉnh Bắc Kạn hoàn thành bầu cử.",
    );
    assert!(
        all.contains(&"01975".to_owned()) && all.contains(&"063".to_owned()),
        "{all:?}"
    );
}

#[test]
fn a_district_name_unique_in_the_country_implies_its_province() {
    let (primary, all) = places(
        "Hội nghị tổng kết công tác dân vận năm 2020",
        "UBND tỉnh chỉ đạo quyết liệt. Toàn tỉnh giảm nghèo nhanh, trong đó huyện Bác Ái giảm mạnh. Tỉnh ủy đánh giá cao.",
    );
    assert_eq!(primary.as_deref(), Some("58"));
    assert!(all.contains(&"584".to_owned()));
}

#[test]
fn an_ambiguous_commune_is_left_unresolved_without_context() {
    let (_, all) = places("Nông dân ra đồng", "Nông dân xã Dương Quang gieo cấy vụ xuân.");
    assert!(all.is_empty(), "Dương Quang exists in three provinces: {all:?}");
}

#[test]
fn an_ambiguous_commune_is_resolved_by_the_province_the_article_names() {
    let (_, all) = places(
        "Nông dân ra đồng",
        "Tỉnh Bắc Kạn đẩy mạnh sản xuất. Nông dân xã Dương Quang gieo cấy vụ xuân.",
    );
    assert!(all.contains(&"01849".to_owned()), "{all:?}");
}

#[test]
fn spelling_variants_of_tone_marks_and_d_bar_match() {
    let (a, _) = places("Tin địa phương", "Tỉnh Hoà Bình đạt kết quả tốt.");
    let (b, _) = places("Tin địa phương", "Tỉnh Hòa Bình đạt kết quả tốt.");
    assert_eq!(a.as_deref(), Some("17"));
    assert_eq!(a, b);
    let (c, _) = places("Tin địa phương", "Tỉnh Bình \u{00d0}ịnh đạt kết quả tốt.");
    assert_eq!(c.as_deref(), Some("52"));
}

#[test]
fn a_person_named_like_a_city_is_not_a_place() {
    let (_, all) = places(
        "Học tập và làm theo tư tưởng Hồ Chí Minh",
        "Đoàn TNCS Hồ Chí Minh tổ chức học tập.",
    );
    assert!(!all.contains(&"79".to_owned()), "{all:?}");
}
