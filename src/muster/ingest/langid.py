"""Language identification with py3langid, restricted to muster's languages (see docs/design-langid.md)."""
from __future__ import annotations

from functools import lru_cache

from ..lang import SUPPORTED, languages

MAX_CHARS = 4000        # identify on the first characters only: enough for a reliable guess
MIN_CONFIDENCE = 0.90   # below this (normalised probability) the guess comes with a warning W002


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Language names and 3-letter codes found in metadata -> our codes (`aliases` in lang/<code>/language.yaml)."""
    return {alias: code for code, entry in languages().items() for alias in entry.aliases}


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's model restricted to SUPPORTED. The wheel ships it LZMA-compressed (~0.4 s to
    unpack); the unpacked, restricted model is cached (langid_cache.py) and loads in ~0.05 s."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from . import langid_cache

    ident = langid_cache.load(LanguageIdentifier, SUPPORTED)
    if ident is None:
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(list(SUPPORTED))
        langid_cache.save(ident, SUPPORTED)
    return ident


def identify(text: str) -> tuple[str, float]:
    """(language code among SUPPORTED, normalised probability)."""
    lang, prob = _identifier().classify(text[:MAX_CHARS])
    return str(lang), float(prob)


def normalise(code: object) -> str:
    """'de-DE' -> 'de', 'German' -> 'de', 'UA' -> 'uk'; unknown values come back lower-cased."""
    s = str(code).strip().lower().replace("_", "-")
    names = _names()
    s = names.get(s, s)
    base = s.split("-")[0]
    return names.get(base, base)


def resolve(given: object, text: str) -> tuple[str, list[str]]:
    """The document's language and warnings: a supported given language wins; otherwise the
    best guess among SUPPORTED, with W002 when it was unsupported or the guess is uncertain."""
    warnings: list[str] = []
    if given:
        code = normalise(given)
        if code in SUPPORTED:
            return code, warnings
    lang, prob = identify(text)
    if given:
        warnings.append(f"W002 language {given!r} is not supported; identified {lang!r} (p={prob:.2f})")
    elif prob < MIN_CONFIDENCE or not text.strip():
        warnings.append(f"W002 language uncertain: best guess {lang!r} (p={prob:.2f})")
    return lang, warnings
