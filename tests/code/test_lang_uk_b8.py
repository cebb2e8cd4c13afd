"""Ukrainian coder rules added after blind batch 8 (real pipeline): strikes, threats, support, sanctions, moves."""
from __future__ import annotations

import pytest

from coded import assert_coded, facts as _facts, party


def facts(text: str, published: str = "2024-02-12") -> list[dict]:
    return _facts(text, "uk", published)


@pytest.mark.parametrize("text,etype,rule,actor,recipient", [
    # crowds dispersed, gatherings, strikes and storming
    ("У суботу поліція розігнала зібраних біля мерії сльозогінним газом.", "COERCE", "cov.175", None, None),
    ("У суботу на площі зібралися кілька тисяч людей.", "PROTEST", "protest.gather", None, None),
    ("У вівторок силовики штурмували будівлю парламенту.", "ASSAULT", "assault.storm", None, None),
    ("У середу журналіста було розстріляно невідомими.", "ASSAULT", "assault.shoot-passive", None, None),
    ("Уночі російські літаки скинули авіабомби на Харків.", "ASSAULT", "assault.drop-bombs", "RUS", "UKR"),
    ("У неділю армія Азербайджану уразила позиції противника біля кордону.", "ASSAULT", "assault.strike-targets",
     "AZE", None),
    ("У понеділок українські війська перейшли в контрнаступ під Херсоном.", "ASSAULT", "assault.go-offensive",
     "UKR", None),
    # appeals, insisting, applications
    ("Україна наполягала, щоб Росія вивела війська.", "REQUEST", "request.insist", "UKR", None),
    ("У п'ятницю Грузія подала заявку на вступ до Євросоюзу.", "REQUEST", "request.apply-membership", "GEO", "EU"),
    # threats: a reply in a manner, consequences, sanctions weighed
    ("Токіо відповість жорстко й негайно, заявив міністр.", "THREATEN", "threaten.respond-manner", "JPN", None),
    ("Таке рішення матиме серйозні наслідки для Грузії, заявив у середу Лавров.", "THREATEN",
     "threaten.consequences", None, "GEO"),
    ("У вівторок Євросоюз розглядає нові санкції проти Білорусі.", "THREATEN", "threaten.consider-sanctions",
     "EU", "BLR"),
    # support: siding, solidarity statements, agreements signed object-first
    ("У середу Лондон заявив, що стоїть на боці Естонії.", "SUPPORT", "support.side", "GBR", "EST"),
    ("У середу Рада ЄС виступила із заявою про солідарність з Литвою.", "SUPPORT", "support.solidarity.noun",
     "EU", None),
    ("Угоду про кордон у середу підписали прем'єр-міністри Вірменії та Азербайджану.", "SUPPORT",
     "support.sign.object-first", None, None),
    # sanctions agreed, restrictions, decrees, agreements torn up, discounts, supplies cut, accreditation
    ("У п'ятницю Євросоюз погодив нові санкції проти Білорусі.", "SANCTION", "sanction.impose.agree", "EU", "BLR"),
    ("У середу Японія запровадила обмеження щодо російських банків.", "SANCTION", "sanction.impose.agree",
     "JPN", "RUS"),
    ("У суботу президент України підписав указ про заходи проти Ірану.", "SANCTION", "sanction.decree",
     "UKR", "IRN"),
    ("У четвер Молдова розірвала угоду про співпрацю з Росією.", "SANCTION", "sanction.break-agreement",
     "MDA", None),
    ("У квітні Росія скасувала знижку на газ для Білорусі.", "SANCTION", "sanction.cancel-discount", "RUS", "BLR"),
    ("У середу Литва перекрила транзит газу до Калінінграда.", "SANCTION", "sanction.cut-supply", "LTU", None),
    ("У середу Кишинів позбавив акредитації двох дипломатів Росії.",
     "SANCTION", "sanction.accreditation", "MDA", "RUS"),
    ("У п'ятницю глава МЗС Польщі скасував візит до Будапешта.", "REJECT", "reject.cancel-visit", "POL", "HUN"),
    # airspace, rescue teams, captives, seizures, pullbacks
    ("У середу російський винищувач порушив повітряний простір Литви.", "MOBILIZE", "mobilize.airspace",
     "RUS", "LTU"),
    ("Литва повідомила про порушення повітряного простору російським гелікоптером.", "MOBILIZE",
     "mobilize.airspace.noun", "RUS", "LTU"),
    ("У середу Іспанія оголосила про відправлення рятувальників до Туреччини.", "AID", "aid.send.noun",
     "ESP", "TUR"),
    ("У лютому двоє українських військових потрапили в полон.", "COERCE", "coerce.captured", None, None),
    ("Місто було захоплене у перший день війни.", "COERCE", "coerce.seized-passive", None, None),
    ("У суботу полонених моряків повернули додому після обміну.", "RETREAT", "retreat.return-home", None, None),
    ("У п'ятницю Франція вивела свій контингент з Малі.", "RETREAT", "retreat.withdraw-garrison", "FRA", None),
    # talks, receptions, labels
    ("У понеділок у Женеві відбулися консультації Росії та США.", "CONSULT", "consult.meet.consultations",
     None, None),
    ("У середу президент Франції приймав у Єлисейському палаці президента Вірменії.", "CONSULT",
     "consult.receive", "FRA", "ARM"),
    ("Президент Грузії назвав рішення парламенту помилкою.", "ACCUSE", "accuse.label", "GEO", None),
    ("Президент Вірменії назвав атаку ударом у спину.", "ACCUSE", "accuse.label", "ARM", None),
    # naming who is behind an act, refusing to agree, refusing in the present tense
    ("Прем'єр Литви заявив, що до підпалу причетні російські спецслужби.", "ACCUSE", "accuse.involved", None, "RUS"),
    ("Угорщина не погоджується на нові санкції проти Росії.", "REJECT", "reject.not-agree", "HUN", None),
    ("У Міноборони Росії цю версію категорично відкидають.", "REJECT", "reject.refuse", "RUS", None),
    # exchanges of held people, columns turned back, resignations told object-first, counter-terror regimes
    ("У середу Вірменія та Азербайджан обміняли утримуваних осіб.", "RETREAT", "retreat.exchange-held", None, None),
    ("За словами командира, колони бійців повертаються на бази.", "RETREAT",
     "retreat.back-to-bases", None, None),
    ("У вівторок про відставку оголосив прем'єр-міністр Киргизстану.", "RETREAT", "retreat.resign", None, None),
    ("У Москві та Воронезькій області запровадили режим контртерористичної операції.", "COERCE",
     "coerce.cto-regime", None, None),
    # "хвиля протестів": a run of events told without a date
    ("Це викликало хвилю протестів у Єревані.", "PROTEST", "protest.demo.noun", None, None),
    # "Сили оборони" without a country: Ukraine's forces
    ("Сили оборони вранці перейшли в контрнаступ під Куп'янськом.", "ASSAULT", "assault.go-offensive", "UKR", None),
])
def test_lang_uk_b8_rule_fires(text: str, etype: str, rule: str, actor: str | None, recipient: str | None) -> None:
    assert_coded(facts(text), etype, f"uk.{rule}", actor, recipient)


@pytest.mark.parametrize("text,etype", [
    # a chamber approving a measure praises no one
    ("У середу литовський Сейм схвалив запровадження надзвичайного стану.", "SUPPORT"),
    # tourists brought home are no released captives
    ("У п'ятницю туристів повернули додому.", "RETREAT"),
    # the violation only referred to, its aircraft not named, is no deployment
    ("Естонія викликала посла у зв'язку з порушенням повітряного простору.", "MOBILIZE"),
    # "захоплений ідеєю" is keen, not seized
    ("Міністр був захоплений ідеєю реформи.", "COERCE"),
    # a future refusal is not told as done; aircraft returning to base after a mission do not pull back
    ("Угорщина не погодиться на нові санкції.", "REJECT"),
    ("Після удару літаки повернулися на базу.", "RETREAT"),
    # a chamber passing a bill receives no one
    ("У вівторок Рада приймає президентський законопроект.", "CONSULT"),
])
def test_lang_uk_b8_guard_holds(text: str, etype: str) -> None:
    assert not [e for e in facts(text) if e["event_type"] == etype], [(e["event_type"], e["rule"]) for e in facts(text)]


@pytest.mark.parametrize("text,actor", [
    ("Сили оборони в суботу атакували позиції біля Бахмута.", "UKR"),
    ("Сили оборони Естонії в суботу атакували позиції.", "EST"),  # a country named after them keeps its own
])
def test_lang_uk_b8_defence_forces_country(text: str, actor: str) -> None:
    got = [e for e in facts(text) if e["event_type"] == "ASSAULT"]
    assert got and party(got[0]["actor"]) == actor, [(e["event_type"], e["actor"]) for e in facts(text)]
