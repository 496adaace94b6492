//! What a figure measures from where it stands, in sentences of the genre.

use super::*;
use crate::ingest::metrics::normal;

fn standing<'a>(before: &'a str, after: &'a str, unit: Unit, previous: Option<Before>) -> Standing<'a> {
    Standing {
        measured: Measured { unit, noun: None },
        before,
        after,
        clause: before,
        at: before.len(),
        sentence_before: "",
        cue: before,
        lead: before,
        bare: false,
        previous,
        same_noun: None,
        in_list: false,
        joined: false,
        topic: "",
    }
}

fn key(s: &Standing<'_>) -> &'static str {
    metric_of(s).map_or("other", |m| m.key)
}

#[test]
fn a_share_of_a_plan_is_plan_fulfilment() {
    let before = normal("thu ngân sách đạt");
    assert_eq!(
        key(&standing(
            &before,
            " so với dự toán, tăng 5%",
            Unit::Percent,
            None
        )),
        "plan_fulfilment"
    );
    let after = normal(" KH năm");
    assert_eq!(
        key(&standing(&before, &after, Unit::Percent, None)),
        "plan_fulfilment"
    );
    assert_eq!(
        key(&standing(&before, " so với cùng kỳ", Unit::Percent, None)),
        "budget_revenue"
    );
    let amount = Before {
        unit: Unit::Vnd,
        metric: None,
    };
    let before = normal("vốn đầu tư thực hiện 120 tỷ đồng, đạt");
    assert_eq!(
        key(&standing(&before, ", tăng 4%", Unit::Percent, Some(amount))),
        "plan_fulfilment"
    );
}

#[test]
fn a_sector_named_alone_grows_or_holds_a_share() {
    for lead in [
        "trong đó: nông, lâm nghiệp và thủy sản tăng",
        "; dịch vụ tăng",
        "lĩnh vực dịch vụ tăng",
        "khu vực iii (dịch vụ) tăng",
        "; công nghiệp - xây dựng tăng",
        "; dịch vụ tăng bình quân",
    ] {
        let lead = normal(lead);
        let mut s = standing(&lead, "", Unit::Percent, None);
        s.lead = &lead;
        assert_eq!(key(&s), "sector_growth", "{lead}");
    }
    // A sector of more words than the label's window, after the figure before it.
    for before in [
        "grdp tăng 6,8%; trong đó: nông, lâm nghiệp và thủy sản tăng từ",
        "grdp tăng 5,3%, trong đó khu vực nông nghiệp, thủy sản tăng",
    ] {
        let before = normal(before);
        let mut s = standing(&before, "", Unit::Percent, None);
        s.lead = "thủy sản tăng";
        assert_eq!(key(&s), "sector_growth", "{before}");
    }
    let lead = normal("cơ cấu kinh tế: dịch vụ chiếm");
    let mut s = standing(&lead, "", Unit::Percent, None);
    s.lead = &lead;
    assert_eq!(key(&s), "economic_structure");
    for lead in [
        "doanh thu dịch vụ tăng",
        "sản xuất công nghiệp tăng",
        "dân số sống ở nông thôn",
        "sản lượng thủy sản tăng",
    ] {
        assert!(!names_a_sector(&normal(lead)), "{lead}");
    }
}

#[test]
fn a_rank_and_the_recipients_of_a_gift() {
    let before = normal("chỉ số cải cách hành chính xếp thứ");
    assert_eq!(
        key(&standing(&before, " toàn quốc", Unit::Ratio, None)),
        "ranking"
    );
    let before = normal("trao 200 suất quà cho");
    let mut s = standing(&before, " hộ nghèo", Unit::Count, None);
    s.measured.noun = Some("hộ nghèo");
    s.cue = "hộ nghèo";
    assert_eq!(key(&s), "gifts");
}
