-- Certificates of one establishment, with whether each is valid in $year (SPEC §3 definition); none is
-- valid once the establishment has closed (closed_year <= $year).
select
    c.scheme,
    c.level,
    c.issued_on,
    c.expires_on,
    year(c.issued_on) <= $year
        and (c.expires_on is null or year(c.expires_on) >= $year)
        and (e.closed_year is null or e.closed_year > $year) as valid_in_year
from certifications as c
inner join establishments as e using (factory_id)
where c.factory_id = $factory_id
order by c.issued_on desc, c.scheme
