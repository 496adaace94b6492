//! Properties of the pipeline on any input: no panic, offsets inside the text a figure stands
//! in, evidence bounded whatever the sentence.

use chiso::domain::{EVIDENCE_CHARS, NewArticle, TextField};
use chiso::ingest;
use proptest::prelude::*;

use crate::extraction::gazetteer;

/// Every figure's offsets lie in its title or body, its sentence holds it, and its evidence is
/// bounded.
fn offsets_hold(a: &NewArticle) -> Result<(), TestCaseError> {
    for i in &a.indicators {
        let len = match i.evidence.field {
            TextField::Title => a.title.as_deref().unwrap_or_default().chars().count(),
            TextField::Body => a.body.chars().count(),
        };
        let e = &i.evidence;
        prop_assert!(e.start < e.end && e.end <= len, "{e:?} in {len}");
        prop_assert!(
            e.sentence_start <= e.start && e.end <= e.sentence_end && e.sentence_end <= len,
            "{e:?}"
        );
        prop_assert!(
            e.text.chars().count() <= EVIDENCE_CHARS,
            "{}",
            e.text.chars().count()
        );
        prop_assert!(i.value.is_finite());
    }
    for c in &a.captions {
        prop_assert!(c.start <= c.end && c.end <= a.body.chars().count());
    }
    Ok(())
}

fn vietnamese_parts() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("tỷ lệ hộ nghèo giảm ".to_owned()),
        Just("huyện Bác Ái ".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("; ".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        Just("\n".to_owned()),
        Just("đạt ".to_owned()),
        Just("triệu đồng ".to_owned()),
        Just("% ".to_owned()),
        Just("/".to_owned()),
        Just("mô hình ".to_owned()),
        Just("năm ".to_owned()),
        Just("tại xã ".to_owned()),
        Just("-".to_owned()),
        "[0-9]{1,5}([.,][0-9]{1,3})?".prop_map(|s| s),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ingest_never_panics_and_keeps_offsets_inside_the_text(text in "(\\PC|[0-9.,%/ \n-]){0,400}") {
        if let Ok(a) = ingest::ingest(&ingest::Source::text(&text), gazetteer()) {
            offsets_hold(&a)?;
        }
    }

    #[test]
    fn vietnamese_like_text_with_figures_never_panics(parts in proptest::collection::vec(vietnamese_parts(), 0..120)) {
        let text = format!("Tiêu đề bài viết\n{}", parts.concat());
        if let Ok(a) = ingest::ingest(&ingest::Source::text(&text), gazetteer()) {
            offsets_hold(&a)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// A long run of figures with no full stop is cut into bounded sentences: evidence stays
    /// bounded and every figure is still read.
    #[test]
    fn long_unpunctuated_runs_of_figures_keep_evidence_bounded(
        figure in "[1-9][0-9]{0,2},[0-9]{1,2}",
        noun in prop_oneof![Just("% "), Just(" mô hình "), Just(" tỷ đồng "), Just(" hộ ")],
        runs in 200usize..1500,
    ) {
        let text = format!("Báo cáo tổng hợp\n\nNăm 2023 {}", format!("đạt {figure}{noun}").repeat(runs));
        let a = ingest::ingest(&ingest::Source::text(&text), gazetteer()).unwrap();
        offsets_hold(&a)?;
        prop_assert_eq!(a.indicators.len(), runs);
    }
}
