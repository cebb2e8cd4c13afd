"""A generator of news-like articles in six languages (de en ru uk ro fr) for benchmarks: country
dyads, summons, meetings, strikes, sanctions and calls with dates, mixed with context sentences
and portal boilerplate, ~460 words on average, as .txt (with and without front matter), .html
and .jsonl files. Deterministic for a seed.

    python benchmarks/gen_articles.py FOLDER [N] [--seed S]
    python benchmarks/gen_articles.py FOLDER --long BYTES [--lang de]   # one article of about BYTES
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

LANGS = ("de", "en", "ru", "uk", "ro", "fr")

# per language: (nominative, "of" form, capital) for six countries
COUNTRIES = {
    "en": [("Russia", "Russia", "Moscow"), ("Azerbaijan", "Azerbaijan", "Baku"), ("Ukraine", "Ukraine", "Kyiv"),
           ("Armenia", "Armenia", "Yerevan"), ("Georgia", "Georgia", "Tbilisi"), ("Moldova", "Moldova", "Chisinau")],
    "de": [("Russland", "Russlands", "Moskau"), ("Aserbaidschan", "Aserbaidschans", "Baku"),
           ("die Ukraine", "der Ukraine", "Kiew"), ("Armenien", "Armeniens", "Eriwan"),
           ("Georgien", "Georgiens", "Tiflis"), ("Moldau", "Moldaus", "Chișinău")],
    "ru": [("Россия", "России", "Москва"), ("Азербайджан", "Азербайджана", "Баку"), ("Украина", "Украины", "Киев"),
           ("Армения", "Армении", "Ереван"), ("Грузия", "Грузии", "Тбилиси"), ("Молдавия", "Молдавии", "Кишинёв")],
    "uk": [("Росія", "Росії", "Москва"), ("Азербайджан", "Азербайджану", "Баку"), ("Україна", "України", "Київ"),
           ("Вірменія", "Вірменії", "Єреван"), ("Грузія", "Грузії", "Тбілісі"), ("Молдова", "Молдови", "Кишинів")],
    "ro": [("Rusia", "Rusiei", "Moscova"), ("Azerbaidjanul", "Azerbaidjanului", "Baku"),
           ("Ucraina", "Ucrainei", "Kiev"), ("Armenia", "Armeniei", "Erevan"), ("Georgia", "Georgiei", "Tbilisi"),
           ("Republica Moldova", "Republicii Moldova", "Chișinău")],
    "fr": [("la Russie", "de la Russie", "Moscou"), ("l'Azerbaïdjan", "de l'Azerbaïdjan", "Bakou"),
           ("l'Ukraine", "de l'Ukraine", "Kiev"), ("l'Arménie", "de l'Arménie", "Erevan"),
           ("la Géorgie", "de la Géorgie", "Tbilissi"), ("la Moldavie", "de la Moldavie", "Chisinau")],
}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split(),
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
}
# {A} {B}: nominative; {Ag} {Bg}: "of" forms; {city}: a capital; {d} {m}: day and month
EVENTS = {
    "en": ["{A} summoned the ambassador of {B} on {d} {m}.", "Officials from {A} and {B} met in {city} on {d} {m}.",
           "The government of {A} accused {B} of shelling {city} on {d} {m}.",
           "Drones struck {city} overnight, regional officials said.", "{A} imposed new sanctions on {B} on {d} {m}.",
           "The president of {A} held a phone call with the president of {B}.",
           "According to the foreign ministry of {A}, troops of {B} fired on a border post on {d} {m}."],
    "de": ["{A} bestellte am {d}. {m} den Botschafter {Bg} ein.",
           "Vertreter {Ag} und {Bg} trafen sich am {d}. {m} in {city}.",
           "Die Regierung {Ag} warf der Führung {Bg} vor, am {d}. {m} {city} beschossen zu haben.",
           "Drohnen trafen in der Nacht {city}, teilten die regionalen Behörden mit.",
           "Die Regierung {Ag} verhängte am {d}. {m} neue Sanktionen gegen {B}.",
           "Der Präsident {Ag} telefonierte mit dem Präsidenten {Bg}.",
           "Laut dem Außenministerium {Ag} beschossen Truppen {Bg} am {d}. {m} einen Grenzposten."],
    "ru": ["МИД {Ag} {d} {m} вызвал посла {Bg}.", "Представители {Ag} и {Bg} встретились {d} {m} в городе {city}.",
           "Власти {Ag} обвинили руководство {Bg} в обстреле города {city} {d} {m}.",
           "Беспилотники ночью атаковали город {city}, сообщили местные власти.",
           "Правительство {Ag} {d} {m} ввело новые санкции против {Bg}.",
           "Президент {Ag} провёл телефонный разговор с президентом {Bg}.",
           "По данным МИД {Ag}, военные {Bg} {d} {m} обстреляли пограничный пост."],
    "uk": ["МЗС {Ag} {d} {m} викликало посла {Bg}.", "Представники {Ag} та {Bg} зустрілися {d} {m} у місті {city}.",
           "Влада {Ag} звинуватила керівництво {Bg} в обстрілі міста {city} {d} {m}.",
           "Безпілотники вночі атакували місто {city}, повідомила місцева влада.",
           "Уряд {Ag} {d} {m} запровадив нові санкції проти {Bg}.",
           "Президент {Ag} провів телефонну розмову з президентом {Bg}.",
           "За даними МЗС {Ag}, військові {Bg} {d} {m} обстріляли прикордонний пост."],
    "ro": ["Ministerul de Externe al {Ag} l-a convocat pe ambasadorul {Bg} pe {d} {m}.",
           "Reprezentanți ai {Ag} și ai {Bg} s-au întâlnit pe {d} {m} la {city}.",
           "Autoritățile {Ag} au acuzat conducerea {Bg} că a bombardat orașul {city} pe {d} {m}.",
           "Drone au lovit peste noapte orașul {city}, au anunțat autoritățile locale.",
           "Guvernul {Ag} a impus pe {d} {m} noi sancțiuni împotriva {Bg}.",
           "Președintele {Ag} a avut o convorbire telefonică cu președintele {Bg}.",
           "Potrivit Ministerului de Externe al {Ag}, militari ai {Bg} au tras pe {d} {m} asupra unui post de frontieră."],
    "fr": ["Le ministère des Affaires étrangères {Ag} a convoqué l'ambassadeur {Bg} le {d} {m}.",
           "Des représentants {Ag} et {Bg} se sont rencontrés le {d} {m} à {city}.",
           "Les autorités {Ag} ont accusé les dirigeants {Bg} d'avoir bombardé {city} le {d} {m}.",
           "Des drones ont frappé {city} pendant la nuit, selon les autorités régionales.",
           "Le gouvernement {Ag} a imposé le {d} {m} de nouvelles sanctions contre {B}.",
           "Le président {Ag} s'est entretenu par téléphone avec le président {Bg}.",
           "Selon le ministère des Affaires étrangères {Ag}, des soldats {Bg} ont tiré le {d} {m} sur un poste frontière."],
}
CONTEXT = {
    "en": ["Analysts said a quick breakthrough in the talks was unlikely.",
           "The ministry did not respond to a request for comment on Monday.",
           "Fuel and grain prices rose again last week, according to the statistics office.",
           "The statement was published on the ministry's website late in the evening.",
           "Relations between the two countries have been tense for several years.",
           "Opposition politicians demanded a debate in parliament about the consequences.",
           "Several residents told reporters that they had heard loud explosions before dawn.",
           "The agreement on transit fees expires at the end of the year and has not been extended."],
    "de": ["Beobachter halten einen raschen Durchbruch bei den Gesprächen für unwahrscheinlich.",
           "Das Ministerium reagierte am Montag nicht auf eine Bitte um Stellungnahme.",
           "Die Preise für Treibstoff und Getreide stiegen in der vergangenen Woche erneut.",
           "Die Erklärung wurde am späten Abend auf der Internetseite des Ministeriums veröffentlicht.",
           "Die Beziehungen zwischen beiden Ländern sind seit mehreren Jahren angespannt.",
           "Oppositionspolitiker forderten eine Debatte im Parlament über die Folgen.",
           "Mehrere Anwohner berichteten, sie hätten vor Sonnenaufgang laute Explosionen gehört.",
           "Das Abkommen über Transitgebühren läuft Ende des Jahres aus und wurde nicht verlängert."],
    "ru": ["Эксперты считают, что быстрого прорыва в переговорах ждать не стоит.",
           "В министерстве в понедельник не ответили на запрос о комментарии.",
           "Цены на топливо и зерно на прошлой неделе снова выросли, сообщает статистическое ведомство.",
           "Заявление было опубликовано на сайте министерства поздно вечером.",
           "Отношения между двумя странами остаются напряжёнными уже несколько лет.",
           "Оппозиционные политики потребовали обсудить последствия в парламенте.",
           "Несколько жителей рассказали журналистам, что слышали громкие взрывы перед рассветом.",
           "Соглашение о транзитных сборах истекает в конце года и не было продлено."],
    "uk": ["Експерти вважають, що швидкого прориву в переговорах чекати не варто.",
           "У міністерстві в понеділок не відповіли на запит про коментар.",
           "Ціни на пальне та зерно минулого тижня знову зросли, повідомляє статистичне відомство.",
           "Заяву було опубліковано на сайті міністерства пізно ввечері.",
           "Відносини між двома країнами залишаються напруженими вже кілька років.",
           "Опозиційні політики вимагали обговорити наслідки в парламенті.",
           "Кілька мешканців розповіли журналістам, що чули гучні вибухи перед світанком.",
           "Угода про транзитні збори спливає наприкінці року і не була продовжена."],
    "ro": ["Analiștii spun că o înțelegere rapidă în negocieri este puțin probabilă.",
           "Ministerul nu a răspuns luni unei solicitări de comentariu.",
           "Prețurile la combustibil și cereale au crescut din nou săptămâna trecută, potrivit institutului de statistică.",
           "Declarația a fost publicată seara târziu pe site-ul ministerului.",
           "Relațiile dintre cele două țări sunt tensionate de câțiva ani.",
           "Politicieni din opoziție au cerut o dezbatere în parlament despre consecințe.",
           "Mai mulți locuitori au declarat că au auzit explozii puternice înainte de zori.",
           "Acordul privind taxele de tranzit expiră la sfârșitul anului și nu a fost prelungit."],
    "fr": ["Selon les analystes, une percée rapide dans les négociations est peu probable.",
           "Le ministère n'a pas répondu lundi à une demande de commentaire.",
           "Les prix du carburant et des céréales ont de nouveau augmenté la semaine dernière, selon l'office statistique.",
           "La déclaration a été publiée tard dans la soirée sur le site du ministère.",
           "Les relations entre les deux pays sont tendues depuis plusieurs années.",
           "Des responsables de l'opposition ont réclamé un débat au parlement sur les conséquences.",
           "Plusieurs habitants ont raconté avoir entendu de fortes explosions avant l'aube.",
           "L'accord sur les frais de transit expire à la fin de l'année et n'a pas été prolongé."],
}
NOISE = {"en": ["Read more", "Share this article", "Photo: Reuters"],
         "de": ["Lesen Sie auch", "Artikel teilen", "Foto: dpa"],
         "ru": ["Читайте также", "Поделиться", "Фото: ТАСС"],
         "uk": ["Читайте також", "Поділитися", "Фото: Укрінформ"],
         "ro": ["Citește și", "Distribuie", "Foto: Agerpres"],
         "fr": ["Lire aussi", "Partager", "Photo : AFP"]}
TITLE = {"en": "Report", "de": "Meldung", "ru": "Сообщение", "uk": "Повідомлення", "ro": "Știre", "fr": "Dépêche"}
OUTLETS = ["Wire Service", "Daily Ledger", "Kurier", "Вестник", "Observatorul", "Le Courrier"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence(rng: random.Random, lang: str) -> str:
    """One sentence: an event (35 %) or a context sentence."""
    if rng.random() >= 0.35:
        return rng.choice(CONTEXT[lang])
    (a, ag, city), (b, bg, _) = rng.sample(COUNTRIES[lang], 2)
    text = rng.choice(EVENTS[lang]).format(A=a, Ag=ag, B=b, Bg=bg, city=city, d=rng.randint(1, 28),
                                           m=MONTHS[lang][rng.randrange(12)])
    return _cap(text)


def article(rng: random.Random, lang: str, i: int, sentences: int | None = None) -> str:
    """An article: a headline, paragraphs of 2-4 sentences, now and then a boilerplate line."""
    n = sentences if sentences is not None else max(8, int(rng.gauss(40, 10)))
    lines = [f"{TITLE[lang]} {i}"]
    while n > 0:
        k = min(n, rng.randint(2, 4))
        lines.append(" ".join(sentence(rng, lang) for _ in range(k)))
        n -= k
        if rng.random() < 0.15:
            lines.append(rng.choice(NOISE[lang]))
    return "\n".join(lines) + "\n"


def long_article(lang: str, size: int, seed: int = 11) -> str:
    """One article of about `size` bytes (UTF-8)."""
    rng = random.Random(seed)
    parts, total, i = [f"{TITLE[lang]}\n"], 0, 0
    while total < size:
        para = " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 4))) + "\n"
        parts.append(para)
        total += len(para.encode("utf-8"))
        i += 1
    return "".join(parts)


def generate(folder: Path, n: int = 5000, seed: int = 7) -> dict[str, int]:
    """n articles into folder: 70 % .txt with front matter, 10 % .txt without, 10 % .html, 10 % in
    .jsonl files of 50 records. Returns {"articles", "words", "bytes", "files"}."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    records: list[str] = []
    words = size = files = 0
    for i in range(n):
        lang = LANGS[i % len(LANGS)]
        text = article(rng, lang, i)
        words += len(text.split())
        day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        outlet = OUTLETS[i % len(OUTLETS)]
        kind = i % 10
        if kind == 8:
            paras = "".join(f"<p>{ln}</p>" for ln in text.splitlines()[1:])
            body = (f"<html lang='{lang}'><head><title>{TITLE[lang]} {i}</title>"
                    f"<meta property='og:site_name' content='{outlet}'>"
                    f"<meta property='article:published_time' content='{day}'></head>"
                    f"<body><article><h1>{TITLE[lang]} {i}</h1>{paras}</article></body></html>")
            path = folder / f"a{i:05d}.html"
        elif kind == 9:
            records.append(json.dumps({"text": text, "date": day, "source": outlet, "language": lang},
                                      ensure_ascii=False))
            if len(records) == 50:
                path, body, records = folder / f"a{i:05d}.jsonl", "\n".join(records) + "\n", []
            else:
                continue
        elif kind == 7:
            path, body = folder / f"a{i:05d}.txt", text
        else:
            path = folder / f"a{i:05d}.txt"
            body = f"---\noutlet: {outlet}\npublished: {day}\nlanguage: {lang}\n---\n{text}"
        path.write_text(body, encoding="utf-8")
        size += len(body.encode("utf-8"))
        files += 1
    if records:
        body = "\n".join(records) + "\n"
        (folder / "rest.jsonl").write_text(body, encoding="utf-8")
        size += len(body.encode("utf-8"))
        files += 1
    return {"articles": n, "words": words, "bytes": size, "files": files}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 7
    if "--long" in argv:
        lang = argv[argv.index("--lang") + 1] if "--lang" in argv else "de"
        folder.mkdir(parents=True, exist_ok=True)
        text = long_article(lang, int(argv[argv.index("--long") + 1]), seed)
        (folder / f"long.{lang}.txt").write_text(text, encoding="utf-8")
        print(f"{len(text.encode('utf-8')):,} bytes in {folder / f'long.{lang}.txt'}")
        return 0
    n = int(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else 5000
    stats = generate(folder, n, seed)
    print(f"{stats['articles']} articles, {stats['words'] / stats['articles']:.0f} words on average, "
          f"{stats['bytes']:,} bytes in {stats['files']} files under {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
