//! The constructions of the seed articles, recombined with other figures, and their traps.

use super::rng::Rng;

/// One sentence with figures about `unit` ("tỉnh Hậu Giang") in period `period`.
pub fn figure_sentence(r: &mut Rng, unit: &str, period: &str, year: u64) -> String {
    match r.range(0, 15) {
        0 => format!(
            "Tốc độ tăng trưởng kinh tế {period} đạt {}%, trong đó khu vực nông, lâm nghiệp, thủy sản tăng trưởng {}%; khu vực công nghiệp - xây dựng tăng {}%; khu vực dịch vụ tăng {}%.",
            r.decimal(3, 11, 2),
            r.decimal(1, 6, 2),
            r.decimal(2, 14, 1),
            r.decimal(2, 9, 2)
        ),
        1 => format!(
            "Giá trị sản xuất công nghiệp tăng {}%; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng {}%; thu ngân sách nhà nước ước đạt {} tỷ đồng, tăng {}% so với cùng kỳ năm {}.",
            r.decimal(2, 15, 2),
            r.decimal(5, 25, 1),
            r.count(300, 9_000),
            r.decimal(1, 30, 1),
            year - 1
        ),
        2 => format!(
            "Tỷ lệ hộ nghèo của {unit} giảm {}% còn {}%, tỷ lệ hộ cận nghèo còn {}%.",
            r.decimal(0, 3, 2),
            r.decimal(1, 30, 2),
            r.decimal(2, 12, 2)
        ),
        3 => format!(
            "Cuộc bầu cử được tổ chức thành công với tỷ lệ cử tri tham gia bỏ phiếu đạt {}%.",
            r.decimal(97, 99, 2)
        ),
        4 => format!(
            "Tỷ lệ dân số nông thôn được sử dụng nước sinh hoạt hợp vệ sinh đạt {}%.",
            r.decimal(80, 99, 1)
        ),
        5 => format!(
            "Năm học {}-{}, bậc tiểu học hoàn thành chương trình đạt {}%, bậc THCS tốt nghiệp đạt {}%.",
            year - 1,
            year,
            r.decimal(95, 99, 1),
            r.decimal(95, 99, 2)
        ),
        6 => format!(
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm {}%.",
            r.decimal(0, 2, 2)
        ),
        7 => format!(
            "Đối với phong trào “Dân vận khéo”, {unit} có {} mô hình đăng ký thực hiện (tập thể {}, cá nhân {}).",
            r.range(40, 400),
            r.range(20, 200),
            r.range(5, 80)
        ),
        8 => {
            let total = r.range(2_000, 60_000);
            format!(
                "Có {}/{} hộ đăng ký gia đình văn hóa; {} khu dân cư đăng ký “Thôn, tổ văn hóa”.",
                r.count(total * 8 / 10, total),
                r.count(total, total),
                r.range(20, 300)
            )
        }
        9 => {
            let got = r.range(50, 600);
            format!(
                "Thời gian qua đã tiếp nhận {got} đơn, thư với {} vụ việc; đã giải quyết {}/{got} đơn.",
                r.range(30, got),
                r.range(20, got)
            )
        }
        10 => format!(
            "Lực lượng vũ trang phát lệnh gọi {} công dân nhập ngũ năm {year}.",
            r.range(40, 900)
        ),
        11 => format!(
            "Tổ chức {} lớp dạy nghề cho trên {} lao động nông thôn, giải quyết việc làm cho {} lao động.",
            r.range(5, 80),
            r.range(100, 3_000),
            r.count(200, 12_000)
        ),
        12 => format!(
            "GRDP bình quân đầu người đạt {} triệu đồng.",
            r.decimal(25, 120, 1)
        ),
        13 => format!(
            "Tổng kim ngạch xuất nhập khẩu đạt {} triệu USD, tăng {}%.",
            r.range(20, 2_000),
            r.decimal(1, 40, 1)
        ),
        14 => format!(
            "Xây dựng {} nhà đại đoàn kết với tổng kinh phí gần {} tỷ đồng.",
            r.range(5, 300),
            r.decimal(1, 30, 1)
        ),
        _ => format!(
            "Có {}/{} xã đạt chuẩn nông thôn mới.",
            r.range(5, 40),
            r.range(40, 60)
        ),
    }
}

/// A sentence with digits that are not indicators.
pub fn trap_sentence(r: &mut Rng, year: u64) -> String {
    match r.range(0, 7) {
        0 => "Công tác phòng, chống dịch Covid-19 được triển khai hiệu quả, tiêm vắc xin mũi 1, 2,3 cho người dân.".to_owned(),
        1 => format!("Quán triệt Nghị quyết số {}/NQ-TU ngày {}/{}/{year} của Ban Thường vụ.", r.range(1, 60), r.range(1, 28), r.range(1, 12)),
        2 => format!("Tổ chức thành công Đại hội lần thứ {} nhiệm kỳ {}-{}.", r.range(2, 9), year, year + 5),
        3 => format!("Đoàn công tác thăm hỏi các hộ gia đình tại tổ {}, thôn {}.", r.range(1, 30), r.range(1, 12)),
        4 => format!("Thực hiện Chỉ thị số {}/CT-TTg của Thủ tướng Chính phủ và Nghị định số {}/{}/NĐ-CP.", r.range(1, 40), r.range(10, 150), year - 1),
        5 => "Kỳ họp thứ 2 đã thành công tốt đẹp, đáp ứng nguyện vọng của cử tri.".to_owned(),
        _ => "Các cấp ủy, chính quyền tiếp tục đổi mới phương thức lãnh đạo, nâng cao hiệu quả công tác dân vận.".to_owned(),
    }
}

pub const BYLINES: &[&str] = &[
    "Hương Dịu",
    "Phạm Ngọc",
    "Văn Tiến",
    "Triệu Biển",
    "Minh Khoa",
    "Thanh Thủy",
    "Nguyễn Nghĩa",
    "Lê Hà",
];
