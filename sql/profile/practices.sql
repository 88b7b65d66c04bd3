-- Practices of one establishment by year.
select
    year,
    practice,
    status,
    evidence_ref
from practices
where factory_id = $factory_id
order by practice, year
