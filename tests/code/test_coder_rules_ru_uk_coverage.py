"""Russian and Ukrainian rules from the CAMEO codebook coverage (real pipeline, one sentence per construction)."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2025-05-16") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def real(text: str, lang: str) -> list[dict]:
    return [e for e in events(text, lang) if not e["negated"] and not e["hypothetical"]]


def country(party: dict | None) -> str | None:
    return (party or {}).get("country")


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    # war reporting: taking a place, taking control
    ("ru", "В субботу сирийские повстанцы захватили Хомс.", "COERCE", None, None),
    ("uk", "У суботу сирійські повстанці захопили Хомс.", "COERCE", None, None),
    ("ru", "Во вторник Израиль взял под контроль буферную зону на Голанах.", "COERCE", "ISR", None),
    ("uk", "У вівторок Ізраїль взяв під контроль буферну зону на Голанах.", "COERCE", "ISR", None),
    ("ru", "В среду боевики заняли административное здание в городе.", "COERCE", None, None),
    ("uk", "У середу бойовики зайняли адміністративну будівлю в місті.", "COERCE", None, None),
    ("ru", "В воскресенье повстанцы вошли в Дамаск.", "COERCE", None, None),
    ("uk", "У неділю повстанці увійшли до Дамаска.", "COERCE", None, None),
    ("ru", "В воскресенье Израиль ввёл войска в буферную зону.", "MOBILIZE", "ISR", None),
    # strikes: light verbs, instruments, explosions, debris, craters
    ("ru", "В ночь на четверг Россия нанесла массированный ракетный удар по Киеву.", "ASSAULT", "RUS", "UKR"),
    ("uk", "У ніч на четвер Росія завдала масованого ракетного удару по Києву.", "ASSAULT", "RUS", "UKR"),
    ("ru", "В четверг Израиль ударил ракетами по Ливану.", "ASSAULT", "ISR", "LBN"),
    ("uk", "У четвер Ізраїль вдарив ракетами по Лівану.", "ASSAULT", "ISR", "LBN"),
    ("ru", "В пятницу в центре Харькова прогремели взрывы.", "ASSAULT", None, None),
    ("uk", "У п'ятницю в центрі Харкова пролунали вибухи.", "ASSAULT", None, None),
    ("ru", "В пятницу обломки беспилотника упали на крышу жилого дома.", "ASSAULT", None, None),
    ("uk", "У п'ятницю уламки безпілотника впали на дах житлового будинку.", "ASSAULT", None, None),
    ("ru", "В пятницу ракета оставила воронку во дворе школы.", "ASSAULT", None, None),
    ("uk", "У п'ятницю ракета залишила вирву у дворі школи.", "ASSAULT", None, None),
    ("ru", "В субботу у посольства взорвался автомобиль.", "ASSAULT", None, None),
    ("uk", "У суботу біля посольства вибухнув автомобіль.", "ASSAULT", None, None),
    ("uk", "У березні ракетами була повністю зруйнована Трипільська ТЕС.", "ASSAULT", None, None),
    # crowds: tear gas, dispersal, protests held
    ("uk", "У неділю поліція Грузії застосувала сльозогінний газ проти демонстрантів.", "COERCE", "GEO", None),
    ("ru", "В воскресенье полиция Грузии разогнала акцию протеста у парламента.", "COERCE", "GEO", None),
    ("ru", "В воскресенье акции протеста прошли в Тбилиси и Батуми.", "PROTEST", None, None),
    ("uk", "У неділю акції протесту пройшли в Тбілісі та Батумі.", "PROTEST", None, None),
    ("ru", "В понедельник фермеры перекрыли трассу у границы.", "PROTEST", None, None),
    ("ru", "В понедельник профсоюзы объявили забастовку на заводе.", "PROTEST", None, None),
    ("uk", "У понеділок опозиціонер оголосив голодування у СІЗО.", "PROTEST", None, None),
    # summoning, impersonal and passive: ACCUSE, never PROTEST
    ("ru", "Во вторник посла Польши вызвали в МИД России.", "ACCUSE", None, "POL"),
    ("uk", "У вівторок посла Угорщини викликали до МЗС України.", "ACCUSE", None, "HUN"),
    # arrests in the passive and light-verb searches
    ("ru", "В среду в Минске был задержан журналист.", "COERCE", None, None),
    ("uk", "У середу в Києві було затримано посадовця.", "COERCE", None, None),
    ("ru", "В среду полиция Грузии провела обыски в офисах оппозиции.", "COERCE", "GEO", None),
    ("uk", "У середу поліція Грузії провела обшуки в офісах опозиції.", "COERCE", "GEO", None),
    # cyberattacks are COERCE
    ("ru", "Во вторник хакеры взломали сайт правительства Молдовы.", "COERCE", None, None),
    ("uk", "У вівторок хакери зламали сайт уряду Молдови.", "COERCE", None, None),
    ("ru", "В среду хакеры атаковали серверы избирательной комиссии Молдовы.", "COERCE", None, None),
    ("uk", "У середу хакери атакували сервери виборчої комісії Молдови.", "COERCE", None, None),
    # emergency rule, curfew, censorship, bans
    ("ru", "В четверг власти Непала ввели комендантский час в столице.", "COERCE", "NPL", None),
    ("uk", "У четвер влада Непалу запровадила комендантську годину в столиці.", "COERCE", "NPL", None),
    ("ru", "В четверг президент Южной Кореи ввёл военное положение.", "COERCE", "KOR", None),
    ("uk", "У четвер президент Франції ввів надзвичайний стан.", "COERCE", "FRA", None),
    ("ru", "В пятницу власти Турции заблокировали соцсети.", "COERCE", "TUR", None),
    # hostages, assassination attempts
    ("ru", "В субботу боевики взяли в заложники двух граждан Франции.", "ASSAULT", None, "FRA"),
    ("uk", "У суботу бойовики взяли в заручники двох громадян Франції.", "ASSAULT", None, "FRA"),
    ("ru", "В субботу в Словакии совершили покушение на премьер-министра.", "ASSAULT", None, None),
    # demands, refusals, threats, intents with their object
    ("ru", "Во вторник Евросоюз потребовал от Белоруссии освободить политзаключённых.", "REQUEST", None, "BLR"),
    ("uk", "У вівторок Євросоюз закликав Білорусь звільнити політв'язнів.", "REQUEST", None, "BLR"),
    ("ru", "Во вторник Венгрия отказалась снять вето на помощь Украине.", "REJECT", "HUN", None),
    ("uk", "У вівторок Угорщина відмовилася зняти вето на допомогу Україні.", "REJECT", "HUN", None),
    ("ru", "В среду Китай пригрозил Литве санкциями.", "THREATEN", "CHN", "LTU"),
    ("uk", "У середу Китай пригрозив Литві санкціями.", "THREATEN", "CHN", "LTU"),
    ("ru", "В четверг Япония пообещала Филиппинам военную помощь.", "AGREE", "JPN", None),
    ("uk", "У четвер Японія пообіцяла Філіппінам військову допомогу.", "AGREE", "JPN", None),
    # talks, aid, sanctions, ceasefire
    ("ru", "В среду Макрон провёл телефонный разговор с Эрдоганом.", "CONSULT", "FRA", "TUR"),
    ("uk", "У середу Макрон провів телефонну розмову з Ердоганом.", "CONSULT", "FRA", "TUR"),
    ("ru", "В пятницу Германия передала Украине системы ПВО.", "AID", "DEU", "UKR"),
    ("uk", "У п'ятницю Німеччина передала Україні системи ППО.", "AID", "DEU", "UKR"),
    ("ru", "В пятницу Мали прервала переговоры с Алжиром.", "SANCTION", "MLI", None),
    ("uk", "У п'ятницю Малі перервала переговори з Алжиром.", "SANCTION", "MLI", None),
    ("ru", "В субботу Израиль и ХАМАС объявили о перемирии.", "RETREAT", None, None),
    ("uk", "У суботу Ізраїль оголосив перемир'я в Газі.", "RETREAT", "ISR", None),
    ("ru", "В субботу Россия допустила инспекторов МАГАТЭ на станцию.", "RETREAT", "RUS", None),
    ("uk", "У суботу Росія допустила інспекторів МАГАТЕ на станцію.", "RETREAT", "RUS", None),
    # legal: suits, guilt, suspicion
    ("ru", "Во вторник Армения подала иск против Азербайджана в Международный суд.", "ACCUSE", "ARM", "AZE"),
    ("uk", "У вівторок СБУ повідомила про підозру російському генералу.", "ACCUSE", "UKR", None),
    ("ru", "В среду суд Москвы признал виновным американского журналиста.", "SANCTION", "RUS", None),
    ("uk", "У середу суд визнав винним колишнього міністра.", "SANCTION", None, None),
])
def test_coder_rules_ru_uk_coverage_type_and_parties(lang: str, text: str, etype: str, actor: str | None,
                                                     recipient: str | None) -> None:
    evs = [e for e in real(text, lang) if e["event_type"] == etype]
    assert evs, events(text, lang)
    if actor:
        assert any(country(e["actor"]) == actor for e in evs), evs
    if recipient:
        assert any(country(e["recipient"]) == recipient for e in evs), evs


@pytest.mark.parametrize("lang,text,etype", [
    # taking a situation in hand, first place, a blow to the economy: no seizure, no strike
    ("ru", "В понедельник спасатели взяли ситуацию под контроль.", "COERCE"),
    ("uk", "У понеділок рятувальники взяли ситуацію під контроль.", "COERCE"),
    ("ru", "В понедельник сборная Польши заняла первое место.", "COERCE"),
    ("ru", "В понедельник пошлины нанесли удар по экономике Китая.", "ASSAULT"),
    ("uk", "У понеділок мита завдали удару по економіці Китаю.", "ASSAULT"),
    # sanctions that stay in force, quality requirements: no new event
    ("uk", "У понеділок посол нагадав, що санкції проти Тегерана діятимуть і надалі.", "SANCTION"),
    ("ru", "В понедельник инспекция нашла нарушения требований к упаковке лекарств.", "REQUEST"),
    # live-fire exercises are no shooting attack
    ("ru", "В воскресенье военные провели учения с боевой стрельбой.", "ASSAULT"),
    # refusing to comment, convicts of past riots, a sports result, emergency services on alert
    ("ru", "В понедельник ЦИК отказался комментировать эти требования.", "REJECT"),
    ("uk", "У понеділок ЦВК відмовилася коментувати ці вимоги.", "REJECT"),
    ("ru", "В среду Россия передала двух граждан, осуждённых за участие в беспорядках.", "PROTEST"),
    ("uk", "У середу збірна України поступилася Англії і посіла третє місце.", "CONCEDE"),
    ("ru", "В среду нападающий захватил лидерство в списке бомбардиров.", "COERCE"),
    ("ru", "В воскресенье коммунальные службы приведены в повышенную готовность.", "MOBILIZE"),
    ("ru", "В понедельник Пекин назвал угрозы санкциями шантажом.", "THREATEN"),
    ("uk", "У суботу відкрилася виставка до річниці звільнення міста.", "RETREAT"),
    # a full participle names a thing ("разрушенные дома"), it tells no act
    ("ru", "В понедельник журналисты осмотрели разрушенные дома в пригороде.", "ASSAULT"),
    ("uk", "У понеділок журналісти оглянули зруйновані будинки.", "ASSAULT"),
    # an act named by an accusation is alleged, not told
    ("ru", "В понедельник Киев обвинил Москву в депортации детей.", "COERCE"),
    ("uk", "У понеділок Київ звинуватив Москву в депортації дітей.", "COERCE"),
    # a gas blast at home is no attack
    ("ru", "В понедельник в жилом доме взорвался бытовой газовый баллон.", "ASSAULT"),
])
def test_coder_rules_ru_uk_coverage_no_false_event(lang: str, text: str, etype: str) -> None:
    assert not [e for e in real(text, lang) if e["event_type"] == etype], events(text, lang)
