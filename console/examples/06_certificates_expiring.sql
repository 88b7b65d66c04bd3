-- th: การรับรองที่จะหมดอายุภายในหนึ่งปีข้างหน้า
-- en: Certificates expiring within the next year
select
    c.factory_id,
    e.name_th,
    c.scheme,
    c.level,
    c.issued_on,
    c.expires_on,
    c.expires_on - current_date as days_left
from certifications as c
inner join establishments as e using (factory_id)
where c.expires_on >= current_date
    and c.expires_on < current_date + interval 1 year
order by c.expires_on, c.factory_id
