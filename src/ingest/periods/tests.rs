//! Periods in sentences of the genre, stated and per figure.

use super::*;

fn periods(text: &str, ref_year: Option<i32>) -> Vec<Option<String>> {
    stated(text, Reference::year(ref_year))
        .into_iter()
        .map(|s| s.period.map(|p| p.to_string()))
        .collect()
}

fn one(text: &str) -> Vec<String> {
    periods(text, Some(2024)).into_iter().flatten().collect()
}

#[test]
fn every_form_of_a_stated_period() {
    assert_eq!(one("Năm 2023, xã có 12 mô hình"), ["2023"]);
    assert_eq!(one("sơ kết công tác 06 tháng đầu năm 2022"), ["2022-H1"]);
    assert_eq!(one("ước 6 tháng năm 2019 đạt"), ["2019-H1"]);
    assert_eq!(one("tình hình 6 tháng đầu năm năm 2019"), ["2019-H1"]);
    assert_eq!(one("nhiệm vụ 6 tháng cuối năm 2021"), ["2021-H2"]);
    assert_eq!(one("trong 9 tháng đầu năm 2022"), ["2022-9M"]);
    assert_eq!(one("GRDP quý 3/2025 ước tăng"), ["2025-Q3"]);
    assert_eq!(one("Kinh tế quý III năm 2023 tăng"), ["2023-Q3"]);
    assert_eq!(one("xuất khẩu tháng 8/2023 đạt"), ["2023-08"]);
    assert_eq!(one("Giai đoạn 2021-2025, thành phố"), ["2021-2025"]);
    assert_eq!(one("khen thưởng 18 mô hình giai đoạn 2020- 2022"), ["2020-2022"]);
    assert_eq!(one("từ năm 2016 đến nay, huyện"), ["2016-2024"]);
    assert_eq!(one("Từ năm 2017 - 2020, tỷ lệ giảm"), ["2017-2020"]);
    assert_eq!(one("từ 2018 – nay, xã"), ["2018-2024"]);
    assert_eq!(one("sau 10 năm thực hiện"), ["2014-2024"]);
    assert_eq!(one("Tính đến ngày 15/10/2021, quỹ nhận"), ["2021"]);
    assert_eq!(one("nhân dịp Tết Nguyên đán Giáp Thìn 2024"), ["2024"]);
    assert_eq!(one("nhân dịp Tết Quý Mão"), ["2023"]);
    assert_eq!(one("trong tháng cao điểm năm nay"), ["2024"]);
    assert_eq!(
        one("thu nhập đến năm 2030 so với năm 2025 tăng 30%"),
        ["2025-2030"]
    );
    assert_eq!(one("Tổng kết năm học 2009-2010"), ["2009-2010"]);
    assert_eq!(one("Trong 11 tháng đầu năm, khách tăng"), ["2024-01/2024-11"]);
    assert_eq!(one("4 tháng đầu năm 2023, thu ngân sách"), ["2023-01/2023-04"]);
    assert_eq!(one("ba tháng đầu năm 2022"), ["2022-Q1"]);
    assert!(
        one("Trong tháng 8, huyện tiếp").is_empty(),
        "a month without its year"
    );
    assert!(one("trong 3 tháng, xã đã").is_empty(), "a duration");
    assert_eq!(
        one("Đại hội nhiệm kỳ 2020-2025 của hội. Từ đầu nhiệm kỳ đến nay, hội kết nạp"),
        ["2020-2025"]
    );
    assert_eq!(
        one("công nhận 30 sản phẩm đạt tiêu chuẩn OCOP năm 2022"),
        ["2022"],
        "a standard met in a year, not a standard's period"
    );
}

#[test]
fn comparison_bases_names_and_durations_are_not_periods() {
    assert!(one("tăng 9,3% so với cùng kỳ năm 2018").is_empty());
    assert!(one("thấp hơn mức cùng kỳ 2022 (5,17%)").is_empty());
    assert!(one("giảm 2% so với năm 2020").is_empty());
    assert!(one("hộ nghèo được xác định theo chuẩn nghèo giai đoạn 2016 - 2020").is_empty());
    assert!(one("Ủy ban MTTQ xã khóa I, nhiệm kỳ 2025-2030 ra mắt").is_empty());
    assert!(one("kỳ họp thứ ba Ủy ban Mặt trận huyện (khóa IX), nhiệm kỳ 2024 – 2029, bàn").is_empty());
    assert!(one("phiên họp thường kỳ tháng 9/2025 diễn ra").is_empty());
    assert!(one("Sáng ngày 02 tháng 7 năm 2021, hội nghị").is_empty());
    assert!(one("anh Tòng, sinh năm 1979, là hộ nghèo").is_empty());
    assert!(one("hợp tác xã được thành lập năm 2015, hiện có 30 thành viên").is_empty());
    assert!(one("trong 6 tháng, xã đã").is_empty());
    assert!(one("những năm qua, tỉnh đã").is_empty());
    assert_eq!(periods("Nhiệm kỳ qua, Mặt trận đã", Some(2024)), [None]);
}

#[test]
fn a_term_that_opens_a_clause_is_a_period_and_an_election_is_its_first_year() {
    assert_eq!(one("Nhiệm kỳ 2020-2025, xã đạt nhiều kết quả"), ["2020-2025"]);
    assert_eq!(
        one("cuộc bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026 diễn ra"),
        ["2021"]
    );
    let s = stated(
        "Năm 2023, xã có 12 mô hình; tăng 5% năm 2022.",
        Reference::default(),
    );
    assert_eq!(s.iter().map(|s| s.sets_scope).collect::<Vec<_>>(), [true, false]);
}

#[test]
fn a_figure_takes_the_nearest_period_that_scopes_it() {
    let text = "Năm 2023, xã có 12 mô hình. Quý III đạt 5%; năm 2022 đạt 4%. Thôn có 7 hộ.";
    let s = stated(text, Reference::year(Some(2023)));
    let at = |needle: &str| {
        let start = text.find(needle).unwrap();
        let sentence_start = text[..start].rfind(". ").map_or(0, |p| p + 2);
        let sentence_end = text[start..].find('.').map_or(text.len(), |p| start + p + 1);
        let clause_start = text[sentence_start..start]
            .rfind(';')
            .map_or(sentence_start, |p| sentence_start + p + 1);
        let clause_end = text[start..sentence_end]
            .find(';')
            .map_or(sentence_end, |p| start + p);
        period_of(
            &s,
            &setters(&s),
            (clause_start, clause_end),
            (start, start + needle.len()),
            usize::MAX,
            None,
        )
        .0
        .map(|p| p.to_string())
    };
    assert_eq!(at("12").as_deref(), Some("2023"));
    assert_eq!(at("5%").as_deref(), Some("2023-Q3"));
    assert_eq!(at("4%").as_deref(), Some("2022"));
    assert_eq!(
        at("7").as_deref(),
        Some("2023"),
        "the scope set by the opening sentence"
    );
}

#[test]
fn spans_of_dates_and_months_are_the_months_they_cover() {
    assert_eq!(
        one("Từ ngày 1/10/2020 đến 30/9/2021, Ban Vận động đã tiếp nhận"),
        ["2020-10/2021-09"]
    );
    assert_eq!(one("từ 20/12/2022 đến ngày 19/12/2023, quỹ nhận"), ["2023"]);
    assert_eq!(one("từ 01/01 - 30/6/2023, huyện tiếp"), ["2023-H1"]);
    assert_eq!(
        one("từ tháng 11/2021 đến tháng 10/2022, các xã vận động"),
        ["2021-11/2022-10"]
    );
    assert_eq!(one("từ tháng 4 đến tháng 6 năm 2024, xã tiếp"), ["2024-Q2"]);
    let r = Reference {
        year: Some(2024),
        date: NaiveDate::from_ymd_opt(2024, 11, 20),
        stored: None,
    };
    let got: Vec<_> = stated("Từ tháng 7 đến nay, phường đã nhận", r)
        .into_iter()
        .filter_map(|s| s.period.map(|p| p.to_string()))
        .collect();
    assert_eq!(got, ["2024-07/2024-11"]);
    let undated = Reference {
        year: Some(2017),
        date: None,
        stored: NaiveDate::from_ymd_opt(2026, 3, 2),
    };
    let got: Vec<_> = ["Từ tháng 1 đến nay, quỹ nhận", "Từ tháng 5 đến nay, quỹ nhận"]
        .iter()
        .flat_map(|t| stated(t, undated))
        .filter_map(|s| s.period.map(|p| p.to_string()))
        .collect();
    assert_eq!(
        got,
        ["2017", "2017-05/2017-12"],
        "an undated text's \"đến nay\" is in the year it reports on, not the day it was stored"
    );
}

#[test]
fn the_last_term_is_the_one_before_the_term_a_text_names() {
    assert_eq!(
        periods(
            "Đại hội Hội Nông dân xã nhiệm kỳ 2023-2028. Nhiệm kỳ qua, hội kết nạp",
            Some(2023)
        ),
        [Some("2018-2023".to_owned())]
    );
    assert_eq!(
        periods(
            "Tổng kết nhiệm kỳ 2019-2024 của Ủy ban. Trong nhiệm kỳ qua, Ủy ban",
            Some(2024)
        ),
        [Some("2019-2024".to_owned())]
    );
}

#[test]
fn a_goal_for_a_later_year_covers_the_years_up_to_it() {
    assert_eq!(
        one("phấn đấu đến năm 2027 có 95% hộ dùng nước sạch"),
        ["2024-2027"]
    );
    assert_eq!(
        one("Nhiệm kỳ 2025-2030 của Đảng bộ xã. Phấn đấu đến năm 2030 thu nhập đạt 90 triệu"),
        ["2025-2030"]
    );
    assert_eq!(one("tính đến năm 2023, toàn xã có"), ["2023"]);
}

#[test]
fn nothing_is_reported_on_after_the_day_the_text_was_stored() {
    let r = Reference {
        year: Some(2026),
        date: None,
        stored: NaiveDate::from_ymd_opt(2026, 12, 3),
    };
    let got: Vec<_> = stated("Chiến lược phát triển năm 2045 và quý I năm 2027, xã có", r)
        .into_iter()
        .filter_map(|s| s.period.map(|p| p.to_string()))
        .collect();
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn what_was_handed_out_at_an_event_is_of_the_event_s_month() {
    let day = NaiveDate::from_ymd_opt(2024, 1, 26);
    let month = |title: &str, opening: &str| event_month(title, opening, day, None).map(|p| p.to_string());
    assert_eq!(
        month(
            "Trao quà Tết cho hộ nghèo",
            "Chiều 26/1, Hội Chữ thập đỏ xã trao 120 suất quà."
        )
        .as_deref(),
        Some("2024-01")
    );
    assert_eq!(
        month(
            "Xã tổng kết công tác Mặt trận",
            "Chiều 26/1, xã trao 120 suất quà."
        )
        .as_deref(),
        None,
        "a review reports on its period"
    );
    assert_eq!(
        month("Trao quà", "Năm 2023, Hội trao 1.200 suất quà.").as_deref(),
        None
    );
    assert_eq!(
        month(
            "Trao quà Tết cho hộ nghèo",
            "Chiều 26/1, Hội Chữ thập đỏ xã trao 120 suất quà. Năm 2023, xã giảm 40 hộ nghèo."
        )
        .as_deref(),
        Some("2024-01"),
        "a year the paragraph states later is of its own clauses"
    );
    assert_eq!(
        month(
            "Trao quà Tết cho hộ nghèo",
            "Chiều 26/1, tại hội nghị tổng kết năm 2023, xã trao 120 suất quà. Xã có 40 hộ nghèo."
        )
        .as_deref(),
        None
    );
}
