-- Every certificate with whether it is valid in $year under the one rule (SPEC §3, valid_certificates_in),
-- for tables that show certificates of every year (the explorer).
select
    c.factory_id,
    c.scheme,
    c.issued_on,
    v.factory_id is not null as valid_in_year
from certifications as c
left join valid_certificates_in([$year]::integer[]) as v
    on c.factory_id = v.factory_id and c.scheme = v.scheme and c.issued_on = v.issued_on
