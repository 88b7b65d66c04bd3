"""A town as configuration (data/towns/<town>.toml): names, province, subdistricts with their areas, the plan and
evidence templates it starts with. Subdistrict names and districts come from the geothai package (every one of
Thailand's ~7,400 subdistricts by its DOPA code); the file may spell a name its own way."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import geothai

from store.db import ROOT, WRITE_LOCK, scalar
from store.messages import Refusal
from store.text import Text

TOWNS_DIR = ROOT / "data" / "towns"
DEFAULT_TOWN = TOWNS_DIR / "saraburi.toml"
TEXT_FIELDS = ("name_th", "name_en", "area_th", "area_en", "office_th", "office_en")
# Upload tables whose rows name a subdistrict: a town cannot lose a subdistrict they still use.
SUBDISTRICT_TABLES = ("establishments", "green_areas", "surveys", "infrastructure")


class TownRefused(Refusal):
    """A town file that cannot be used, or a change that would orphan loaded rows."""


@dataclass(frozen=True)
class Subdistrict:
    code: str
    name_th: str
    name_en: str
    district_th: str
    district_en: str
    area_m2: float


@dataclass(frozen=True)
class Town:
    town_id: str
    name_th: str
    name_en: str
    area_th: str
    area_en: str
    office_th: str
    office_en: str
    province_th: str
    province_en: str
    subdistricts: tuple[Subdistrict, ...]
    plan: Path | None = None
    evidence: Path | None = None


def _subdistrict(entry: dict[str, object], where: str) -> Subdistrict:
    code = str(entry.get("code", "")).removeprefix("TH")
    found = geothai.address(code) if code.isdigit() and len(code) == 6 else None
    if found is None:
        raise TownRefused("town_unknown_subdistrict", value=code, detail=where)
    area = entry.get("area_m2")
    if not isinstance(area, int | float) or area <= 0:
        raise TownRefused("town_area_missing", value=code, detail=where)
    return Subdistrict(
        code,
        str(entry.get("name_th") or found.subdistrict.name_th),
        str(entry.get("name_en") or found.subdistrict.name_en),
        found.district.name_th,
        found.district.name_en,
        float(area),
    )


def read_town(path: Path) -> Town:
    """The town a file describes; TownRefused naming what is missing or unknown."""
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TownRefused("town_unreadable", value=path.name, detail=str(exc)) from exc
    missing = [f for f in TEXT_FIELDS if not isinstance(config.get(f), str) or not config[f].strip()]
    entries = config.get("subdistricts")
    if missing or not isinstance(entries, list) or not entries:
        raise TownRefused("town_fields_missing", value=path.name, detail=", ".join(missing or ["subdistricts"]))
    subdistricts = tuple(_subdistrict(e, path.name) for e in entries)
    if len({s.code for s in subdistricts}) != len(subdistricts):
        raise TownRefused("town_subdistrict_twice", value=path.name)
    province = geothai.province(subdistricts[0].code[:2])
    assert province is not None  # a known subdistrict has a province
    text = {f: str(config[f]).strip() for f in TEXT_FIELDS}
    return Town(
        path.stem,
        text["name_th"],
        text["name_en"],
        text["area_th"],
        text["area_en"],
        text["office_th"],
        text["office_en"],
        province.name_th,
        province.name_en,
        subdistricts,
        ROOT / str(config["plan"]) if config.get("plan") else None,
        ROOT / str(config["evidence"]) if config.get("evidence") else None,
    )


def set_town(con: duckdb.DuckDBPyConnection, town: Town, by: str) -> bool:
    """Make the database this town's: its names, and its subdistricts replacing any others. Refused when loaded
    rows name a subdistrict the town does not have. Returns False when the database already is this town's."""
    codes = [s.code for s in town.subdistricts]
    with WRITE_LOCK, con.cursor() as cur:
        current = scalar(cur, "select town_id from town")
        have = sorted(r[0] for r in cur.execute("select subdistrict_code from subdistricts").fetchall())
        if current == town.town_id and have == sorted(codes):
            return False
        for table in SUBDISTRICT_TABLES:
            used = cur.execute(
                "select distinct subdistrict_code from " + table + " where not list_contains($codes, subdistrict_code)", {"codes": codes}
            ).fetchall()
            if used:
                raise TownRefused("town_in_use", value=", ".join(sorted(r[0] for r in used)), detail=table)
        cur.execute("begin transaction")
        try:
            cur.execute("delete from boundaries where not list_contains($codes, subdistrict_code)", {"codes": codes})
            cur.execute("delete from subdistricts where not list_contains($codes, subdistrict_code)", {"codes": codes})
            cur.executemany(  # rows of other tables refer to a kept subdistrict: update it in place, never delete it
                "insert into subdistricts (subdistrict_code, name_th, name_en, district_th, district_en, area_m2)"
                " values ($1, $2, $3, $4, $5, $6) on conflict (subdistrict_code) do update set name_th = excluded.name_th,"
                " name_en = excluded.name_en, district_th = excluded.district_th, district_en = excluded.district_en,"
                " area_m2 = excluded.area_m2",
                [(s.code, s.name_th, s.name_en, s.district_th, s.district_en, s.area_m2) for s in town.subdistricts],
            )
            cur.execute("delete from town")
            cur.execute(
                "insert into town (town_id, name_th, name_en, area_th, area_en, office_th, office_en, province_th, province_en, set_by)"
                " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                [
                    town.town_id,
                    town.name_th,
                    town.name_en,
                    town.area_th,
                    town.area_en,
                    town.office_th,
                    town.office_en,
                    town.province_th,
                    town.province_en,
                    by,
                ],
            )
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
    return True


def town_names(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The stored town's names (name_th, name_en, area_th, area_en, office_th, office_en, province_th, province_en)."""
    cur.execute("select name_th, name_en, area_th, area_en, office_th, office_en, province_th, province_en from town")
    row = cur.fetchone()
    keys = ("name_th", "name_en", "area_th", "area_en", "office_th", "office_en", "province_th", "province_en")
    return dict(zip(keys, row, strict=True)) if row else {}


def subdistrict_names(cur: duckdb.DuckDBPyConnection) -> dict[str, Text]:
    """Each subdistrict code's name in Thai and English."""
    return {r[0]: Text(r[1], r[2]) for r in cur.execute("select subdistrict_code, name_th, name_en from subdistricts").fetchall()}


def ensure_town(con: duckdb.DuckDBPyConnection, path: Path | None, by: str = "store init") -> tuple[Town | None, int]:
    """At `store init`: set the town of the file given, or the default town on a database that has none yet.
    Returns the town whose plan and evidence templates to seed (None when its file is not at hand) and how
    many subdistrict rows were set (0 when the database already was that town's)."""
    with con.cursor() as cur:
        current = scalar(cur, "select town_id from town")
    if path is None and current is not None:
        own = TOWNS_DIR / f"{current}.toml"
        return (read_town(own) if own.is_file() else None), 0
    town = read_town(path or DEFAULT_TOWN)
    return town, len(town.subdistricts) if set_town(con, town, by) else 0
