"""Frames around a trigger that change what it reports: a host and its guests, a tour and
the places it covers, an invitation taken up or only offered, an offer made to someone
else, talks that others attend. Each reads a few cue words (`data/lexicon/cues.tsv`)
around the trigger; `contacts.py` asks them before it builds a contact."""

from __future__ import annotations

from tawasul.extract.arabic import clitic_variants, norm, noun_stems, plain
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence
from tawasul.extract.positions import is_finite


def attended_talks(sentence: Sentence, token: int, trigger: Trigger, lexicon: Lexicon) -> bool:
    """Talks already reported («المحادثات», definite) as the object of an attendance verb:
    those who attend them watch others negotiate («حضروا المحادثات غير المعلنة»)."""
    word = plain(sentence.tokens[token].text)
    if trigger.mode != "talks" or not word.startswith("ال") or is_finite(sentence, token):
        return False
    return any(
        lexicon.cue(f, "attends")
        for t in sentence.tokens[max(0, token - 2) : token]
        for f in clitic_variants(t.text)
    )


#: Tokens before «شملت» within which a tour noun makes it a list of places visited.
TOUR_REACH = 5
COVERS = ("شمل", "شملت", "تشمل", "يشمل", "ستشمل")


def covers_without_a_tour(sentence: Sentence, token: int, lexicon: Lexicon) -> bool:
    """«بدأ جولة خلال أيام شملت السعودية واليمن», «بجولة خليجية تشمل …» visit each place;
    «شمل» with no tour before it is no contact."""
    if not any(f in COVERS for f in clitic_variants(sentence.tokens[token].text)):
        return False
    for index in range(token - 1, max(-1, token - 1 - TOUR_REACH), -1):
        forms = clitic_variants(sentence.tokens[index].text)
        if any(f in lexicon.triggers for f in forms):
            return True  # «جولة محادثات تشمل …»: a round of talks, not a tour
        if any(lexicon.cue(f, "tour") for f in forms):
            return False
    return True


#: Tokens after a hosting verb within which a hosted gathering noun is its object.
HOSTED_REACH = 5


def hosts_a_gathering(sentence: Sentence, token: int, lexicon: Lexicon) -> bool:
    """A hosting verb whose object is a trigger noun («استضافت مسقط جولة محادثات بين …»,
    «تستضيف القاهرة اجتماعا لوزراء …»): the host is the place, the noun is the contact."""
    if not any(lexicon.cue(f, "gathers") for f in clitic_variants(sentence.tokens[token].text)):
        return False
    for index in range(token + 1, min(len(sentence.tokens), token + 1 + HOSTED_REACH)):
        forms = clitic_variants(sentence.tokens[index].text)
        found = [lexicon.triggers.get(b) for f in forms for b in (f, *noun_stems(f))]
        # a delegation hosted is a guest, not a gathering («استضاف وفدا من طالبان»)
        if not is_finite(sentence, index) and any(t and t.mode != "delegation" for t in found):
            return True
        if lexicon.cue(plain(sentence.tokens[index].text), "holds"):
            return True  # «جولة», «جلسة» of talks
    return False


def addressee_of_offer(
    sentence: Sentence, phrases: list[Phrase], left: int, token: int, lexicon: Lexicon
) -> tuple[Phrase, ...]:
    """The phrase after «على/إلى» that follows an offer verb before the trigger («عرض على
    X عقد اجتماع»): who is offered the contact."""
    offer = next(
        (
            i
            for i in range(left, token)
            if is_finite(sentence, i)
            and any(
                lexicon.cue(f, "status") == "offered"
                for f in clitic_variants(sentence.tokens[i].text)
            )
        ),
        None,
    )
    if offer is None:
        return ()
    marked = [
        p
        for p in phrases
        if offer < p.start < token and p.preposition in (norm("على"), norm("إلى"))
    ]
    return tuple(marked[:1])


def answered_invitation(sentence: Sentence, token: int, left: int, lexicon: Lexicon) -> int:
    """Where the answer to an invitation begins (0 when there is none): «تلبية لدعوة»,
    «استجابة لدعوة», or «بدعوة» after a verb of the clause («وصل … بدعوة من»)."""
    word = plain(sentence.tokens[token].text)
    if not word.endswith("دعوه") or not any(is_finite(sentence, i) for i in range(left, token)):
        return 0
    if token > left and lexicon.cue(plain(sentence.tokens[token - 1].text), "answers"):
        return token - 1
    return token if word == "بدعوه" else 0
