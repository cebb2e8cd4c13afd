"""News-writing time expressions: two-digit years, "dernier"/"prochain" dates, ranges valued at
each end, anaphora counted from the paragraph's last date, weekdays of a named week, the tense of
a date's own conjunct, "would", and the news blind set (tests/data/times/newsb8_*.key.xml)."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.times import tag_times
from muster.annotate.timex_timex2 import load, score

DATA = Path(__file__).resolve().parents[1] / "data" / "times"


def _values(text: str, anchor: str, lang: str) -> dict[str, str | None]:
    return {t.text: t.value for t in tag_times(text, anchor, lang)}


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("en", "2016-12-10", "Nothing like this has happened here since '94.", {"since '94": "1994"}),
    ("de", "2018-09-14", "Im Mai '89 fiel die Grenze.", {"Im Mai '89": "1989-05"}),
    ("it", "2019-08-21", "Un copione che ricorda il dicembre del '94.", {"dicembre del '94": "1994-12"}),
    ("ro", "2025-03-12", "Se tem de incidente ca mineriada din iunie '90.", {"din iunie '90": "1990-06"}),
    ("fr", "2023-09-25", "Les prix ont baissé en juin ’90.", {"en juin ’90": "1990-06"}),
    ("ru", "2022-01-14", "Это случилось в августе '91 года.", {"в августе '91 года": "1991-08"}),
    ("uk", "2015-02-19", "Це сталося в серпні '14.", {"в серпні '14": "2014-08"}),
])
def test_timex_apostrophe_two_digit_years_take_the_nearest_century(lang: str, anchor: str, text: str,
                                                                   expected: dict[str, str]) -> None:
    assert _values(text, anchor, lang) == expected


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("fr", "2023-09-25", "La junte a renversé le président le 26 juillet dernier.", {"le 26 juillet dernier": "2023-07-26"}),
    ("fr", "2023-09-25", "Le sommet se tient le 3 janvier prochain.", {"le 3 janvier prochain": "2024-01-03"}),
    ("de", "2018-09-14", "Für Sonntag haben Verbände zu einer Demo aufgerufen.", {"Für Sonntag": "2018-09-16"}),
    ("en", "2016-12-10", "The people spoke on the first of December.", {"on the first of December": "2016-12-01"}),
])
def test_timex_words_that_fix_the_direction_or_the_day(lang: str, anchor: str, text: str,
                                                       expected: dict[str, str]) -> None:
    assert _values(text, anchor, lang) == expected


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("it", "2019-08-21", "Il vertice è in programma da sabato 24 a lunedì 26 agosto.",
     {"da sabato 24": "2019-08-24", "26 agosto": "2019-08-26"}),
    ("fr", "2023-09-25", "Le festival se tiendra du samedi 24 au lundi 26 août.",
     {"du samedi 24": "2024-08-24", "26 août": "2024-08-26"}),
    ("ru", "2022-01-14", "Чрезвычайное положение ввели, оно действует с 5 по 19 января.",
     {"с 5": "2022-01-05", "19 января": "2022-01-19"}),
    ("ru", "2022-01-14", "Учения пройдут с 28 декабря по 3 января.", {"с 28 декабря": "2022-12-28", "3 января": "2023-01-03"}),
    ("ro", "2025-03-12", "În noaptea de 9 spre 10 martie, mii de oameni s-au adunat.", {"9": "2025-03-09", "10 martie": "2025-03-10"}),
    ("uk", "2015-02-19", "У січні та лютому кількість жертв зросла.", {"У січні": "2015-01", "лютому": "2015-02"}),
])
def test_timex_ranges_value_each_end_from_the_start(lang: str, anchor: str, text: str, expected: dict[str, str]) -> None:
    assert _values(text, anchor, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Im März vergangenen Jahres und am 3. März nächsten Jahres.",
     {"Im März vergangenen Jahres": "2024-03", "am 3. März nächsten Jahres": "2026-03-03"}),
    ("en", "In March last year and on March 3 next year.", {"In March last year": "2024-03", "on March 3 next year": "2026-03-03"}),
    ("fr", "En mars de l'année dernière et le 3 mars de l'an prochain.",
     {"En mars de l'année dernière": "2024-03", "le 3 mars de l'an prochain": "2026-03-03"}),
    ("it", "A marzo dello scorso anno e il 3 marzo dell'anno prossimo.",
     {"A marzo dello scorso anno": "2024-03", "il 3 marzo dell'anno prossimo": "2026-03-03"}),
    ("ro", "În martie anul trecut și pe 3 martie anul viitor.", {"În martie anul trecut": "2024-03", "pe 3 martie anul viitor": "2026-03-03"}),
    ("ru", "В марте прошлого года и 3 марта следующего года.", {"В марте прошлого года": "2024-03", "3 марта следующего года": "2026-03-03"}),
    ("uk", "У березні минулого року і 3 березня наступного року.",
     {"У березні минулого року": "2024-03", "3 березня наступного року": "2026-03-03"}),
])
def test_timex_month_of_a_relative_year(lang: str, text: str, expected: dict[str, str]) -> None:
    assert _values(text, "2025-11-21", lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "In der Nacht vom 9. auf den 10. März gab es Proteste.", {"vom 9.": "2025-03-09", "10. März": "2025-03-10"}),
    ("en", "In the night of 9 to 10 March there were protests.", {"9": "2025-03-09", "10 March": "2025-03-10"}),
    ("fr", "Dans la nuit du 9 au 10 mars, il y a eu des manifestations.", {"du 9": "2025-03-09", "10 mars": "2025-03-10"}),
    ("it", "Nella notte tra il 9 e il 10 marzo ci sono state proteste.", {"tra il 9": "2025-03-09", "10 marzo": "2025-03-10"}),
    ("ro", "În noaptea de 9 spre 10 martie au avut loc proteste.", {"9": "2025-03-09", "10 martie": "2025-03-10"}),
    ("ru", "В ночь с 9 на 10 марта прошли протесты.", {"с 9": "2025-03-09", "10 марта": "2025-03-10"}),
    ("uk", "У ніч з 9 на 10 березня відбулися протести.", {"з 9": "2025-03-09", "10 березня": "2025-03-10"}),
])
def test_timex_night_between_two_days_gives_each_day(lang: str, text: str, expected: dict[str, str]) -> None:
    assert _values(text, "2025-11-21", lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Die Firma wurde im März 2015 gegründet; im Oktober desselben Jahres ging sie an die Börse.",
     {"im Oktober desselben Jahres": "2015-10"}),
    ("de", "Aktivisten halten das Gelände seit April 2012 besetzt; im November desselben Jahres wurde geräumt, "
           "einen Monat später kamen sie zurück.", {"im November desselben Jahres": "2012-11", "einen Monat später": "2012-12"}),
    ("en", "The plant opened in March 2009. It closed in August of that year.", {"in August of that year": "2009-08"}),
    ("fr", "En mars 2015, l'usine a ouvert, et elle a fermé en octobre de la même année.",
     {"en octobre de la même année": "2015-10"}),
    ("it", "Il ponte fu inaugurato nel 2010 e chiuso a metà maggio dello stesso anno.",
     {"a metà maggio dello stesso anno": "2010-05"}),
    ("it", "Nel 1994 la Lega fece cadere il governo, lo stesso anno in cui era nato.", {"lo stesso anno": "1994"}),
    ("ro", "Fabrica a fost deschisă în martie 2015 și închisă în octombrie al aceluiași an.",
     {"în octombrie al aceluiași an": "2015-10"}),
    ("ru", "Завод открыли в марте 2015 года, а в октябре того же года закрыли.", {"в октябре того же года": "2015-10"}),
    ("uk", "Завод відкрили в березні 2015 року, а в жовтні того ж року закрили.", {"в жовтні того ж року": "2015-10"}),
    ("ru", "Санкции ввели 16 марта 2022 года. 21 апреля того же года список расширили.", {"21 апреля того же года": "2022-04-21"}),
    ("en", "It began on 3 March 2015 and ended on May 5 of that year.", {"on May 5 of that year": "2015-05-05"}),
    ("it", "L'accordo fu firmato a marzo 2019 e nell'ottobre successivo fu ratificato.", {"nell'ottobre successivo": "2019-10"}),
    ("fr", "En mars 2019 l'accord a été signé, et en octobre suivant il a été ratifié.", {"en octobre suivant": "2019-10"}),
])
def test_timex_same_year_counts_from_the_paragraphs_last_date(lang: str, text: str, expected: dict[str, str]) -> None:
    got = _values(text, "2025-11-21", lang)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("fr", "2023-09-25", "Le 25 août, les militaires avaient lancé un ultimatum. Six jours plus tard, la junte retirait son immunité.",
     {"Six jours plus tard": "2023-08-31"}),
    ("fr", "2023-09-25", "Le 25 août, ils sont arrivés. La veille, ils avaient quitté Paris.", {"La veille": "2023-08-24"}),
    ("fr", "2023-09-25", "En janvier 2023, la junte a exigé leur départ; ils ont quitté le pays le mois suivant.",
     {"le mois suivant": "2023-02"}),
    ("fr", "2023-09-25", "Ils ont quitté le pays le mois suivant.", {"le mois suivant": "2023-10"}),
    ("it", "2019-08-21", "Giovedì 8 agosto ha annunciato la rottura, e il giorno dopo ha depositato la mozione.",
     {"il giorno dopo": "2019-08-09"}),
    ("ro", "2025-03-12", "Pe 26 februarie a fost reținut, iar a doua zi a fost eliberat.", {"a doua zi": "2025-02-27"}),
    ("ro", "2025-03-12", "Pe 26 februarie a fost audiat. În aceeași zi a fost eliberat.", {"În aceeași zi": "2025-02-26"}),
    ("ru", "2022-01-14", "10 января прошел траур, а лидеры в тот же день провели саммит.", {"в тот же день": "2022-01-10"}),
    ("uk", "2015-02-19", "17 лютого ухвалили резолюцію, а наступного дня її оприлюднили.", {"наступного дня": "2015-02-18"}),
])
def test_timex_anaphora_count_from_the_paragraphs_last_date(lang: str, anchor: str, text: str,
                                                            expected: dict[str, str]) -> None:
    got = _values(text, anchor, lang)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("fr", "2023-09-25", "Lundi, la junte, qui avait pris le pouvoir le 26 juillet, a salué la décision. La veille, elle avait "
                         "fermé l'espace aérien.", {"Lundi": "2023-09-25", "le 26 juillet": "2023-07-26", "La veille": "2023-09-24"}),
    ("en", "2025-11-21", "On Monday the ministry, which had imposed the ban on 3 August, lifted it. The same day, exports resumed.",
     {"On Monday": "2025-11-17", "on 3 August": "2025-08-03", "The same day": "2025-11-17"}),
    ("de", "2025-11-21", "Am Montag hob das Ministerium, das die Sperre am 3. August verhängt hatte, sie wieder auf. Am selben Tag "
                         "liefen die Exporte an.", {"Am Montag": "2025-11-17", "am 3. August": "2025-08-03", "Am selben Tag": "2025-11-17"}),
    ("it", "2025-11-21", "Lunedì il ministero, che aveva imposto il divieto il 3 agosto, lo ha revocato. Lo stesso giorno sono "
                         "ripartite le esportazioni.", {"Lunedì": "2025-11-17", "il 3 agosto": "2025-08-03", "Lo stesso giorno": "2025-11-17"}),
    ("ru", "2025-11-21", "В понедельник министерство, которое ввело запрет 3 августа, отменило его. В тот же день экспорт возобновился.",
     {"В понедельник": "2025-11-17", "3 августа": "2025-08-03", "В тот же день": "2025-11-17"}),
])
def test_timex_dates_in_relative_clauses_are_background_in_news(lang: str, anchor: str, text: str,
                                                                expected: dict[str, str]) -> None:
    assert _values(text, anchor, lang) == expected


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("de", "2018-09-14", "Am Freitagmorgen räumte die Polizei. Bis zum Mittag waren elf Häuser leer.",
     {"Am Freitagmorgen": "2018-09-14", "Bis zum Mittag": "2018-09-14"}),
    ("it", "2019-08-21", "Stamattina ha parlato un senatore. Le direzioni si riuniranno in serata.",
     {"Stamattina": "2019-08-21", "in serata": "2019-08-21"}),
    ("en", "2016-12-10", "The talks began on Monday. Later in the evening, the envoy left.",
     {"on Monday": "2016-12-05", "Later in the evening": "2016-12-05"}),
    ("de", "2018-09-14", "Am Abend wurde in der Stadt Alarm ausgelöst.", {}),
    ("uk", "2025-11-21", "«Київстар» з ранку вівторка, 12 грудня, зазнав збою.", {"вівторка, 12 грудня": "2023-12-12"}),
    ("de", "2025-11-21", "Am 3. März 2015 begann es. Am Abend des 4. März endete es.", {"Am 3. März 2015": "2015-03-03", "4. März": "2015-03-04"}),
    ("uk", "2015-02-19", "Решта мала вийти до вечора.", {}),
])
def test_timex_time_of_day_takes_the_paragraphs_day_or_nothing(lang: str, anchor: str, text: str,
                                                              expected: dict[str, str]) -> None:
    assert _values(text, anchor, lang) == expected


@pytest.mark.parametrize("lang,anchor,text,value", [
    ("de", "2018-09-14", "Schon am Donnerstag vergangener Woche hatten sie gewarnt.", "2018-09-06"),
    ("en", "2016-12-10", "They met on Monday of last week.", "2016-11-28"),
    ("fr", "2023-09-25", "Il est venu le jeudi de la semaine dernière.", "2023-09-21"),
    ("it", "2019-08-21", "È arrivato giovedì della settimana scorsa.", "2019-08-15"),
    ("ro", "2025-03-12", "A venit joi săptămâna trecută.", "2025-03-06"),
    ("ru", "2022-01-14", "Он приехал в четверг прошлой недели.", "2022-01-06"),
    ("uk", "2015-02-19", "Він приїхав у четвер минулого тижня.", "2015-02-12"),
])
def test_timex_weekday_of_a_named_week(lang: str, anchor: str, text: str, value: str) -> None:
    assert list(_values(text, anchor, lang).values()) == [value]


@pytest.mark.parametrize("lang,anchor,text,expected", [
    ("de", "2018-09-14", "Die Kommission hatte sich am 26. Juni konstituiert und soll bis Jahresende berichten.",
     {"am 26. Juni": "2018-06-26"}),
    ("de", "2018-09-14", "Die Polizei kündigte an, den Einsatz am Samstag fortzusetzen.", {"am Samstag": "2018-09-15"}),
    ("ro", "2025-03-12", "Premierul a cerut marți calm și a anunțat că va convoca ședința joi.",
     {"marți": "2025-03-11", "joi": "2025-03-13"}),
    ("en", "2016-12-10", "The bloc said a delegation would fly to Banjul on Tuesday.", {"on Tuesday": "2016-12-13"}),
    ("en", "2016-12-10", "He said he would not accept the outcome of the Dec. 1 vote.", {"Dec. 1": "2016-12-01"}),
    ("en", "2016-12-10", "He said he intended to be sworn in when the mandate expires on January 19.",
     {"on January 19": "2017-01-19"}),
    ("it", "2019-08-21", "Il governo era nato il 1° giugno 2018, dopo le elezioni del 4 marzo.", {"del 4 marzo": "2018-03-04"}),
    ("ru", "2022-01-14", "Заседание запланировано на ноябрь.", {"на ноябрь": "2022-11"}),
    ("uk", "2015-02-19", "Голосування заплановано на листопад.", {"на листопад": "2015-11"}),
    ("ru", "2022-01-14", "Он ушел с поста 19 марта 2019 года, но сохранял пост председателя до 5 января.",
     {"до 5 января": "2022-01-05"}),
])
def test_timex_tense_of_the_dates_own_clause(lang: str, anchor: str, text: str, expected: dict[str, str]) -> None:
    got = _values(text, anchor, lang)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,anchor,text,value", [
    ("it", "2019-08-21", "A Ferragosto Salvini aveva aperto a un ripensamento.", "2019-08-15"),
    ("uk", "2015-02-19", "Переговори почалися минулої середи.", "2015-02-18"),
    ("uk", "2015-02-16", "Засідання триватиме до п'ятниці.", "2015-02-20"),
    ("ru", "2022-01-11", "Переговоры продлятся до пятницы.", "2022-01-14"),
    ("uk", "2025-11-21", "З 10:00 понеділка, 16 червня, Газпром запровадив передоплату.", "2025-06-16"),
])
def test_timex_holidays_and_inflected_weekdays(lang: str, anchor: str, text: str, value: str) -> None:
    assert list(_values(text, anchor, lang).values()) == [value]


@pytest.mark.parametrize("lang", ["de", "en", "fr", "it", "ro", "ru", "uk"])
def test_timex_news_blind_set_meets_floor(lang: str) -> None:
    """The news blind set (one article per language, written before the tagger ran on it), scored
    by the WikiWarsDE rules; 0.95 of its 181 dates were valued exactly when it became dev material."""
    docs = [d for d in load(DATA) if d.id == f"newsb8_{lang}"]
    assert docs and len(docs[0].gold) >= 20
    figures = score(docs, lambda text, anchor: tag_times(text, anchor, lang)).as_dict()
    assert figures["found"] >= 0.95 and figures["value_exact"] >= 0.85, figures
