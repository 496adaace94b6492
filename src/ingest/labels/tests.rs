//! Labels read from sentences of the genre written for these tests.

use super::*;

#[test]
fn labels_drop_verbs_periods_and_owners() {
    assert_eq!(
        label_before("Tốc độ tăng trưởng kinh tế quý III năm 2019 ước đạt"),
        "Tốc độ tăng trưởng kinh tế"
    );
    assert_eq!(
        label_before(", riêng khu vực nông, lâm nghiệp, thủy sản tăng"),
        "khu vực nông, lâm nghiệp, thủy sản"
    );
    assert_eq!(
        label_before("thu ngân sách nhà nước trên địa bàn ước tăng"),
        "thu ngân sách nhà nước"
    );
    assert_eq!(
        label_before("9 tháng năm 2023, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh ước đạt"),
        "tốc độ tăng trưởng kinh tế (GRDP)"
    );
    assert_eq!(
        label_before("Về an sinh xã hội, tỷ lệ hộ nghèo của tỉnh giảm từ"),
        "tỷ lệ hộ nghèo"
    );
    assert_eq!(
        label_before("doanh thu từ dịch vụ ăn uống ước"),
        "doanh thu từ dịch vụ ăn uống"
    );
    assert_eq!(label_before("doanh thu ước đạt"), "doanh thu");
    assert_eq!(
        label_before("vốn các chương trình mục tiêu, bao gồm"),
        "vốn các chương trình mục tiêu"
    );
    assert_eq!(label_before("Ông Nguyễn Văn A cho biết, GRDP tăng"), "GRDP");
    assert_eq!(
        label_before("Kết thúc năm học 2016-2017, bậc mầm non huy động trẻ ra lớp đạt"),
        "bậc mầm non huy động trẻ ra lớp"
    );
}

#[test]
fn places_alone_are_not_labels() {
    assert!(is_empty_label("huyện Bác Ái"));
    assert!(is_empty_label(" , "));
    assert!(is_empty_label("đạt tỷ lệ"));
    assert!(is_empty_label("trị giá"));
    assert!(!is_empty_label("tỷ lệ hộ nghèo"));
    assert!(is_empty_label("Tương đương"));
    assert!(is_empty_label("hay"));
    assert!(is_empty_label("So cùng kỳ năm 2023"));
    assert!(is_empty_label("Lũy kế 8 tháng"));
    assert!(is_empty_label("(đầu )"));
    assert!(!is_empty_label("Số hộ ước tính"));
    assert!(!is_empty_label("Năm học mới"));
}

#[test]
fn counts_are_labelled_by_what_follows() {
    let text = "phát lệnh gọi 73 công dân nhập ngũ năm 2022; xây dựng";
    let toks = tokenize(text);
    let from = toks.iter().position(|t| t.text == "nhập").unwrap();
    assert_eq!(label_after(&toks, "công dân", from, text).0, "công dân nhập ngũ");
}
