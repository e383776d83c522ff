"""What a reading of a clause found: the phrases on each side of a trigger."""

from __future__ import annotations

from dataclasses import dataclass

from tawasul.extract.mentions import Phrase


@dataclass(frozen=True)
class Sides:
    """Phrases on each side of a trigger, and which path found them."""

    agent: tuple[Phrase, ...]
    other: tuple[Phrase, ...]
    method: str
    members: tuple[Phrase, ...] = ()  # multilateral meetings: everyone at the table
    intermediary: tuple[Phrase, ...] = ()
    joint: bool = False  # the sides were listed together («بين X وY وZ»): one table
    courier: tuple[Phrase, ...] = ()  # who carried a message from `agent` to `other`
