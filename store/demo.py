"""A deterministic, clearly synthetic demo data set for FY 2019–2024, loaded through the real loader."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from duckdb import DuckDBPyConnection

from store.load import LoadReport, load_bytes
from store.messages import Refusal

SEED = 2565
YEARS = list(range(2019, 2025))
KHAO_WONG, NA_PHRA_LAN = "190906", "191306"

# Interiors of the two subdistricts (the OCHA COD-AB polygons shrunk by ~400 m and simplified), so
# that demo coordinates fall inside the subdistrict they claim without shipping the boundary file.
INTERIOR = {
    KHAO_WONG: shapely.Polygon([(100.8055, 14.6631), (100.8171, 14.7031), (100.8476, 14.6915), (100.8553, 14.6673), (100.8472, 14.6563)]),
    NA_PHRA_LAN: shapely.Polygon(
        [
            (100.8587, 14.6809),
            (100.8533, 14.7202),
            (100.8829, 14.7346),
            (100.9069, 14.731),
            (100.9202, 14.7396),
            (100.9437, 14.7367),
            (100.9548, 14.7416),
            (100.9493, 14.7355),
            (100.9524, 14.7183),
            (100.9383, 14.6999),
            (100.9206, 14.6937),
            (100.9015, 14.6962),
            (100.8662, 14.677),
        ]
    ),
}
# Two establishments are placed wrongly on purpose, so the map's data-quality check has something to flag.
MISPLACED = {"DEMO-F007": (14.7150, 100.9000), "DEMO-F012": (14.6000, 100.7500)}
# As in DIW's real list: factories of natural persons have no published name, and some points are only a
# subdistrict's centre (the real list stacks 27 on Na Phra Lan's and 6 on Khao Wong's).
UNNAMED = ("DEMO-F045", "DEMO-F090", "DEMO-F135")
STACKED = {NA_PHRA_LAN: 6, KHAO_WONG: 3}  # how many establishments of each subdistrict sit on its centre

# industry: (Thai, English, DIW type, t of product per year, m³ water per t, share in Na Phra Lan)
INDUSTRIES = [
    ("โม่บดและย่อยหิน", "Stone crushing", "11", 400_000, 0.05, 0.95),
    ("ปูนซีเมนต์", "Cement", "77", 2_500_000, 0.25, 0.8),
    ("ปูนขาว", "Lime", "77", 150_000, 0.2, 0.9),
    ("คอนกรีตผสมเสร็จ", "Ready-mixed concrete", "77(2)", 120_000, 0.35, 0.6),
    ("ผลิตภัณฑ์คอนกรีต", "Concrete products", "77(3)", 60_000, 0.3, 0.5),
    ("อาหารสัตว์", "Animal feed", "16", 80_000, 0.6, 0.1),
    ("บรรจุภัณฑ์กระดาษ", "Paper packaging", "38", 30_000, 8.0, 0.2),
    ("รีไซเคิลของเสีย", "Waste recycling", "106", 20_000, 1.5, 0.4),
    ("ผลิตไฟฟ้า (ชีวมวล/ความร้อนทิ้ง)", "Power (biomass / waste heat)", "88", 50_000, 2.0, 0.5),
    ("แปรรูปอาหาร", "Food processing", "9", 15_000, 6.0, 0.1),
]
INDUSTRY_WEIGHTS = [30, 6, 8, 20, 14, 14, 10, 14, 10, 24]
NAME_TH = ["ศิลาทอง", "ผาแก้ว", "เขาวงพัฒนา", "หน้าพระลานรุ่งเรือง", "ธาราสระบุรี", "มั่นคงวัสดุ", "เจริญศิลา", "พระพุทธบาทการผลิต", "สยามผาขาว", "ทรัพย์ภูผา"]
NAME_EN = [
    "Silathong",
    "Pha Kaew",
    "Khao Wong Phatthana",
    "Na Phra Lan Rungrueang",
    "Thara Saraburi",
    "Mankhong Materials",
    "Charoen Sila",
    "Phra Phutthabat Manufacturing",
    "Siam Pha Khao",
    "Sap Phu Pha",
]

# Adoption: share of factories that have a practice implemented in 2019 and in 2024 (rising in between).
PRACTICE_RATES = {
    "eco_building": (0.02, 0.07), "eco_product": (0.08, 0.26), "green_purchasing": (0.05, 0.15),
    "logistics": (0.10, 0.28), "energy_efficiency": (0.15, 0.40), "eco_process": (0.08, 0.24),
    "raw_material_efficiency": (0.10, 0.27), "eco_efficiency_analysis": (0.05, 0.23), "mass_balance": (0.04, 0.15),
    "symbiosis": (0.02, 0.08), "ghg_reduction": (0.08, 0.30), "waste_3r_plan": (0.20, 0.55),
    "safety_env_disclosure": (0.10, 0.35), "participatory_monitoring": (0.01, 0.04),
}  # fmt: skip


def _points(rng: np.random.Generator, code: str, n: int) -> list[tuple[float, float]]:
    return points_in(rng, INTERIOR[code], n)


def points_in(rng: np.random.Generator, poly: shapely.Geometry, n: int) -> list[tuple[float, float]]:
    """n random (lat, lon) points inside a polygon, to 6 decimals."""
    minx, miny, maxx, maxy = poly.bounds
    points: list[tuple[float, float]] = []
    while len(points) < n:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if poly.contains(shapely.Point(x, y)):
            points.append((round(y, 6), round(x, 6)))
    return points


def establishments(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    industries = rng.choice(len(INDUSTRIES), size=150, p=np.array(INDUSTRY_WEIGHTS) / sum(INDUSTRY_WEIGHTS))
    for i, ind in enumerate(industries, start=1):
        th, en, diw, *_rest, npl_share = INDUSTRIES[ind]
        code = NA_PHRA_LAN if rng.random() < npl_share else KHAO_WONG
        registered = int(rng.choice([1995, 2000, 2005, 2010, 2015, 2018])) + int(rng.integers(0, 4))
        if rng.random() < 0.08:
            registered = int(rng.integers(2020, 2024))
        closed = int(rng.integers(2021, 2024)) if rng.random() < 0.05 and registered < 2020 else None
        n = i % len(NAME_TH)
        rows.append(
            {
                "factory_id": f"DEMO-F{i:03d}",
                "name_th": f"บริษัท {NAME_TH[n]}{th} {i} จำกัด (สาธิต)",
                "name_en": f"{NAME_EN[n]} {en} {i} Co., Ltd. (demo)",
                "kind": "factory",
                "diw_type": diw,
                "industry": th,  # the DIW register describes the business in Thai
                "subdistrict_code": code,
                "in_industrial_zone": "yes" if rng.random() < 0.15 else "no",
                "controlled_factory": "yes" if INDUSTRIES[ind][3] >= 100_000 or rng.random() < 0.3 else "no",
                "registered_year": registered,
                "closed_year": closed,
            }
        )
    for i in range(1, 41):
        code = NA_PHRA_LAN if i <= 36 else KHAO_WONG
        n = (i * 3) % len(NAME_TH)
        rows.append(
            {
                "factory_id": f"DEMO-M{i:02d}",
                "name_th": f"เหมืองหินปูน{NAME_TH[n]} {i} (สาธิต)",
                "name_en": f"{NAME_EN[n]} Limestone Quarry {i} (demo)",
                "kind": "mine",
                "diw_type": "",
                "industry": "เหมืองแร่หินปูน",
                "subdistrict_code": code,
                "in_industrial_zone": "no",
                "controlled_factory": "no",
                "registered_year": int(rng.integers(1985, 2015)),
                "closed_year": None,
            }
        )
    frame = pd.DataFrame(rows)
    for code in (KHAO_WONG, NA_PHRA_LAN):
        mask = frame["subdistrict_code"] == code
        lat_lon = _points(rng, code, int(mask.sum()))
        frame.loc[mask, "lat"] = [p[0] for p in lat_lon]
        frame.loc[mask, "lon"] = [p[1] for p in lat_lon]
    frame["closed_year"] = frame["closed_year"].astype("Int64")
    for factory_id, (lat, lon) in MISPLACED.items():
        frame.loc[frame["factory_id"] == factory_id, ["lat", "lon", "subdistrict_code"]] = [lat, lon, KHAO_WONG]
    frame.loc[frame["factory_id"].isin(UNNAMED), ["name_th", "name_en"]] = ""
    for code, n in STACKED.items():
        centre = INTERIOR[code].centroid
        candidates = frame[(frame["subdistrict_code"] == code) & ~frame["factory_id"].isin([*MISPLACED, *UNNAMED])]
        frame.loc[candidates.index[20 : 20 + n], ["lat", "lon"]] = [round(centre.y, 6), round(centre.x, 6)]
    return frame


def _active(est: pd.Series, year: int) -> bool:
    return (pd.isna(est["registered_year"]) or est["registered_year"] <= year) and (
        pd.isna(est["closed_year"]) or est["closed_year"] > year
    )


def annual_reports(rng: np.random.Generator, est: pd.DataFrame) -> pd.DataFrame:
    by_name = {row[0]: row for row in INDUSTRIES}
    rows = []
    for _, e in est.iterrows():
        if e["kind"] == "mine":
            base_q, water_per_t = float(rng.uniform(300_000, 1_500_000)), 0.08
        else:
            _, _, _, typical_q, water_per_t, _ = by_name[e["industry"]]
            base_q = float(typical_q * rng.lognormal(0, 0.4))
        water_i = water_per_t * rng.lognormal(0, 0.2)
        trend = rng.normal(-0.03, 0.03)  # most factories use a little less water per tonne each year
        has_target = rng.random() < 0.35
        renew_share = rng.uniform(0.0, 0.06)
        share_3r = rng.uniform(0.3, 0.6)
        invest = base_q * rng.uniform(5, 40)
        energy_i = None  # GJ per unit of product: the establishment's own, drawn in its first year, then ±5 % a year
        for k, year in enumerate(YEARS):
            if not _active(e, year) or rng.random() < 0.04:
                continue
            q = base_q * rng.lognormal(0.01 * k, 0.06)
            wi = water_i * (1 + trend) ** k * rng.lognormal(0, 0.05)
            water = q * wi
            waste = q * rng.uniform(0.002, 0.02)
            share_3r_y = min(0.95, share_3r + 0.05 * k + rng.normal(0, 0.03))
            draw = rng.uniform(0.3, 3.5)  # one draw a year as before, so that every later random value stays as it was
            energy_i = draw if energy_i is None else energy_i
            energy = q * energy_i * (1 + (draw - 1.9) / 1.6 * 0.05)
            renew = min(0.6, renew_share + 0.018 * k + abs(rng.normal(0, 0.01)))
            invest_y = invest * (1 + 0.04 * k) * rng.lognormal(0, 0.15)
            row = {
                "factory_id": e["factory_id"],
                "year": year,
                "production_qty": round(q, 1),
                "production_unit": "t",
                "water_use_m3": round(water, 1),
                "wastewater_m3": round(water * rng.uniform(0.2, 0.7), 1),
                "waste_generated_t": round(waste, 2),
                "waste_3r_t": round(waste * max(0.0, share_3r_y), 2),
                "energy_total_gj": round(energy, 1),
                "energy_renewable_gj": round(energy * renew, 1),
                "ghg_tco2e": round(energy * 0.09 * (1 - renew), 1),
                "green_area_m2": round(rng.uniform(500, 20_000)),
                "investment_thb": round(invest_y, -3),
                "water_intensity_target": round(water_i * (1 + trend) ** k * 1.0, 4) if has_target else None,
                "wastewater_intensity_target": round(water_i * (1 + trend) ** k * 0.45, 4) if has_target else None,
            }
            if rng.random() < 0.06:
                row["waste_3r_t"] = None
            if rng.random() < 0.05:
                row["investment_thb"] = None
            rows.append(row)
    return pd.DataFrame(rows)


def certifications(rng: np.random.Generator, est: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, e in est[est["kind"] == "factory"].iterrows():
        start = max(2016, int(e["registered_year"]))
        # Green Industry climbs a level at a time; certificates last 3 years and are mostly renewed.
        if rng.random() < 0.55:
            year, level = int(rng.integers(start, 2024)), 1
            while year <= 2024 and level <= 5:
                issued = pd.Timestamp(year, int(rng.integers(1, 13)), int(rng.integers(1, 28)))
                expires = issued + pd.DateOffset(years=3) - pd.DateOffset(days=1)
                rows.append(
                    {
                        "factory_id": e["factory_id"],
                        "scheme": "GI",
                        "issued_on": issued.date(),
                        "level": level,
                        "expires_on": expires.date(),
                    }
                )
                year += int(rng.integers(1, 4))
                level += 1 if rng.random() < 0.6 else 0
                if rng.random() < 0.12:
                    break
        for scheme, p in (
            ("CSR_DIW", 0.08),
            ("CSR_BEGINNER", 0.06),
            ("ECO_FACTORY", 0.07),
            ("ISO14001", 0.18),
            ("TEA", 0.05),
            ("CFO", 0.06),
            ("CFR", 0.03),
        ):
            if rng.random() < p:
                issued = pd.Timestamp(int(rng.integers(max(2017, start), 2025)), int(rng.integers(1, 13)), 15)
                expires = None if scheme == "TEA" else (issued + pd.DateOffset(years=3)).date()
                rows.append(
                    {"factory_id": e["factory_id"], "scheme": scheme, "issued_on": issued.date(), "level": None, "expires_on": expires}
                )
    return pd.DataFrame(rows)


def practices(rng: np.random.Generator, est: pd.DataFrame) -> pd.DataFrame:
    rows = []
    factories = est[est["kind"] == "factory"]
    for practice, (r0, r1) in PRACTICE_RATES.items():
        for _, e in factories.iterrows():
            u = rng.random()
            # The first year in which the factory's draw falls under the year's adoption rate.
            adopted = next((y for k, y in enumerate(YEARS) if u < r0 + (r1 - r0) * k / (len(YEARS) - 1)), None)
            if adopted is None:
                continue
            for year in YEARS:
                if year == adopted - 1:
                    rows.append(
                        {"factory_id": e["factory_id"], "year": year, "practice": practice, "status": "planned", "evidence_ref": ""}
                    )
                elif year >= adopted:
                    rows.append(
                        {
                            "factory_id": e["factory_id"],
                            "year": year,
                            "practice": practice,
                            "status": "implemented",
                            "evidence_ref": f"ecoapp/{e['factory_id']}/{year}/{practice}",
                        }
                    )
    for i in range(1, 4):  # a few mines run community monitoring networks
        for year in YEARS[2:]:
            rows.append(
                {
                    "factory_id": f"DEMO-M{i:02d}",
                    "year": year,
                    "practice": "participatory_monitoring",
                    "status": "implemented",
                    "evidence_ref": f"EIA monitoring report {year + 543}",
                }
            )
    return pd.DataFrame(rows)


LIMITS = {"pH": (7.5, None), "BOD": (20, "mg/L"), "COD": (120, "mg/L"), "TSS": (50, "mg/L"), "TDS": (3000, "mg/L")}


def effluent_samples(rng: np.random.Generator, est: pd.DataFrame) -> pd.DataFrame:
    rows = []
    dischargers = est[(est["kind"] == "factory") & (est["industry"] != INDUSTRIES[0][0])]  # stone crushers discharge no effluent
    for _, e in dischargers.iterrows():
        if rng.random() < 0.35:
            continue
        care = rng.uniform(0.25, 0.6)  # how far below the limits this factory usually runs
        for year in YEARS:
            if not _active(e, year):
                continue
            for month in (3, 9):
                day = pd.Timestamp(year, month, int(rng.integers(1, 28))).date()
                for parameter, (limit, unit) in LIMITS.items():
                    if parameter == "pH":
                        value, unit = round(rng.normal(7.4, 0.5), 2), "pH"
                    else:
                        value = round(limit * care * rng.lognormal(0, 0.35), 2)
                    if rng.random() < 0.006:
                        value = round(limit * rng.uniform(1.1, 1.8), 2) if parameter != "pH" else 9.6
                    rows.append({"factory_id": e["factory_id"], "sampled_on": day, "parameter": parameter, "value": value, "unit": unit})
    return pd.DataFrame(rows)


# The demo's green areas per subdistrict: (category, name, m² in the first year), growing ~7 % a year.
GREEN_AREAS = {
    KHAO_WONG: [("community", "สวนสาธารณะชุมชนเขาวง (สาธิต)", 260_000), ("government", "โรงเรียนและวัดในตำบลเขาวง (สาธิต)", 180_000),
                ("factory", "พื้นที่สีเขียวในโรงงาน ต.เขาวง (สาธิต)", 900_000), ("community_forest", "ป่าชุมชนเขาวง (สาธิต)", 1_100_000),
                ("protection_strip", "แนวป้องกันริมถนนสายหลัก (สาธิต)", 120_000)],
    NA_PHRA_LAN: [("forest", "ป่าเขาหน้าพระลาน (สาธิต)", 3_200_000), ("factory", "พื้นที่สีเขียวในโรงงาน ต.หน้าพระลาน (สาธิต)", 1_500_000),
                  ("eco_buffer", "แนวกันชนรอบพื้นที่เหมือง (สาธิต)", 900_000), ("community", "สวนชุมชนหน้าพระลาน (สาธิต)", 150_000),
                  ("private_forest", "ป่าภาคเอกชน (สาธิต)", 400_000)],
}  # fmt: skip


def green_areas(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for code, items in GREEN_AREAS.items():
        for k, year in enumerate(YEARS):
            for category, name, m2 in items:
                rows.append(
                    {
                        "subdistrict_code": code,
                        "year": year,
                        "category": category,
                        "name": name,
                        "green_area_m2": round(m2 * (1 + 0.07 * k) * rng.uniform(0.97, 1.03)),
                    }
                )
    return pd.DataFrame(rows)


def surveys(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for k, year in enumerate(YEARS[2:]):
        for question, n, p_good in (("eco_town_awareness", 150, 0.48 + 0.06 * k), ("disclosure_satisfaction", 120, 0.52 + 0.05 * k)):
            survey_id = f"DEMO-S{year}-{'AW' if question == 'eco_town_awareness' else 'DS'}"
            for r in range(1, n + 1):
                good = rng.random() < p_good
                score = int(rng.choice([4, 5], p=[0.65, 0.35])) if good else int(rng.choice([1, 2, 3], p=[0.1, 0.3, 0.6]))
                kind = "community" if r <= int(n * 0.8) else str(rng.choice(["factory", "agency"]))
                code = NA_PHRA_LAN if rng.random() < 0.55 else KHAO_WONG
                rows.append(
                    {
                        "survey_id": survey_id,
                        "respondent_id": f"R{r:04d}",
                        "question": question,
                        "year": year + 543,
                        "subdistrict_code": code,
                        "respondent_type": kind,
                        "score": score,
                    }
                )
    return pd.DataFrame(rows)  # years written in BE on purpose: the loader converts them, as for a real survey


def infrastructure() -> pd.DataFrame:
    items = [
        ("INF-01", "ปรับปรุงถนนสายเขาวง-พระพุทธบาท พร้อมทางเท้าและไม้ยืนต้น (สาธิต)", "road", KHAO_WONG, 2020, "completed", "yes", 18_500_000),
        ("INF-02", "ไฟถนนพลังงานแสงอาทิตย์ ต.หน้าพระลาน (สาธิต)", "electricity", NA_PHRA_LAN, 2021, "completed", "yes", 6_200_000),
        ("INF-03", "ขยายเขตประปาหมู่บ้าน ต.เขาวง (สาธิต)", "water_supply", KHAO_WONG, 2021, "completed", "no", 9_800_000),
        ("INF-04", "ระบบบำบัดน้ำเสียชุมชนหน้าพระลาน (สาธิต)", "wastewater", NA_PHRA_LAN, 2022, "completed", "yes", 35_000_000),
        ("INF-05", "ศูนย์คัดแยกขยะชุมชน ต.เขาวง (สาธิต)", "solid_waste", KHAO_WONG, 2022, "completed", "yes", 4_500_000),
        ("INF-06", "ถนนเลี่ยงเมืองสำหรับรถบรรทุกหิน ลดฝุ่น (สาธิต)", "road", NA_PHRA_LAN, 2023, "completed", "yes", 42_000_000),
        ("INF-07", "ระบบพรมน้ำลดฝุ่นถนนสายหลัก (สาธิต)", "road", NA_PHRA_LAN, 2023, "completed", "yes", 3_100_000),
        ("INF-08", "ปรับปรุงระบบประปา ต.หน้าพระลาน (สาธิต)", "water_supply", NA_PHRA_LAN, 2024, "in_progress", "yes", 12_000_000),
        ("INF-09", "หลังคาโซลาร์อาคาร อบต.เขาวง (สาธิต)", "electricity", KHAO_WONG, 2024, "completed", "yes", 2_400_000),
        ("INF-10", "ธนาคารขยะชุมชน ต.หน้าพระลาน (สาธิต)", "solid_waste", NA_PHRA_LAN, 2024, "planned", "yes", 800_000),
        ("INF-11", "ซ่อมผิวถนนในหมู่บ้าน ต.เขาวง (สาธิต)", "road", KHAO_WONG, 2019, "completed", "no", 5_000_000),
    ]
    cols = ["project_id", "name", "system", "subdistrict_code", "year", "status", "eco_design", "budget_thb"]
    return pd.DataFrame(items, columns=cols)


def activities() -> pd.DataFrame:
    """The seed's plan for FY2565 and, as the province would write them, FY2566 and FY2567 (illustrative)."""
    from store.db import REFERENCE_DIR

    seed = pd.read_csv(REFERENCE_DIR / "activities.csv", dtype=str, keep_default_na=False)
    # FY2565 = Oct 2021 – Sep 2022; the plan's month marks were lost, so these dates are illustrative.
    # (planned_start, planned_end, status, done_on, participants) per fiscal year and activity
    plans = {
        2565: {
            "1.1": ("2021-11-01", "2021-11-30", "done", "2021-11-18", "25"),
            "1.2": ("2021-12-01", "2022-01-31", "done", "2022-01-20", "30"),
            "1.3": ("2022-04-01", "2022-05-31", "done", "2022-05-12", "24"),
            "1.4": ("2022-07-01", "2022-08-31", "done", "2022-08-25", "28"),
            "1.5": ("2022-02-01", "2022-03-31", "done", "2022-03-15", "112"),
            "1.6": ("2022-03-01", "2022-09-30", "in_progress", "", "86"),
        },
        2566: {
            "1.1": ("2022-11-01", "2022-11-30", "done", "2022-11-22", "27"),
            "1.2": ("2022-12-01", "2023-01-31", "done", "2023-01-26", "31"),
            "1.3": ("2023-04-01", "2023-05-31", "done", "2023-06-08", "22"),
            "1.4": ("2023-07-01", "2023-08-31", "done", "2023-08-30", "29"),
            "1.5": ("2023-02-01", "2023-03-31", "done", "2023-03-21", "96"),
            "1.6": ("2023-03-01", "2023-09-30", "done", "2023-09-15", "124"),
        },
        2567: {
            "1.1": ("2023-11-01", "2023-11-30", "done", "2023-11-20", "26"),
            "1.2": ("2023-12-01", "2024-01-31", "done", "2024-02-05", "29"),
            "1.3": ("2024-04-01", "2024-05-31", "in_progress", "", ""),
            "1.4": ("2024-07-01", "2024-08-31", "planned", "", ""),
            "1.5": ("2024-02-01", "2024-03-31", "cancelled", "", ""),
            "1.6": ("2024-03-01", "2024-09-30", "in_progress", "", "58"),
        },
    }
    frames = []
    for year, plan in plans.items():
        frame = seed.copy()
        frame.insert(0, "fiscal_year", year)
        frame[["planned_start", "planned_end", "status", "done_on", "participants"]] = [plan[a] for a in frame["activity_id"]]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def evidence(rng: np.random.Generator) -> pd.DataFrame:
    """The seed's checklist for FY2565, FY2566 and FY2567 (18.1.1 complete until FY2567's minutes)."""
    from store.db import REFERENCE_DIR

    seed = pd.read_csv(REFERENCE_DIR / "evidence.csv", dtype=str, keep_default_na=False)
    frames = []
    for year, p_ready in ((2565, 0.55), (2566, 0.7), (2567, 0.45)):
        frame = seed.copy()
        frame.insert(0, "fiscal_year", year)
        status = rng.choice(["ready", "in_progress", "missing"], size=len(frame), p=[p_ready, (1 - p_ready) * 0.55, (1 - p_ready) * 0.45])
        plan_items = frame["indicator_code"].to_numpy() == "18.1.1"
        status[plan_items] = "ready"
        if year == 2567:  # the new round's minutes are not in yet
            status[plan_items & (frame["item_no"].to_numpy() == "3")] = "in_progress"
        frame["status"] = status
        frame["reference"] = [
            f"แฟ้มหลักฐาน สอจ.สระบุรี (สาธิต) {year} {c}/{n}" if s == "ready" else ""
            for c, n, s in zip(frame["indicator_code"], frame["item_no"], status, strict=True)
        ]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def demo_tables() -> dict[str, pd.DataFrame]:
    """Every demo table, in load order (establishments first: the others refer to them)."""
    rng = np.random.default_rng(SEED)
    est = establishments(rng)
    return {
        "establishments": est,
        "annual_reports": annual_reports(rng, est),
        "certifications": certifications(rng, est),
        "practices": practices(rng, est),
        "effluent_samples": effluent_samples(rng, est),
        "green_areas": green_areas(rng),
        "surveys": surveys(rng),
        "infrastructure": infrastructure(),
        "activities": activities(),
        "evidence": evidence(rng),
    }


def town_demo_tables(con: DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The demo tables for the database's town: as generated for Saraburi, or moved onto another town."""
    import json

    from store.demo_town import Place, relocate

    with con.cursor() as cur:
        subs = cur.execute(
            "select s.subdistrict_code, s.name_th, s.name_en, s.district_th, s.district_en, b.geometry_geojson"
            " from subdistricts as s left join boundaries as b using (subdistrict_code) order by s.subdistrict_code"
        ).fetchall()
        province = cur.execute("select province_th, province_en from town").fetchall()
    if [s[0] for s in subs] == sorted((KHAO_WONG, NA_PHRA_LAN)):
        return demo_tables()
    places = [Place(c, th, en, dth, den, shapely.geometry.shape(json.loads(g)) if g else None) for c, th, en, dth, den, g in subs]
    return relocate(demo_tables(), places, province[0] if province else ("", ""))


class DemoRefused(Refusal):
    """The database holds real work that the demo data set would overwrite."""


def real_work(con: DuckDBPyConnection) -> tuple[int, int]:
    """(loaded batches that are not demo data, browser edits of the checklists) in the database."""
    with con.cursor() as cur:
        batches = cur.execute("select count(*) from batches where status = 'loaded' and not is_demo").fetchall()[0][0]
        edits = cur.execute("select count(*) from checklist_edits").fetchall()[0][0]
    return int(batches), int(edits)


def load_demo(con: DuckDBPyConnection, force: bool = False) -> list[LoadReport]:
    """Write each demo table as CSV and load it through the loader, as an analyst's file would be.

    Refused on a database with real batches or checklist edits (the demo would replace them), unless forced.
    """
    batches, edits = real_work(con)
    if (batches or edits) and not force:
        raise DemoRefused("demo_over_real_data", value=batches, limit=edits)
    reports = []
    for table, frame in town_demo_tables(con).items():
        data = frame.to_csv(index=False).encode("utf-8")
        report = load_bytes(con, table, data, f"demo/{table}.csv", loaded_by="demo", is_demo=True)
        if not report.ok:
            problems = "; ".join(p.text() for p in report.problems[:5])
            raise RuntimeError(f"demo table {table} did not load: {problems}")
        reports.append(report)
    return reports
