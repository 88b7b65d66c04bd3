-- Establishments for pickers and the map, with their subdistrict names.
select
    e.factory_id,
    e.name_th,
    e.name_en,
    e.kind,
    e.industry,
    e.subdistrict_code,
    e.lat,
    e.lon,
    e.registered_year,
    e.closed_year
from establishments as e
where $area = 'all' or e.subdistrict_code = $area
order by e.factory_id
