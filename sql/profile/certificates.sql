-- Certificates of one establishment, with whether each is valid in $year under the one rule (SPEC §3, the macro
-- validity_in: issued by the year, not expired before it). A closed establishment's certificate keeps its validity
-- here as in search and the explorer; the profile says the establishment has closed.
select
    scheme,
    level,
    issued_on,
    expires_on,
    valid_in_year
from validity_in($year)
where factory_id = $factory_id
order by issued_on desc, scheme asc
