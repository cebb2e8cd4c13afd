"""The parties an incident's mentions vouch for, and whether one more mention agrees with them."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Event
from .coref_match import named_key, party_key, verbal


@dataclass
class Side:
    """The actor and recipient keys one group of mentions gave."""

    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)

    def add(self, a: str | None, r: str | None) -> None:
        if a:
            self.actors.add(a)
        if r:
            self.recipients.add(r)

    def differs(self, a: str | None, r: str | None, swap_ok: bool = False) -> bool:
        """An actor or recipient other than the ones given; with `swap_ok`, roles aside: not when every
        party given here is one of the two."""
        if swap_ok and a and r and (self.actors | self.recipients) <= {a, r}:
            return False
        return bool((a and self.actors and a not in self.actors)
                    or (r and self.recipients and r not in self.recipients))


@dataclass
class Parties:
    """The parties of a chain of mentions: named and inferred below the headline, named in the headline.

    The body of an article names the parties with more care than its headline: a headline's inferred
    party is a guess, and a headline built of nouns ("Drohnenangriff beschädigt aserbaidschanische
    Botschaft") may swap actor and recipient. So the headline's named parties need only be among the
    body's two, in any role, and its inferred ones are ignored; below the headline, a named or inferred
    party that differs parts two mentions. An incident named inside a speech act ("verurteilte den
    Drohnenangriff auf seine Botschaft") is as loose: the speaker leaks into its roles. `loose` below
    marks such mentions.
    """

    named: Side = field(default_factory=Side)
    known: Side = field(default_factory=Side)  # named or inferred, below the headline
    head: Side = field(default_factory=Side)  # named in the headline
    guessed: bool = False  # the headline gave an inferred actor

    def add(self, ev: Event, loose: bool) -> None:
        a, r = named_key(ev.actor), named_key(ev.recipient)
        if loose:
            self.head.add(a, r)
            self.guessed = self.guessed or party_key(ev.actor) is not None
        else:
            self.named.add(a, r)
            self.known.add(party_key(ev.actor), party_key(ev.recipient))

    def agree(self, ev: Event, loose: bool) -> bool:
        """No party of `ev` differs from the chain's (see the module docstring). A speech act needs its
        speaker known on both sides: one speaker's statement told twice, not two speakers."""
        a, r = named_key(ev.actor), named_key(ev.recipient)
        pa, pr = party_key(ev.actor), party_key(ev.recipient)
        if loose:
            if self.named.differs(a, r, swap_ok=True) or self.head.differs(a, r):
                return False
        else:
            if self.named.differs(a, r) or self.known.differs(pa, pr) or self.head.differs(a, r, swap_ok=True):
                return False
            # an inferred party against the headline's named one: no swap excuses a guess
            if self.head.differs(None if a else pa, None if r else pr):
                return False
        if verbal(ev.event_type):
            return bool(pa) and bool(self.known.actors or self.head.actors or self.guessed)
        return True
