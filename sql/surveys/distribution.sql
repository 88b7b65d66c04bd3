-- The 1-5 answers to one survey question ($question) in $year and $area ('all' or a subdistrict), by respondent
-- type and subdistrict: how many respondents gave each score (every type; the indicators count community only).
with

final as (
    select
        respondent_type,
        subdistrict_code,
        score,
        count(*) as respondents
    from surveys
    where question = $question
        and year = $year
        and ($area = 'all' or subdistrict_code = $area)
    group by all
)

select * from final
order by respondent_type, subdistrict_code, score
