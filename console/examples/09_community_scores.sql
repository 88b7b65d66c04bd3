-- th: สัดส่วนผู้ตอบจากชุมชนที่ให้คะแนน 4–5 แยกตามปี คำถาม และตำบล
-- en: Share of community respondents scoring 4–5 by year, question and subdistrict
select
    year_be,
    question,
    subdistrict_code,
    count(*) as respondents,
    count(*) filter (where score >= 4) as score_4_or_5,
    round(100.0 * count(*) filter (where score >= 4) / count(*), 1) as share_pct
from surveys_be
where respondent_type = 'community'
group by all
order by year_be, question, subdistrict_code
