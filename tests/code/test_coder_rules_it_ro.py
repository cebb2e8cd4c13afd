"""The event coder on Italian (the seventh language) and on Romanian CAMEO coverage (issue 10; real pipeline):
passives, nominalisations, light verbs, idioms of war reporting, conventions, negation and modality."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2025-11-21") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def facts(text: str, lang: str, published: str = "2025-11-21") -> list[dict]:
    return [e for e in events(text, lang, published) if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    ("it", "La polizia ha arrestato martedì due attivisti a Milano.", "COERCE", "ITA", None),
    ("it", "Due giornalisti sono stati arrestati ieri a Minsk.", "COERCE", None, None),                 # passive
    ("it", "Le forze russe hanno lanciato un attacco contro Kharkiv lunedì.", "ASSAULT", "RUS", "UKR"),  # light verb
    ("it", "I ribelli hanno preso il controllo di Goma sabato.", "ASSAULT", None, "COD"),               # idiom
    ("it", "Il governo italiano ha espulso venerdì due diplomatici russi.", "SANCTION", "ITA", "RUS"),
    ("it", "Il governo italiano ha espulso venerdì due funzionari dell'ambasciata russa.", "SANCTION", "ITA", "RUS"),
    ("it", "Mosca ha minacciato ritorsioni contro Roma giovedì.", "THREATEN", "RUS", "ITA"),
    ("it", "La Farnesina ha convocato ieri l'ambasciatore iraniano.", "ACCUSE", "ITA", "IRN"),           # seat metonym
    ("it", "La Cina ha imposto lunedì nuove sanzioni contro il Giappone.", "SANCTION", "CHN", "JPN"),
    ("it", "Washington ha revocato martedì le sanzioni imposte alla Bielorussia.", "CONCEDE", None, None),  # lifting: CONCEDE
    ("it", "Un attacco informatico ha paralizzato lunedì i sistemi del ministero.", "COERCE", None, None),  # cyber: COERCE
    ("it", "L'Ucraina ha restituito martedì i corpi di 500 soldati russi.", "RETREAT", "UKR", "RUS"),
    ("it", "Mosca ha promesso mercoledì una risposta adeguata a Roma.", "THREATEN", "RUS", None),         # not a pledge
    ("it", "La Marina italiana ha inviato giovedì una fregata nell'area.", "MOBILIZE", "ITA", None),
    ("it", "Il ministro della Giustizia ha revocato giovedì l'arresto dell'ingegnere iraniano.", "RETREAT", None, "IRN"),
    ("it", "Varsavia ha chiuso martedì il confine con la Bielorussia.", "SANCTION", "POL", "BLR"),       # en: close-border
    ("ro", "Polonia a închis marți granița cu Belarus.", "SANCTION", "POL", "BLR"),
    ("ro", "Diplomatul rus a fost expulzat luni de autoritățile de la Chișinău.", "SANCTION", None, "RUS"),  # "a fost expulzat"
    ("ro", "Atacul asupra Odesei a avut loc duminică noaptea.", "ASSAULT", None, "UKR"),                # "atacul asupra"
    ("ro", "Rebelii au preluat controlul orașului Goma sâmbătă.", "ASSAULT", None, "COD"),              # "au preluat controlul"
    ("ro", "Poliția a folosit gaze lacrimogene împotriva protestatarilor marți la Tbilisi.", "COERCE", None, None),
    ("ro", "Rusia a amenințat joi cu represalii împotriva României.", "THREATEN", "RUS", "ROU"),
    ("ro", "Guvernul de la Chișinău a ridicat marți sancțiunile impuse companiei.", "CONCEDE", None, None),
    ("ro", "Un atac cibernetic a paralizat luni site-urile guvernului moldovean.", "COERCE", None, None),
])
def test_coder_rules_it_ro_type_and_parties(lang: str, text: str, etype: str, actor: str | None,
                                            recipient: str | None) -> None:
    evs = facts(text, lang)
    assert [e["event_type"] for e in evs] == [etype], [(e["event_type"], e["rule"]) for e in evs]
    if actor:
        assert (evs[0]["actor"] or {}).get("country") == actor, evs[0]["actor"]
    if recipient:
        assert (evs[0]["recipient"] or {}).get("country") == recipient, evs[0]["recipient"]


@pytest.mark.parametrize("lang,text", [
    ("it", "Il premier non ha incontrato il presidente francese martedì."),
    ("it", "La Russia potrebbe attaccare la Moldavia."),
    ("it", "Il governo minaccia di espellere l'ambasciatore se gli attacchi continueranno."),
    ("ro", "Premierul nu s-a întâlnit marți cu președintele francez."),
])
def test_coder_rules_it_ro_negated_or_hypothetical_events_are_no_facts(lang: str, text: str) -> None:
    evs = events(text, lang)
    assert evs and all(e["negated"] or e["hypothetical"] for e in evs if e["event_type"] != "THREATEN")


@pytest.mark.parametrize("lang,text", [
    ("it", "Sono accuse infondate, ha detto il portavoce."),             # a plural noun is no predicate
    ("it", "I pescatori disarmati sono rientrati in porto."),            # an adjective, not a disarmament
    ("it", "Le proteste di ieri hanno mostrato la solidarietà della città."),
    ("it", "La giornalista, detenuta da tre settimane, è tornata ieri a Roma."),      # a state, not an arrest
])
def test_coder_rules_it_ro_nouns_and_adjectives_are_no_events(lang: str, text: str) -> None:
    got = [(e["event_type"], e["rule"]) for e in facts(text, lang)]
    assert not [g for g in got if g[0] in ("ACCUSE", "RETREAT", "SUPPORT", "COERCE")], got


@pytest.mark.parametrize("lang,text,when", [
    ("it", "Martedì scorso le forze russe hanno bombardato Odessa.", "2025-11-18"),
    ("it", "Il 3 marzo 2024 la polizia ha arrestato tre persone a Tbilisi.", "2024-03-03"),
    ("it", "Due giorni fa Kiev ha convocato l'ambasciatore ungherese.", "2025-11-19"),
])
def test_coder_rules_it_ro_italian_dates(lang: str, text: str, when: str) -> None:
    evs = facts(text, lang)
    assert evs and evs[0]["date"]["value"] == when, [(e["event_type"], e["date"]) for e in evs]


@pytest.mark.parametrize("text", [
    "Il governo invierà truppe al confine la prossima settimana.",
    "La Russia colpirà Kiev, ha detto il portavoce.",
])
def test_coder_rules_it_ro_italian_future_is_no_fact(text: str) -> None:
    assert facts(text, "it") == []
    assert [e["event_type"] for e in facts(text.replace("invierà", "ha inviato").replace("colpirà", "ha colpito"), "it")]
