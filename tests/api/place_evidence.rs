//! Which unit an article and each of its figures is about, from ranked evidence: the lead, the
//! organs that act, type words that refer back, addresses in parentheses, units merged away.
//! Every sentence here is written for the test.

use chiso::ingest;

use crate::extraction::gazetteer;
use crate::places::page_places;

fn read(page: &str) -> (Option<String>, Vec<(f64, Option<String>)>) {
    page_places(page, None)
}

#[test]
fn type_words_alone_refer_to_the_unit_named_before_them_and_a_closing_teaser_does_not_win() {
    let (primary, figures) = read(
        "22/07/2022 08:00\n\
         Theo Ủy ban MTTQ huyện Ba Bể, 6 tháng đầu năm 2022, Mặt trận các cấp trên địa bàn huyện vận động \
         được 150 triệu đồng.\n\n\
         Ủy ban MTTQ huyện phối hợp với UBND huyện trao 40 suất quà cho hộ nghèo.\n\n\
         Những năm qua, hội viên nông dân xã Kha Sơn, huyện Phú Bình tích cực thi đua sản xuất giỏi.",
    );
    assert_eq!(primary.as_deref(), Some("2024-d061"));
    assert_eq!(
        figures,
        [
            (150e6, Some("2024-d061".into())),
            (40.0, Some("2024-d061".into()))
        ],
        "the organs of the unit the lead names"
    );
}

#[test]
fn a_district_merged_away_is_found_by_the_township_it_was_named_after() {
    let (primary, _) = read(
        "Ban Dân vận Huyện ủy Long Điền tổng kết công tác năm 2019, trong năm các đoàn thể vận động \
         được 210 triệu đồng ủng hộ người nghèo.\n\nLÊ AN",
    );
    assert_eq!(
        primary.as_deref(),
        Some("2024-d753"),
        "huyện Long Điền went into Long Đất, seated at thị trấn Long Điền"
    );
}

#[test]
fn a_unit_the_gazetteer_lacks_is_placed_by_the_address_given_in_parentheses() {
    let (primary, figures) = read(
        "Xã vùng cao về đích\n\n\
         Sau 5 năm, xã Hồng Phúc (Văn Yên, Yên Bái) đã hoàn thành 19/19 tiêu chí. Năm 2019, xã huy động \
         được 12 tỷ đồng.\n\nAN BÌNH",
    );
    assert_eq!(primary.as_deref(), Some("2024-d136"));
    assert_eq!(figures[0], (19.0, Some("2024-d136".into())));
}

#[test]
fn a_unit_said_to_be_the_former_one_is_on_the_earlier_map() {
    let a = ingest::ingest(
        &ingest::Source::text(
            "Phường mới ra mắt\n\n20/08/2025\n\n\
             Phường Đức Xuân mới có 16.000 người, trong đó phường Đức Xuân (cũ) có 7.500 người.\n\nAN BÌNH",
        ),
        gazetteer(),
    )
    .unwrap();
    let schemes: Vec<String> = a
        .indicators
        .iter()
        .filter_map(|i| i.locality.as_ref().map(|l| l.scheme().as_str().to_owned()))
        .collect();
    assert_eq!(schemes, ["2025", "2024"]);
}

#[test]
fn units_a_list_names_without_their_type_word_each_take_their_figure() {
    let (primary, figures) = read(
        "Tỉnh Bắc Kạn bầu đủ đại biểu\n\n25/05/2021\n\n\
         Tỉnh Bắc Kạn đã bầu đủ số đại biểu HĐND tỉnh, trong đó Pác Nặm 4 đại biểu, Na Rì 5 đại biểu.\n\nAN BÌNH",
    );
    assert_eq!(primary.as_deref(), Some("2024-p06"));
    assert_eq!(
        figures,
        [(4.0, Some("2024-d060".into())), (5.0, Some("2024-d066".into()))],
        "each item of the list is its own unit"
    );
}
