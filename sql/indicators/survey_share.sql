-- 20.1.1 ($question eco_town_awareness) / 20.2.1 (disclosure_satisfaction): community respondents in
-- the area and year scoring 4 or 5, over all community respondents to that question.
with

answers as (
    select * from surveys
    where question = $question
      and respondent_type = 'community'
      and year = $year
      and ($area = 'all' or subdistrict_code = $area)
),

final as (
    select
        survey_id || ' / ' || respondent_id as entity_id,
        null::varchar as name_th,
        null::varchar as name_en,
        subdistrict_code,
        respondent_type as kind,
        null::boolean as controlled_factory,
        score >= 4 as counted,
        true as in_denominator,
        case when score >= 4 then 1.0 else 0.0 end as num,
        1.0 as den,
        'score_' || score as reason,
        survey_id as detail
    from answers
)

select * from final
order by entity_id
