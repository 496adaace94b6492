//! The period of each figure as a reader dates it, read in sentences written for this test:
//! spans of dates that scope what follows, a comparison base in parentheses, a state at the
//! end of a span, what is handed out at an event, a page dated by its address.

use chiso::ingest;

use crate::extraction::gazetteer;

/// (value, period) of every figure of a page.
fn periods(page: &str, url: Option<&str>) -> Vec<(f64, Option<String>)> {
    let origin = chiso::domain::Origin {
        source_url: url.map(str::to_owned),
        ..Default::default()
    };
    let source = ingest::Source {
        origin: &origin,
        ..ingest::Source::text(page)
    };
    let a = ingest::ingest(&source, gazetteer()).unwrap();
    a.indicators
        .iter()
        .map(|i| (i.value, i.period.as_ref().map(ToString::to_string)))
        .collect()
}

fn p(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn a_span_of_dates_opening_the_story_scopes_every_paragraph_after_it() {
    let got = periods(
        "Từ ngày 1/10/2022 đến 30/9/2023, các cơ quan của huyện Ba Bể đã tiếp 420 lượt công dân.\n\n\
         Toàn huyện tiếp nhận 96 đơn, đã giải quyết 90 đơn.\n\nLÊ AN",
        None,
    );
    assert_eq!(
        got,
        [
            (420.0, p("2022-10/2023-09")),
            (96.0, p("2022-10/2023-09")),
            (90.0, p("2022-10/2023-09"))
        ]
    );
}

#[test]
fn a_base_in_parentheses_and_a_state_at_the_end_of_a_span() {
    let got = periods(
        "Kinh tế huyện Ba Bể 9 tháng năm 2025\n\n10/10/2025\n\n\
         Tổng sản phẩm 9 tháng năm 2025 tăng 7,9%, cao hơn cùng kỳ 2024 (7,1%).\n\nLÊ AN",
        None,
    );
    assert_eq!(got, [(7.9, p("2025-9M")), (7.1, p("2024-9M"))]);
    let got = periods(
        "Huyện Ba Bể tổng kết 10 năm xây dựng nông thôn mới\n\n12/11/2020\n\n\
         Sau 10 năm, huyện đã huy động 900 tỷ đồng; đến nay 12/15 xã đạt chuẩn nông thôn mới.\n\nLÊ AN",
        None,
    );
    assert_eq!(got, [(9e11, p("2010-2020")), (12.0, p("2020"))]);
}

#[test]
fn what_is_handed_out_at_an_event_is_of_its_month_and_an_address_dates_a_page() {
    let got = periods(
        "Trao quà Tết cho hộ nghèo xã Cao Thượng\n\n\
         Chiều 18/1, Hội Chữ thập đỏ huyện Ba Bể trao 150 suất quà cho hộ nghèo.\n\nLÊ AN",
        Some("https://baobackan.vn/xa-hoi/202401/trao-qua-tet-cho-ho-ngheo-1234/"),
    );
    assert_eq!(got, [(150.0, p("2024-01"))]);
    let got = periods(
        "Năm qua, huyện Ba Bể vận động được 2,5 tỷ đồng cho Quỹ Vì người nghèo.\n\nLÊ AN",
        Some("https://baobackan.vn/xa-hoi/202112/ba-be-van-dong-quy-vi-nguoi-ngheo-5678/"),
    );
    assert_eq!(got, [(2.5e9, p("2021"))]);
}

#[test]
fn a_change_told_by_its_two_ends_gives_the_level_reached_and_never_the_earlier_one_as_of_the_period() {
    let got = periods(
        "Huyện Na Rì giảm nghèo bền vững\n\n\
         Năm 2023, tỷ lệ hộ nghèo của huyện Na Rì giảm từ 9,4% xuống còn 7,2%.\n\n\
         Giai đoạn 2016 - 2020, số hộ có nhà kiên cố tăng từ 1.200 hộ lên 2.050 hộ.\n\n\
         Số hội viên tăng từ 310 người (năm 2018) lên 402 người (năm 2021).\n\nMAI LAN",
        None,
    );
    assert_eq!(
        got,
        [
            (9.4, None),
            (7.2, p("2023")),
            (1200.0, p("2016")),
            (2050.0, p("2020")),
            (310.0, p("2018")),
            (402.0, p("2021")),
        ]
    );
}
