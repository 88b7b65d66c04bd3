-- Certificates of one establishment, with whether each is valid in $year (SPEC §3 definition).
select
    scheme,
    level,
    issued_on,
    expires_on,
    year(issued_on) <= $year and (expires_on is null or year(expires_on) >= $year) as valid_in_year
from certifications
where factory_id = $factory_id
order by issued_on desc, scheme
