"""What earlier sentences of an article leave open for later ones: an open caller,
and the sides named so far («كلا الطرفين»)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from tawasul.extract.actors import Resolver
from tawasul.extract.arabic import clitic_readings
from tawasul.extract.mentions import Phrase
from tawasul.extract.reading import Sides

DISCOURSE_REACH = 2  # sentences an open caller stays available to a definite trigger


@dataclass
class Discourse:
    """What earlier sentences of the article leave open, passed from one to the next.

    «أجرى الوزير التركي سلسلة اتصالات مع عدد من نظرائه» names the caller but not
    the callees; «الاتصالات جرت مع …» in the next sentence names the callees but,
    with a definite «الاتصالات», refers back to the same calls and their caller.
    """

    agent: tuple[Phrase, ...] = ()
    age: int = 0
    # the subject the previous sentence opened with, for a next one whose verb has none
    # («وصلت الوزيرة إلى القدس. وأجرت مباحثات مع …»)
    subject: tuple[Phrase, ...] = ()
    # the sides named so far, most recent last, for «الطرفين» («both parties»)
    seen: list = field(default_factory=list)

    def saw(self, actors: Iterable) -> None:
        for actor in actors:
            if actor in self.seen:
                self.seen.remove(actor)
            self.seen.append(actor)

    def two_parties(self, exclude: set) -> tuple:
        """The two most recently named sides other than `exclude`."""
        out: list = []
        for actor in reversed(self.seen):
            if actor not in exclude and actor not in out:
                out.append(actor)
            if len(out) == 2:
                return tuple(reversed(out))
        return ()

    def opened_with(self, subject: tuple[Phrase, ...]) -> None:
        """The sentence just read opened with `subject` (or with none)."""
        self.subject = subject

    def next_sentence(self) -> None:
        self.age += 1
        if self.age > DISCOURSE_REACH:
            self.agent = ()


def follow_discourse(
    sides: Sides, trigger_text: str, resolver: Resolver, discourse: Discourse
) -> Sides:
    """Borrow the open caller for a definite trigger with no subject; remember a caller
    whose counterparts this clause does not name."""
    resolved = [p for p in sides.other if resolver.resolve(p) is not None]
    if sides.agent and not resolved and not sides.members:
        discourse.agent, discourse.age = sides.agent, 0
    definite = any(rest.startswith("ال") for _, rest in clitic_readings(trigger_text))
    if not sides.agent and resolved and definite and discourse.agent:
        return replace(sides, agent=discourse.agent, method="clause")
    return sides
