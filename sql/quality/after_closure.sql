-- Rows dated in or after the year an establishment closed: the population P(Y) leaves it out from its
-- closed_year on (SPEC §3), so these rows count toward nothing; a wrong closed_year or a wrong row.
with

dated as (
    select 'annual_reports' as table_name, factory_id, year, null as detail from annual_reports
    union all
    select 'practices', factory_id, year, practice from practices
    union all
    select 'effluent_samples', factory_id, year(sampled_on), strftime(sampled_on, '%Y-%m-%d') || ' ' || parameter from effluent_samples
    union all
    select 'certifications', factory_id, year(issued_on), scheme || ' ' || strftime(issued_on, '%Y-%m-%d') from certifications
),

final as (
    select
        d.table_name,
        d.factory_id,
        e.name_th,
        e.name_en,
        e.closed_year,
        d.year,
        d.detail
    from dated as d
    inner join establishments as e using (factory_id)
    where e.closed_year is not null and d.year >= e.closed_year
)

select * from final
order by factory_id, table_name, year, detail
