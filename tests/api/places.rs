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
    assert_eq!(primary.as_deref(), Some("2024-p06"));
    assert_eq!(all, ["2024-p06"]);
}

#[test]
fn a_city_party_committee_names_the_city() {
    let (primary, all) = places(
        "Ban Dân vận Thành ủy Bắc Kạn sơ kết công tác",
        "Thành phố tiếp tục làm tốt công tác dân vận.",
    );
    assert_eq!(primary.as_deref(), Some("2024-d058"));
    assert!(
        all.contains(&"2024-p06".to_owned()),
        "the parent province is listed: {all:?}"
    );
}

#[test]
fn a_historical_name_resolves_to_the_same_unit() {
    let (primary, _) = places("Thị xã Bắc Kạn với công tác dân vận", "Thị xã đạt nhiều kết quả.");
    assert_eq!(primary.as_deref(), Some("2024-d058"));
}

#[test]
fn a_parent_in_parentheses_picks_the_commune() {
    let (_, all) = places(
        "Bầu cử thành công",
        "Cử tri xã Vi Hương (Bạch Thông) đi bầu. Tỉnh Bắc Kạn hoàn thành bầu cử.",
    );
    assert!(
        all.contains(&"2024-c01975".to_owned()) && all.contains(&"2024-d063".to_owned()),
        "{all:?}"
    );
}

#[test]
fn a_district_name_unique_in_the_country_implies_its_province() {
    let (primary, all) = places(
        "Hội nghị tổng kết công tác dân vận năm 2020",
        "UBND tỉnh chỉ đạo quyết liệt. Toàn tỉnh giảm nghèo nhanh, trong đó huyện Bác Ái giảm mạnh. Tỉnh ủy đánh giá cao.",
    );
    assert_eq!(primary.as_deref(), Some("2024-p58"));
    assert!(all.contains(&"2024-d584".to_owned()));
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
    assert!(all.contains(&"2024-c01849".to_owned()), "{all:?}");
}

#[test]
fn spelling_variants_of_tone_marks_and_d_bar_match() {
    let (a, _) = places("Tin địa phương", "Tỉnh Hoà Bình đạt kết quả tốt.");
    let (b, _) = places("Tin địa phương", "Tỉnh Hòa Bình đạt kết quả tốt.");
    assert_eq!(a.as_deref(), Some("2024-p17"));
    assert_eq!(a, b);
    let (c, _) = places("Tin địa phương", "Tỉnh Bình \u{00d0}ịnh đạt kết quả tốt.");
    assert_eq!(c.as_deref(), Some("2024-p52"));
}

#[test]
fn a_person_named_like_a_city_is_not_a_place() {
    let (_, all) = places(
        "Học tập và làm theo tư tưởng Hồ Chí Minh",
        "Đoàn TNCS Hồ Chí Minh tổ chức học tập.",
    );
    assert!(!all.contains(&"2024-p79".to_owned()), "{all:?}");
}

/// The place of each figure of a short article, in body order.
fn figure_places(title: &str, body: &str, url: Option<&str>) -> (Option<String>, Vec<(f64, Option<String>)>) {
    page_places(&format!("{title}\n\n20/07/2021\n\n{body}\n\nPhóng Viên"), url)
}

/// The primary unit and the place of each figure of a page, in body order.
pub fn page_places(page: &str, url: Option<&str>) -> (Option<String>, Vec<(f64, Option<String>)>) {
    let origin = chiso::domain::Origin {
        source_url: url.map(str::to_owned),
        ..Default::default()
    };
    let source = ingest::Source {
        origin: &origin,
        ..ingest::Source::text(page)
    };
    let a = ingest::ingest(&source, gazetteer()).expect("an article");
    let figures = a
        .indicators
        .iter()
        .map(|i| (i.value, text(&i.locality)))
        .collect();
    (text(&a.primary_locality), figures)
}

#[test]
fn a_unit_given_with_its_address_is_the_subject_and_its_parents_are_not_figures_places() {
    let (primary, figures) = figure_places(
        "Ngày hội Đại đoàn kết",
        "Sáng 15/11, thôn Nà Dì, xã Dương Quang, thành phố Bắc Kạn, tỉnh Bắc Kạn tổ chức ngày hội, \
         có 210 hộ tham gia. Thôn Nà Dì còn 4 hộ nghèo. Lãnh đạo Tỉnh ủy, UBND tỉnh đến dự.",
        None,
    );
    assert_eq!(primary.as_deref(), Some("2024-c01849"));
    assert_eq!(
        figures,
        [
            (210.0, Some("2024-c01849".into())),
            (4.0, Some("2024-c01849".into()))
        ],
        "a hamlet's figures take its commune"
    );
}

#[test]
fn units_listed_after_a_plural_type_word_leave_the_article_to_their_province() {
    let (primary, _) = figure_places(
        "Cụm thi đua số 2 tổng kết công tác Mặt trận",
        "Cụm thi đua gồm các huyện: Ba Bể, Pác Nặm, Ngân Sơn và Chợ Đồn đã tổ chức hội nghị tại huyện Ba Bể. \
         Trong năm, cụm vận động được 3,5 tỷ đồng.",
        None,
    );
    assert_eq!(primary.as_deref(), Some("2024-p06"));
}

#[test]
fn the_page_address_names_the_unit_of_a_provincial_paper_or_portal() {
    let text = "Kinh tế tiếp tục tăng trưởng\n\nNăm 2020, tổng sản phẩm tăng 5,2%.\n\nPhóng Viên";
    let at = |url: &str| {
        let origin = chiso::domain::Origin {
            source_url: Some(url.to_owned()),
            ..Default::default()
        };
        let source = ingest::Source {
            origin: &origin,
            ..ingest::Source::text(text)
        };
        text_of(ingest::ingest(&source, gazetteer()).unwrap().primary_locality)
    };
    assert_eq!(
        at("https://baobacgiang.vn/kinh-te/bai-viet-1.html").as_deref(),
        Some("2024-p24")
    );
    assert_eq!(
        at("http://www.thongkehaiduong.gov.vn/tin-tuc/123").as_deref(),
        Some("2024-p30")
    );
    assert_eq!(
        at("https://camau.dcs.vn/bai-viet.302").as_deref(),
        Some("2024-p96")
    );
    assert_eq!(
        at("https://thanhha.haiduong.gov.vn/tin/1").as_deref(),
        Some("2024-d294"),
        "a district portal under its province's"
    );
    assert_eq!(
        at("https://baodongkhoi.vn/kinh-te-a1.html").as_deref(),
        Some("2024-p83"),
        "a paper of the outlets table"
    );
    assert_eq!(
        at("https://nongnghiep.vn/bai-viet.html"),
        None,
        "a national paper names no unit"
    );
}

fn text_of(id: Option<chiso::domain::PlaceId>) -> Option<String> {
    id.map(|i| i.to_string())
}

#[test]
fn words_made_with_a_type_word_and_counts_of_units_are_not_places() {
    let (primary, figures) = figure_places(
        "Xã Dương Quang phát triển kinh tế",
        "Năm 2020, tình hình kinh tế - xã hội của xã Dương Quang (Bắc Kạn) ổn định; hợp tác xã Tân Phú có 45 xã viên. \
         Tỉnh trao 300 suất quà cho các xã, phường.",
        None,
    );
    assert_eq!(primary.as_deref(), Some("2024-c01849"));
    let places: Vec<Option<&str>> = figures.iter().map(|(_, p)| p.as_deref()).collect();
    assert_eq!(places, [Some("2024-c01849"), Some("2024-p06")], "{figures:?}");
}

#[test]
fn the_owner_after_a_figure_and_the_more_specific_of_two_places() {
    let (_, figures) = figure_places(
        "Huyện Bạch Thông chăm lo Tết",
        "Huyện Bạch Thông trao 120 suất quà của xã Vi Hương; Mặt trận xã Vi Hương tặng 35 suất quà ở tỉnh Bắc Kạn.",
        None,
    );
    assert_eq!(
        figures,
        [
            (120.0, Some("2024-c01975".into())),
            (35.0, Some("2024-c01975".into()))
        ],
        "the owner after the figure; a commune rather than its province"
    );
}
