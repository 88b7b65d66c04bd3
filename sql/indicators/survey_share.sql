-- 20.1.1 / 20.2.1: for each question in $questions (code, question) and year in $years, community
-- respondents scoring 4 or 5 over all community respondents to that question (their subdistrict is the area).
with

questions as (
    select unnest($questions, recursive := true)
),

answers as (
    select
        q.code,
        s.*
    from surveys as s
    inner join questions as q using (question)
    where s.respondent_type = 'community'
        and list_contains($years::integer[], s.year)
),

final as (
    select
        code,
        year,
        survey_id || ' / ' || respondent_id as entity_id,
        null::varchar as name_th,
        null::varchar as name_en,
        subdistrict_code,
        respondent_type as kind,
        null::boolean as controlled_factory,
        score >= 4 as counted,
        true as in_denominator,
        case when score >= 4 then 1.0::double else 0.0::double end as num,
        1.0::double as den,
        'score_' || score as reason,
        survey_id as detail,
        score
    from answers
)

select * from final
