-- Schema version 7: both maps of Vietnam. A unit's id is its GSO code on the 2024 map and `2025-` and the
-- code on the 2025 map; `locality_areas` says which units of either map contain which, and
-- each indicator carries the province and district of the 2024 map and the province of the
-- 2025 map that contain its unit, so that roll-ups on either map are indexed equality.
-- The gazetteer loaded at start fills the 2025 units, the areas and these columns.

ALTER TABLE localities RENAME COLUMN code TO id;
ALTER TABLE localities RENAME COLUMN parent_code TO parent_id;
ALTER TABLE localities ADD COLUMN scheme TEXT NOT NULL DEFAULT '2024' CHECK (scheme IN ('2024', '2025'));
ALTER TABLE localities ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE localities ADD COLUMN area_km2 REAL;
UPDATE localities SET code = id;
DROP INDEX localities_parent;
DROP INDEX localities_level;
CREATE INDEX localities_parent ON localities(parent_id);
CREATE INDEX localities_scheme_level ON localities(scheme, level);
ALTER TABLE locality_aliases RENAME COLUMN code TO locality_id;
ALTER TABLE article_localities RENAME COLUMN code TO locality_id;
ALTER TABLE article_localities ADD COLUMN crosswalk INTEGER NOT NULL DEFAULT 0;
DROP INDEX article_localities_code;
CREATE INDEX article_localities_locality ON article_localities(locality_id);
ALTER TABLE indicators RENAME COLUMN locality_code TO locality_id;
ALTER TABLE indicators RENAME COLUMN province_code TO province_2024;
ALTER TABLE indicators RENAME COLUMN district_code TO district_2024;
ALTER TABLE indicators ADD COLUMN province_2025 TEXT;
CREATE INDEX indicators_province_2025_newest ON indicators(province_2025, metric, newest DESC, article_id, position);
CREATE TABLE locality_areas (
    area_id     TEXT NOT NULL REFERENCES localities(id),
    locality_id TEXT NOT NULL REFERENCES localities(id),
    relation    TEXT NOT NULL CHECK (relation IN ('self', 'parent', 'same', 'contains')),
    slot        TEXT NOT NULL,
    PRIMARY KEY (area_id, locality_id)
) WITHOUT ROWID;
CREATE INDEX locality_areas_locality ON locality_areas(locality_id, slot);
