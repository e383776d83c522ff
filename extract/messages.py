"""Messages and couriers: «سلّم/نقل X رسالة من Y إلى Z» — Y writes to Z, X carries."""

from __future__ import annotations

from tawasul.extract.arabic import norm
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence
from tawasul.extract.positions import agent_before, conjuncts_of
from tawasul.extract.reading import Sides


def read_message(
    sentence: Sentence, in_clause: list[Phrase], token: int, left: int, phrases: list[Phrase]
) -> Sides | None:
    """«سلّم X رسالة من Y إلى Z», «نقل X تحيات Y إلى Z», «نقل X إلى Z تحيات Y»: the
    message goes from Y to Z and X, who carried it, meets Z. None unless both sender and
    recipient are named."""
    after = [p for p in in_clause if p.start > token]
    sender = next(
        (p for p in after if p.preposition == "من" or (p.start == token + 1 and not p.preposition)),
        None,
    )
    if sender is None:
        return None
    to = (norm("إلى"), "ل")
    later = [p for p in after if p.start > sender.start]
    recipient = next((p for p in later if p.preposition in to), None)
    courier = agent_before(sentence, in_clause, token, left, phrases)
    if recipient is None:
        # «نقل الوزير إلى الرئيس الأوغندي تحيات الرئيس الكيني»: the recipient named first,
        # between the courier and the message
        start = max((p.end for p in courier), default=left)
        before = [p for p in in_clause if start <= p.start < token and p.preposition in to]
        if not before:
            return None
        return Sides((sender,), (before[-1],), "clause", courier=courier)
    others = [recipient, *conjuncts_of(sentence, recipient, later[later.index(recipient) + 1 :])]
    return Sides((sender,), tuple(others), "clause", courier=courier)
