"""Russian coder rules added after blind batch 8 (real pipeline): strikes, threats, support, sanctions, moves."""
from __future__ import annotations

import pytest

from coded import assert_coded, facts as _facts


def facts(text: str, published: str = "2024-02-12") -> list[dict]:
    return _facts(text, "ru", published)


@pytest.mark.parametrize("text,etype,rule,actor,recipient", [
    # crowds dispersed, gatherings, strikes and storming
    ("В субботу полиция разогнала собравшихся у здания мэрии слезоточивым газом.", "COERCE", "cov.175", None, None),
    ("В субботу на площади собрались несколько тысяч человек.", "PROTEST", "protest.gather", None, None),
    ("Во вторник силовики штурмовали здание парламента.", "ASSAULT", "assault.storm", None, None),
    ("В среду журналист был расстрелян неизвестными.", "ASSAULT", "assault.shoot-passive", None, None),
    ("В ночь на четверг российские самолёты сбросили авиабомбы на Харьков.", "ASSAULT", "assault.drop-bombs",
     "RUS", "UKR"),
    ("В воскресенье армия Азербайджана поразила позиции противника у границы.", "ASSAULT",
     "assault.strike-targets", "AZE", None),
    ("В понедельник украинские войска перешли в контрнаступление под Херсоном.", "ASSAULT",
     "assault.go-offensive", "UKR", None),
    # appeals and applications
    ("«Мы призываем Баку и Ереван к сдержанности», — заявил в среду представитель Госдепартамента.", "REQUEST",
     "request.appeal-present", None, "AZE"),
    ("В пятницу Грузия подала заявку на вступление в Евросоюз.", "REQUEST", "request.apply-membership", "GEO", "EU"),
    # threats: countermeasures, a reply in a manner, consequences, sanctions weighed
    ("Анкара примет ответные меры, заявил в среду министр.", "THREATEN", "threaten.countermeasures", "TUR", None),
    ("Токио ответит жёстко и незамедлительно, заявил министр.", "THREATEN", "threaten.respond-manner", "JPN", None),
    ("Такое решение повлечёт серьёзные последствия для Грузии, заявил в среду Лавров.", "THREATEN",
     "threaten.consequences", None, "GEO"),
    ("Во вторник Евросоюз рассматривает новые санкции против Белоруссии.", "THREATEN",
     "threaten.consider-sanctions", "EU", "BLR"),
    # support: siding, solidarity statements, agreements signed object-first
    ("В среду Лондон заявил, что стоит на стороне Эстонии.", "SUPPORT", "support.side", "GBR", "EST"),
    ("В среду Совет ЕС выступил с заявлением о солидарности с Литвой.", "SUPPORT", "support.solidarity.noun",
     "EU", "LTU"),
    ("Соглашение о границе в среду подписали премьер-министры Армении и Азербайджана.", "SUPPORT",
     "support.sign.object-first", None, None),
    # sanctions agreed, restrictions, decrees, agreements torn up, discounts, accreditation
    ("В пятницу Евросоюз согласовал новые санкции против Белоруссии.", "SANCTION", "sanction.impose.agree",
     "EU", "BLR"),
    ("В среду Япония ввела ограничения в отношении российских банков.", "SANCTION", "sanction.impose.agree",
     "JPN", "RUS"),
    ("В субботу президент Украины подписал указ о мерах против Ирана.", "SANCTION", "sanction.decree", "UKR", "IRN"),
    ("В четверг Молдавия разорвала соглашение о сотрудничестве с Россией.", "SANCTION", "sanction.break-agreement",
     "MDA", "RUS"),
    ("В апреле Россия отменила скидку на газ для Белоруссии.", "SANCTION", "sanction.cancel-discount", "RUS", "BLR"),
    ("В среду Киев лишил аккредитации посла Ирана.", "SANCTION", "sanction.accreditation", "UKR", "IRN"),
    ("В пятницу глава МИД Польши отменил визит в Будапешт.", "REJECT", "reject.cancel-visit", "POL", "HUN"),
    # airspace, transfers, rescue teams, captives, pullbacks
    ("В среду российский истребитель нарушил воздушное пространство Литвы.", "MOBILIZE", "mobilize.airspace",
     "RUS", "LTU"),
    ("Литва сообщила о нарушении воздушного пространства российским вертолётом.", "MOBILIZE",
     "mobilize.airspace.noun", "RUS", "LTU"),
    ("На границу с Ираном были переброшены подразделения армии Азербайджана.", "MOBILIZE", "mobilize.transfer",
     "AZE", None),
    ("В среду Испания объявила об отправке спасателей в Турцию.", "AID", "aid.send.noun", "ESP", "TUR"),
    ("В феврале двое украинских военных попали в плен.", "COERCE", "coerce.captured", None, None),
    ("В субботу пленных вернули домой в рамках обмена.", "RETREAT", "retreat.return-home", None, None),
    ("В пятницу Франция вывела свой контингент из Мали.", "RETREAT", "retreat.withdraw-garrison", "FRA", None),
    # talks, receptions, labels
    ("В понедельник в Женеве прошли консультации России и США.", "CONSULT", "consult.meet.consultations", None, None),
    ("В среду президент Франции принимал в Елисейском дворце президента Армении.", "CONSULT", "consult.receive",
     "FRA", "ARM"),
    ("Президент Грузии назвал решение парламента ошибкой.", "ACCUSE", "accuse.label", "GEO", None),
    ("Президент Армении назвал атаку ударом в спину.", "ACCUSE", "accuse.label", "ARM", None),
    # naming who is behind an act, refusing to agree, refusing in the present tense
    ("Премьер Литвы заявил, что к поджогу причастны российские спецслужбы.", "ACCUSE", "accuse.involved",
     "LTU", "RUS"),
    ("Венгрия не соглашается на новые санкции против России.", "REJECT", "reject.not-agree", "HUN", None),
    ("В МИД Латвии такие обвинения решительно отвергают.", "REJECT", "reject.refuse", "LVA", None),
    # exchanges of held people, columns turned back, resignations told object-first
    ("В среду Армения и Азербайджан обменялись удерживаемыми лицами.", "RETREAT", "retreat.exchange-held",
     None, None),
    ("По словам командира, колонны бойцов возвращаются на базы.", "RETREAT",
     "retreat.back-to-bases", None, None),
    ("В четверг об отставке заявил глава правительства Молдавии.", "RETREAT", "retreat.resign", None, None),
    # "волна протестов": a run of events told without a date
    ("Это вызвало волну протестов в Ереване.", "PROTEST", "protest.demo.noun", None, None),
    # a court named in full is an international organisation, not the host country's judiciary
    ("Постоянная палата третейского суда обязала Эквадор выплатить компенсацию компании.", "REQUEST",
     "request.oblige", "PCA", "ECU"),
])
def test_lang_ru_b8_rule_fires(text: str, etype: str, rule: str, actor: str | None, recipient: str | None) -> None:
    assert_coded(facts(text), etype, f"ru.{rule}", actor, recipient)


@pytest.mark.parametrize("text,etype", [
    # a chamber approving a measure praises no one
    ("В среду литовский Сейм одобрил введение чрезвычайного положения.", "SUPPORT"),
    # tourists brought home are no released captives
    ("В пятницу туристов вернули на родину.", "RETREAT"),
    # a measure already taken is no threat
    ("Во вторник Россия приняла ответные меры.", "THREATEN"),
    # the violation only referred to, its aircraft not named, is no deployment
    ("Литва выразила протест из-за нарушения воздушного пространства.", "MOBILIZE"),
    # consultations asked for are not held
    ("Эстония запросила консультации в НАТО.", "CONSULT"),
    # a future refusal is not told as done; aircraft returning to base after a mission do not pull back
    ("Венгрия не согласится на новые санкции.", "REJECT"),
    ("После удара самолёты вернулись на базу.", "RETREAT"),
    # a chamber passing a bill receives no one
    ("Во вторник парламент принял президентский законопроект.", "CONSULT"),
])
def test_lang_ru_b8_guard_holds(text: str, etype: str) -> None:
    assert not [e for e in facts(text) if e["event_type"] == etype], [(e["event_type"], e["rule"]) for e in facts(text)]
