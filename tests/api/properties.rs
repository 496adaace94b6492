//! Properties of the pipeline on any input: no panic, offsets inside the body.

use chiso::ingest;
use proptest::prelude::*;

use crate::extraction::gazetteer;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ingest_never_panics_and_keeps_offsets_inside_the_body(text in "(\\PC|[0-9.,%/ \n-]){0,400}") {
        if let Ok(a) = ingest::ingest(&ingest::Source::text(&text), gazetteer()) {
            let len = a.body.chars().count();
            for i in &a.indicators {
                prop_assert!(i.evidence.start < i.evidence.end && i.evidence.end <= len);
            }
            for c in &a.captions {
                prop_assert!(c.start <= c.end && c.end <= len);
            }
        }
    }

    #[test]
    fn vietnamese_like_text_with_figures_never_panics(
        parts in proptest::collection::vec(prop_oneof![
            Just("tỷ lệ hộ nghèo giảm ".to_owned()), Just("huyện Bác Ái ".to_owned()), Just("(".to_owned()),
            Just(")".to_owned()), Just("; ".to_owned()), Just(", ".to_owned()), Just(". ".to_owned()),
            Just("\n".to_owned()), Just("đạt ".to_owned()), Just("triệu đồng ".to_owned()), Just("% ".to_owned()),
            Just("/".to_owned()), Just("mô hình ".to_owned()), Just("năm ".to_owned()), Just("tại xã ".to_owned()),
            "[0-9]{1,5}([.,][0-9]{1,3})?".prop_map(|s| s),
        ], 0..120)
    ) {
        let text = format!("Tiêu đề bài viết\n{}", parts.concat());
        if let Ok(a) = ingest::ingest(&ingest::Source::text(&text), gazetteer()) {
            let len = a.body.chars().count();
            for i in &a.indicators {
                prop_assert!(i.evidence.end <= len && i.value.is_finite());
            }
        }
    }
}
