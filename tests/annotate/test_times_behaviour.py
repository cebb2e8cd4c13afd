"""Behaviours of the temporal tagger: tense and anchor, conventions, errors, language data."""
from __future__ import annotations

import pytest

from muster.annotate.times import TimeTagger, tag_times
from muster.errors import MusterError
from muster.lang import SUPPORTED, load_yaml
from muster.model import Document


def _one(text: str, anchor: str | None, lang: str):
    found = tag_times(text, anchor, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("lang,anchor,sentence,value", [
    ("de", "2025-11-21", "Die Polizei hatte am 14. November den Platz geräumt.", "2025-11-14"),
    ("de", "2025-11-03", "Die Polizei hatte am 14. November den Platz geräumt.", "2024-11-14"),
    ("de", "2025-11-03", "Das Parlament wird am 14. November abstimmen.", "2025-11-14"),
    ("de", "2025-11-21", "Das Parlament wird am 14. November abstimmen.", "2026-11-14"),
    ("en", "2025-01-10", "The court ruled in December.", "2024-12"),
    ("en", "2025-01-10", "The court will rule in December.", "2025-12"),
    ("ru", "2025-11-21", "В августе беспилотники атаковали порт.", "2025-08"),
    ("uk", "2025-02-01", "У грудні було заарештовано журналіста.", "2024-12"),
    ("ro", "2025-02-01", "În decembrie au fost arestați doi jurnaliști.", "2024-12"),
    ("fr", "2025-02-01", "La réunion aura lieu en décembre.", "2025-12"),
])
def test_times_partial_dates_follow_tense_and_anchor(lang: str, anchor: str, sentence: str, value: str) -> None:
    assert _one(sentence, anchor, lang).value == value


@pytest.mark.parametrize("lang,text,value", [
    ("en", "Signed on 03/10/2022.", "2022-03-10"),
    ("en-GB", "Signed on 03/10/2022.", "2022-10-03"),
    ("en", "Signed on 25/10/2022.", "2022-10-25"),
    ("de", "Unterzeichnet am 03.10.2022.", "2022-10-03"),
    ("fr", "Signé le 03/10/2022.", "2022-10-03"),
    ("ru", "Подписано 2022-10-03.", "2022-10-03"),
])
def test_times_numeric_dates_follow_the_documented_order(lang: str, text: str, value: str) -> None:
    assert _one(text, "2025-11-21", lang).value == value


@pytest.mark.parametrize("lang,text,value,start,end,relation", [
    ("de", "Anfang 2024 begannen Proteste.", "2024", "2024-01-01", "2024-04-30", ""),
    ("de", "Seit 2022 herrscht Krieg.", "2022", "2022-01-01", "2025-11-21", "since"),
    ("en", "The deal holds until 2030.", "2030", None, "2030-12-31", "until"),
    ("de", "Der Vormarsch dauerte bis Juni 1940.", "1940-06", None, "1940-06-30", "until"),
    ("en", "In the 1990s the region was at war.", None, "1990-01-01", "1999-12-31", ""),
])
def test_times_ranges_have_bounds_and_the_named_dates_value(lang: str, text: str, value: str | None,
                                                            start: str | None, end: str, relation: str) -> None:
    """A part or a bound of one date keeps that date's value (TIMEX mod/relation); a span between
    two dates and a decade have none."""
    t = _one(text, "2025-11-21", lang)
    assert (t.value, t.granularity, t.start_date, t.end_date, t.relation) == (value, "range", start, end, relation)


@pytest.mark.parametrize("lang,text", [
    ("en", "May I say that Theresa May paid $2,024 for 1,500 shares?"),
    ("de", "Er zahlte 2000 Euro, 15 Prozent mehr als im Vorjahr, um 14.30 Uhr."),
    ("fr", "La sonde a atterri sur Mars avec 2022 capteurs."),
    ("ro", "În mai multe orașe au fost 2023 de proteste."),
    ("ru", "Он заплатил 2022 рубля и 15 процентов налога."),
])
def test_times_numbers_and_homonyms_are_not_dates(lang: str, text: str) -> None:
    assert tag_times(text, "2025-11-21", lang) == []


def test_times_without_anchor_keeps_absolute_dates_only() -> None:
    found = {t.text: t.value for t in tag_times("Am 10. März 2022 und am 14. November geschah es.", None, "de")}
    assert found == {"Am 10. März 2022": "2022-03-10", "am 14. November": None}


def test_times_vague_relation_has_no_date() -> None:
    t = _one("Der Angriff erfolgte kurz nachdem die Delegation abgereist war.", "2025-11-21", "de")
    assert (t.relation, t.value, t.start_date, t.end_date) == ("after", None, None, None)


@pytest.mark.parametrize("anchor,code", [("2025-13-45", "E013"), ("gestern", "E013")])
def test_times_invalid_anchor_raises(anchor: str, code: str) -> None:
    with pytest.raises(MusterError) as err:
        tag_times("Am 1. Mai.", anchor, "de")
    assert code in str(err.value) or getattr(err.value, "code", None) == code


def test_times_unsupported_language_raises() -> None:
    with pytest.raises(MusterError):
        tag_times("Hoy es lunes.", "2025-11-21", "es")


def test_times_component_tolerates_bad_publication_date() -> None:
    doc = Document(raw="Am 10. März 2022 und gestern.", published="unbekannt", language="de")
    doc = TimeTagger("de")(doc)
    assert [t.value for t in doc.times] == ["2022-03-10", None]
    assert doc.warnings


@pytest.mark.parametrize("lang", SUPPORTED)
def test_times_language_data_has_the_common_keys(lang: str) -> None:
    data = load_yaml(lang, "times.yaml")
    for key in ("months", "weekdays", "units", "rel", "deictic", "mods", "relations", "vague", "tense",
                "templates", "seasons"):
        assert data.get(key), f"{lang}: {key}"
    assert sorted(data["months"]) == list(range(1, 13))
    assert sorted(data["weekdays"]) == list(range(1, 8))


@pytest.mark.parametrize("lang,text,parts,start,end", [
    ("ru", "С марта по май 2023 года шло строительство.", [("С марта", "2023-03"), ("май 2023 года", "2023-05")],
     "2023-03-01", "2023-05-31"),
    ("en", "In 2019-20, the economy shrank.", [("In 2019", "2019"), ("20", "2020")], "2019-01-01", "2020-12-31"),
    ("de", "Im Westen (Mai/Juni 1940) fiel Frankreich.", [("Mai", "1940-05"), ("Juni 1940", "1940-06")],
     "1940-05-01", "1940-06-30"),
    ("de", "Am 27./28. September 1939 kapitulierte die Stadt.", [("Am 27.", "1939-09-27"), ("28. September 1939", "1939-09-28")],
     "1939-09-27", "1939-09-28"),
    ("de", "Die Kämpfe dauerten von 1939 bis 1945.", [("von 1939", "1939"), ("1945", "1945")], "1939-01-01", "1945-12-31"),
])
def test_times_span_between_two_dates_gives_each_date_its_value(lang: str, text: str, parts: list[tuple[str, str]],
                                                                 start: str, end: str) -> None:
    """TIMEX annotates both dates of "Mai/Juni 1940"; each part carries the whole span as bounds."""
    found = tag_times(text, "2025-11-21", lang)
    assert [(t.text, t.value) for t in found] == parts
    assert all((t.granularity, t.start_date, t.end_date) == ("range", start, end) for t in found)


@pytest.mark.parametrize("lang,text,value,start,end", [
    ("de", "Im Sommer 2023 wurden die Lieferungen eingestellt.", None, "2023-06-01", "2023-08-31"),
    ("en", "Last weekend, clashes broke out.", None, "2025-11-15", "2025-11-16"),
    ("ru", "Весной мост должен быть вновь открыт.", None, "2026-03-01", "2026-05-31"),
    ("fr", "Mi-août, les frontières ont été fermées.", "2025-08", "2025-08-11", "2025-08-20"),
    ("de", "Seit Mitte der 1990er Jahre ist die Grenze umstritten.", None, "1993-01-01", "2025-11-21"),
])
def test_times_seasons_weekends_and_parts_are_ranges(lang: str, text: str, value: str | None, start: str,
                                                     end: str) -> None:
    t = _one(text, "2025-11-21", lang)
    assert (t.value, t.granularity, t.start_date, t.end_date) == (value, "range", start, end)


@pytest.mark.parametrize("lang,text", [
    ("de", "Am 31. Februar 2022 und am 2022-02-30 geschah nichts."),
    ("de", "Am 29. Februar 2023 geschah nichts."),
    ("ru", "Через два дня его освободили."),
    ("en", "Two days later he was released."),
])
def test_times_invalid_or_event_relative_expressions_are_dropped(lang: str, text: str) -> None:
    assert tag_times(text, "2025-11-21", lang) == []


@pytest.mark.parametrize("lang,text,value", [
    ("de", "Die Wahl findet am 14. Dezember statt, teilte die Kommission mit.", "2025-12-14"),
    ("fr", "Dans la nuit de samedi, des drones ont attaqué Kiev.", "2025-11-15"),
    ("en", "The UN said on Wednesday that aid would resume.", "2025-11-19"),
])
def test_times_reporting_verbs_do_not_set_the_event_tense(lang: str, text: str, value: str) -> None:
    assert _one(text, "2025-11-21", lang).value == value


def test_times_component_for_unsupported_language_warns_and_finds_nothing() -> None:
    doc = TimeTagger("es")(Document(raw="El 10 de marzo de 2022.", published="2025-11-21", language="es"))
    assert doc.times == [] and any("times" in w for w in doc.warnings)


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "Le lundi 3 mars, rien ne s'est passé.", "2025-03-03"),
    ("en", "On Tuesday, March 3, talks resume.", "2026-03-03"),
    ("de", "Am 14.11. wurde der Botschafter einbestellt.", "2025-11-14"),
    ("en", "Monday's attack killed 12 people.", "2025-11-17"),
])
def test_times_weekday_picks_the_matching_year_and_short_dates_resolve(lang: str, text: str, value: str) -> None:
    assert _one(text, "2025-11-21", lang).value == value
