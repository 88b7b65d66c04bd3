-- th: โรงงานที่ได้รับรองอุตสาหกรรมสีเขียวระดับ 1 อีกหนึ่งขั้นถึงระดับ 2
-- en: Factories with Green Industry level 1, one step from level 2
with

valid_gi as (
    select
        factory_id,
        max(level) as best_level,
        max(expires_on) as expires_on
    from certifications
    where scheme = 'GI'
        and issued_on <= current_date
        and (expires_on is null or expires_on >= current_date)
    group by factory_id
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.industry,
        e.subdistrict_code,
        g.expires_on
    from valid_gi as g
    inner join establishments as e using (factory_id)
    where g.best_level = 1
        and e.kind = 'factory'
        and e.closed_year is null
)

select * from final
order by subdistrict_code, industry, factory_id
