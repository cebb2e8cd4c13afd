"""Russian and Ukrainian rules added with blind batch 4 (long articles): real pipeline, one sentence each."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2026-03-18") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def real(text: str, lang: str) -> list[dict]:
    return [e for e in events(text, lang) if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("lang,text,etype,recipient", [
    # a protest held ("прошёл пикет"), the type's own preposition fronted ("у здания консульства России")
    ("ru", "Во вторник у здания генерального консульства России в Алматы прошёл пикет.", "PROTEST", "RUS"),
    # an appeal for help or with a request
    ("ru", "Армения 14 марта обратилась к союзникам за военной помощью.", "REQUEST", None),
    ("uk", "Уряд України 14 березня звернувся до Польщі з проханням збільшити допомогу.", "REQUEST", "POL"),
    # trade restrictions and closed borders
    ("ru", "Во вторник Россельхознадзор ввёл ограничения на ввоз армянского коньяка.", "SANCTION", "ARM"),
    ("ru", "В сентябре 2025 года Польша закрыла границу с Белоруссией.", "SANCTION", "BLR"),
    ("uk", "У вересні 2025 року Польща закривала кордон із Білоруссю.", "SANCTION", None),
    # allocating money is aid; "announced the allocation of" is the allocation
    ("ru", "В январе 2025 года Евросоюз выделил Молдове 60 миллионов евро.", "AID", "MDA"),
    ("uk", "Єврокомісія в четвер оголосила про виділення Україні 100 мільйонів євро.", "AID", "UKR"),
    # "уразили НПЗ", scrambling jets, leaving a treaty, receiving an envoy
    ("uk", "У ніч на 14 березня Сили оборони уразили нафтопереробний завод у Саратові.", "ASSAULT", None),
    ("uk", "Польща 14 березня підняла в повітря винищувачі.", "MOBILIZE", None),
    ("uk", "У липні 2023 року Росія вийшла з зернової угоди.", "RETREAT", None),
    ("ru", "В среду Пашинян принял посла России.", "CONSULT", "RUS"),
    # regret about another's decision, a "politically motivated" label
    ("ru", "Генсек ОДКБ 14 марта выразил сожаление в связи с решением армянской стороны.", "ACCUSE", "ARM"),
    ("ru", "Министерство экономики Армении 14 марта назвало меры России политически мотивированными.", "ACCUSE", None),
])
def test_coder_slavic_long_article_patterns(lang: str, text: str, etype: str, recipient: str | None) -> None:
    got = [e for e in real(text, lang) if e["event_type"] == etype]
    assert got, events(text, lang)
    if recipient:
        assert any((e["recipient"] or {}).get("country") == recipient for e in got), got


@pytest.mark.parametrize("lang,text", [
    ("ru", "Посол 14 марта от комментариев журналистам отказался."),  # no rejection
    ("ru", "Полиция пикет не разгоняла, задержанных нет."),  # a negation after the participle
    ("uk", "Поліція нікого не затримала, затриманих немає."),
    ("ru", "Об этом 14 марта сообщил адвокат задержанного."),  # a participle naming a person
])
def test_coder_slavic_long_article_non_events(lang: str, text: str) -> None:
    assert not [e for e in real(text, lang) if e["event_type"] in ("REJECT", "COERCE")], events(text, lang)


@pytest.mark.parametrize("lang,text,actor,recipient", [
    # ", и" after a complement clause: the speaker acts again
    ("ru", "Захарова 14 марта заявила, что армянское руководство «разрушает систему безопасности», и обвинила "
           "Ереван в предательстве.", "RUS", "ARM"),
])
def test_coder_slavic_complement_then_coordinated_verb(lang: str, text: str, actor: str, recipient: str) -> None:
    acc = [e for e in real(text, lang) if e["event_type"] == "ACCUSE"]
    assert acc and acc[0]["actor"]["country"] == actor and acc[0]["recipient"]["country"] == recipient, acc


@pytest.mark.parametrize("lang,text,types", [
    # ", а": a second act of the same type with its own subject
    ("ru", "В феврале Россия ограничила ввоз казахстанской пшеницы, а Казахстан приостановил транзит российского угля.",
     {("RUS", "KAZ"), ("KAZ", "RUS")}),
    # coordinated recipients of a meeting: one event each
    ("uk", "Міністр закордонних справ Туреччини у вівторок провів зустрічі з делегаціями України та Росії.",
     {("TUR", "UKR"), ("TUR", "RUS")}),
    # a comma list of recipients keeps the clause together
    ("uk", "Уряд України 14 березня звернувся до Польщі, Словаччини та Румунії з проханням про допомогу.",
     {("UKR", "POL")}),
])
def test_coder_slavic_one_event_per_party(lang: str, text: str, types: set[tuple[str, str]]) -> None:
    got = {((e["actor"] or {}).get("country"), (e["recipient"] or {}).get("country")) for e in real(text, lang)}
    assert types <= got, got


@pytest.mark.parametrize("lang,text,etype", [
    # a date earlier in the clause, cut off by commas around an inserted phrase, dates the event noun
    ("ru", "В воскресенье российские военные из оперативной группы, дислоцированной в регионе, провели учения у Бендер.",
     "MOBILIZE"),
    ("ru", "Ещё раньше, в апреле 2022 года, в Приднестровье прогремела серия взрывов.", "ASSAULT"),
])
def test_coder_slavic_date_across_inserted_phrase(lang: str, text: str, etype: str) -> None:
    assert [e for e in real(text, lang) if e["event_type"] == etype], events(text, lang)


def test_coder_slavic_cited_outlet_in_quotes_is_attributed() -> None:
    evs = real("МИД Казахстана во вторник вызвал посла России, сообщает «Казинформ».", "ru")
    assert evs and evs[0]["attribution"]["source"] == "Казинформ", evs
