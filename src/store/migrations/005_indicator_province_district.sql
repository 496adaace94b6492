-- Schema version 5: each indicator's province and district, so that roll-ups are indexed equality
-- instead of a walk down the hierarchy.

ALTER TABLE indicators ADD COLUMN province_code TEXT;
ALTER TABLE indicators ADD COLUMN district_code TEXT;
UPDATE indicators SET
    district_code = CASE length(locality_code)
        WHEN 3 THEN locality_code
        WHEN 5 THEN (SELECT parent_code FROM localities WHERE code = indicators.locality_code) END,
    province_code = CASE length(locality_code)
        WHEN 2 THEN locality_code
        WHEN 3 THEN (SELECT parent_code FROM localities WHERE code = indicators.locality_code)
        WHEN 5 THEN (SELECT d.parent_code FROM localities c JOIN localities d ON d.code = c.parent_code
                     WHERE c.code = indicators.locality_code) END;
CREATE INDEX indicators_province ON indicators(province_code, metric, period);
CREATE INDEX indicators_district ON indicators(district_code, metric, period);
CREATE INDEX indicators_locality_metric ON indicators(locality_code, metric, period);
