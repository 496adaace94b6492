//! Which catalog metric a figure measures, from cues in its label and around it.
//!
//! Each metric has cues ([`cues`]): groups of phrases that must all occur, matched on lower-
//! cased text with tone marks kept ("tặng" gives, "tăng" grows). An indicator's own label is
//! matched first, in the table's order (specific before general); failing that, the cue
//! nearest the figure in its clause, then in its sentence. A count measures a metric only if
//! it counts what the metric counts ("8 cây cầu" are no houses, whatever the sentence says).

mod cues;

use std::sync::LazyLock;

use cues::{CUES, Cues, OWN_WORDS_ONLY};

use crate::domain::Unit;
use crate::domain::metrics::{Metric, MetricKey};
use crate::ingest::tokens::normal_word;

/// What a figure is, as far as the metric it may measure goes.
#[derive(Debug, Clone, Copy)]
pub struct Measured<'a> {
    pub unit: Unit,
    /// What a count counts ("hộ nghèo", "lượt người"), lower case.
    pub noun: Option<&'a str>,
}

struct Rule {
    metric: &'static Metric,
    cues: Cues,
    nouns: &'static [&'static str],
    not_nouns: &'static [&'static str],
    /// Read from the figure's own words only.
    own_words_only: bool,
}

impl Rule {
    fn fits(&self, f: Measured<'_>) -> bool {
        if !self.metric.allows(f.unit) {
            return false;
        }
        match (f.unit, f.noun) {
            (Unit::Count | Unit::Ratio, Some(noun)) => {
                let counts =
                    |n: &&str| noun == *n || noun.strip_prefix(n).is_some_and(|rest| rest.starts_with(' '));
                (self.nouns.is_empty() || self.nouns.iter().any(counts)) && !self.not_nouns.iter().any(counts)
            }
            _ => true,
        }
    }
}

/// The cue table with each key resolved in the catalog.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    CUES.iter()
        .map(|c| Rule {
            metric: MetricKey::parse(c.key)
                .expect("every cue names a catalog metric")
                .metric(),
            cues: c.cues,
            nouns: c.nouns,
            not_nouns: c.not_nouns,
            own_words_only: OWN_WORDS_ONLY.contains(&c.key),
        })
        .collect()
});

/// Whether a figure can measure a metric: its unit, and what it counts.
pub fn fits(m: &Metric, f: Measured<'_>) -> bool {
    RULES
        .iter()
        .find(|r| r.metric.key == m.key)
        .is_none_or(|r| r.fits(f))
}

/// Text as cues are matched against: lower case, tone marks placed the modern way.
pub fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(&normal_word(word));
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Positions in normalised text where each of a metric's cue groups is complete.
fn cue_positions<'t>(cues: Cues, text: &'t str) -> impl Iterator<Item = usize> + 't {
    cues.iter().filter_map(move |group| {
        let positions: Option<Vec<usize>> = group.iter().map(|cue| find_word(text, cue)).collect();
        positions.map(|p| p.into_iter().max().unwrap_or(0))
    })
}

/// Byte position of `needle` in `hay` at word boundaries.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle).map(|p| p + from) {
        let before = hay[..pos].chars().next_back();
        let after = hay[pos + needle.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(pos);
        }
        from = pos + needle.len();
    }
    None
}

/// The first catalog metric whose cues the normalised label carries.
pub fn classify_label(label: &str, f: Measured<'_>) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|r| r.fits(f))
        .find(|r| cue_positions(r.cues, label).next().is_some())
        .map(|r| r.metric)
}

/// The metric of a list item whose clause repeats part of a cue stated earlier in its
/// sentence: "… 11.963 hộ đăng ký GĐVH; 117/117 KDC đăng ký …; 184/198 cơ quan đăng ký" (the
/// last clause repeats "đăng ký" of the cue "đăng ký … văn hóa"). Texts are normalised.
pub fn classify_list_item(before: &str, clause: &str, f: Measured<'_>) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|r| r.fits(f) && !r.own_words_only)
        .filter_map(|r| {
            let near = r
                .cues
                .iter()
                .filter(|group| group.len() > 1 && group.iter().any(|c| continues(clause, c)))
                .filter_map(|group| {
                    let at: Option<Vec<usize>> = group.iter().map(|c| find_word(before, c)).collect();
                    at.map(|p| p.into_iter().max().unwrap_or(0))
                })
                .max()?;
            Some((near, r.metric))
        })
        .max_by_key(|(p, _)| *p)
        .map(|(_, m)| m)
}

/// Whether `clause` repeats the cue word `c` of a list's head without naming a source of its
/// own: "doanh thu từ vải thiều" after "doanh thu du lịch" is another revenue.
fn continues(clause: &str, c: &str) -> bool {
    find_word(clause, c).is_some_and(|at| !clause[at + c.len()..].trim_start().starts_with("từ "))
}

/// The metric whose cue stands nearest `at` (a byte offset) in normalised context text.
pub fn classify_context(text: &str, at: usize, f: Measured<'_>) -> Option<&'static Metric> {
    RULES
        .iter()
        .filter(|r| r.fits(f) && !r.own_words_only)
        .filter_map(|r| {
            cue_positions(r.cues, text)
                .map(|p| p.abs_diff(at))
                .min()
                .map(|d| (d, r.metric))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::metrics::CATALOG;

    fn of(unit: Unit, noun: Option<&str>) -> Measured<'_> {
        Measured { unit, noun }
    }

    fn label(s: &str, unit: Unit) -> &'static str {
        classify_label(&normal(s), of(unit, None)).map_or("other", |m| m.key)
    }

    fn count(s: &str, noun: &str) -> &'static str {
        classify_label(&normal(s), of(Unit::Count, Some(noun))).map_or("other", |m| m.key)
    }

    #[test]
    fn every_catalog_metric_has_cues_and_every_cue_a_metric() {
        assert_eq!(RULES.len(), CATALOG.len());
        for m in CATALOG {
            assert!(CUES.iter().any(|c| c.key == m.key), "{} has no cues", m.key);
        }
    }

    #[test]
    fn labels_map_to_catalog_metrics() {
        assert_eq!(
            label("Tốc độ tăng trưởng kinh tế", Unit::Percent),
            "economic_growth"
        );
        assert_eq!(
            label("khu vực nông, lâm nghiệp, thủy sản", Unit::Percent),
            "sector_growth"
        );
        assert_eq!(label("tỷ lệ hộ nghèo", Unit::Percent), "poverty_rate");
        assert_eq!(label("tỷ lệ hộ cận nghèo", Unit::Percent), "near_poor_rate");
        assert_eq!(label("GRDP bình quân đầu người", Unit::Vnd), "grdp_per_capita");
        assert_eq!(label("Tốc độ tăng trưởng GRDP", Unit::Percent), "economic_growth");
        assert_eq!(label("tổng giá trị sản phẩm của huyện", Unit::Vnd), "grdp");
        assert_eq!(
            label("tổng giá trị sản phẩm của huyện", Unit::Percent),
            "economic_growth"
        );
        assert_eq!(
            label("kinh tế thị xã tăng trưởng bình quân", Unit::Percent),
            "economic_growth"
        );
        assert_eq!(label("giá trị ngành công nghiệp", Unit::Vnd), "industrial_output");
        assert_eq!(label("giá trị sản phẩm thu hoạch trên 1 ha", Unit::Vnd), "other");
        assert_eq!(
            count("lao động nông thôn được dạy nghề", "lao động"),
            "vocational_training"
        );
        assert_eq!(count("đã giải quyết đơn", "đơn"), "petitions_resolved");
        assert_eq!(label("hộ đăng ký GĐVH", Unit::Ratio), "cultural_titles");
        assert_eq!(count("con số bất kỳ", "con số"), "other");
        assert_eq!(count("tập thể được tặng bằng khen", "tập thể"), "awards");
        assert_eq!(
            count("lượt công dân đến tiếp", "lượt công dân"),
            "citizen_reception"
        );
        assert_eq!(label("tỷ lệ che phủ rừng", Unit::Percent), "forest_cover");
        assert_eq!(
            count("đại biểu đại diện cho đảng viên", "đảng viên"),
            "party_members"
        );
        assert_eq!(count("kết nạp", "đảng viên"), "new_party_members");
        assert_eq!(
            count("Đảng bộ có chi bộ trực thuộc", "chi bộ"),
            "party_organisations"
        );
        assert_eq!(label("ước thiệt hại về tài sản", Unit::Vnd), "disaster_damage");
        assert_eq!(label("thu nội địa", Unit::Vnd), "budget_revenue");
        assert_eq!(label("chi đầu tư phát triển", Unit::Vnd), "budget_spending");
        assert_eq!(label("khoai lang trồng được", Unit::Hectare), "cultivated_area");
    }

    #[test]
    fn tone_marks_tell_words_apart_and_old_tone_placement_matches() {
        assert_eq!(label("thu ngân sách tăng", Unit::Percent), "budget_revenue");
        assert_eq!(count("trao tặng", "con bò"), "gifts");
        assert_eq!(count("thực hiện", "mô hình"), "other", "hiện is not hiến");
        assert_eq!(
            label("nhà ở cho hộ nghèo được hoà mạng", Unit::Vnd),
            "charity_houses"
        );
        assert_eq!(normal("Hoà Bình"), "hòa bình");
    }

    #[test]
    fn units_and_what_a_count_counts_constrain_metrics() {
        assert_eq!(label("tỷ lệ hộ nghèo", Unit::Vnd), "other");
        assert_eq!(count("cử tri đi bầu", "cử tri"), "voters");
        assert_eq!(count("nhiệm vụ", "nhiệm vụ"), "key_tasks");
        assert_eq!(
            count("xây mới nhà và cầu", "cây cầu"),
            "other",
            "bridges are no houses"
        );
        assert_eq!(count("xây mới nhà đại đoàn kết", "căn nhà"), "charity_houses");
        assert_eq!(count("kết nạp", "hội viên"), "new_association_members");
        assert_eq!(count("kết nạp", "đảng viên"), "new_party_members");
    }

    #[test]
    fn context_picks_the_nearest_cue() {
        let text = normal("thu ngân sách tăng mạnh; tỷ lệ hộ nghèo giảm 2%");
        let at = text.find('2').unwrap();
        assert_eq!(
            classify_context(&text, at, of(Unit::Percent, None)).map(|m| m.key),
            Some("poverty_rate")
        );
    }
}
