"""General French rules added after blind batch 8 (real pipeline): one sentence per rule, written for the test,
checking the type and the rule that told it; actor and place lexicon entries checked by the code they give."""
from __future__ import annotations

import pytest

import muster


def facts(text: str, published: str = "2024-05-16") -> list[dict]:
    evs = [e.to_dict() for e in muster.extract(text, published=published, lang="fr")]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("text,etype,rule", [
    ("Trois frégates ont été dépêchées mardi au large des côtes.", "MOBILIZE", "fr.mobilize.sent.passive"),
    ("Des renforts de gendarmes ont été envoyés lundi dans la province.", "MOBILIZE", "fr.mobilize.sent.passive"),
    ("Le gouvernement a dépêché deux patrouilleurs dans la zone.", "MOBILIZE", "fr.mobilize.sent.more"),
    ("Les soldats ont pris position samedi autour de l'aéroport.", "MOBILIZE", "fr.mobilize.take-position"),
    ("Le ministre s'est dit prêt à prendre des mesures de rétorsion.", "THREATEN", "fr.threaten.warn.retaliation"),
    ("Mardi, Bamako a annoncé la rupture des relations diplomatiques avec Abidjan.", "SANCTION",
     "fr.sanction.break.announce"),
    ("Le Niger a rappelé en consultation son ambassadeur au Bénin.", "SANCTION", "fr.sanction.recall"),
    ("En 2019, Kigali a imposé des visas aux ressortissants burundais.", "SANCTION", "fr.sanction.visa"),
    ("Le Tchad a riposté en fermant sa frontière avec le Soudan.", "SANCTION", "fr.sanction.border.participle"),
    ("Le journaliste enlevé en 2019 a enfin été libéré vendredi.", "ASSAULT",
     "fr.assault.abduct.release"),
    ("Le médecin, qui avait été enlevé en mars dans le nord du pays, est rentré.", "ASSAULT",
     "fr.assault.abduct.participle"),
    ("Les tractations avec les rebelles ont repris jeudi à Doha.", "CONSULT", "fr.consult.negotiate.tractations"),
    ("Deux ministres ont participé lundi à une conférence sur la sécurité à Rome.", "CONSULT", "fr.consult.attend"),
    ("Les autorités ont interdit vendredi la plateforme de messagerie.", "COERCE", "fr.coerce.censor.network"),
    ("Le patriarche a appelé au calme dimanche soir.", "REQUEST", "fr.request.call-to"),
    ("Des militants ont été expulsés manu militari du bâtiment par la police.", "COERCE", "fr.coerce.force.evacuate"),
    ("La police les a dispersés à coups de matraques.", "COERCE", "fr.coerce.disperse"),
    ("En juin, le ministère a prononcé la dissolution du collectif.", "COERCE", "fr.coerce.ban-party.announce"),
    ("Les rebelles combattent depuis mars les soldats de l'armée régulière.", "ASSAULT", "fr.assault.fight"),
    ("Le chef de l'État a été placé en résidence surveillée dimanche.", "COERCE", "fr.coerce.custody"),
    ("En 2021, un colonel a renversé le président guinéen.", "COERCE", "fr.coerce.coup.overthrow"),
    ("Le Soudan masse des troupes près de la frontière depuis lundi.", "MOBILIZE", "fr.mobilize.troops"),
    # signing a deal is SUPPORT (PLOVER manual: "ratify, sign, or finalize an agreement"; CAMEO 057)
    ("Le Maroc a signé mardi un contrat pour douze hélicoptères.", "SUPPORT", "fr.support.sign"),
    ("Les deux pays ont signé un accord de défense en mars.", "SUPPORT", "fr.support.sign"),
    ("La Suède a livré deux hélicoptères à Kiev en mai.", "AID", "fr.aid.weapons"),
    ("En 2023, le réseau du ministère a été la cible de cyberattaques chinoises.", "COERCE", "fr.coerce.cyber.target"),
    ("Vendredi, le commandant a annoncé le retrait des troupes de la ville.", "RETREAT",
     "fr.retreat.withdraw.announce"),
    ("Les débris d'un drone iranien lancé sur la base ont été retrouvés lundi.", "ASSAULT", "fr.assault.launched-at"),
    ("En mars, l'Union européenne a gelé les avoirs de la banque centrale.", "SANCTION", "fr.sanction.freeze-assets"),
    ("En mai, Ottawa a fermé son consulat à Djeddah.", "SANCTION", "fr.sanction.close-embassy"),
    ("Vendredi, les garde-côtes ont intercepté un cargo au large de la côte.", "COERCE", "fr.coerce.seize.ship"),
    ("Samedi, le Maroc a rouvert sa frontière avec l'Algérie.", "RETREAT", "fr.retreat.reopen"),
    ("Dimanche, les deux camps ont échangé 200 prisonniers.", "RETREAT", "fr.retreat.exchange"),
    ("Vendredi, la Russie a interdit les importations de vin moldave.", "SANCTION", "fr.sanction.trade-ban"),
    ("Dimanche, le régulateur a bloqué l'accès à plusieurs sites d'information.", "COERCE", "fr.coerce.censor.access"),
    ("Mardi, Washington a mis en garde Pékin contre toute escalade.", "THREATEN", "fr.threaten.warn.against"),
    ("En août, le Niger a retiré son ambassadeur au Bénin.", "SANCTION", "fr.sanction.recall.withdraw"),
    ("En mars, les deux pays ont rétabli leurs relations diplomatiques.", "SUPPORT", "fr.support.restore-relations"),
    ("Lundi, la marine a effectué des manœuvres au large des côtes.", "MOBILIZE", "fr.mobilize.exercise.verb"),
    ("Le chef de l'opposition a été placé en détention mardi.", "COERCE", "fr.coerce.custody"),
])
def test_lang_fr_b8_rule(text: str, etype: str, rule: str) -> None:
    got = facts(text)
    assert any(e["event_type"] == etype and rule in (e.get("rule") or "") for e in got), got


@pytest.mark.parametrize("text", [
    "Les ouvriers ont enlevé les barricades dans la nuit.",   # removing things is no kidnapping
    "Le président a promis de combattre la corruption et le chômage.",   # a policy fight is no battle
    "Le président a appelé au téléphone son homologue.",   # a phone call is no request
    "La voiture a renversé un piéton mardi.",   # knocking someone down is no coup
])
def test_lang_fr_b8_no_event(text: str) -> None:
    types = {e["event_type"] for e in facts(text)}
    assert not types & {"ASSAULT", "REQUEST", "COERCE"}, types


@pytest.mark.parametrize("text,code", [
    ("Le TPLF a attaqué une base de l'armée mardi.", "ETHREB"),
    ("Le GSIM a libéré deux otages jeudi.", "MLIREB"),
    ("Le FLNKS a appelé au calme mercredi.", "NCLOPP"),
])
def test_lang_fr_b8_actor_code(text: str, code: str) -> None:
    assert any((e.get("actor") or {}).get("code") == code for e in facts(text)), facts(text)


@pytest.mark.parametrize("text,word,country", [
    ("Les combats ont repris mardi dans le Tigré.", "Tigré", "ETH"),
])
def test_lang_fr_b8_place(text: str, word: str, country: str) -> None:
    doc = muster.process(text, published="2024-05-16", lang="fr")
    assert any(p.text == word and p.country == country for p in doc.places), doc.places


def test_lang_fr_b8_gaz_is_no_place() -> None:
    doc = muster.process("Gaz lacrymogènes, arrestations : la capitale vit une crise.", published="2024-02-06",
                         lang="fr")
    assert not any(p.text == "Gaz" for p in doc.places), doc.places
