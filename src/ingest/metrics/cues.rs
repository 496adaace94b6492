//! What names each catalog metric in a report's words: groups of phrases that must all occur
//! (lower case, tone marks kept: "tặng" is not "tăng"), and the nouns a count of the metric
//! counts.

/// Phrases that must all occur, each at word boundaries of the lower-cased text.
pub type Cues = &'static [&'static [&'static str]];

/// The cues of one metric, and what its counts count: nouns that the words after a count
/// must start with (empty: a count of anything, or a metric never counted), and nouns they
/// must not.
pub struct MetricCues {
    pub key: &'static str,
    pub cues: Cues,
    pub nouns: &'static [&'static str],
    pub not_nouns: &'static [&'static str],
}

macro_rules! cues {
    ($key:literal, $cues:expr) => {
        MetricCues {
            key: $key,
            cues: $cues,
            nouns: &[],
            not_nouns: &[],
        }
    };
    ($key:literal, $cues:expr, $nouns:expr) => {
        MetricCues {
            key: $key,
            cues: $cues,
            nouns: $nouns,
            not_nouns: &[],
        }
    };
    ($key:literal, $cues:expr, not $not:expr) => {
        MetricCues {
            key: $key,
            cues: $cues,
            nouns: &[],
            not_nouns: $not,
        }
    };
}

const PEOPLE: &[&str] = &[
    "người",
    "lượt",
    "công dân",
    "nhân khẩu",
    "khẩu",
    "lao động",
    "học viên",
    "thanh niên",
];
const HOUSEHOLDS: &[&str] = &["hộ", "khẩu", "nhân khẩu", "người", "lượt hộ"];
const SESSIONS: &[&str] = &[
    "buổi",
    "cuộc",
    "hội nghị",
    "lớp",
    "đợt",
    "chương trình",
    "lần",
    "phiên",
    "kỳ",
    "hoạt động",
    "tin",
    "bài",
];
const UNITS_AND_PLACES: &[&str] = &[
    "xã",
    "đơn vị",
    "huyện",
    "thôn",
    "bản",
    "ấp",
    "khu",
    "làng",
    "xóm",
    "tổ",
    "phường",
    "thị trấn",
    "khóm",
];
const PETITIONS: &[&str] = &[
    "đơn",
    "vụ",
    "kiến nghị",
    "ý kiến",
    "khiếu nại",
    "tố cáo",
    "trường hợp",
    "lượt",
];
const COMMENDED: &[&str] = &["tập thể", "cá nhân", "hộ", "gia đình", "đơn vị", "lượt"];

/// Metrics named by a figure's own words only, never by a cue elsewhere in its clause: a
/// share of a plan or a rank is said right at the figure ([`crate::ingest::measure`]).
pub const OWN_WORDS_ONLY: &[&str] = &["plan_fulfilment", "ranking", "targets_met"];

/// Every catalog metric's cues, most specific first: the first that a label carries names it.
#[rustfmt::skip]
pub const CUES: &[MetricCues] = &[
    cues!("voter_turnout", &[&["cử tri"], &["bỏ phiếu"], &["đi bầu"]]),
    cues!("voters", &[&["cử tri"], &["cử tri đi bầu"], &["cử tri", "bầu cử"], &["cử tri", "bỏ phiếu"]], &["cử tri", "người"]),
    cues!("deputies_elected", &[&["đại biểu quốc hội"], &["đại biểu hđnd"], &["trúng cử"], &["bầu đủ"]], &["đại biểu", "người", "đồng chí", "ứng cử viên"]),
    cues!("near_poor_rate", &[&["cận nghèo"]]),
    cues!("poverty_rate", &[&["hộ nghèo"], &["tỷ lệ nghèo"], &["tỉ lệ nghèo"], &["giảm nghèo"]]),
    cues!("near_poor_households", &[&["cận nghèo"]], HOUSEHOLDS),
    cues!("poor_households", &[&["hộ nghèo"], &["thoát nghèo"], &["người nghèo"]], HOUSEHOLDS),
    cues!("malnutrition_rate", &[&["suy dinh dưỡng"]]),
    cues!("clean_water_access", &[&["nước sạch"], &["nước sinh hoạt hợp vệ sinh"], &["nước hợp vệ sinh"]]),
    cues!("health_insurance_coverage", &[&["bảo hiểm y tế"], &["bhyt"]]),
    cues!("trained_labour_rate", &[&["qua đào tạo"]]),
    cues!("forest_cover", &[&["che phủ rừng"], &["độ che phủ"]]),
    cues!("income_per_capita", &[&["thu nhập bình quân"], &["thu nhập đầu người"], &["thu nhập", "người"]]),
    cues!("grdp_per_capita", &[&["grdp bình quân"], &["sản phẩm bình quân đầu người"], &["bình quân đầu người"]]),
    cues!("growth_contribution", &[&["tăng trưởng"], &["đóng góp"]]),
    cues!("economic_structure", &[&["cơ cấu"], &["tỷ trọng"], &["tỉ trọng"], &["ngành", "chiếm"], &["khu vực", "chiếm"]]),
    cues!("sector_growth", &[&["ngành công nghiệp"], &["ngành xây dựng"], &["ngành dịch vụ"], &["ngành nông"], &["công nghiệp và xây dựng"], &["công nghiệp - xây dựng"], &["khu vực nông"], &["khu vực công nghiệp"], &["khu vực dịch vụ"], &["nông, lâm nghiệp"], &["nông lâm nghiệp"]]),
    cues!("economic_growth", &[&["tổng sản phẩm"], &["tổng giá trị sản phẩm"], &["giá trị sản phẩm trên địa bàn"], &["tăng trưởng kinh tế"], &["kinh tế", "tăng trưởng"], &["tăng trưởng grdp"], &["grdp"], &["tốc độ tăng trưởng"]]),
    cues!("grdp", &[&["grdp"], &["tổng sản phẩm"], &["tổng giá trị sản phẩm"], &["giá trị sản phẩm trên địa bàn"]]),
    cues!("industrial_output", &[&["sản xuất công nghiệp"], &["giá trị công nghiệp"], &["giá trị ngành công nghiệp"], &["chỉ số sản xuất công nghiệp"], &["sản xuất ngành công nghiệp"], &["tiểu thủ công nghiệp"]]),
    cues!("production_value", &[&["giá trị sản xuất"]]),
    cues!("retail_sales", &[&["bán lẻ"], &["dịch vụ tiêu dùng"], &["thương mại", "dịch vụ"]]),
    cues!("tourism_revenue", &[&["doanh thu du lịch"], &["doanh thu", "du lịch"], &["tổng thu du lịch"], &["thu từ du lịch"]]),
    cues!("tourist_arrivals", &[&["khách du lịch"], &["lượt khách"], &["du lịch", "lượt"], &["khách tham quan"]], &["lượt", "khách", "người"]),
    cues!("budget_revenue", &[&["thu ngân sách"], &["thu nsnn"], &["thu nội địa"], &["thu cân đối"], &["thu thuế"], &["thu bổ sung"], &["đã thu", "dự toán"], &["thu được", "dự toán"]]),
    cues!("budget_spending", &[&["chi ngân sách"], &["tổng chi"], &["chi đầu tư phát triển"], &["chi thường xuyên"], &["chi hành chính"], &["chi sự nghiệp"], &["đã chi", "dự toán"]]),
    cues!("export_import", &[&["xuất nhập khẩu"], &["xuất khẩu"], &["nhập khẩu"]]),
    cues!("investment_disbursement", &[&["giải ngân"]]),
    cues!("loans", &[&["dư nợ"], &["cho vay"], &["vay vốn"], &["vốn vay"]]),
    cues!("investment", &[&["vốn đầu tư"], &["thu hút đầu tư"], &["đầu tư phát triển"], &["đầu tư xây dựng"], &["vốn huy động"], &["huy động", "vốn"], &["tổng vốn"], &["vốn đăng ký"]]),
    cues!("loan_projects", &[&["vay vốn"]], &["dự án", "hộ", "lượt"]),
    cues!("new_enterprises", &[&["doanh nghiệp"]], &["doanh nghiệp"]),
    cues!("cooperatives", &[&["hợp tác xã"], &["htx"], &["tổ hợp tác"]], &["hợp tác xã", "htx", "tổ hợp tác", "tổ"]),
    cues!("ocop_products", &[&["ocop"]], &["sản phẩm"]),
    cues!("farm_output", &[&["sản lượng"], &["tổng đàn"], &["đàn gia súc"], &["đàn gia cầm"], &["đàn trâu"], &["đàn bò"], &["đàn lợn"]], &["con", "tấn"]),
    cues!("land_area", &[&["diện tích tự nhiên"]]),
    cues!("land_donated", &[&["hiến đất"], &["hiến", "đất"], &["hiến"]]),
    cues!("cultivated_area", &[&["gieo trồng"], &["gieo cấy"], &["trồng mới"], &["trồng rừng"], &["diện tích lúa"], &["diện tích cây"], &["trồng được"], &["xuống giống"], &["thả nuôi"], &["diện tích"]]),
    cues!("crop_yield", &[&["năng suất"]]),
    cues!("school_completion", &[&["hoàn thành chương trình"]]),
    cues!("graduation_rate", &[&["tốt nghiệp"]]),
    cues!("standard_schools", &[&["trường đạt chuẩn"], &["đạt chuẩn quốc gia"]], &["trường"]),
    cues!("new_rural_criteria", &[&["tiêu chí"]], &["tiêu chí"]),
    cues!("new_rural_communes", &[&["nông thôn mới"], &["ntm"]], UNITS_AND_PLACES),
    cues!("street_lights", &[&["đèn chiếu sáng"], &["đèn đường"], &["cột đèn"], &["bóng đèn"], &["thắp sáng"]], &["đèn", "bóng", "cột", "tuyến", "km"]),
    cues!("rural_roads", &[&["đường giao thông"], &["bê tông hóa"], &["cứng hóa"], &["nhựa hóa"], &["tuyến đường"], &["đường làng"], &["đường ngõ"], &["đường trục"], &["đường liên"], &["đường nội đồng"], &["mở mới", "đường"], &["làm mới", "đường"]], &["tuyến", "con đường", "km", "công trình"]),
    cues!("workdays_contributed", &[&["ngày công"]], &["ngày công"]),
    cues!("awards", &[&["khen thưởng"], &["bằng khen"], &["giấy khen"], &["biểu dương"], &["tuyên dương"], &["tôn vinh"], &["danh hiệu thi đua"], &["chiến sĩ thi đua"], &["cờ thi đua"], &["khen"]], COMMENDED),
    cues!("dan_van_kheo", &[&["dân vận khéo"]], &["mô hình", "điển hình", "gương", "cách làm", "tập thể", "cá nhân"]),
    cues!("cultural_titles", &[&["gia đình văn hóa"], &["đạt chuẩn văn hóa"], &["đạt văn hóa"], &["danh hiệu văn hóa"], &["văn hóa", "gia đình"], &["gđvh"], &["tổ văn hóa"], &["thôn văn hóa"], &["khu dân cư văn hóa"], &["làng văn hóa"], &["đơn vị văn hóa"], &["đăng ký", "văn hóa"], &["danh hiệu", "văn hóa"], &["ấp văn hóa"], &["khu phố văn hóa"], &["bản văn hóa"], &["xóm văn hóa"], &["tổ dân phố văn hóa"], &["cơ quan văn hóa"]]),
    cues!("citizen_reception", &[&["tiếp công dân"], &["tiếp", "công dân"], &["tiếp dân"], &["lượt công dân"]], &["lượt", "người", "công dân", "buổi", "cuộc", "đoàn", "kỳ", "phiên", "lần"]),
    cues!("dialogues", &[&["đối thoại"]], &["buổi", "cuộc", "hội nghị", "lần", "phiên"]),
    cues!("petitions_resolved", &[&["giải quyết", "đơn"], &["giải quyết", "vụ"], &["giải quyết", "kiến nghị"], &["giải quyết", "khiếu nại"], &["đã giải quyết"], &["khiếu nại đúng"], &["tố cáo đúng"]], PETITIONS),
    cues!("petitions_received", &[&["đơn, thư"], &["đơn thư"], &["tiếp nhận", "đơn"], &["vụ việc"], &["kiến nghị"], &["khiếu nại"], &["tố cáo"], &["ý kiến"]], PETITIONS),
    cues!("jobs_created", &[&["việc làm"], &["xuất khẩu lao động"], &["làm việc ở nước ngoài"]], PEOPLE),
    cues!("vocational_training", &[&["dạy nghề"], &["đào tạo nghề"], &["học nghề"]], &["lao động", "người", "lượt", "lớp", "học viên"]),
    cues!("conscripts", &[&["nhập ngũ"], &["tân binh"], &["giao quân"], &["nghĩa vụ quân sự"], &["nghĩa vụ công an"]], &["công dân", "thanh niên", "tân binh", "người", "chiến sĩ"]),
    cues!("charity_houses", &[&["nhà tình nghĩa"], &["nhà đại đoàn kết"], &["nhà tình thương"], &["nhà nhân ái"], &["xóa nhà tạm"], &["nhà tạm"], &["sửa chữa", "nhà"], &["xây mới", "nhà"], &["nhà ở"]], &["nhà", "căn", "ngôi", "hộ", "công trình"]),
    cues!("gifts", &[&["phần quà"], &["suất quà"], &["tặng quà"], &["trao quà"], &["quà tết"], &["học bổng"], &["sổ tiết kiệm"], &["trao tặng"], &["tặng"], &["quà"]], not COMMENDED),
    cues!("support_in_need", &[&["cứu trợ"], &["thăm hỏi"], &["khám bệnh"], &["khám, chữa bệnh"], &["cấp thuốc"], &["trợ cấp"], &["hỗ trợ"]], not COMMENDED),
    // Money said of a fund that gathers gifts ("Quỹ Vì người nghèo thu được …") is raised.
    cues!("funds_raised", &[&["vận động"], &["ủng hộ"], &["quyên góp"], &["tài trợ"], &["tiếp nhận"], &["đóng góp"], &["huy động"], &["vì người nghèo"], &["đền ơn đáp nghĩa"], &["quỹ khuyến học"], &["quỹ bảo trợ"]]),
    cues!("new_party_members", &[&["kết nạp", "đảng viên"], &["đảng viên mới"], &["kết nạp"]], &["đảng viên", "quần chúng", "người"]),
    cues!("new_association_members", &[&["hội viên mới"], &["đoàn viên mới"], &["kết nạp"], &["phát triển", "hội viên"], &["phát triển", "đoàn viên"]], &["hội viên", "đoàn viên", "thành viên"]),
    cues!("party_members", &[&["đảng viên"]], &["đảng viên"]),
    cues!("party_organisations", &[&["tổ chức đảng"], &["tổ chức cơ sở đảng"], &["chi bộ"], &["đảng bộ"]], &["tổ chức đảng", "tổ chức cơ sở", "chi bộ", "đảng bộ"]),
    cues!("outreach_sessions", &[&["tuyên truyền"], &["hội nghị"], &["tập huấn"], &["phổ biến"]], SESSIONS),
    cues!("participants", &[&["tham gia"], &["tham dự"], &["lượt người"], &["thu hút"]], &["lượt", "người", "đại biểu", "hội viên", "đoàn viên", "cán bộ", "học viên", "đồng chí", "em", "học sinh"]),
    cues!("disaster_damage", &[&["thiệt hại"], &["bị sập"], &["tốc mái"], &["sạt lở"], &["ngập úng"]], &["hộ", "nhà", "căn", "ngôi"]),
    cues!("households", &[&["nhân khẩu"], &["dân số"], &["khẩu"]], &["hộ", "khẩu", "nhân khẩu", "người"]),
    cues!("ranking", &[&["xếp thứ"], &["xếp hạng"], &["đứng thứ"]]),
    cues!("targets_met", &[&["chỉ tiêu"]], &["chỉ tiêu"]),
    cues!("plan_fulfilment", &[&["kế hoạch"], &["chỉ tiêu"], &["dự toán"], &["kh"]]),
    cues!("key_tasks", &[&["nhiệm vụ"]], &["nhiệm vụ", "khâu đột phá", "đột phá"]),
];
