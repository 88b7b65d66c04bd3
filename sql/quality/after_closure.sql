-- Rows dated in or after the year an establishment closed: the population P(Y) leaves it out from its
-- closed_year on (SPEC §3), so these rows count toward nothing; a wrong closed_year or a wrong row.
-- detail is the row's code (practice, parameter, scheme) and detail_date its date, for the page to put in words.
with

dated as (
    select
        'annual_reports' as table_name,
        factory_id,
        year,
        null as detail,
        null::date as detail_date
    from annual_reports
    union all
    select
        'practices' as table_name,
        factory_id,
        year,
        practice as detail,
        null::date as detail_date
    from practices
    union all
    select
        'effluent_samples' as table_name,
        factory_id,
        year(sampled_on) as year,
        parameter as detail,
        sampled_on as detail_date
    from effluent_samples
    union all
    select
        'certifications' as table_name,
        factory_id,
        year(issued_on) as year,
        scheme as detail,
        issued_on as detail_date
    from certifications
),

final as (
    select
        d.table_name,
        d.factory_id,
        e.name_th,
        e.name_en,
        e.closed_year,
        d.year,
        d.detail,
        d.detail_date
    from dated as d
    inner join establishments as e using (factory_id)
    where e.closed_year is not null and d.year >= e.closed_year
)

select * from final
order by factory_id, table_name, year, detail, detail_date
