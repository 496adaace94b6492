//! The id forms: today's, the aliases of earlier releases, and the malformed.

use super::*;

#[test]
fn ids_name_their_map_level_and_code() {
    let old: PlaceId = "2024-p19".parse().unwrap();
    let new: PlaceId = "2025-p19".parse().unwrap();
    assert_eq!((old.scheme(), old.code()), (Scheme::Y2024, "19"));
    assert_eq!((new.scheme(), new.code()), (Scheme::Y2025, "19"));
    assert_ne!(old, new);
    assert_eq!(new.to_string(), "2025-p19");
    assert_eq!(old.to_string(), "2024-p19");
    let commune: PlaceId = "2025-c10402".parse().unwrap();
    assert_eq!(
        (commune.level(), commune.to_string().as_str()),
        (Level::Commune, "2025-c10402")
    );
}

#[test]
fn ids_of_earlier_releases_are_aliases_of_todays() {
    for (alias, id) in [
        ("19", "2024-p19"),
        ("058", "2024-d058"),
        ("01975", "2024-c01975"),
        ("2025-19", "2025-p19"),
        ("2025-10402", "2025-c10402"),
    ] {
        assert_eq!(alias.parse::<PlaceId>().unwrap().to_string(), id);
    }
}

#[test]
fn no_two_ids_differ_only_by_leading_zeros_and_none_reads_as_a_number() {
    let province: PlaceId = "58".parse().unwrap();
    let district: PlaceId = "058".parse().unwrap();
    let (p, d) = (province.to_string(), district.to_string());
    assert_ne!(p.trim_start_matches('0'), d.trim_start_matches('0'));
    for id in [p, d, "2025-10402".parse::<PlaceId>().unwrap().to_string()] {
        assert!(
            id.parse::<f64>().is_err() && id.chars().any(|c| c.is_ascii_lowercase()),
            "{id}"
        );
    }
}

#[test]
fn malformed_ids_are_refused() {
    for bad in [
        "",
        "1",
        "1234",
        "2025-058",
        "2025-",
        "abc",
        "2024-19",
        "06 ",
        "٠٦",
        "2024-p058",
        "2024-d58",
        "2025-d058",
        "2025-p",
        "2024-x06",
        "2024-P06",
        "2026-p06",
    ] {
        assert!(bad.parse::<PlaceId>().is_err(), "{bad:?}");
    }
}

#[test]
fn the_map_in_force_changes_on_the_first_of_july_2025() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(Scheme::in_force_on(d(2025, 6, 30)), Scheme::Y2024);
    assert_eq!(Scheme::in_force_on(d(2025, 7, 1)), Scheme::Y2025);
}

#[test]
fn a_maps_name_in_ids_and_queries_is_its_serde_spelling() {
    for scheme in Scheme::ALL {
        assert_eq!(serde_json::to_value(scheme).unwrap(), scheme.as_str());
        assert_eq!(Scheme::parse(scheme.as_str()), Some(scheme));
    }
}
