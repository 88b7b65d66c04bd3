"""Each indicator's formula in words (SPEC §3), Thai and English, for the detail page and the meeting pack."""

P_TH = "โรงงาน (ไม่รวมเหมือง) ในพื้นที่ที่จดทะเบียนแล้วและยังไม่เลิกกิจการในปีนั้น"
P_EN = "factories (not mines) in the area, registered by and not closed in the year"

FORMULAS: dict[str, tuple[str, str]] = {
    "18.1.1": (
        "เอกสารหลักฐานของตัวชี้วัด 18.1.1 ที่สถานะ 'พร้อม' ÷ เอกสารทั้งหมดของตัวชี้วัดนี้ ในรายการหลักฐานของปีงบประมาณ (ปี พ.ศ. ของปีปฏิทิน)"
        " หรือของปีงบประมาณล่าสุดก่อนหน้าที่มีรายการ",
        "evidence items of 18.1.1 with status ready ÷ all its items, in the checklist of fiscal year Y+543, or else of the latest"
        " earlier fiscal year that has one",
    ),
    "19.1.1": (
        f"{P_TH} ที่มีใบรับรอง GI ระดับ 2 ขึ้นไป หรือ CSR Beginner, CSR-DIW, Eco Factory, ISO 14001 ที่ยังใช้ได้ ÷ จำนวนโรงงานทั้งหมด",
        f"{P_EN} holding a valid GI level ≥ 2, or CSR Beginner, CSR-DIW, Eco Factory or ISO 14001 ÷ all of them",
    ),
    "20.1.1": (
        "ผู้ตอบแบบสำรวจกลุ่มชุมชนในพื้นที่ที่ให้คะแนนการรับรู้ 4–5 ÷ ผู้ตอบกลุ่มชุมชนทั้งหมด",
        "community respondents in the area scoring awareness 4–5 ÷ all community respondents",
    ),
    "1.1.1": (
        "จำนวนโครงการสาธารณูปโภคในพื้นที่ที่ใช้การออกแบบเชิงนิเวศและแล้วเสร็จในปีนั้น",
        "infrastructure projects in the area with eco-design, completed in the year",
    ),
    "1.2.1": (
        "พื้นที่สีเขียวรวมในพื้นที่ในปีนั้น ÷ พื้นที่ทั้งหมดของตำบล (ไม่มีข้อมูลพื้นที่สีเขียวของปี = ไม่มีข้อมูล)",
        "green area in the area that year ÷ the subdistricts' whole area (no green-area rows = no data)",
    ),
    "3.1.1": (
        f"(เงินลงทุนรวมปีนี้ − ปีก่อน) ÷ เงินลงทุนรวมปีก่อน ของ{P_TH}ที่รายงานครบทั้งสองปี (ผ่านเมื่อมากกว่า 0)",
        f"(investment this year − last year) ÷ last year, over {P_EN} reporting both years (passes when above 0)",
    ),
    "7.1.1": (
        "สถานประกอบการ (โรงงานและเหมือง) ที่ทุกตัวอย่างน้ำทิ้งในปีนั้นอยู่ในค่ามาตรฐาน ÷ สถานประกอบการที่มีการเก็บตัวอย่าง",
        "establishments (factories and mines) whose every sample that year is within limits ÷ those sampled",
    ),
    "20.2.1": (
        "ผู้ตอบกลุ่มชุมชนที่ให้คะแนนความพึงพอใจต่อการเปิดเผยข้อมูล 4–5 ÷ ผู้ตอบกลุ่มชุมชนทั้งหมด",
        "community respondents scoring disclosure satisfaction 4–5 ÷ all community respondents",
    ),
    "2.1.1": (
        f"จำนวน{P_TH}ที่ดำเนินการอาคารเชิงนิเวศ/ประหยัดพลังงานแล้ว (แยกโรงงานควบคุม/ไม่ใช่)",
        f"number of {P_EN} with an eco-building measure implemented (controlled / other)",
    ),
    "5.1.1": (
        f"{P_TH}ที่ดำเนินการ Eco-Product หรือ Green Purchasing แล้ว ÷ ทั้งหมด",
        f"{P_EN} with eco-product or green purchasing implemented ÷ all",
    ),
    "6.1.1": (f"{P_TH}ที่ดำเนินมาตรการโลจิสติกส์แล้ว ÷ ทั้งหมด", f"{P_EN} with a logistics measure implemented ÷ all"),
    "7.2.1": (
        "น้ำใช้ต่อหน่วยผลิตภัณฑ์: โรงงานที่ค่าปีนี้ต่ำกว่าปีก่อน หรือไม่เกินเป้าหมายของตน ÷ โรงงานที่มีค่าปีนี้และมีค่าปีก่อนหรือเป้าหมาย",
        "water per unit of product: factories below last year or at/below their own target ÷ factories with this year's value and last year's or a target",
    ),
    "7.2.2": ("น้ำทิ้งต่อหน่วยผลิตภัณฑ์ คำนวณแบบเดียวกับ 7.2.1", "wastewater per unit of product, computed as 7.2.1"),
    "9.1.1": (
        f"กากของเสียที่นำกลับมาใช้ (3Rs) รวม ÷ กากของเสียที่เกิดขึ้นรวม ของ{P_TH}ที่รายงานครบ",
        f"Σ waste reused/recycled ÷ Σ waste generated over {P_EN} reporting both",
    ),
    "10.1.1": (f"พลังงานทดแทนรวม ÷ พลังงานทั้งหมดรวม ของ{P_TH}ที่รายงานครบ", f"Σ renewable energy ÷ Σ total energy over {P_EN} reporting both"),
    "10.2.1": (
        f"{P_TH}ที่ดำเนินมาตรการประหยัดพลังงานแล้ว หรือได้รับ Thailand Energy Award ÷ ทั้งหมด",
        f"{P_EN} with energy efficiency implemented or a valid Thailand Energy Award ÷ all",
    ),
    "12.1.1": (
        f"{P_TH}ที่มี Eco-Process แล้ว หรือได้รับรอง Eco Factory ÷ ทั้งหมด",
        f"{P_EN} with eco-process implemented or a valid Eco Factory ÷ all",
    ),
    "12.2.1": (f"{P_TH}ที่ดำเนินมาตรการใช้วัตถุดิบอย่างมีประสิทธิภาพแล้ว ÷ ทั้งหมด", f"{P_EN} with raw-material efficiency implemented ÷ all"),
    "13.1.1": (
        f"{P_TH}ที่วิเคราะห์ประสิทธิภาพเชิงนิเวศ 4 ด้านแล้ว ÷ ทั้งหมด (แสดง Mass Balance และ Symbiosis ประกอบ)",
        f"{P_EN} with eco-efficiency analysis implemented ÷ all (mass balance and symbiosis shown beside)",
    ),
    "13.2.1": (
        f"{P_TH}ที่มีมาตรการลดก๊าซเรือนกระจก หรือได้รับรอง CFO/CFR ÷ ทั้งหมด",
        f"{P_EN} with GHG reduction implemented or a valid CFO/CFR ÷ all",
    ),
    "15.1.1": (
        "จำนวนสถานประกอบการในพื้นที่ที่ดำเนินการเฝ้าระวังสิ่งแวดล้อมแบบมีส่วนร่วมในปีนั้น",
        "establishments in the area with participatory monitoring implemented in the year",
    ),
}
