-- th: กิจกรรมตามแผนปฏิบัติการ แยกตามสถานะ พร้อมผู้เข้าร่วมเทียบเป้าหมาย
-- en: Action-plan activities by status, with participants against targets
select
    fiscal_year,
    status,
    count(*) as activities,
    count(*) filter (where planned_end < current_date and status in ('planned', 'in_progress')) as overdue,
    sum(participants) as participants,
    sum(target_participants) as target_participants
from activities
group by all
order by fiscal_year desc, status asc
