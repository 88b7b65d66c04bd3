-- Certificates valid in $year under the one rule (SPEC §3, the macro valid_certificates_in): issued in or
-- before the year, and no expiry date or one in or after the year. The establishment's closure does not enter
-- the rule (the indicators leave closed factories out through the population P(Y)); it is shown beside it.
select
    v.factory_id,
    e.name_th,
    e.name_en,
    v.scheme,
    v.level,
    v.issued_on,
    v.expires_on,
    e.closed_year,
    coalesce(e.closed_year <= $year, false) as closed
from valid_certificates_in([$year]::integer[]) as v
inner join establishments as e using (factory_id)
order by v.scheme, v.factory_id, v.issued_on
