select
    item_no,
    description_th,
    description_en,
    responsible,
    status,
    reference
from evidence
where indicator_code = $code
