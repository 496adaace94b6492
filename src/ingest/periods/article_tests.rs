//! The period an article reports on, from its title, opening, date or body.

use chrono::NaiveDate;

use super::article_period;

fn p(title: &str, opening: &str, date: Option<NaiveDate>) -> Option<String> {
    article_period(title, opening, opening, date, None).map(|p| p.to_string())
}

/// An undated text's period, from its opening and the whole body.
fn in_body(opening: &str, body: &str) -> Option<String> {
    article_period("", opening, body, None, None).map(|p| p.to_string())
}

#[test]
fn the_article_period_from_title_opening_or_date() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    assert_eq!(
        p(
            "Tình hình kinh tế tháng 06, quý II và 6 tháng đầu năm 2019",
            "",
            None
        )
        .as_deref(),
        Some("2019-H1")
    );
    assert_eq!(
        p(
            "",
            "Xã A sơ kết công tác năm 2018 và bàn nhiệm vụ năm 2019.",
            None
        )
        .as_deref(),
        Some("2018")
    );
    assert_eq!(
        p("Xã A tổng kết công tác", "Hội nghị diễn ra.", d(2022, 1, 12)).as_deref(),
        Some("2021")
    );
    assert_eq!(
        p("Xã A tiếp công dân", "Hội nghị diễn ra.", d(2023, 10, 27)).as_deref(),
        Some("2023")
    );
    assert_eq!(p("", "", None), None);
}

#[test]
fn an_undated_text_is_dated_by_what_it_says() {
    assert_eq!(
        p(
            "",
            "Hội Nông dân (khóa X), nhiệm kỳ 2018 - 2023, sơ kết 6 tháng đầu năm và bàn nhiệm vụ 6 tháng cuối năm 2021.",
            None
        )
        .as_deref(),
        Some("2021-H1"),
        "the yearless half of an undated text takes the year its sentence names"
    );
    let opening = "Sáng 12.6, Đại hội Hội Cựu chiến binh huyện lần thứ VIII, nhiệm kỳ 2022 - 2027 khai mạc với 150 đại biểu.";
    let body = format!("{opening}\n\nĐại hội đề ra mục tiêu giai đoạn 2023 - 2027.");
    assert_eq!(
        in_body(opening, &body).as_deref(),
        Some("2017-2022"),
        "an undated congress reviews the term before the one it opens"
    );
    assert_eq!(
        p(
            "",
            "Trong 10 tháng đầu năm, huyện đón 20.000 lượt khách, tăng 12% so với cùng kỳ năm 2023.",
            None
        )
        .as_deref(),
        Some("2024"),
        "a text that states its months only against the same months of a year is of the year after"
    );
    let opening = "Chín tháng, thu ngân sách đạt 900 tỷ đồng, tăng 4% so với cùng kỳ năm 2020.";
    let body = format!("{opening}\n\nRiêng năm 2019, huyện thu hút được 3 dự án.");
    assert_eq!(
        in_body("", &body).as_deref(),
        Some("2021"),
        "the comparison comes before the first period the body states"
    );
}
