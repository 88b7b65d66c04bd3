-- A survey question's answers ($question) in a year ($year), by respondent type, subdistrict and score (1-5),
-- in one subdistrict or the whole town ($area = 'all'): the distribution the meeting pack shows beside 20.1.1 / 20.2.1.
select
    respondent_type,
    subdistrict_code,
    score,
    count(*) as answers
from surveys
where question = $question
    and year = $year
    and ($area = 'all' or subdistrict_code = $area)
group by all
order by all
