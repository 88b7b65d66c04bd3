-- Every certificate with whether it is valid in $year under the one rule (SPEC §3, valid_certificates_in),
-- for tables that show certificates of every year (the explorer).
select
    c.factory_id,
    c.scheme,
    c.issued_on,
    v.factory_id is not null as valid_in_year
from certifications as c
left join valid_certificates_in([$year]::integer[]) as v
    on v.factory_id = c.factory_id and v.scheme = c.scheme and v.issued_on = c.issued_on
