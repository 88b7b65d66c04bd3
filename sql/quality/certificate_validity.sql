-- Every certificate with whether it is valid in $year under the one rule (SPEC §3, the macro validity_in), for
-- tables that show certificates of every year (the explorer).
select
    factory_id,
    scheme,
    issued_on,
    valid_in_year
from validity_in($year)
