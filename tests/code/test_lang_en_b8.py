"""General English rules and lexicon entries added after blind batch 8 (real pipeline): one sentence per rule,
written for the test, checking the type and the rule that told it, or the code an actor name now gets."""
from __future__ import annotations

import pytest

import muster


def facts(text: str, published: str = "2024-06-27") -> list[dict]:
    evs = [e.to_dict() for e in muster.extract(text, published=published, lang="en")]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("text,etype,rule", [
    ("Lithuania ordered two Belarusian diplomats to leave the country within 72 hours.", "SANCTION",
     "en.sanction.expel.order"),
    ("Three Russian diplomats were ordered to leave in March.", "SANCTION", "en.sanction.expel.order"),
    ("Kuwait gave Lebanese nationals ten days to leave the country.", "COERCE", "en.coerce.order-leave"),
    ("Bahrain and Jordan later followed with their own breaks in relations.", "SANCTION", "en.sanction.break.follow"),
    ("Washington attributed the explosion to Iranian agents on Monday.", "ACCUSE", "en.accuse.attribute"),
    ("The African Union suspended Niger from all its activities in July.", "SANCTION", "en.sanction.suspend-member"),
    ("The bar association challenged the decree in court on Friday.", "ACCUSE", "en.accuse.sue.court"),
    ("Ukraine filed a complaint against Russia at the tribunal in 2017.", "ACCUSE", "en.accuse.sue.court"),
    ("The president approved the deployment of troops to the northern border.", "MOBILIZE", "en.mobilize.authorise"),
    ("Hundreds of protesters stormed the parliament building on Tuesday.", "PROTEST", "en.protest.storm"),
    ("Coast guard ships harassed Vietnamese fishing boats near the islands in May.", "COERCE",
     "en.coerce.obstruct-ships"),
    ("On Monday Ankara called the decision unjustified.", "REJECT", "en.reject.unjustified"),
    ("Armed men hijacked a tanker off the coast on Sunday.", "ASSAULT", "en.assault.abduct"),
    ("In May the government decided not to renew the lease of the naval base.", "SANCTION", "en.sanction.not-renew"),
    ("The embassy said the leaked documents were fabricated.", "REJECT", "en.reject.fabricated"),
    ("In March Norway delivered two air defence systems to Ukraine.", "AID", "en.aid.weapons"),
    ("Last year the ministry's network was the target of Chinese cyberattacks.", "COERCE", "en.coerce.cyber.target"),
    ("On Friday the commander announced the withdrawal of troops from the town.", "RETREAT",
     "en.retreat.withdraw.announce"),
    ("Debris of an Iranian drone launched at the base was found on Monday.", "ASSAULT", "en.assault.launched-at"),
    ("On Tuesday Syria shot down a Turkish reconnaissance plane.", "ASSAULT", "en.assault.shoot-down"),
    ("In May Ottawa closed its consulate in Jeddah.", "SANCTION", "en.sanction.close-embassy"),
    ("In March the EU froze the assets of the central bank.", "SANCTION", "en.sanction.freeze-assets"),
    ("On Friday Russia banned imports of Moldovan wine.", "SANCTION", "en.sanction.trade-ban"),
    ("In June Minsk revoked the licence of the last independent radio station.", "COERCE", "en.coerce.revoke"),
    ("On Sunday the regulator blocked access to several news websites.", "COERCE", "en.coerce.censor.access"),
])
def test_lang_en_b8_rule(text: str, etype: str, rule: str) -> None:
    got = facts(text)
    assert any(e["event_type"] == etype and rule in (e.get("rule") or "") for e in got), got


@pytest.mark.parametrize("text", [
    "The minister said the debate had been hijacked by extremists.",   # a figurative hijacking is no abduction
])
def test_lang_en_b8_no_assault(text: str) -> None:
    assert not any(e["event_type"] == "ASSAULT" for e in facts(text)), facts(text)


@pytest.mark.parametrize("text,code", [
    ("Malé expelled two Indian officers on Monday.", "MDVGOV"),   # a capital added
    ("Maldivian officials condemned the remarks on Monday.", "MDV"),   # a demonym added
    ("Ruto condemned the attack on Monday.", "KENGOV"),   # an office holder added
    ("Kampala condemned the attack on Monday.", "UGAGOV"),
])
def test_lang_en_b8_actor_code(text: str, code: str) -> None:
    got = facts(text)
    assert any(((e.get("actor") or {}).get("code") or "").startswith(code) for e in got), got
