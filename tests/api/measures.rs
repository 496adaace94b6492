//! What each figure measures, read in sentences written for this test: shares of a plan, the
//! measure a bare figure carries, counts that count only what they count, recipients, list
//! items and the measures the catalog added for what reports carry.

use chiso::ingest;

use crate::extraction::gazetteer;

/// (value, metric, label) of every figure of a short report.
fn measures(body: &str) -> Vec<(f64, String, String)> {
    let text = format!("Huyện Ba Bể tổng kết năm 2023\n\n20/12/2023\n\n{body}\n\nPhóng Viên");
    let a = ingest::ingest(&ingest::Source::text(&text), gazetteer()).unwrap();
    a.indicators
        .into_iter()
        .map(|i| (i.value, i.metric.as_str().to_owned(), i.label))
        .collect()
}

fn metrics(body: &str) -> Vec<String> {
    measures(body).into_iter().map(|(_, m, _)| m).collect()
}

#[test]
fn a_share_of_a_plan_is_plan_fulfilment_and_says_of_which_measure() {
    let m = measures(
        "Thu ngân sách trên địa bàn ước đạt 310 tỷ đồng, đạt 104% dự toán, tăng 8% so với cùng kỳ; \
         giá trị sản xuất công nghiệp đạt 1.250 tỷ đồng, đạt 52%, tăng 6,5%.",
    );
    let keys: Vec<&str> = m.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "budget_revenue",
            "plan_fulfilment",
            "budget_revenue",
            "industrial_output",
            "plan_fulfilment",
            "industrial_output"
        ]
    );
    assert_eq!(m[1].2, "Thu ngân sách so với dự toán");
    assert!(m[4].2.ends_with("so với kế hoạch"), "{}", m[4].2);
}

#[test]
fn a_figure_that_names_nothing_is_of_the_measure_named_before_it() {
    assert_eq!(
        metrics("Tổng sản phẩm trên địa bàn quý III tăng 7,2%. Tính chung 9 tháng đạt 6,9%."),
        ["economic_growth", "economic_growth"]
    );
}

#[test]
fn a_count_measures_only_what_it_counts() {
    assert_eq!(
        metrics("Nhân dân góp công xây mới 5 căn nhà đại đoàn kết và 3 cây cầu dân sinh."),
        ["charity_houses", "other"]
    );
    assert_eq!(
        metrics("Năm 2023, các chi bộ kết nạp 12 đảng viên; các hội kết nạp 340 hội viên."),
        ["new_party_members", "new_association_members"]
    );
}

#[test]
fn recipients_count_what_they_received_and_list_items_continue_their_head() {
    assert_eq!(
        metrics("Hội Chữ thập đỏ trao 150 suất quà Tết cho 150 hộ nghèo."),
        ["gifts", "gifts"]
    );
    assert_eq!(
        metrics("Huyện đã giải quyết 40/42 đơn khiếu nại, 12/12 đơn tố cáo thuộc thẩm quyền."),
        ["petitions_resolved", "petitions_resolved"]
    );
    assert_eq!(
        metrics("Chủ tịch UBND huyện khen thưởng 18 tập thể và 25 cá nhân có thành tích xuất sắc."),
        ["awards", "awards"]
    );
}

#[test]
fn the_measures_reports_carry_beyond_the_first_catalog() {
    assert_eq!(
        metrics(
            "Tỷ lệ hộ nghèo còn 2,1%, tỷ lệ hộ cận nghèo còn 4,3%; toàn huyện còn 310 hộ cận nghèo. \
             Các ngành tiếp 215 lượt công dân và tổ chức 12 buổi đối thoại với nhân dân."
        ),
        [
            "poverty_rate",
            "near_poor_rate",
            "near_poor_households",
            "citizen_reception",
            "dialogues"
        ]
    );
    assert_eq!(
        metrics(
            "Nhân dân hiến 12.500 m2 đất, góp 3.400 ngày công làm đường; toàn huyện có 14 sản phẩm OCOP \
             và 6 hợp tác xã thành lập mới."
        ),
        [
            "land_donated",
            "workdays_contributed",
            "ocop_products",
            "cooperatives"
        ]
    );
    assert_eq!(
        metrics("Chỉ số cải cách hành chính của tỉnh xếp thứ 12/63 cả nước."),
        ["ranking"]
    );
}

#[test]
fn money_said_of_a_fund_that_gathers_gifts_is_raised_and_a_glued_change_keeps_its_value() {
    assert_eq!(
        measures(
            "Quỹ “Vì người nghèo” của huyện thu được hơn 95 triệu đồng; Quỹ Đền ơn đáp nghĩa đăng ký \
             nộp 40 triệu đồng."
        )
        .into_iter()
        .map(|(v, m, _)| (v, m))
        .collect::<Vec<_>>(),
        [
            (95_000_000.0, "funds_raised".to_owned()),
            (40_000_000.0, "funds_raised".to_owned())
        ]
    );
    // A page that lost its spaces around markup: "dịch vụtăng3,25%".
    let glued = measures("Khu vực dịch vụtăng3,25%, khu vực công nghiệp - xây dựngtăng1,8%.");
    let values: Vec<f64> = glued.iter().map(|(v, _, _)| *v).collect();
    assert_eq!(values, [3.25, 1.8], "{glued:?}");
}

#[test]
fn a_budget_line_said_against_its_estimate_and_cultural_titles_named_apart() {
    assert_eq!(
        metrics(
            "Trong năm, huyện đã chi 812 tỷ đồng, bằng 96% dự toán. Huyện đã thu 1.020 tỷ đồng, đạt 104% dự toán."
        ),
        [
            "budget_spending",
            "plan_fulfilment",
            "budget_revenue",
            "plan_fulfilment"
        ]
    );
    assert_eq!(
        metrics("Toàn huyện có 96% ấp, khu phố giữ vững danh hiệu ấp, khu phố văn hóa."),
        ["cultural_titles"]
    );
}

#[test]
fn an_item_that_names_a_source_of_its_own_does_not_continue_the_head() {
    let got = metrics(
        "Doanh thu du lịch ước đạt 120 tỷ đồng; doanh thu từ cây vải đạt 1.770 tỷ đồng; kim ngạch \
         xuất khẩu đạt 42 triệu USD, nhập khẩu đạt 18 triệu USD.",
    );
    assert_eq!(got[0], "tourism_revenue");
    assert_ne!(got[1], "tourism_revenue", "{got:?}");
    assert_eq!(got[2..], ["export_import", "export_import"], "{got:?}");
}

#[test]
fn an_item_that_says_only_what_it_counts_is_labelled_as_its_head() {
    let got =
        measures("Toàn huyện có 20 mô hình Dân vận khéo, trong đó Nam Mẫu 3 mô hình, Quảng Khê 2 mô hình.");
    let labels: Vec<&str> = got.iter().map(|(_, _, l)| l.as_str()).collect();
    assert_eq!(labels, ["Mô hình Dân vận khéo"; 3], "{got:?}");
}
