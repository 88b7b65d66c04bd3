"""Deterministic SPEC §2 upload files at any scale: one UTF-8 CSV per table, loadable by `python -m store load`.

Usage: python -m bench.generate --establishments N [--years 2015-2024] --out DIR [--seed S]

Establishments are written in chunks, each drawn from its own seeded generator, so memory stays flat
whatever N is and the same arguments always give the same bytes. Evidence and activities are left out:
`store init` seeds the checklist and the action plan.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from store.tables import PRACTICES, TABLES

SEED = 2562  # BE 2562 = CE 2019, the year of the DIW criteria
CHUNK = 10_000  # establishments per chunk: bounds memory whatever N is
BE = 543
KHAO_WONG, NA_PHRA_LAN = "190906", "191306"
AREA_M2 = {KHAO_WONG: 27_992_873, NA_PHRA_LAN: 61_972_685}  # SPEC §2 defaults
# Rough bounding boxes of the two subdistricts (lat, lon): inside Thailand, near the right place.
BOXES = {KHAO_WONG: ((14.66, 14.70), (100.81, 100.85)), NA_PHRA_LAN: ((14.68, 14.74), (100.86, 100.95))}
TABLE_ORDER = (
    "establishments", "annual_reports", "certifications", "practices", "effluent_samples", "green_areas", "surveys", "infrastructure",
)  # fmt: skip
INDUSTRIES = [
    ("77", "Cement"),
    ("11", "Stone crushing"),
    ("77(2)", "Ready-mixed concrete"),
    ("16", "Animal feed"),
    ("38", "Paper packaging"),
]

# Probability that an establishment-year has each practice row; they add up to ~1.4 rows a year.
# A practice code added to the code list later gets a small rate of its own, so the generator never breaks on one.
KNOWN_RATES = {
    "eco_building": 0.03, "eco_product": 0.15, "green_purchasing": 0.08, "logistics": 0.17, "energy_efficiency": 0.24,
    "eco_process": 0.10, "raw_material_efficiency": 0.12, "eco_efficiency_analysis": 0.12, "mass_balance": 0.05,
    "symbiosis": 0.03, "ghg_reduction": 0.16, "waste_3r_plan": 0.08, "safety_env_disclosure": 0.05, "participatory_monitoring": 0.02,
}  # fmt: skip
PRACTICE_RATES = {name: KNOWN_RATES.get(name, 0.02) for name in PRACTICES}
# Effluent parameters: (unit, lower limit, upper limit, chance of a sample in a sampled establishment-year).
STANDARDS = {
    "pH": ("pH", 5.5, 9.0, 0.35), "BOD": ("mg/L", None, 20, 0.35), "COD": ("mg/L", None, 120, 0.30), "TSS": ("mg/L", None, 50, 0.25),
    "TDS": ("mg/L", None, 3000, 0.10), "oil_grease": ("mg/L", None, 5, 0.08), "TKN": ("mg/L", None, 100, 0.05),
    "sulfide": ("mg/L", None, 1.0, 0.01), "cyanide": ("mg/L", None, 0.2, 0.01), "zinc": ("mg/L", None, 5.0, 0.01),
    "cr6": ("mg/L", None, 0.25, 0.01), "arsenic": ("mg/L", None, 0.25, 0.01), "copper": ("mg/L", None, 2.0, 0.01),
    "mercury": ("mg/L", None, 0.005, 0.01), "cadmium": ("mg/L", None, 0.03, 0.01), "lead": ("mg/L", None, 0.2, 0.01),
    "nickel": ("mg/L", None, 1.0, 0.01), "manganese": ("mg/L", None, 5.0, 0.01),
}  # fmt: skip
# Other certificate schemes: chance that an establishment holds one (GI is drawn as a climb of levels).
SCHEMES = {"CSR_DIW": 0.08, "CSR_BEGINNER": 0.06, "ECO_FACTORY": 0.07, "ISO14001": 0.18, "TEA": 0.06, "CFO": 0.06, "CFR": 0.03}


def rng_for(seed: int, *stream: int) -> np.random.Generator:
    """An independent generator per (chunk, table): chunks can be drawn in any order with the same result."""
    return np.random.default_rng([seed, *stream])


def with_be(years: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    """Write a share of years in Buddhist Era, as Thai offices do, so that loads exercise the conversion."""
    return np.where(rng.random(len(years)) < share, years + BE, years)


def iso_dates(years: np.ndarray, day_of_year: np.ndarray, rng: np.random.Generator, be_share: float) -> pd.Series:
    """YYYY-MM-DD for a day of the year (0-based, clipped to the year's length); a share with a BE year."""
    starts = (years - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    days = starts + np.minimum(day_of_year, 364).astype("timedelta64[D]")
    text = pd.Series(np.datetime_as_string(days, unit="D"))
    shown = pd.Series(with_be(years, rng, be_share)).astype(str)
    return shown + text.str.slice(4)


def maybe(values: pd.Series | np.ndarray, rng: np.random.Generator, blank_share: float) -> pd.Series:
    """Blank out a share of cells (an empty CSV field is a null)."""
    s = pd.Series(values)
    return s.where(rng.random(len(s)) >= blank_share)


def establishments(first: int, n: int, years: range, rng: np.random.Generator) -> pd.DataFrame:
    idx = np.arange(first, first + n)
    ids = pd.Series(idx).map("G{:06d}".format)
    mine = rng.random(n) < 0.10
    code = np.where(rng.random(n) < 0.6, NA_PHRA_LAN, KHAO_WONG)
    industry = rng.integers(0, len(INDUSTRIES), n)
    lat = np.empty(n)
    lon = np.empty(n)
    for c, ((lat0, lat1), (lon0, lon1)) in BOXES.items():
        here = code == c
        lat[here] = rng.uniform(lat0, lat1, here.sum())
        lon[here] = rng.uniform(lon0, lon1, here.sum())
    # Most were registered before the first year; some during the period, so P grows; a few have no year.
    registered = np.where(rng.random(n) < 0.95, rng.integers(1980, years.start, n), rng.integers(years.start, years.stop, n))
    closed = np.where(rng.random(n) < 0.06, rng.integers(years.start, years.stop, n), 0)
    closed = np.where(closed > 0, np.maximum(closed, registered), 0)
    no_year = rng.random(n) < 0.04
    frame = pd.DataFrame(
        {
            "factory_id": ids,
            "name_th": maybe(pd.Series(idx).map("โรงงานทดสอบ {:d} (สังเคราะห์)".format), rng, 0.03),  # DIW withholds some names
            "name_en": pd.Series(idx).map("Synthetic works {:d}".format),
            "kind": np.where(mine, "mine", "factory"),
            "diw_type": np.where(mine, "", [INDUSTRIES[i][0] for i in industry]),
            "industry": np.where(mine, "Limestone quarrying", [INDUSTRIES[i][1] for i in industry]),
            "subdistrict_code": code,
            "lat": lat.round(6),
            "lon": lon.round(6),
            "in_industrial_zone": np.where(rng.random(n) < 0.15, "yes", "no"),
            "controlled_factory": maybe(np.where(rng.random(n) < 0.3, "yes", "no"), rng, 0.1),  # a null flag is "not controlled"
            "registered_year": pd.array(np.where(no_year, 0, with_be(registered, rng, 0.05)), dtype="Int64"),
            "closed_year": pd.array(closed, dtype="Int64"),
        }
    )
    frame.loc[no_year, "registered_year"] = pd.NA
    frame.loc[closed == 0, "closed_year"] = pd.NA
    return frame


def ce(years: pd.Series) -> np.ndarray:
    """Years as CE numbers (0 for empty) whatever era the file writes them in."""
    y = years.fillna(0).to_numpy(dtype=np.int64)
    return np.where(y >= 2400, y - BE, y)


def establishment_years(est: pd.DataFrame, years: range, before: int = 0, closing_year: bool = False) -> pd.DataFrame:
    """(row of est, year) pairs for the years an establishment operates; optionally also the year before registering
    and the closing year (it reports them, though it is not in P then)."""
    n, k = len(est), len(years)
    pos = np.repeat(np.arange(n), k)
    year = np.tile(np.arange(years.start, years.stop), n)
    reg = ce(est["registered_year"])[pos]
    closed = ce(est["closed_year"])[pos]
    live = ((reg == 0) | (year >= reg - before)) & ((closed == 0) | (year < closed) | (closing_year & (year == closed)))
    return pd.DataFrame({"pos": pos[live], "year": year[live]})


def annual_reports(est: pd.DataFrame, years: range, rng: np.random.Generator) -> pd.DataFrame:
    n = len(est)
    base_q = rng.lognormal(11, 1.2, n)  # tonnes a year
    water_i = rng.lognormal(-1, 0.8, n)  # m³ per tonne
    trend = rng.normal(-0.02, 0.04, n)  # most use a little less water per tonne each year
    has_target = rng.random(n) < 0.3
    renew = rng.uniform(0, 0.15, n)
    share_3r = rng.uniform(0.3, 0.8, n)
    invest = base_q * rng.uniform(5, 40, n)
    ey = establishment_years(est, years, before=1, closing_year=True)
    ey = ey[ey["year"] >= years.start]
    ey = ey[rng.random(len(ey)) >= 0.02].reset_index(drop=True)  # a few reports never arrive
    p, k = ey["pos"].to_numpy(), ey["year"].to_numpy() - years.start
    m = len(ey)
    q = base_q[p] * rng.lognormal(0.01 * k, 0.08)
    wi = water_i[p] * (1 + trend[p]) ** k * rng.lognormal(0, 0.08, m)
    waste = q * rng.uniform(0.002, 0.02, m)
    energy = q * rng.uniform(0.3, 3.5, m)
    qty = q.round(1) + 0.1  # > 0
    water = (q * wi).round(1)
    wastewater = (water * rng.uniform(0.2, 0.7, m)).round(1)
    planned = water_i[p] * (1 + trend[p]) ** k * rng.uniform(0.9, 1.1, m)
    water_target = np.where(has_target[p], planned.round(4), np.nan)
    wastewater_target = np.where(has_target[p], (planned * 0.45).round(4), np.nan)
    # Edge cases of 7.2.x's comparisons. Intensity exactly on target: an integer quantity times a dyadic
    # target is exact in binary, so amount / quantity == target and only "<=" counts it.
    exact = has_target[p] & (rng.random(m) < 0.05)
    dyadic = rng.choice([0.25, 0.5, 0.75, 1.0, 1.5], m)
    qty = np.where(exact, q.round() + 1, qty)
    water, water_target = np.where(exact, qty * dyadic, water), np.where(exact, dyadic, water_target)
    wastewater, wastewater_target = np.where(exact, qty * dyadic / 4, wastewater), np.where(exact, dyadic / 4, wastewater_target)
    # "Same as last year": a report that repeats the previous year's figures, so i(Y) == i(Y-1) and only "<" decides.
    follows = np.r_[False, (p[1:] == p[:-1]) & (k[1:] == k[:-1] + 1)]
    source = np.where(follows & (rng.random(m) < 0.04), np.arange(m) - 1, np.arange(m))
    while (source[source] != source).any():  # a copy of a copy: follow the chain to the first report
        source = source[source]
    qty, water, wastewater = qty[source], water[source], wastewater[source]
    return pd.DataFrame(
        {
            "factory_id": est["factory_id"].to_numpy()[p],
            "year": with_be(ey["year"].to_numpy(), rng, 0.05),
            "production_qty": maybe(qty, rng, 0.02),
            "production_unit": "t",
            "water_use_m3": maybe(water, rng, 0.02),
            "wastewater_m3": maybe(wastewater, rng, 0.02),
            "waste_generated_t": maybe(waste.round(2), rng, 0.02),
            # round() is monotonic, so a share of at most 95 % stays <= the rounded total
            "waste_3r_t": maybe((waste * np.minimum(0.95, share_3r[p] + 0.03 * k)).round(2), rng, 0.05),
            "energy_total_gj": maybe(energy.round(1), rng, 0.02),
            "energy_renewable_gj": maybe((energy * np.minimum(0.9, renew[p] + 0.01 * k)).round(1), rng, 0.05),
            "ghg_tco2e": (energy * 0.09).round(1),
            "green_area_m2": rng.uniform(500, 20_000, m).round(),
            "investment_thb": maybe((invest[p] * (1 + 0.03 * k) * rng.lognormal(0, 0.15, m)).round(-3), rng, 0.05),
            "water_intensity_target": water_target,
            "wastewater_intensity_target": wastewater_target,
        }
    )


def certifications(est: pd.DataFrame, years: range, rng: np.random.Generator) -> pd.DataFrame:
    n = len(est)
    parts = []
    # Green Industry: a climb of up to five certificates, one level up most times, each valid three years.
    steps = 5
    start = rng.integers(years.start - 4, years.stop, n)
    gap = rng.integers(1, 4, (n, steps))
    gap[:, 0] = 0
    year = start[:, None] + gap.cumsum(axis=1)
    climb = rng.random((n, steps)) < 0.6
    climb[:, 0] = False
    level = np.minimum(5, rng.integers(1, 3, (n, 1)) + climb.cumsum(axis=1))
    alive = (rng.random((n, 1)) < 0.45) & (rng.random((n, steps)) >= 0.15).cumprod(axis=1).astype(bool) & (year < years.stop)
    rows, cols = np.nonzero(alive)
    parts.append(pd.DataFrame({"pos": rows, "scheme": "GI", "year": year[rows, cols], "level": level[rows, cols]}))
    for scheme, share in SCHEMES.items():
        holders = np.nonzero(rng.random(n) < share)[0]
        first = rng.integers(years.start - 3, years.stop, len(holders))
        parts.append(pd.DataFrame({"pos": holders, "scheme": scheme, "year": first, "level": 0}))
        renewed = rng.random(len(holders)) < 0.4  # renewed when the first one expires: a second key
        parts.append(pd.DataFrame({"pos": holders[renewed], "scheme": scheme, "year": first[renewed] + 3, "level": 0}))
    c = pd.concat(parts, ignore_index=True)
    c = c[c["year"] < years.stop].reset_index(drop=True)
    m = len(c)
    issued_day = rng.integers(0, 365, m)
    # Valid three years less a day, so many expire early in a year (still valid that year, per SPEC).
    expiry_year = c["year"].to_numpy() + 3
    expiry_day = np.maximum(issued_day - 1, 0)
    no_expiry = (c["scheme"].to_numpy() == "TEA") | (rng.random(m) < 0.05)
    expires = iso_dates(expiry_year, expiry_day, rng, 0.05).where(~no_expiry)
    return pd.DataFrame(
        {
            "factory_id": est["factory_id"].to_numpy()[c["pos"].to_numpy()],
            "scheme": c["scheme"],
            "issued_on": iso_dates(c["year"].to_numpy(), issued_day, rng, 0.05),
            "level": pd.Series(c["level"], dtype="Int64").where(c["level"] > 0),  # a level only for GI
            "expires_on": expires,
        }
    )


def practices(est: pd.DataFrame, years: range, rng: np.random.Generator) -> pd.DataFrame:
    ey = establishment_years(est, years)
    k = (ey["year"].to_numpy() - years.start) / max(1, len(years) - 1)
    rates = np.tile(np.array(list(PRACTICE_RATES.values())), (len(ey), 1))
    # Mines often run the community monitoring networks of their EIA (15.1.1 counts mines; P does not).
    mine = est["kind"].to_numpy()[ey["pos"].to_numpy()] == "mine"
    rates[mine, PRACTICES.index("participatory_monitoring")] = 0.3
    # Adoption rises over the period (x0.6 in the first year to x1.4 in the last), so shares cross thresholds.
    has = rng.random(rates.shape) < rates * (0.6 + 0.8 * k)[:, None]
    rows, which = np.nonzero(has)
    m = len(rows)
    implemented = rng.random(m) < 0.8
    ids = est["factory_id"].to_numpy()[ey["pos"].to_numpy()[rows]]
    year = ey["year"].to_numpy()[rows]
    names = np.array(PRACTICES)[which]
    refs = pd.Series(ids).str.cat([pd.Series(year).astype(str), pd.Series(names)], sep="/")
    return pd.DataFrame(
        {
            "factory_id": ids,
            "year": with_be(year, rng, 0.05),
            "practice": names,
            "status": np.where(implemented, "implemented", "planned"),
            "evidence_ref": ("ecoapp/" + refs).where(implemented & (rng.random(m) < 0.5)),
        }
    )


def effluent_samples(est: pd.DataFrame, years: range, rng: np.random.Generator) -> pd.DataFrame:
    ey = establishment_years(est, years)
    ey = ey[rng.random(len(ey)) < 0.88].reset_index(drop=True)  # some establishments were not sampled that year
    names = list(STANDARDS)
    chance = np.array([s[3] for s in STANDARDS.values()])  # 1.59 a sampled year, ~1.4 an establishment-year
    has = rng.random((len(ey), len(names))) < chance[None, :]
    rows, which = np.nonzero(has)
    m = len(rows)
    # Two visits a year (first and second half); a parameter is drawn at most once a year, so keys never collide.
    visit = rng.integers(0, 2, m)
    day = np.where(visit == 0, 0, 182) + rng.integers(0, 182, (len(ey), 2))[rows, visit]
    care = rng.uniform(0.2, 0.6, len(est))[ey["pos"].to_numpy()[rows]]  # how far below the limit a works runs
    upper = np.array([s[2] for s in STANDARDS.values()], dtype=float)[which]
    is_ph = np.array(names)[which] == "pH"
    value = np.where(is_ph, rng.normal(7.3, 0.45, m).clip(6.0, 8.8), upper * care * rng.lognormal(0, 0.3, m))
    exceed = rng.random(m) < 0.003
    high = rng.random(m) < 0.5
    value = np.where(exceed & ~is_ph, upper * rng.uniform(1.1, 2.0, m), value)
    value = np.where(exceed & is_ph, np.where(high, rng.uniform(9.2, 10.5, m), rng.uniform(4.0, 5.3, m)), value)
    unit = np.array([s[0] for s in STANDARDS.values()])[which]
    unit = np.where((unit == "mg/L") & (rng.random(m) < 0.02), "MG/L", unit)  # units compare case-insensitively
    return pd.DataFrame(
        {
            "factory_id": est["factory_id"].to_numpy()[ey["pos"].to_numpy()[rows]],
            "sampled_on": iso_dates(ey["year"].to_numpy()[rows], day, rng, 0.05),
            "parameter": np.array(names)[which],
            "value": value.round(4),
            "unit": unit,
        }
    )


def green_areas(years: range, rng: np.random.Generator) -> pd.DataFrame:
    categories = TABLES["green_areas"].column("category").allowed or ()
    rows = []
    for k, year in enumerate(years):
        for code, area in AREA_M2.items():
            # No survey in the first year; Na Phra Lan's starts a year late: 1.2.1 must say "no data", not 0 %.
            if k == 0 or (k == 1 and code == NA_PHRA_LAN):
                continue
            share = rng.uniform(0.07, 0.10) + 0.004 * k  # crosses the 10 % threshold during the period
            weights = rng.dirichlet(np.ones(len(categories)))
            for category, w in zip(categories, weights, strict=True):
                names = int(rng.integers(1, 4))
                for j in range(names):
                    rows.append((code, year, category, f"{category} {code} แปลง {j + 1}", round(area * share * w / names)))
    return pd.DataFrame(rows, columns=["subdistrict_code", "year", "category", "name", "green_area_m2"])


def surveys(years: range, per_subdistrict: int, rng: np.random.Generator) -> pd.DataFrame:
    parts = []
    for k, year in enumerate(years):
        for code in AREA_M2:
            if k == 0 or (k == 1 and code == KHAO_WONG):  # some area-years have no survey: no data
                continue
            n = per_subdistrict
            kind = rng.choice(["community", "factory", "agency"], n, p=[0.75, 0.15, 0.10])
            for question, good in (("eco_town_awareness", 0.45 + 0.03 * k), ("disclosure_satisfaction", 0.5 + 0.025 * k), ("other", 0.5)):
                answered = np.ones(n, bool) if question != "other" else rng.random(n) < 0.2
                score = np.where(rng.random(n) < good, rng.integers(4, 6, n), rng.integers(1, 4, n))
                parts.append(
                    pd.DataFrame(
                        {
                            "survey_id": f"S{year}-{code}",
                            "respondent_id": pd.Series(np.arange(n)).map("R{:05d}".format),
                            "question": question,
                            "year": year + BE if year % 2 else year,  # odd years written in BE, as a Thai survey form would
                            "subdistrict_code": code,
                            "respondent_type": kind,
                            "score": score,
                        }
                    )[answered]
                )
    return pd.concat(parts, ignore_index=True)


def infrastructure(years: range, per_subdistrict: int, rng: np.random.Generator) -> pd.DataFrame:
    systems = TABLES["infrastructure"].column("system").allowed or ()
    rows = []
    for year in years:
        for code in AREA_M2:
            for j in range(int(rng.integers(1, per_subdistrict + 1))):
                status = str(rng.choice(["planned", "in_progress", "completed"], p=[0.2, 0.2, 0.6]))
                eco = str(rng.choice(["yes", "no", ""], p=[0.5, 0.3, 0.2]))  # empty = not eco-designed
                shown = year + BE if rng.random() < 0.1 else year
                rows.append(
                    (
                        f"INF-{year}-{code}-{j + 1:03d}",
                        f"โครงการ {j + 1} ปี {year + BE}",
                        str(rng.choice(systems)),
                        code,
                        shown,
                        status,
                        eco,
                        round(float(rng.lognormal(15, 1)), -3),
                    )
                )
    cols = ["project_id", "name", "system", "subdistrict_code", "year", "status", "eco_design", "budget_thb"]
    return pd.DataFrame(rows, columns=cols)


def chunks(n: int, years: range, seed: int) -> Iterator[dict[str, pd.DataFrame]]:
    """The per-establishment tables, CHUNK establishments at a time."""
    for c, first in enumerate(range(0, n, CHUNK)):
        est = establishments(first + 1, min(CHUNK, n - first), years, rng_for(seed, c, 0))
        yield {
            "establishments": est,
            "annual_reports": annual_reports(est, years, rng_for(seed, c, 1)),
            "certifications": certifications(est, years, rng_for(seed, c, 2)),
            "practices": practices(est, years, rng_for(seed, c, 3)),
            "effluent_samples": effluent_samples(est, years, rng_for(seed, c, 4)),
        }


def write(out: Path, table: str, frame: pd.DataFrame, first: bool) -> None:
    columns = TABLES[table].column_names
    assert sorted(frame.columns) == sorted(columns), (table, set(frame.columns) ^ set(columns))
    frame = frame[columns]
    frame.to_csv(out / f"{table}.csv", mode="w" if first else "a", header=first, index=False, encoding="utf-8", lineterminator="\n")


def generate(n: int, years: range, out: Path, seed: int = SEED) -> dict[str, int]:
    """Write the eight files into out; returns rows written per table."""
    out.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(TABLE_ORDER, 0)
    for c, tables in enumerate(chunks(n, years, seed)):
        for table, frame in tables.items():
            write(out, table, frame, first=c == 0)
            counts[table] += len(frame)
    town = {
        "green_areas": green_areas(years, rng_for(seed, 0, 5)),
        "surveys": surveys(years, max(40, n // 100), rng_for(seed, 0, 6)),
        "infrastructure": infrastructure(years, max(6, n // 5000), rng_for(seed, 0, 7)),
    }
    for table, frame in town.items():
        write(out, table, frame, first=True)
        counts[table] = len(frame)
    return counts


def year_range(text: str) -> range:
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--establishments", type=int, required=True)
    parser.add_argument("--years", default="2015-2024", help="CE years, FIRST-LAST")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = generate(args.establishments, year_range(args.years), args.out, args.seed)
    for table, rows in counts.items():
        size = (args.out / f"{table}.csv").stat().st_size / 2**20
        print(f"{table:<18} {rows:>10,} rows  {size:8.1f} MiB")
    print(f"{sum(counts.values()):,} rows in {time.perf_counter() - start:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
