//! `chiso synth`: a deterministic corpus in the seeds' genre for benchmarks at scale.
//!
//! Dates are drawn from January 2010 to [`LAST_MONTH`] (never after the day a benchmark runs)
//! and places from the map in force on the date (all
//! levels of the 2024 map before July 2025, provinces and communes of the 2025 map after);
//! the body recombines the seeds' constructions with other figures, and the same traps.

mod rng;
mod sentences;

use std::path::Path;

use rng::Rng;

use crate::domain::places::PerScheme;
use crate::domain::{Gazetteer, Level, Locality, Scheme, UnitType};

/// Units of each level of each map, in id order so that a seed gives the same corpus everywhere.
pub struct Places<'g> {
    levels: PerScheme<[Vec<&'g Locality>; 3]>,
    gazetteer: &'g Gazetteer,
}

impl<'g> Places<'g> {
    pub fn new(gazetteer: &'g Gazetteer) -> Places<'g> {
        let mut levels: PerScheme<[Vec<&Locality>; 3]> = PerScheme::default();
        for u in gazetteer.units() {
            levels[u.scheme][u.level as usize].push(u);
        }
        for scheme in Scheme::ALL {
            for v in &mut levels[scheme] {
                v.sort_by(|a, b| a.id.cmp(&b.id));
            }
        }
        Places { levels, gazetteer }
    }

    fn of(&self, scheme: Scheme, level: Level) -> &[&'g Locality] {
        &self.levels[scheme][level as usize]
    }
}

fn short(u: &Locality) -> &str {
    u.bare_name()
}

/// "tỉnh Bắc Kạn", "thị xã Long Mỹ", "xã Vi Hương (Bạch Thông)".
fn phrase(places: &Places<'_>, u: &Locality) -> String {
    let base = format!("{} {}", u.type_vi.to_lowercase(), short(u));
    match (
        u.level,
        u.parent_id.as_ref().and_then(|p| places.gazetteer.get(p)),
    ) {
        (Level::Commune, Some(parent)) => format!("{base} ({})", short(parent)),
        _ => base,
    }
}

/// The party committee of a unit ("Tỉnh ủy Bắc Kạn", "Huyện ủy Nghi Lộc").
fn committee(u: &Locality) -> String {
    let organ = match u.unit_type {
        UnitType::Province => "Tỉnh ủy",
        UnitType::Municipality | UnitType::City => "Thành ủy",
        UnitType::Town => "Thị ủy",
        UnitType::RuralDistrict => "Huyện ủy",
        UnitType::UrbanDistrict => "Quận ủy",
        _ => return format!("Đảng ủy {} {}", u.type_vi.to_lowercase(), short(u)),
    };
    format!("{organ} {}", short(u))
}

/// The last month an article of the corpus is dated in: a fixed month, so that a seed gives
/// the same corpus on any day, and one already past.
pub const LAST_MONTH: (u64, u64) = (2025, 11);

/// The day an article is dated: from January 2010 to [`LAST_MONTH`].
fn article_date(r: &mut Rng) -> (u64, u64, u64) {
    let (year, month, day) = (r.range(2010, LAST_MONTH.0), r.range(1, 12), r.range(1, 28));
    match year == LAST_MONTH.0 && month > LAST_MONTH.1 {
        true => (year - 1, month, day),
        false => (year, month, day),
    }
}

/// Article number `index` of the corpus `seed`.
pub fn article(places: &Places<'_>, seed: u64, index: u64) -> String {
    let r = &mut Rng::for_article(seed, index);
    let (year, month, day) = article_date(r);
    let unit = match (year * 100 + month >= 202507, r.range(0, 9)) {
        (false, 0..=3) => *r.pick(places.of(Scheme::Y2024, Level::Province)),
        (false, 4..=7) => *r.pick(places.of(Scheme::Y2024, Level::District)),
        (false, _) => *r.pick(places.of(Scheme::Y2024, Level::Commune)),
        (true, 0..=4) => *r.pick(places.of(Scheme::Y2025, Level::Province)),
        (true, _) => *r.pick(places.of(Scheme::Y2025, Level::Commune)),
    };
    let period = match month {
        6..=8 => format!("6 tháng đầu năm {year}"),
        9..=10 => format!("9 tháng năm {year}"),
        1 => format!("năm {}", year - 1),
        12 => format!("năm {year}"),
        _ => format!(
            "quý {} năm {year}",
            ["I", "II", "III", "IV"][(month as usize - 1) / 3]
        ),
    };
    let place = phrase(places, unit);
    let mut out = String::new();
    if r.chance(30) {
        out.push_str("PublishingPortal - Block_BanTin_Toolbar\n\n");
    }
    let title = match r.range(0, 2) {
        0 => format!("Ban Dân vận {} sơ kết công tác {period}", committee(unit)),
        1 => format!("{} tổng kết công tác dân vận {period}", capitalise(&place)),
        _ => format!("{}: Kinh tế - xã hội {period} chuyển biến tích cực", short(unit)),
    };
    match r.range(0, 2) {
        0 => out.push_str(&format!("{day:02}/{month:02}/{year}\n{title}\n\n")),
        1 => out.push_str(&format!(
            "{title}\n\nThứ {}, {day:02}.{month:02}.{year} | 08:00:00\n{} lượt xem\n\n",
            r.range(2, 7),
            r.range(50, 3000)
        )),
        _ => out.push_str(&format!("{title}\n\n")),
    }
    out.push_str(&format!(
        "Ngày {day}/{month}, Ban Dân vận {} tổ chức hội nghị sơ kết công tác dân vận {period}, triển khai nhiệm vụ thời gian tới.\n\n",
        committee(unit)
    ));
    for p in 0..r.range(2, 5) {
        let mut para = Vec::new();
        if p == 0 {
            para.push(format!(
                "{}, {place} đạt nhiều kết quả quan trọng.",
                capitalise(&period)
            ));
        }
        for _ in 0..r.range(1, 3) {
            para.push(sentences::figure_sentence(r, &place, &period, year));
        }
        if r.chance(50) {
            para.push(sentences::trap_sentence(r, year));
        }
        out.push_str(&para.join(" "));
        out.push_str("\n\n");
        if r.chance(25) {
            out.push_str("Quang cảnh hội nghị sơ kết công tác dân vận\n\n");
        }
    }
    out.push_str(r.pick::<&str>(sentences::BYLINES));
    out.push('\n');
    if r.chance(40) {
        out.push_str(&format!(
            "\nXem thêm\nCử tri {} đánh giá cao kỳ họp thứ {}\n",
            short(unit),
            r.range(2, 9)
        ));
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Writes `count` articles as `out/000000.txt`… and returns how many bytes of text.
pub fn write_corpus(gazetteer: &Gazetteer, count: u64, seed: u64, out: &Path) -> std::io::Result<u64> {
    std::fs::create_dir_all(out)?;
    let places = Places::new(gazetteer);
    let mut bytes = 0;
    for i in 0..count {
        let text = article(&places, seed, i);
        bytes += text.len() as u64;
        std::fs::write(out.join(format!("{i:06}.txt")), text)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::rng::Rng;

    #[test]
    fn streams_are_deterministic_and_numbers_vietnamese() {
        let (mut a, mut b) = (Rng::for_article(7, 3), Rng::for_article(7, 3));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(
            Rng::for_article(7, 4).next_u64(),
            Rng::for_article(7, 3).next_u64()
        );
        let mut r = Rng::for_article(1, 1);
        assert!(r.decimal(3, 11, 2).contains(','));
        assert_eq!(Rng::for_article(1, 1).count(1_234_567, 1_234_567), "1.234.567");
    }

    #[test]
    fn no_article_is_dated_after_the_last_month_nor_after_today() {
        let today = chrono::Local::now().date_naive();
        for index in 0..20_000 {
            let (y, m, d) = super::article_date(&mut Rng::for_article(42, index));
            assert!(
                (y, m) <= super::LAST_MONTH && (2010..=2025).contains(&y),
                "{y}-{m}"
            );
            let date = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32).unwrap();
            assert!(date <= today);
        }
    }
}
