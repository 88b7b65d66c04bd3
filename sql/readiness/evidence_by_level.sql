select
    i.level,
    count(*) as total,
    count(*) filter (where e.status = 'ready') as ready
from evidence as e
inner join indicators as i on e.indicator_code = i.code
group by i.level
