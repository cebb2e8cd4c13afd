"""General rules added after blind batch 6 in Russian, Ukrainian and Romanian (real pipeline): one sentence per rule,
written for the test, checking the type, the rule that told it and, where the rule decides it, the recipient."""
from __future__ import annotations

import pytest

import muster


def facts(text: str, lang: str, published: str = "2025-03-12") -> list[dict]:
    evs = [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("lang,text,etype,rule", [
    # Russian
    ("ru", "Во вторник в горах были ликвидированы трое вооружённых преступников.", "ASSAULT", "ru.assault.liquidate"),
    ("ru", "Официальный представитель назвал эти обвинения беспочвенными.", "REJECT", "ru.reject.label-unfounded"),
    ("ru", "Совет Безопасности ООН в среду собрался на закрытое заседание.", "CONSULT", "ru.consult.convene"),
    ("ru", "Арбитражный суд в марте обязал компанию вернуть груз.", "REQUEST", "ru.request.oblige"),
    ("ru", "МИД Беларуси предупредил Варшаву о последствиях.", "THREATEN", "ru.threaten.warn-reply"),
    ("ru", "Министр пообещал отомстить за гибель солдат.", "THREATEN", "ru.threaten.exact-price"),
    ("ru", "В феврале Венгрия продлила запрет на импорт украинской пшеницы.", "SANCTION", "ru.sanction.import-ban"),
    ("ru", "Суд в Москве внёс движение в перечень экстремистских организаций.", "ACCUSE", "ru.accuse.terror-list"),
    ("ru", "Рыбаки в знак протеста перекрыли причал в Мурманске.", "PROTEST", "ru.protest.sign-of"),
    ("ru", "Блокаду трассы сняли лишь в апреле.", "RETREAT", "ru.retreat.unblock.object-first"),
    ("ru", "Осенью вредоносная программа парализовала работу аэропорта.", "COERCE", "ru.coerce.cyber.malware"),
    ("ru", "Генштаб приказал вернуть бригады в пункты постоянной дислокации.", "RETREAT", "ru.retreat.to-bases"),
    ("ru", "Минск в понедельник стянул к границе с Литвой часть своей армии.", "MOBILIZE", "ru.mobilize.troops"),
    # Ukrainian
    ("uk", "Навесні шкідлива програма паралізувала роботу митниці.", "COERCE", "uk.coerce.cyber.malware"),
    ("uk", "Угорські фермери у вівторок заблокували трасу біля кордону.", "PROTEST", "uk.protest.blockade"),
    ("uk", "Блокаду траси зняли лише у квітні.", "RETREAT", "uk.retreat.unblock.object-first"),
    ("uk", "Словаччина в березні продовжила заборону на імпорт цукру.", "SANCTION", "uk.sanction.import-ban"),
    ("uk", "Генштаб наказав повернути бригади до місць постійної дислокації.", "RETREAT", "uk.retreat.to-bases"),
    ("uk", "Речник МЗС попередив Варшаву про наслідки.", "THREATEN", "uk.threaten.warn-reply"),
    ("uk", "Міністр засудив напад на консульство, назвавши його актом вандалізму.", "ACCUSE", "uk.accuse.label.gerund"),
    ("uk", "Рада безпеки ООН у середу зібралася на закрите засідання.", "CONSULT", "uk.consult.convene"),
    ("uk", "Господарський суд у березні зобов'язав компанію повернути вантаж.", "REQUEST", "uk.request.oblige"),
    ("uk", "Суд внесли рух до переліку терористичних організацій.", "ACCUSE", "uk.accuse.terror-list"),
    ("uk", "Рибалки на знак протесту перекрили причал в Одесі.", "PROTEST", "uk.protest.sign-of"),
    ("uk", "Мінськ у понеділок стягнув до кордону з Литвою частину своєї армії.", "MOBILIZE", "uk.mobilize.troops"),
    # Romanian
    ("ro", "Câteva sute de protestatari s-au adunat în fața sediului guvernului.", "PROTEST", "ro.protest.gather"),
    ("ro", "Pescarii au blocat portul Constanța în semn de protest.", "PROTEST", "ro.protest.sign-of"),
    ("ro", "Olanda a votat împotriva aderării Bulgariei la spațiul Schengen.", "REJECT", "ro.reject.vote-against"),
    ("ro", "Ungaria a renunțat marți la veto-ul asupra pachetului de sancțiuni.", "CONCEDE", "ro.concede.drop-veto"),
    ("ro", "Premierul a pus eșecul negocierilor pe seama opoziției.", "ACCUSE", "ro.accuse.blame"),
    ("ro", "Ministrul a descris atacul asupra navei drept un act de piraterie.", "ACCUSE", "ro.accuse.label-drept"),
    ("ro", "Serviciul de informații l-a inclus pe lista persoanelor implicate în activități teroriste.", "ACCUSE",
     "ro.accuse.terror-list"),
    ("ro", "Avionul a fost forțat să aterizeze la Minsk.", "COERCE", "ro.coerce.forced-landing"),
    # internet shutdowns and proposed meetings (all three / two languages)
    ("ru", "Доступ к интернету в Иране с пятницы полностью заблокирован.", "COERCE", "ru.coerce.internet-shutdown"),
    ("uk", "Влада Ірану в п'ятницю відключила мобільний інтернет.", "COERCE", "uk.coerce.internet-shutdown"),
    ("ro", "Accesul la internet a fost blocat vineri în Iran.", "COERCE", "ro.coerce.internet-shutdown"),
    ("ru", "Бойцы спецназа высадились на танкер у побережья и увели его в порт.", "COERCE", "ru.coerce.board-ship"),
    ("uk", "Бійці спецпризначення висадилися на танкер біля узбережжя.", "COERCE", "uk.coerce.board-ship"),
    ("ro", "Militarii au urcat la bordul petrolierului în largul coastei.", "COERCE", "ro.coerce.board-ship"),
    ("ru", "Посол заявил, что ответ будет жёстким и незамедлительным.", "THREATEN", "ru.threaten.reply-harsh"),
    ("uk", "Посол заявив, що відповідь буде жорсткою.", "THREATEN", "uk.threaten.reply-harsh"),
    ("ru", "Президент Молдовы предложил премьеру Румынии встретиться в Яссах.", "REQUEST", "ru.request.propose-meeting"),
    ("uk", "Президент Молдови запропонував прем'єру Румунії зустрітися в Яссах.", "REQUEST",
     "uk.request.propose-meeting"),
])
def test_coder_rules_b6_east_type_and_rule(lang: str, text: str, etype: str, rule: str) -> None:
    evs = facts(text, lang)
    assert any(e["event_type"] == etype and rule in e["rule"].split("|")[0].split("+") for e in evs), \
        [(e["event_type"], e["rule"]) for e in evs]


@pytest.mark.parametrize("lang,text,etype,recipient", [
    ("ru", "В пятницу в Армению прибыли первые подразделения миротворцев.", "MOBILIZE", "ARM"),   # "в" + country
    ("ro", "UE a impus marți sancțiuni împotriva oficialilor belaruși.", "SANCTION", "BLR"),     # plural adjective
    ("ro", "Miniștrii de Justiție au aprobat miercuri aderarea Croației la spațiul Schengen.", "AGREE", "HRV"),
    ("ru", "Россия в среду вернула Грузии два задержанных катера.", "RETREAT", "GEO"),
    ("uk", "Росія в середу повернула Грузії два катери.", "RETREAT", "GEO"),
    ("ru", "Министр иностранных дел Армении прибыл в Грузию с визитом.", "CONSULT", "GEO"),     # not "груз*" cargo                 # returning ships
])
def test_coder_rules_b6_east_recipient(lang: str, text: str, etype: str, recipient: str) -> None:
    evs = [e for e in facts(text, lang) if e["event_type"] == etype]
    assert evs and (evs[0]["recipient"] or {}).get("country") == recipient, evs


@pytest.mark.parametrize("lang,text,absent", [
    ("uk", "Хакерська атака пошкодила сервери міністерства.", "ASSAULT"),                     # cyber, no strike
    ("ro", "Liderul opoziției a declarat că anularea votului este o lovitură de stat.", "ASSAULT"),  # a coup label
    ("ro", "Ministrul a descris incidentul drept o deturnare.", "ASSAULT"),                   # a label, not an abduction
    ("ru", "Власти ликвидировали последствия паводка за неделю.", "ASSAULT"),                  # no people killed
    ("uk", "Уряд заблокував у вівторок ввезення зерна.", "PROTEST"),                          # a state ban, not a protest
    ("uk", "Посольство Франції висловило готовність допомогти в розслідуванні.", "ACCUSE"),     # help offered, no probe
    ("ru", "Посольство Франции выразило готовность помочь в расследовании.", "ACCUSE"),
])
def test_coder_rules_b6_east_guards(lang: str, text: str, absent: str) -> None:
    evs = facts(text, lang)
    assert absent not in [e["event_type"] for e in evs], [(e["event_type"], e["rule"]) for e in evs]
