-- Certificates of one establishment, with whether each is valid in $year under the one rule (SPEC §3, the
-- macro valid_certificates_in: issued by the year, not expired before it). A closed establishment's certificate
-- keeps its validity here as in search and the explorer; the profile says the establishment has closed.
select
    c.scheme,
    c.level,
    c.issued_on,
    c.expires_on,
    v.factory_id is not null as valid_in_year
from certifications as c
left join valid_certificates_in([$year]::integer[]) as v
    on c.factory_id = v.factory_id and c.scheme = v.scheme and c.issued_on = v.issued_on
where c.factory_id = $factory_id
order by c.issued_on desc, c.scheme asc
