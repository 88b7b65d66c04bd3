-- Each effluent parameter's unit and allowed range, to say what a failing sample was held against.
select
    parameter,
    unit,
    min_value,
    max_value
from effluent_standards
order by parameter
