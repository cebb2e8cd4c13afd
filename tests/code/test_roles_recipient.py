"""Recipient fallbacks of the named role rules (real pipeline): a countryless target in a domestic story,
a denial answering its accuser some sentences back, an anaphoric object, and no own-country guess."""
from __future__ import annotations

import pytest

import muster


def facts(text: str, lang: str) -> list[dict]:
    evs = [e.to_dict() for e in muster.extract(text, published="2025-03-12", lang=lang)]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


def last_of(text: str, lang: str, etype: str) -> dict:
    evs = [e for e in facts(text, lang) if e["event_type"] == etype]
    assert evs, [(e["event_type"], e["rule"]) for e in facts(text, lang)]
    return evs[-1]


def country(party: dict | None) -> str | None:
    return (party or {}).get("country")


@pytest.mark.parametrize("lang,text,etype,target", [
    ("en", "Thousands protested in Maputo on Monday. Police in Maputo detained dozens of protesters. "
           "The Mozambican electoral commission confirmed the result in Maputo. "
           "Kenya's president congratulated Chapo on Tuesday.", "SUPPORT", "MOZ"),
    ("de", "Tausende protestierten am Montag in Maputo. Die Polizei nahm in Maputo Dutzende Demonstranten fest. "
           "Die Wahlkommission von Mosambik bestätigte das Ergebnis. "
           "Der kenianische Präsident gratulierte Chapo am Dienstag.", "SUPPORT", "MOZ"),
    ("it", "A Tbilisi migliaia di persone hanno protestato lunedì. La polizia georgiana ha arrestato decine di "
           "manifestanti a Tbilisi. Il premier georgiano ha accusato l'opposizione di voler organizzare una rivolta.",
     "ACCUSE", "GEO"),
    ("fr", "Des milliers de manifestants ont défilé lundi à Dakar. La police sénégalaise a arrêté des dizaines de "
           "personnes à Dakar. Le président sénégalais a accusé l'opposition de vouloir déstabiliser le pays.",
     "ACCUSE", "SEN"),
    ("ro", "Mii de oameni au protestat luni la Chișinău. Poliția moldovenească a reținut zeci de persoane la "
           "Chișinău. Președintele moldovean a acuzat opoziția de tentativă de destabilizare.", "ACCUSE", "MDA"),
    ("uk", "У Тбілісі в понеділок тисячі людей протестували. Поліція Грузії затримала в Тбілісі десятки людей. "
           "Прем'єр Грузії звинуватив опозицію у спробі перевороту.", "ACCUSE", "GEO"),
])
def test_roles_recipient_domestic_target_takes_the_story_country(lang: str, text: str, etype: str,
                                                                 target: str) -> None:
    ev = last_of(text, lang, etype)
    assert country(ev["recipient"]) == target and ev["recipient"]["implicit"]
    assert "|recipient:domestic_target" in ev["rule"]


@pytest.mark.parametrize("lang,text,etype", [
    ("uk", "Словаччина в березні продовжила заборону на імпорт цукру.", "SANCTION"),
    ("ru", "Суд в Москве внёс движение в перечень экстремистских организаций.", "ACCUSE"),
    ("ro", "Ungaria a renunțat marți la veto-ul asupra pachetului de sancțiuni.", "CONCEDE"),
])
def test_roles_recipient_no_own_country_without_a_domestic_story(lang: str, text: str, etype: str) -> None:
    ev = last_of(text, lang, etype)
    assert country(ev["recipient"]) != country(ev["actor"])
    assert "domestic_target" not in ev["rule"]


@pytest.mark.parametrize("lang,text,accuser", [
    ("en", "Romania accused Russia of meddling in the election on Monday. Observers in Brussels commented on the "
           "case. Analysts in Vienna said the row would last. Journalists in Bucharest waited for answers. "
           "The Kremlin denied any involvement on Thursday.", "ROU"),
    ("de", "Rumänien warf Russland am Montag Einmischung in die Wahl vor. Beobachter in Brüssel kommentierten den "
           "Fall. Analysten in Wien erwarten einen langen Streit. Journalisten in Bukarest warteten auf Antworten. "
           "Der Kreml wies am Donnerstag jede Beteiligung zurück.", "ROU"),
    ("ru", "Румыния в понедельник обвинила Россию во вмешательстве в выборы. Наблюдатели в Брюсселе "
           "прокомментировали дело. Аналитики в Вене ждут долгого спора. Журналисты в Бухаресте ждали ответов. "
           "В четверг Кремль отверг какую-либо причастность.", "ROU"),
])
def test_roles_recipient_denial_answers_its_accuser(lang: str, text: str, accuser: str) -> None:
    ev = last_of(text, lang, "REJECT")
    assert country(ev["actor"]) == "RUS" and country(ev["recipient"]) == accuser
    assert "|recipient:reply_to_accuser" in ev["rule"]


@pytest.mark.parametrize("lang,text,party", [
    ("en", "Britain accused Iran of seizing a tanker on Friday. In Tehran the accusations were rejected.", "GBR"),
    ("de", "Großbritannien warf Iran am Freitag die Beschlagnahme eines Tankers vor. "
           "In Teheran wurden die Vorwürfe zurückgewiesen.", "GBR"),
])
def test_roles_recipient_anaphoric_object_takes_the_earlier_actor(lang: str, text: str, party: str) -> None:
    ev = last_of(text, lang, "REJECT")
    assert country(ev["recipient"]) == party and ev["recipient"]["implicit"]
    # "In Tehran" speaks for Iran (impersonal_locative); its reply answers the accuser
    assert country(ev["actor"]) == "IRN" and "|recipient:reply_to_actor_on_me" in ev["rule"]


@pytest.mark.parametrize("lang,text,party", [
    ("en", "Britain accused Iran of seizing a tanker on Friday. The accusations were rejected on Saturday.", "GBR"),
])
def test_roles_recipient_agentless_reply_takes_the_earlier_actor(lang: str, text: str, party: str) -> None:
    ev = last_of(text, lang, "REJECT")
    assert country(ev["recipient"]) == party and "|recipient:anaphoric_previous" in ev["rule"]


@pytest.mark.parametrize("lang,text,listed", [
    ("en", "Brazil, Colombia, Argentina and Chile all criticised the raid.", {"BRA", "COL", "ARG", "CHL"}),
    ("fr", "Le Brésil, la Colombie et le Chili ont condamné l'assaut.", {"BRA", "COL", "CHL"}),
    ("ro", "Brazilia, Columbia și Chile au condamnat atacul.", {"BRA", "COL", "CHL"}),
    ("ru", "Бразилия, Колумбия и Чили осудили нападение.", {"BRA", "COL", "CHL"}),
    ("uk", "Бразилія, Колумбія та Чилі засудили напад.", {"BRA", "COL", "CHL"}),
])
def test_roles_recipient_coactor_list_is_not_the_target(lang: str, text: str, listed: set[str]) -> None:
    evs = [e for e in facts(text, lang) if e["event_type"] == "ACCUSE"]
    assert evs and all(country(e["actor"]) in listed and country(e["recipient"]) not in listed for e in evs)
    # each member acts (subject_before_verb splits the list), or the last one is at least no target
    assert {country(e["actor"]) for e in evs} == listed or any("|recipient:coactor_not_target" in e["rule"] for e in evs)


@pytest.mark.parametrize("lang,text,etype,pair", [
    ("en", "Russia and Ukraine exchanged prisoners on June 25.", "RETREAT", ("RUS", "UKR")),
    ("ru", "Россия и Украина 25 июня обменялись пленными.", "RETREAT", ("RUS", "UKR")),
])
def test_roles_recipient_joint_act_keeps_its_partner(lang: str, text: str, etype: str,
                                                     pair: tuple[str, str]) -> None:
    ev = last_of(text, lang, etype)
    assert (country(ev["actor"]), country(ev["recipient"])) == pair
    assert "coactor_not_target" not in ev["rule"]


@pytest.mark.parametrize("lang,text,actor,target", [
    ("ru", "Самолёт азербайджанской авиакомпании был повреждён российской системой ПВО над Грозным.", "RUS", "AZE"),
    ("uk", "Літак азербайджанської авіакомпанії був пошкоджений російською системою ППО над Грозним.", "RUS", "AZE"),
    ("ru", "Украинский катер был обстрелян российскими пограничниками в Керченском проливе.", "RUS", "UKR"),
])
def test_roles_recipient_instrumental_agent_is_the_attacker(lang: str, text: str, actor: str, target: str) -> None:
    ev = last_of(text, lang, "ASSAULT")
    assert (country(ev["actor"]), country(ev["recipient"])) == (actor, target)
    assert "|actor:instrumental_agent" in ev["rule"]
