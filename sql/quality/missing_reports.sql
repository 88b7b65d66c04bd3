-- Annual reports expected and not there: factories in the population P(Y) (SPEC §3) of each year in $years
-- without a report for that year. Shown beside the numbers; the indicators are computed as they are.
select
    p.year,
    p.factory_id,
    p.name_th,
    p.name_en,
    p.industry,
    p.subdistrict_code
from factory_populations($years::integer[]) as p
where not exists (
        select 1 from annual_reports as r
        where r.factory_id = p.factory_id and r.year = p.year
    )
order by p.year desc, p.factory_id asc
