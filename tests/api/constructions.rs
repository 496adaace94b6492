//! The constructions real reports use, each read in a sentence written for this test: figure
//! forms that are figures, numbers that are not, labels and metrics. The table is
//! `docs/extraction.md`.

use chiso::domain::Unit;
use chiso::ingest;

use crate::extraction::gazetteer;

/// (value, unit, unit noun, denominator) of every figure of a one-sentence report.
fn figures(sentence: &str) -> Vec<(f64, Unit, Option<String>, Option<f64>)> {
    let text = format!("Xã Hòa Bình tổng kết năm 2023\n\n20/12/2023\n\n{sentence}\n\nPhóng Viên");
    let a = ingest::ingest(&ingest::Source::text(&text), gazetteer()).unwrap();
    a.indicators
        .into_iter()
        .map(|i| (i.value, i.unit, i.unit_noun, i.denominator))
        .collect()
}

fn values(sentence: &str) -> Vec<(f64, Unit)> {
    figures(sentence).into_iter().map(|(v, u, _, _)| (v, u)).collect()
}

#[test]
fn money_raised_counts_of_visits_and_people_are_figures() {
    assert_eq!(
        values(
            "Mặt trận vận động được 1,25 tỷ đồng, các tổ chức ủng hộ 320 triệu đồng và quyên góp 2.500 suất quà."
        ),
        [(1.25e9, Unit::Vnd), (3.2e8, Unit::Vnd), (2500.0, Unit::Count)]
    );
    let f = figures("Chương trình thu hút 3.200 lượt người tham gia, 450 người được khám bệnh.");
    assert_eq!(f[0].2.as_deref(), Some("lượt người"));
    assert_eq!(f[1].2.as_deref(), Some("người"));
}

#[test]
fn measures_glued_to_their_numbers_are_units_not_count_nouns() {
    assert_eq!(
        values(
            "Xã làm mới 2.350m đường, xây 12.400m² nhà văn hóa, thu gom 15 tấn rác, 80kg thuốc và trồng 72,5ha rừng."
        ),
        [
            (2350.0, Unit::Metre),
            (12400.0, Unit::SquareMetre),
            (15.0, Unit::Tonne),
            (80.0, Unit::Kilogram),
            (72.5, Unit::Hectare)
        ]
    );
    assert_eq!(
        values("Tổng giá trị quà là 3.690.000.000đ và 620tr đồng tiền mặt, quỹ nhận 61.794.000đ."),
        [(3.69e9, Unit::Vnd), (6.2e8, Unit::Vnd), (61_794_000.0, Unit::Vnd)]
    );
    // Money whose đồng goes unsaid after "trị giá", "kinh phí", "số tiền".
    assert_eq!(
        values(
            "Xây 9 căn nhà trị giá 1.350.000.000\nHội nghị tổng kết. Trao 40 suất quà, trị giá 500.000 mỗi suất."
        ),
        [
            (9.0, Unit::Count),
            (1.35e9, Unit::Vnd),
            (40.0, Unit::Count),
            (500_000.0, Unit::Vnd)
        ]
    );
    assert_eq!(
        values("Huyện có diện tích 1.250 km2, xã mới rộng 96,4 km² và 48km2 rừng phòng hộ."),
        [
            (1250.0, Unit::SquareKilometre),
            (96.4, Unit::SquareKilometre),
            (48.0, Unit::SquareKilometre)
        ]
    );
}

#[test]
fn ranges_negatives_multiples_ranks_and_ratios_with_words_between() {
    assert_eq!(
        values("Kịch bản tăng trưởng đề ra 7,5–8%."),
        [(7.5, Unit::Percent), (8.0, Unit::Percent)]
    );
    assert_eq!(
        values("Diện tích lúa giảm 12 ha (-2,5%)."),
        [(12.0, Unit::Hectare), (-2.5, Unit::Percent)]
    );
    assert_eq!(values("Thu nhập bình quân tăng 1,8 lần."), [(1.8, Unit::Times)]);
    let f = figures("Tăng trưởng đứng đầu khu vực và xếp thứ 3/12 toàn huyện.");
    assert_eq!((f[0].0, f[0].1, f[0].3), (3.0, Unit::Ratio, Some(12.0)));
    let f = figures("Toàn huyện còn 812 hộ nghèo/40.615 hộ, tỷ lệ 2%; 77 đơn/77 vụ việc được giải quyết.");
    assert_eq!(
        (f[0].0, f[0].1, f[0].3),
        (812.0, Unit::Ratio, Some(40615.0)),
        "so many of all"
    );
    assert_eq!(
        (f[2].0, f[2].1, f[2].3),
        (77.0, Unit::Count, None),
        "one count in two units"
    );
    assert_eq!(
        values("Tỷ lệ hộ nghèo giảm bình quân mỗi năm 2,1%."),
        [(2.1, Unit::Percent)]
    );
    assert_eq!(values("Xã có 4 điểm sinh hoạt cộng đồng."), [(4.0, Unit::Count)]);
}

#[test]
fn phones_addresses_scopes_tiers_ranks_and_attendance_are_not_figures() {
    for sentence in [
        "Mọi thông tin liên hệ số điện thoại 0209.3870.123 hoặc 0912 345 678, fax 0209 3870 124.",
        "Trụ sở tại số 15 đường Trần Hưng Đạo, tổ 7, phường Đức Xuân.",
        "Tại 15 xã, phong trào được triển khai sâu rộng.",
        "Quỹ được xây dựng ở 3 cấp và mô hình chính quyền 2 cấp vận hành tốt.",
        "Đây là 1 trong 5 xã dẫn đầu phong trào.",
        "Dự hội nghị có 120 đại biểu đại diện cho các chi bộ.",
        "Hội nghị đã bầu bổ sung 03 đồng chí và 2 vị vào Ban Chấp hành.",
        "Hội chợ diễn ra từ ngày 9 - 11.12 ẢNH: T.L",
        "Kỳ họp thứ 5, lần thứ 2 trong năm, diễn ra ngày 20/12/2023 lúc 8:30.",
        "Thực hiện Nghị quyết số 25-NQ/TW và Kế hoạch 169/KH-UBND, tình hình kinh tế - xã hội ổn định.",
    ] {
        assert_eq!(values(sentence), [], "{sentence}");
    }
    assert_eq!(
        values("Trong tổng số 18 xã, có 12 xã đạt chuẩn nông thôn mới."),
        [(12.0, Unit::Count)],
        "the scope is the denominator's context, not a figure"
    );
}

#[test]
fn headline_figures_are_read_with_their_place_in_the_title() {
    let text = "Xã Dương Quang thu ngân sách đạt 150% dự toán\n\n20/12/2023\n\n\
        Năm 2023, thu ngân sách của xã Dương Quang (Bắc Kạn) đạt 150% dự toán.\n\nPhóng Viên";
    let a = ingest::ingest(&ingest::Source::text(text), gazetteer()).unwrap();
    let fields: Vec<_> = a.indicators.iter().map(|i| (i.value, i.evidence.field)).collect();
    use chiso::domain::TextField::{Body, Title};
    assert_eq!(fields, [(150.0, Title), (150.0, Body)]);
    let title = a.title.unwrap();
    let e = &a.indicators[0].evidence;
    let highlighted: String = title.chars().skip(e.start).take(e.end - e.start).collect();
    assert_eq!(highlighted, "150%");
}

/// (label, metric) of every figure of a page.
fn labels_and_metrics(text: &str) -> Vec<(String, &'static str)> {
    let a = ingest::ingest(&ingest::Source::text(text), gazetteer()).unwrap();
    a.indicators
        .into_iter()
        .map(|i| (i.label, i.metric.as_str()))
        .collect()
}

#[test]
fn labels_name_the_measure_and_metrics_are_assigned_only_when_measured() {
    let text = "Xã Hòa Bình tổng kết năm 2023\n\n20/12/2023\n\n\
        Năm 2023, Mặt trận vận động được 1,25 tỷ đồng xây dựng 4 nhà đại đoàn kết; \
        thu nhập bình quân đầu người đạt 52 triệu đồng; xã có 4 điểm sinh hoạt cộng đồng; \
        tỷ lệ hộ nghèo giảm 2 điểm phần trăm.\n\nPhóng Viên";
    let got = labels_and_metrics(text);
    let got: Vec<(&str, &str)> = got.iter().map(|(l, m)| (l.as_str(), *m)).collect();
    assert_eq!(
        got,
        [
            ("Mặt trận vận động", "funds_raised"),
            ("Nhà đại đoàn kết", "charity_houses"),
            ("Thu nhập bình quân đầu người", "income_per_capita"),
            ("Điểm sinh hoạt cộng đồng", "other"),
            ("Tỷ lệ hộ nghèo", "poverty_rate"),
        ],
        "a fund raised is not houses built; income per head is not GRDP per head"
    );
}

#[test]
fn a_count_named_by_its_noun_alone_is_the_number_of_them() {
    let text = "Thôn Đồng Tâm đón chuẩn nông thôn mới\n\n20/12/2023\n\n\
        Thôn Đồng Tâm có 86 hộ, 312 nhân khẩu; năm 2023 có 12 hộ thoát nghèo.\n\nPhóng Viên";
    let a = ingest::ingest(&ingest::Source::text(text), gazetteer()).unwrap();
    let labels: Vec<&str> = a.indicators.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels[0], "Số hộ", "{labels:?}");
    assert!(labels[1..].iter().all(|l| !l.starts_with("Số ")), "{labels:?}");
}

#[test]
fn points_a_sector_adds_to_growth_are_its_contribution_not_its_growth() {
    let text = "Kinh tế xã tăng trưởng khá\n\n20/12/2023\n\n\
        Năm 2023, khu vực nông nghiệp tăng 3,1%, đóng góp 0,5 điểm phần trăm; khu vực công nghiệp \
        giảm 2%, làm giảm 0,8 điểm phần trăm vào mức tăng chung.\n\nPhóng Viên";
    let got = labels_and_metrics(text);
    let got: Vec<(&str, &str)> = got.iter().map(|(l, m)| (l.as_str(), *m)).collect();
    assert_eq!(
        got,
        [
            ("Khu vực nông nghiệp", "sector_growth"),
            (
                "Đóng góp của khu vực nông nghiệp vào tăng trưởng",
                "growth_contribution"
            ),
            ("Khu vực công nghiệp", "sector_growth"),
            (
                "Đóng góp của khu vực công nghiệp vào tăng trưởng",
                "growth_contribution"
            ),
        ]
    );
}
