"""The reference time of a story: narratives date from their own last date, news from the anchor."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.times import tag_times
from muster.annotate.timex_narrative import is_narrative
from muster.annotate.timex_timex2 import load, parse, score

DATA = Path(__file__).resolve().parents[1] / "data" / "times"
ANCHOR = "2024-03-02"
HISTORY_DE = ("Der Grenzkrieg\n\nFeldzug 1912\n\nIm Januar 1912 sammelten sich die Truppen. Am 3. April "
              "überschritten Reiter den Fluss. Einen Tag später besetzten sie die Mühle, am selben Tag floh "
              "der Gesandte. Im Oktober fiel die Festung.\n\nFeldzug 1913\n\nIm Februar begann die Gegenoffensive.")


def _values(text: str, lang: str, anchor: str | None = ANCHOR) -> dict[str, str | None]:
    return {t.text: t.value for t in tag_times(text, anchor, lang)}


@pytest.mark.parametrize("lang,text,expected", [
    ("de", HISTORY_DE, {"1912": "1912", "1913": "1913", "Im Januar 1912": "1912-01", "Am 3. April": "1912-04-03", "Einen Tag später": "1912-04-04",
                        "am selben Tag": "1912-04-04", "Im Oktober": "1912-10", "Im Februar": "1913-02"}),
    ("en", "The War of the Passes\n\nAfter the crises of 1908 and 1910, in January 1912 the troops gathered. On April 3 "
           "horsemen crossed the river. Two days later they took the mill. Fighting went on through 1913. In October "
           "the fort fell. The following year a peace was signed.",
     {"1908": "1908", "1910": "1910", "in January 1912": "1912-01", "On April 3": "1912-04-03",
      "Two days later": "1912-04-05", "through 1913": "1913", "In October": "1913-10", "The following year": "1914"}),
])
def test_times_narrative_dates_take_the_story_year(lang: str, text: str, expected: dict[str, str]) -> None:
    assert _values(text, lang) == expected


def test_times_narrative_heading_years_open_a_section() -> None:
    text = ("Chronik\n\n1861\n\nIm Mai kam es zu Unruhen. Ein Zeuge lebte dort bis 1905. Am 1. November "
            "wurde er entlassen. Er hatte es schon 1859 und 1860 versucht.\n\n1862\n\nIm Januar wurde gewählt.")
    got = _values(text, "de")
    assert got["1861"] == "1861" and got["1862"] == "1862"
    assert got["Im Mai"] == "1861-05"
    assert got["Am 1. November"] == "1861-11-01"  # "bis 1905" looks ahead and does not move the story
    assert got["Im Januar"] == "1862-01"


@pytest.mark.parametrize("follow,value", [
    (" und bis Anfang Januar verlor die Armee den Süden.", "1920-01"),  # runs on within the paragraph
    ("\n\nAnfang Januar hatte niemand damit gerechnet.", "1919-01"),  # a new paragraph: the year of the story
    (" Anfang März verlor die Armee den Süden.", "1919-03"),  # too far ahead to cross the year
])
def test_times_narrative_runs_into_the_next_year_only_just_after_in_a_paragraph(follow: str, value: str) -> None:
    text = "Der Winterfeldzug\n\nIm Jahr 1919 und 1918 wurde gekämpft. Am 13. Dezember 1919 fiel Kiew," + follow
    assert [t.value for t in tag_times(text, "2011-02-16", "de")][-1] == value


def test_times_narrative_looks_back_and_present_do_not_move_the_story() -> None:
    text = ("Der Sommerkrieg 1941\n\nIm April 1941 begann der Angriff. Schon im letzten Jahr hatte man ihn geplant, "
            "und bis heute ist er umstritten. Im Juni folgte der zweite Stoß. Zwei Jahre zuvor war die Lage anders. "
            "Im Juli endete er. Die Kämpfe 1939 und 1940 waren kürzer.")
    got = _values(text, "de", "2011-02-16")
    assert got["im letzten Jahr"] == "1940"
    assert got["bis heute"] == "2011-02-16"
    assert (got["Im Juni"], got["Im Juli"]) == ("1941-06", "1941-07")


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Russland hat 2014 die Krim annektiert. Am 14. November griff die Armee Kiew an.",
     {"2014": "2014", "Am 14. November": "2023-11-14"}),
    ("de", "Im August 2008 kam es zum Krieg. Am 12. August wurde ein Waffenstillstand vereinbart.",
     {"Im August 2008": "2008-08", "Am 12. August": "2008-08-12"}),
    ("de", "Im August 2008 kam es zum Krieg.\nAm 12. August wurde ein Waffenstillstand vereinbart.",
     {"Im August 2008": "2008-08", "Am 12. August": "2023-08-12"}),
    ("de", "Im Jahr 2008 marschierte Russland am 8. August in Georgien ein.",
     {"Im Jahr 2008": "2008", "am 8. August": "2008-08-08"}),
    ("en", "In March 2019 the protests began. On Friday the president will resign on March 3.",
     {"In March 2019": "2019-03", "On Friday": "2023-11-24", "on March 3": "2024-03-03"}),
    ("en", "The court ruled on Monday. The next day, the minister resigned. Two days later he spoke.",
     {"on Monday": "2023-11-20", "The next day": "2023-11-21", "Two days later": "2023-11-23"}),
])
def test_times_news_dates_keep_the_anchor_and_tense_rules(lang: str, text: str, expected: dict[str, str]) -> None:
    """News: an old year two sentences back is background; a month of an old year in the same
    paragraph frames a background passage; "the next day" counts from the last date."""
    assert _values(text, lang, "2023-11-21") == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Der Krieg 1916\n\nIm Januar 1916 und 1917 stockte er. Zu Weihnachten ruhten die Waffen. Im März des "
           "folgenden Jahres kam die Wende, im Laufe des Jahres 1915 war es anders.",
     {"1916": "1916", "Im Januar 1916": "1916-01", "1917": "1917", "Zu Weihnachten": "1917-12-25",
      "Im März des folgenden Jahres": "1918-03"}),
    ("de", "Der Unabhängigkeitskrieg\n\nIm Jahr 1775 fielen Schüsse, 1776 folgte die Erklärung. Am 4. Juli "
           "wurde sie unterzeichnet, im Jahr 1777 siegten die Milizen.",
     {"Im Jahr 1775": "1775", "1776": "1776", "Am 4. Juli": "1776-07-04", "im Jahr 1777": "1777"}),
    ("en", "On Christmas Day the troops rested. Talks resumed after New Year's Day.",
     {"On Christmas Day": "2024-12-25", "after New Year's Day": "2025-01-01"}),
])
def test_times_holidays_early_years_and_months_of_the_next_year(lang: str, text: str,
                                                               expected: dict[str, str | None]) -> None:
    got = _values(text, lang, "2025-11-21")
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,text", [
    ("de", "Zwei Tage später trat der Minister zurück."),
    ("de", "Am selben Tag wurde gewählt."),
    ("en", "Two days later, the minister resigned."),
    ("en", "That same day, the vote took place."),
])
def test_times_anaphoric_expressions_need_a_date_before_them(lang: str, text: str) -> None:
    assert tag_times(text, "2025-11-21", lang) == []


@pytest.mark.parametrize("text,anchor,value", [
    ("Der Angriff ist am 1.9.39 um 4.45 Uhr zu führen.", "2025-11-21", "1939-09-01"),
    ("Der Vertrag endet am 1.9.30.", "2025-11-21", "2030-09-01"),
    ("Der Angriff ist am 1.9.39 zu führen.", "1939-08-31", "1939-09-01"),
    ("Der Befehl vom 14.2.13 galt weiter.", "2011-02-16", "2013-02-14"),
])
def test_times_two_digit_years_take_the_nearest_century_not_far_ahead(text: str, anchor: str, value: str) -> None:
    assert [t.value for t in tag_times(text, anchor, "de")][0] == value


def test_times_two_digit_year_in_a_narrative_takes_the_story_century() -> None:
    text = "Feldzug 1913\n\nIm Januar 1913 rückten sie vor. Ein Befehl vom 14.2.13 verlangte den Angriff. 1912 und 1911 war es ruhig."
    assert _values(text, "de", "2011-02-16")["vom 14.2.13"] == "1913-02-14"


@pytest.mark.parametrize("years,cues,anchor_year,expected", [
    ([1939, 1940, 1941, 1942], 1, 2011, True),
    ([1939, 1940], 0, 2011, False),  # too few years to tell
    ([2008, 2014, 2022, 2025], 2, 2025, False),  # news with background
    ([1988, 1991, 1994, 2020, 2023], 1, 2023, False),
])
def test_times_document_type_is_read_from_years_and_deictic_words(years: list[int], cues: int, anchor_year: int,
                                                                  expected: bool) -> None:
    from datetime import date

    assert is_narrative(years, cues, date(anchor_year, 6, 1)) is expected


def test_times_timex2_reader_keeps_offsets_and_calendar_dates_only() -> None:
    doc = parse('<DOC><DATETIME> <TIMEX2 val="2011-02-16T17:00">x</TIMEX2> </DATETIME><TEXT>\nAm <TIMEX2 val="1939-09-01">'
                '1. September <TIMEX2 val="1939">1939</TIMEX2></TIMEX2> um <TIMEX2 val="1939-09-01T04:45">4:45 Uhr</TIMEX2>, '
                '<TIMEX2 val="P3D">drei Tage</TIMEX2> lang, im <TIMEX2 val="19">20. Jahrhundert</TIMEX2>.</TEXT></DOC>')
    assert doc.anchor == "2011-02-16"
    assert doc.text.startswith("\nAm 1. September 1939 um 4:45 Uhr")
    assert [(g.text, g.value) for g in doc.gold] == [("1. September 1939", "1939-09-01"), ("1939", "1939")]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)


@pytest.mark.parametrize("doc_id,lang,floor", [
    ("narrative_de", "de", 0.95), ("narrative_en", "en", 0.95), ("narrative2_de", "de", 0.95), ("news_en", "en", 0.9),
    ("news_de", "de", 0.9),
])
def test_times_story_devset_meets_floor(doc_id: str, lang: str, floor: float) -> None:
    """Our own short stories (tests/data/times/*.key.xml, TIMEX2 inline; narrative2_de, news_en and
    news_de written before the tagger ran on them), scored by the WikiWarsDE rules. news_en misses one
    future-in-past date ("said it would meet ... on July 22")."""
    docs = [d for d in load(DATA) if d.id == doc_id]
    assert docs and len(docs[0].gold) >= 10
    figures = score(docs, lambda text, anchor: tag_times(text, anchor, lang)).as_dict()
    assert figures["found"] >= 0.95 and figures["value_exact"] >= floor, figures
