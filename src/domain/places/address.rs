//! The unit a page's address names. Provincial papers and portals are named after their
//! province ("baobacninh.vn", "hatinh.gov.vn", "camau.dcs.vn", "thongkethaibinh.gov.vn"), the
//! portals of a province's districts and communes are subdomains of its portal
//! ("giabinh.bacninh.gov.vn"), and some districts run a domain of their own
//! ("donggiang.gov.vn"). The few papers whose names do not spell their province ("Đồng Khởi",
//! "Ấp Bắc") are listed in `seed/gazetteer/outlets.csv`.

use super::{Gazetteer, Level, Locality, PlaceId, Scheme};

/// Labels of a host name that say what kind of site it is, not where it is.
const GENERIC_LABELS: &[&str] = &[
    "www",
    "vn",
    "com",
    "org",
    "net",
    "gov",
    "edu",
    "info",
    "dcs",
    "dangcongsan",
    "mobile",
    "m",
    "en",
];

/// What opens a provincial outlet's label before its province's name.
const OUTLET_PREFIXES: &[&str] = &[
    "bao", "thongke", "tinhuy", "ubnd", "hdnd", "mttq", "congan", "dangbo",
];

/// A name as it appears in a domain label: folded, without spaces ("Bắc Ninh" → "bacninh").
pub fn slug(name: &str) -> String {
    crate::domain::text::fold_key(name).replace(' ', "")
}

/// A provincial outlet whose label does not spell its province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// A label, or a part of one ("thudo" in "laodongthudo").
    pub label: String,
    pub province: PlaceId,
}

impl Gazetteer {
    /// The unit a page's address names, on `scheme` where it has one (the province of a
    /// 2024-map outlet on the 2025 map is its successor).
    pub fn unit_of_address(&self, url: &str, scheme: Scheme) -> Option<PlaceId> {
        let host = url.split("://").nth(1).unwrap_or(url);
        let host = host.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
        let labels: Vec<&str> = host
            .split('.')
            .filter(|l| !l.is_empty() && !GENERIC_LABELS.contains(l))
            .collect();
        let (&site, subdomains) = labels.split_last()?;
        let province = self.province_in_label(site, scheme).or_else(|| {
            // "camau.dcs.vn": the province is the label before a generic one.
            subdomains.last().and_then(|s| self.province_in_label(s, scheme))
        });
        match province {
            Some(province) => {
                let province = self.on_scheme(&province, scheme);
                let below = subdomains
                    .iter()
                    .rev()
                    .find_map(|s| self.unit_named_within(s, &province, scheme));
                Some(below.unwrap_or(province))
            }
            // "donggiang.gov.vn": a district's or commune's own domain, when its name is unique.
            None => self.unique_unit(site, scheme),
        }
    }

    /// The province a label names: an outlet of the table, or a province's name after an
    /// outlet's prefix (a name both maps have: the province of `scheme`).
    fn province_in_label(&self, label: &str, scheme: Scheme) -> Option<PlaceId> {
        if let Some(o) = self.outlets.iter().find(|o| label.contains(&o.label)) {
            return Some(o.province.clone());
        }
        let bare = OUTLET_PREFIXES
            .iter()
            .find_map(|p| label.strip_prefix(p))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(label);
        Scheme::ALL
            .into_iter()
            .flat_map(|s| self.units_at(s, Level::Province))
            .filter(|p| bare.starts_with(&slug(p.bare_name())))
            .max_by_key(|p| (slug(p.bare_name()).len(), p.scheme == scheme))
            .map(|p| p.id.clone())
    }

    /// The unit itself on `scheme`, or the 2025 province a 2024 province became part of.
    fn on_scheme(&self, id: &PlaceId, scheme: Scheme) -> PlaceId {
        if id.scheme() == scheme {
            return id.clone();
        }
        match scheme {
            Scheme::Y2025 => self.successor_province(id).cloned().unwrap_or_else(|| id.clone()),
            Scheme::Y2024 => match self.predecessors(id).collect::<Vec<_>>().as_slice() {
                [only] => only.from.clone(),
                _ => id.clone(),
            },
        }
    }

    /// The unit under `province` whose name is `label`: a district, else a commune, on the 2024
    /// map; a commune on the 2025 map; the other map when this one has none.
    fn unit_named_within(&self, label: &str, province: &PlaceId, scheme: Scheme) -> Option<PlaceId> {
        let find = |s: Scheme, level: Level| {
            let mut found = self
                .units_at(s, level)
                .filter(|u| slug(u.bare_name()) == label)
                .filter(|u| {
                    let p = self.province_of(&u.id).map(|p| self.on_scheme(&p.id, scheme));
                    p.as_ref() == Some(province)
                });
            let first = found.next()?;
            found.next().is_none().then(|| first.id.clone())
        };
        [scheme, scheme.other()]
            .into_iter()
            .flat_map(|s| s.levels().iter().skip(1).map(move |&l| (s, l)))
            .find_map(|(s, l)| find(s, l))
    }

    /// The one district or commune named `label`, on `scheme` or else the other map.
    fn unique_unit(&self, label: &str, scheme: Scheme) -> Option<PlaceId> {
        let find = |s: Scheme, level: Level| {
            let mut found = self.units_at(s, level).filter(|u| slug(u.bare_name()) == label);
            let first = found.next()?;
            found.next().is_none().then(|| first.id.clone())
        };
        find(scheme, Level::District)
            .or_else(|| find(Scheme::Y2024, Level::District))
            .or_else(|| find(scheme, Level::Commune))
    }

    fn units_at(&self, scheme: Scheme, level: Level) -> impl Iterator<Item = &Locality> {
        self.units()
            .filter(move |u| u.scheme == scheme && u.level == level)
    }
}
