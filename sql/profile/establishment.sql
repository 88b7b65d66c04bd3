-- One establishment's identity, with its subdistrict's names.
select
    e.*,  -- noqa: AM04
    s.name_th as subdistrict_th,
    s.name_en as subdistrict_en
from establishments as e
left join subdistricts as s using (subdistrict_code)
where e.factory_id = $factory_id
