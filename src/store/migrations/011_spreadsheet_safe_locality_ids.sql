-- Schema version 11: locality ids a spreadsheet keeps as text. An id is its map, a level letter
-- (p province, d district, c commune) and its GSO code: '06' becomes '2024-p06', '058'
-- '2024-d058', '2025-19' '2025-p19'. The earlier forms stay accepted as aliases at the edge.
UPDATE localities SET id = CASE
        WHEN id IS NULL THEN NULL
        WHEN id LIKE '2025-%' THEN '2025-' || CASE length(id) WHEN 7 THEN 'p' ELSE 'c' END || substr(id, 6)
        ELSE '2024-' || CASE length(id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || id END,
    parent_id = CASE
        WHEN parent_id IS NULL THEN NULL
        WHEN parent_id LIKE '2025-%' THEN '2025-' || CASE length(parent_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(parent_id, 6)
        ELSE '2024-' || CASE length(parent_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || parent_id END;
UPDATE locality_aliases SET locality_id = CASE
        WHEN locality_id IS NULL THEN NULL
        WHEN locality_id LIKE '2025-%' THEN '2025-' || CASE length(locality_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(locality_id, 6)
        ELSE '2024-' || CASE length(locality_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || locality_id END;
UPDATE articles SET primary_locality = CASE
        WHEN primary_locality IS NULL THEN NULL
        WHEN primary_locality LIKE '2025-%' THEN '2025-' || CASE length(primary_locality) WHEN 7 THEN 'p' ELSE 'c' END || substr(primary_locality, 6)
        ELSE '2024-' || CASE length(primary_locality) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || primary_locality END;
UPDATE article_localities SET locality_id = CASE
        WHEN locality_id IS NULL THEN NULL
        WHEN locality_id LIKE '2025-%' THEN '2025-' || CASE length(locality_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(locality_id, 6)
        ELSE '2024-' || CASE length(locality_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || locality_id END;
UPDATE indicators SET locality_id = CASE
        WHEN locality_id IS NULL THEN NULL
        WHEN locality_id LIKE '2025-%' THEN '2025-' || CASE length(locality_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(locality_id, 6)
        ELSE '2024-' || CASE length(locality_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || locality_id END,
    province_2024 = CASE
        WHEN province_2024 IS NULL THEN NULL
        WHEN province_2024 LIKE '2025-%' THEN '2025-' || CASE length(province_2024) WHEN 7 THEN 'p' ELSE 'c' END || substr(province_2024, 6)
        ELSE '2024-' || CASE length(province_2024) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || province_2024 END,
    district_2024 = CASE
        WHEN district_2024 IS NULL THEN NULL
        WHEN district_2024 LIKE '2025-%' THEN '2025-' || CASE length(district_2024) WHEN 7 THEN 'p' ELSE 'c' END || substr(district_2024, 6)
        ELSE '2024-' || CASE length(district_2024) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || district_2024 END,
    province_2025 = CASE
        WHEN province_2025 IS NULL THEN NULL
        WHEN province_2025 LIKE '2025-%' THEN '2025-' || CASE length(province_2025) WHEN 7 THEN 'p' ELSE 'c' END || substr(province_2025, 6)
        ELSE '2024-' || CASE length(province_2025) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || province_2025 END;
UPDATE locality_areas SET area_id = CASE
        WHEN area_id IS NULL THEN NULL
        WHEN area_id LIKE '2025-%' THEN '2025-' || CASE length(area_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(area_id, 6)
        ELSE '2024-' || CASE length(area_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || area_id END,
    locality_id = CASE
        WHEN locality_id IS NULL THEN NULL
        WHEN locality_id LIKE '2025-%' THEN '2025-' || CASE length(locality_id) WHEN 7 THEN 'p' ELSE 'c' END || substr(locality_id, 6)
        ELSE '2024-' || CASE length(locality_id) WHEN 2 THEN 'p' WHEN 3 THEN 'd' ELSE 'c' END || locality_id END;
