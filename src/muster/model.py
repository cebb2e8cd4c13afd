"""The data model: a Document carrying layers of spans, and the Events coded from them."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


def content_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256 (whitespace-normalised)."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Span:
    """A stretch of the document's clean text, [start, end) in characters, with a label."""

    start: int
    end: int
    text: str
    label: str = ""

    @property
    def span(self) -> list[int]:
        return [self.start, self.end]


@dataclass
class Sentence(Span):
    label: str = "SENT"


@dataclass
class Mention(Span):
    """An actor mention: a country, government seat, office holder, institution, organisation.

    `code` is CAMEO-style (country ISO3 + sector: RUSGOV, AZEBUS) or an organisation code (NATO).
    `role` tells how the text uses it when syntax says so: "actor"-like (subject), "place"-like
    ("in Kiew"), or "" when unknown. `kind` says what matched (country, adjective, capital,
    person, institution, organisation, outlet). `attrs` carries extra evidence (e.g. the rule).
    """

    label: str = "ACTOR"
    name: str = ""
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str = ""
    role: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span, "name": self.name, "code": self.code,
                "country": self.country, "sector": self.sector, "kind": self.kind, "role": self.role}


@dataclass
class Place(Span):
    """A toponym resolved against the offline gazetteer."""

    label: str = "PLACE"
    name: str = ""
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str = ""  # "city", "admin1", "admin2", "country", "continent", "region", "sea", "river", "site"
    # a country, continent or landmark named as an actor or attribute ("Russia said", "Russian troops"),
    # not as where something is: a toponym for the places layer, not an event location
    reference: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span, "name": self.name, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid}

    def location(self) -> dict[str, Any]:
        """EVENT_FORMAT location object."""
        return {"text": self.text, "name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid}


@dataclass
class TimeX(Span):
    """A temporal expression normalised against the anchor (publication date) and tense.

    value: ISO at the given granularity or None; start/end: ISO days bounding it;
    granularity: day|week|month|quarter|year|range. `relation` marks vague relations
    ("before", "after", "since", "") for expressions like "kurz nachdem", "seit 2022".
    """

    label: str = "TIME"
    value: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    granularity: str = "day"
    relation: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span, "value": self.value, "start": self.start_date,
                "end": self.end_date, "granularity": self.granularity, "relation": self.relation}

    def date(self) -> dict[str, Any]:
        """EVENT_FORMAT date object."""
        return {"text": self.text, "value": self.value, "start": self.start_date,
                "end": self.end_date, "granularity": self.granularity}


@dataclass
class Attribution(Span):
    """A source cue: "Laut Euronews", "according to Reuters", "по данным ТАСС"."""

    label: str = "ATTRIB"
    source: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span, "source": self.source}


@dataclass
class Document:
    """One article: metadata, raw text, clean text, and the annotation layers added by components.

    `offsets[i]` is the index in `raw` of clean-text character i, so every span can be traced
    back to the original file. Layers are filled by pipeline components, in pipeline order.
    """

    raw: str
    clean: str = ""
    offsets: list[int] = field(default_factory=list)
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    path: str | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)  # boilerplate lines dropped
    warnings: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeX] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list["Event"] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # names of components that ran

    def __post_init__(self) -> None:
        if not self.clean:
            self.clean = self.raw
        if not self.offsets:
            self.offsets = list(range(len(self.clean)))
        if not self.id:
            self.id = content_id(self.clean)

    def source(self) -> dict[str, Any]:
        return {"doc_id": self.id, "url": self.url, "outlet": self.outlet, "published": self.published}

    def sentence_of(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def in_range(self, layer: str, start: int, end: int) -> list[Any]:
        """Spans of a layer that lie inside [start, end)."""
        return [s for s in getattr(self, layer) if s.start >= start and s.end <= end]


def party(m: Mention | None, implicit: bool = False, text: str | None = None) -> dict[str, Any] | None:
    """EVENT_FORMAT party object from a mention."""
    if m is None:
        return None
    return {"text": text if text is not None else m.text, "name": m.name, "code": m.code,
            "country": m.country, "sector": m.sector, "implicit": implicit}


@dataclass
class Event:
    """A coded event; `to_dict()` is one line of shared/EVENT_FORMAT.md."""

    event_type: str
    doc_id: str
    evidence: dict[str, Any]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    actor: dict[str, Any] | None = None
    recipient: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    attribution: dict[str, Any] | None = None
    negated: bool = False
    hypothetical: bool = False
    sources: list[dict[str, Any]] = field(default_factory=list)
    language: str | None = None
    rule: str | None = None  # which pattern fired (for --explain)
    trigger: dict[str, Any] | None = None  # {"text", "start", "end"}
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            # the parties belong to the key: "Lithuania, Latvia and Estonia expelled ..." is three events
            parties = [[(p or {}).get(k) for k in ("code", "country", "text")] for p in (self.actor, self.recipient)]
            key = json.dumps([self.doc_id, self.event_type, self.evidence.get("start"),
                              (self.trigger or {}).get("start"), self.cameo, parties], sort_keys=True)
            self.id = hashlib.sha256(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        order = ["id", "doc_id", "event_type", "mode", "context", "cameo", "goldstein", "actor",
                 "recipient", "date", "location", "attribution", "negated", "hypothetical",
                 "evidence", "sources", "language", "rule", "trigger"]
        return {k: d[k] for k in order}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in d.items() if k in names})
