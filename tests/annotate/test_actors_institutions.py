"""Actor tagger: security services, role + genitive country, bare institutions, office holders, ISO3 countries."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from muster.annotate.actors import tag_actors
from muster.data import path as data_path

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
ISO3 = re.compile(r"[A-Z]{3}\Z")


def _by_text(text: str, lang: str, date: str = "2025-03-01") -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.code, m.country) for m in tag_actors(text, lang, date)}


@pytest.mark.parametrize("lang,text,surface,code", [
    ("ru", "СБУ задержала агента в Харькове.", "СБУ", "UKRSPY"),
    ("uk", "СБУ затримала агента.", "СБУ", "UKRSPY"),
    ("uk", "Служба безпеки України повідомила про затримання.", "Служба безпеки України", "UKRSPY"),
    ("ru", "ФСБ сообщила о задержании.", "ФСБ", "RUSSPY"),
    ("de", "Der BND warnte vor Sabotage.", "BND", "DEUSPY"),
    ("en", "The FSB said it detained a suspect.", "FSB", "RUSSPY"),
    ("en", "The CIA declined to comment.", "CIA", "USASPY"),
    ("ro", "SRI a anunțat reținerea unui spion.", "SRI", "ROUSPY"),
])
def test_actors_security_services_are_organisations(lang: str, text: str, surface: str, code: str) -> None:
    assert _by_text(text, lang).get(surface, (None,))[0] == code


@pytest.mark.parametrize("lang,text,surface,code", [
    ("ru", "Вооруженные силы Украины атаковали позиции.", "Вооруженные силы Украины", "UKRMIL"),
    ("ru", "Министерство иностранных дел Украины выразило протест.", "Министерство иностранных дел Украины", "UKRGOV"),
    ("ru", "Посол Аргентины прибыл.", "Посол Аргентины", "ARGGOV"),
    ("uk", "Збройні сили України відбили атаку.", "Збройні сили України", "UKRMIL"),
    ("en", "The Armed Forces of Ukraine said they repelled an attack.", "Armed Forces of Ukraine", "UKRMIL"),
    ("de", "Die Streitkräfte der Ukraine meldeten Erfolge.", "Streitkräfte der Ukraine", "UKRMIL"),
    ("ro", "Forțele Armate ale Ucrainei au respins atacul.", "Forțele Armate ale Ucrainei", "UKRMIL"),
])
def test_actors_multiword_role_takes_the_genitive_country(lang: str, text: str, surface: str, code: str) -> None:
    assert _by_text(text, lang).get(surface, (None,))[0] == code


@pytest.mark.parametrize("lang,text,surface", [
    ("ro", "Ministerul Afacerilor Externe a transmis un mesaj Moscovei. Rusia nu a răspuns.", "Ministerul Afacerilor Externe"),
    ("ro", "Poliția a arestat doi protestatari după discursul Moscovei.", "Poliția"),
    ("ru", "Министерство заявило, что Россия готова. Россия ждет ответа.", "Министерство"),
    ("en", "Russia attacked again. Russia denied it. The military said air defence was active.", "military"),
    ("en", "Russia attacked again. Russia denied it. The military said air defence was active.", "air defence"),
    ("de", "Russland warnte. Russland drohte. Die Polizei nahm Demonstranten fest.", "Polizei"),
    ("de", "Russland warnte. Russland drohte. Die Polizei nahm Demonstranten fest.", "Demonstranten"),
    ("uk", "Росія погрожує. Росія атакує. Поліція затримала демонстрантів.", "Поліція"),
])
def test_actors_bare_institutions_have_no_country(lang: str, text: str, surface: str) -> None:
    code, country = _by_text(text, lang)[surface]
    assert country is None and code is not None and not ISO3.match(code[:3] if len(code) > 3 else "")


@pytest.mark.parametrize("lang,text,surface,code", [
    ("de", "Russland griff an. Verteidigungsminister Boris Pistorius besuchte Kiew.", "Verteidigungsminister Boris Pistorius", "DEUGOV"),
    ("en", "Russia attacked. Defence Secretary John Healey visited Kyiv.", "Defence Secretary John Healey", "GBRGOV"),
    ("ru", "Украина атакует. Министр обороны Андрей Белоусов посетил штаб.", "Министр обороны Андрей Белоусов", "RUSGOV"),
    ("uk", "Росія атакує. Міністр оборони Рустем Умєров прибув до Брюсселя.", "Міністр оборони Рустем Умєров", "UKRGOV"),
    ("ro", "Rusia atacă. Ministrul Apărării Angel Tîlvăr a vizitat baza.", "Ministrul Apărării Angel Tîlvăr", "ROUGOV"),
    ("de", "Die Ukraine meldet Angriffe. Innenministerin Nancy Faeser kündigte Kontrollen an.", "Innenministerin Nancy Faeser", "DEUGOV"),
])
def test_actors_role_and_listed_name_prefer_the_persons_country(lang: str, text: str, surface: str, code: str) -> None:
    assert _by_text(text, lang, "2024-09-01").get(surface, (None,))[0] == code


@pytest.mark.parametrize("lang,text,surface", [
    ("de", "Die Ukraine meldet Angriffe. Die Ukraine fordert Hilfe. Innenminister Max Beispielmann sprach.", "Innenminister Max Beispielmann"),
    ("en", "Ukraine reported attacks. Ukraine asked for help. Interior Minister Jan Example spoke.", "Interior Minister Jan Example"),
])
def test_actors_unknown_state_official_does_not_borrow_the_frame_country(lang: str, text: str, surface: str) -> None:
    assert _by_text(text, lang)[surface][1] is None


@pytest.mark.parametrize("lang,text,surface,code", [
    ("ru", "Пресс-секретарь президента Дмитрий Песков ответил.", "Пресс-секретарь президента Дмитрий Песков", "RUSGOV"),
    ("uk", "Речник президента Дмитро Пєсков заявив про це.", "Речник президента Дмитро Пєсков", "RUSGOV"),
    ("de", "Der ukrainische Geheimdienst SBU meldete Festnahmen.", "ukrainische Geheimdienst SBU", "UKRSPY"),
    ("en", "The Russian intelligence agency FSB claimed a plot.", "Russian intelligence agency FSB", "RUSSPY"),
    ("en", "Russia's new ambassador presented his credentials.", "Russia's new ambassador", "RUSGOV"),
    ("ru", "Директор ФСБ Александр Бортников выступил.", "Директор ФСБ Александр Бортников", "RUSSPY"),
    ("uk", "Головнокомандувач ЗСУ Олександр Сирський доповів.", "Головнокомандувач ЗСУ Олександр Сирський", "UKRMIL"),
    ("ru", "ВСУ отступили.", "ВСУ", "UKRMIL"),
    ("ru", "Госдума приняла закон.", "Госдума", "RUSLEG"),
    ("uk", "Верховна Рада ухвалила закон.", "Верховна Рада", "UKRLEG"),
    ("de", "Der Bundestag stimmte zu.", "Bundestag", "DEULEG"),
    ("ro", "Ministerul Apărării Naționale a anunțat exerciții.", "Ministerul Apărării Naționale", "ROUMIL"),
])
def test_actors_chains_of_roles_and_national_bodies(lang: str, text: str, surface: str, code: str) -> None:
    assert _by_text(text, lang, "2025-03-01").get(surface, (None,))[0] == code


@pytest.mark.parametrize("lang,text,word", [
    ("en", "Britain pledged more air defence systems.", "air defence"),
    ("en", "A police car was set on fire.", "police"),
])
def test_actors_role_word_before_a_thing_is_no_actor(lang: str, text: str, word: str) -> None:
    assert word not in _by_text(text, lang)


@pytest.mark.parametrize("lang,text,surface,sector", [
    ("de", "Der Geheimdienst warnte.", "Geheimdienst", "SPY"),
    ("en", "Western intelligence agencies disagreed.", "intelligence agencies", "SPY"),
    ("ru", "Спецслужбы задержали подозреваемого.", "Спецслужбы", "SPY"),
    ("uk", "Студенти вийшли на протест.", "Студенти", "CVL"),
])
def test_actors_sector_of_bare_roles(lang: str, text: str, surface: str, sector: str) -> None:
    ms = {m.text: m for m in tag_actors(text, lang, "2025-03-01")}
    assert ms[surface].sector == sector and ms[surface].country is None


def _texts() -> list[tuple[str, str, str | None]]:
    rows: list[tuple[str, str, str | None]] = []
    for p in sorted(DATA.glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.append((r["lang"], r["text"], r.get("date")))
    for p in sorted(data_path("sample").iterdir()):
        if p.suffix == ".jsonl":
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    if r.get("lang") and r.get("text"):
                        rows.append((r["lang"], r["text"], r.get("date")))
            continue
        m = re.search(r"\.(\w\w)\.(txt|html)\Z", p.name)
        if m and m.group(1) in ("de", "en", "ru", "uk", "ro", "fr"):
            raw = p.read_text(encoding="utf-8")
            rows.append((m.group(1), re.sub(r"<[^>]+>", " ", raw), None))
    return rows


def test_actors_country_is_always_iso3_or_none(seed_path: Path) -> None:
    rows = _texts() + [("de", seed_path.read_text(encoding="utf-8"), "2025-11-21")]
    assert len(rows) > 100
    bad = [(lang, m.text, m.country) for lang, text, date in rows for m in tag_actors(text, lang, date)
           if m.country is not None and not (ISO3.match(m.country) and m.country not in _SECTORS)]
    assert not bad, bad[:10]


_SECTORS = frozenset("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL IGO NGO ELI LEG LAB REF".split())
