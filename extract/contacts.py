"""Contacts of a sentence: trigger → clause → sides → actors, with how and when.

One side × other side gives bilateral contacts («Shoigu with his three
counterparts» is three contacts); a multilateral meeting is one contact of all
its members. Two triggers of one sentence naming the same participants («بحث في
اتصالات هاتفية مع») make one contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tawasul.extract.actors import Resolver, affiliation_of, side_of
from tawasul.extract.arabic import clitic_variants, plain
from tawasul.extract.circumstances import (
    DATE_REACH,
    MODE_RANK,
    STATUS_REACH,
    dates,
    future_date,
    governing_status,
    is_mediated,
    mode_of,
    status_of,
    status_start,
)
from tawasul.extract.clauses import clause_bounds, find_triggers
from tawasul.extract.discourse import Discourse, follow_discourse
from tawasul.extract.frames import (
    addressee_of_offer,
    answered_invitation,
    attended_talks,
    covers_without_a_tour,
    hosts_a_gathering,
)
from tawasul.extract.lexicon import Lexicon, Trigger
from tawasul.extract.mentions import Phrase
from tawasul.extract.nlp import Sentence
from tawasul.extract.positions import (
    after_temporal,
    circumstantial,
    has_possessive,
    is_finite,
    matrix_subject,
)
from tawasul.extract.reading import Sides
from tawasul.extract.records import Actor, Contact, Participant
from tawasul.extract.sides import (
    JOINT_MODES,
    clause_sides,
    combine,
    purpose_noun,
    tree_sides,
    with_companions,
)


def sentence_contacts(
    article_id: str,
    sentence: Sentence,
    phrases: list[Phrase],
    resolver: Resolver,
    lexicon: Lexicon,
    discourse: Discourse | None = None,
) -> list[Contact]:
    """All contacts whose trigger is in `sentence`, one per participant set."""
    discourse = discourse if discourse is not None else Discourse()
    found: dict[frozenset[str], Contact] = {}
    previous_agent: tuple[Phrase, ...] = ()
    previous_status = ""
    settings: set[frozenset[str]] = set()  # visits named as the time of another contact
    for word_index, trigger in find_triggers(sentence, phrases, lexicon):
        token = sentence.words[word_index].token
        if _continues_an_event(sentence, token, lexicon):
            continue  # «تتواصل المعارك بين …»: «تواصل» meaning "goes on", not contact
        if covers_without_a_tour(sentence, token, lexicon):
            continue  # «وشملت المساعدات اليمن»: «شمل» visits only after «جولة»
        if attended_talks(sentence, token, trigger, lexicon):
            continue  # «مسؤولين من مصر والإمارات حضروا المحادثات»: observers of others' talks
        if hosts_a_gathering(sentence, token, lexicon):
            continue  # «استضافت الدوحة محادثات بين …»: the talks name their own parties
        left, right = clause_bounds(sentence, token, lexicon)
        tree = tree_sides(sentence, word_index, trigger, phrases, (left, right))
        clause = clause_sides(sentence, token, trigger, phrases, (left, right), lexicon)
        sides = combine(tree, clause)
        sides = with_companions(sentence, sides, phrases, (left, right), trigger.mode)
        if not sides.other and answered_invitation(sentence, token, left, lexicon):
            # «تلبية لدعوة الإدارة الأمريكية»: the invitation's genitive is the inviter
            inviter = [p for p in phrases if p.start == token + 1 and p.preposition is None]
            sides = replace(sides, other=tuple(inviter))
        addressee = addressee_of_offer(sentence, phrases, left, token, lexicon)
        if addressee and sides.other:
            # «عرض الرئيس التركي على الرئيس الأوكراني عقد اجتماع مع الرئيس الروسي»: the one
            # offered the meeting would hold it; the one offering stays out of it
            sides = replace(sides, agent=addressee, method="clause")
        if circumstantial(sentence, token, trigger, lexicon):  # «… خلال اجتماع السبت»
            sides = replace(sides, agent=tuple(p for p in sides.agent if p.start > token))
        sides = follow_discourse(sides, sentence.tokens[token].text, resolver, discourse)
        # «وأجرت مباحثات مع …»: the light verb before a trigger noun
        light = token > 0 and not is_finite(sentence, token) and is_finite(sentence, token - 1)
        subjectless = (
            is_finite(sentence, token)
            or light
            or _possessed(sentence, token)
            or _purpose_of_subjectless_verb(sentence, token, left, phrases, lexicon)
        )
        if not sides.agent and sides.other and subjectless:
            # A verb with no subject of its own: in a relative clause, the phrase it
            # describes («… إسماعيل هنية، الذي يزور لبنان»); else the subject of the
            # sentence's previous trigger («زار … الرياض حيث التقى ولي العهد»).
            agent = _antecedent(sentence, phrases, left, lexicon) or previous_agent
            if not agent and _opens_sentence(sentence, token - 1 if light else token):
                agent = discourse.subject  # «… . وأجرت مباحثات مع …»: the last subject
            sides = replace(sides, agent=agent, method="clause")
        if not sides.agent and not sides.members:
            subject = matrix_subject(sentence, phrases, left, lexicon)
            if subject:
                sides = replace(sides, agent=subject, method="clause")
        previous_agent = sides.agent or previous_agent
        contacts = _contacts(
            article_id, sentence, token, trigger, (left, right), sides, resolver, lexicon, discourse
        )
        if not contacts and clause.agent and clause.agent != sides.agent:
            # «دعا الرئيس الأمريكي نظيره الروسي إلى زيارة واشنطن»: the parse gives the
            # inviter as subject, which leaves host and visitor on one side; the
            # clause's nearest subject (the invited) is the visitor.
            sides = replace(sides, agent=clause.agent, method="clause")
            contacts = _contacts(
                article_id,
                sentence,
                token,
                trigger,
                (left, right),
                sides,
                resolver,
                lexicon,
                discourse,
            )
        if left > 0 and plain(sentence.tokens[left - 1].text) == "ثم" and previous_status:
            # «سيلتقي … ثم يتوجه إلى تبليسي للقاء نظيره»: «ثم» goes on in the same tense
            contacts = [replace(c, status=previous_status) for c in contacts]
        previous_status = contacts[0].status if contacts else previous_status
        if trigger.mode == "visit" and after_temporal(sentence, token, lexicon):
            settings.update(frozenset(p.actor.id for p in c.participants) for c in contacts)
        for contact in contacts:
            key = frozenset(p.actor.id for p in contact.participants)
            if key in found:
                found[key] = _merge(found[key], contact)
            else:
                found[key] = contact
    for contact in _format_contacts(article_id, sentence, lexicon, resolver):
        found.setdefault(frozenset(p.actor.id for p in contact.participants), contact)
    discourse.opened_with(_opening_subject(sentence, phrases, resolver))
    return _without_state_echoes(_without_venues(found, settings))


def _same_one(a: Participant, b: Participant) -> bool:
    """The same mention, or the same known person."""
    return a.start == b.start or (a.actor == b.actor and a.actor.kind == "person")


def _without_venues(
    found: dict[frozenset[str], Contact], settings: set[frozenset[str]]
) -> list[Contact]:
    """«عقدا اجتماعا أثناء زيارة كل منهما لبكين»: a visit named as the time of a meeting
    between others is where they met; its host is no party (when the meeting's sides
    leave the host out)."""
    others = [c for k, c in found.items() if k not in settings]
    kept = []
    for key, contact in found.items():
        if key in settings and len(contact.participants) == 2:
            # the visitor himself meets someone else there: «عقب زيارة الرئيس لبكين، أجرى
            # وزيره محادثات مع …» is still the president's visit to China
            # (the same person, or the same words: two unnamed officials of one state
            # are not known to be one man)
            visitor, host = contact.participants[0], side_of(contact.participants[1])
            if any(
                any(_same_one(p, visitor) for p in c.participants)
                and host not in {side_of(p) for p in c.participants}
                for c in others
            ):
                continue
        kept.append(contact)
    return kept


def _without_state_echoes(contacts: list[Contact]) -> list[Contact]:
    """«… مع نظيره الكوري الجنوبي الذي يزور بكين»: a two-party contact that names a state
    where another contact of the sentence names that state's person is the same encounter
    seen from further away; the named person stays, the bare state goes."""

    def states(contact: Contact) -> int:
        return sum(p.actor.kind == "state" for p in contact.participants)

    def stands_for(state: Actor, other: Contact) -> bool:
        return any(q.actor.kind != "state" and side_of(q) == state for q in other.participants)

    def echoes(contact: Contact, other: Contact) -> bool:
        if other is contact or len(contact.participants) != 2 or len(other.participants) != 2:
            return False
        if states(other) >= states(contact):
            return False  # only a more precise contact replaces one
        theirs = {q.actor.id for q in other.participants}
        mine = [p.actor for p in contact.participants]
        replaced = [a for a in mine if a.id not in theirs]
        return bool(replaced) and all(a.kind == "state" and stands_for(a, other) for a in replaced)

    return [c for c in contacts if not any(echoes(c, other) for other in contacts)]


def _antecedent(
    sentence: Sentence, phrases: list[Phrase], left: int, lexicon: Lexicon
) -> tuple[Phrase, ...]:
    """The phrase a relative pronoun at the clause's start describes («هنية، الذي …»)."""
    if left == 0 or lexicon.cue(plain(sentence.tokens[left - 1].text), "boundary") != "relative":
        return ()
    end = left - 1
    if end > 0 and sentence.tokens[end - 1].text in ("،", ","):
        end -= 1
    return tuple(p for p in phrases if p.end == end)[:1]


def _format_contacts(
    article_id: str, sentence: Sentence, lexicon: Lexicon, resolver: Resolver
) -> list[Contact]:
    """«جولة جديدة من المحادثات السداسية»: a named format held (a round, a session, «إجراء»,
    «عقد» just before it) is a meeting of its members."""
    texts = [t.text for t in sentence.tokens]
    out = []
    for start in range(len(texts)):
        found = resolver.gazetteer.format_at(texts, start)
        if found is None:
            continue
        end, members = found
        before = [
            f for t in sentence.tokens[max(0, start - 3) : start] for f in clitic_variants(t.text)
        ]
        if not any(lexicon.cue(f, "holds") for f in before):
            continue  # «استئناف المفاوضات السداسية» as a topic is no meeting held
        left, right = clause_bounds(sentence, start, lexicon)
        first = sentence.tokens[start]
        surface = sentence.text[
            first.start - sentence.start : sentence.tokens[end - 1].end - sentence.start
        ]
        cue_start = status_start(sentence, left, lexicon)
        status = status_of(
            sentence,
            start,
            cue_start,
            min(right, end + STATUS_REACH),
            lexicon,
            set(range(start, end)),
        )
        date_text = dates(sentence, left, right, lexicon)
        if status == "occurred" and future_date(date_text, lexicon):
            status = "planned"
        out.append(
            Contact(
                article_id=article_id,
                participants=tuple(
                    Participant(m, surface, first.start, sentence.tokens[end - 1].end)
                    for m in members
                ),
                mode="multilateral-meeting",
                status=status,
                mediated=False,
                evidence=sentence.text,
                evidence_start=sentence.start,
                evidence_end=sentence.end,
                trigger=surface,
                method="format",
                date_text=date_text,
            )
        )
    return out


def _continues_an_event(sentence: Sentence, token: int, lexicon: Lexicon) -> bool:
    if token + 1 >= len(sentence.tokens):
        return False
    return any(
        lexicon.cue(form, "event") for form in clitic_variants(sentence.tokens[token + 1].text)
    )


def _opens_sentence(sentence: Sentence, token: int) -> bool:
    """The trigger verb is the sentence's first word, «و»/«ف» included."""
    return token == 0 or (token == 1 and plain(sentence.tokens[0].text) in ("و", "ف"))


def _opening_subject(
    sentence: Sentence, phrases: list[Phrase], resolver: Resolver
) -> tuple[Phrase, ...]:
    """The subject a sentence opens with: its first phrase, no preposition, within the
    first words (verb first or not), when it names an actor."""
    first = next((p for p in phrases if p.start <= 2), None)
    if first is None or first.preposition is not None or resolver.resolve(first) is None:
        return ()
    return (first,)


def _possessed(sentence: Sentence, token: int) -> bool:
    """«ونتائج استقباله رئيس الوزراء»: a trigger noun whose pronoun is its agent."""
    first = sentence.tokens[token].words[0]
    return sentence.words[first].upos == "NOUN" and has_possessive(sentence, token)


def _purpose_of_subjectless_verb(
    sentence: Sentence, token: int, left: int, phrases: list[Phrase], lexicon: Lexicon
) -> bool:
    """«ثم يتوجه إلى تبليسي للقاء نظيره», «… لإجراء محادثات»: «ل» + a trigger noun (or
    its light verb) after a verb whose clause names no subject; whoever goes meets."""
    light = token > left and any(
        lexicon.cue(form, "holds") for form in clitic_variants(sentence.tokens[token - 1].text)
    )
    marked = sentence.tokens[token - 1 if light else token].text
    if not plain(marked).startswith("ل"):
        return False
    if not any(is_finite(sentence, i) for i in range(left, token)):
        return False
    return not any(left <= p.start < token and p.preposition is None for p in phrases)


def _contacts(
    article_id: str,
    sentence: Sentence,
    token: int,
    trigger: Trigger,
    bounds: tuple[int, int],
    sides: Sides,
    resolver: Resolver,
    lexicon: Lexicon,
    discourse: Discourse | None = None,
) -> list[Contact]:
    left, right = bounds
    if trigger.mode == "message" and _sent_by_statement(sentence, left, token, lexicon):
        return []  # «هدفت تصريحاته لإيصال رسالة إلى واشنطن»: a public statement, no contact
    phrases = (*sides.agent, *sides.other, *sides.members)
    named = {i for p in phrases for i in range(p.start, p.end)}
    reach = max((p.end for p in phrases), default=token + 1)
    first_after = min((p.start for p in phrases if p.start > token), default=0)
    cue_end = min(right, max(token + STATUS_REACH + 1, first_after))
    cue_start = status_start(sentence, left, lexicon)
    date_text = dates(sentence, left, min(right, max(reach, token + 1) + DATE_REACH), lexicon)
    status = status_of(sentence, token, cue_start, cue_end, lexicon, named)
    if status in ("occurred", "planned"):
        status = governing_status(sentence, sentence.tokens[token].words[0], lexicon) or status
    answered = answered_invitation(sentence, token, left, lexicon)
    if answered:
        # «توجه X إلى واشنطن تلبية لدعوة الإدارة الأمريكية», «وصل … بدعوة من …»: the
        # traveller visits the inviter; the tense is the travel verb's, not an offer.
        status = status_of(sentence, token, cue_start, answered, lexicon, named)
    if status == "occurred" and future_date(date_text, lexicon):
        status = "planned"  # «يزور أردوغان موسكو الأسبوع المقبل»
    base = Contact(
        article_id=article_id,
        participants=(),
        mode="visit" if answered else mode_of(sentence, trigger, left, right, lexicon),
        status=status,
        mediated=trigger.frame == "mediation" or is_mediated(sentence, left, right, lexicon),
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        trigger=sentence.tokens[token].text,
        method=sides.method,
        intermediaries=_mediators(sides.intermediary, resolver),
        date_text=date_text,
    )
    if sides.members:
        members = _distinct_sides(_participants(sides.members, resolver))
        if len(members) < 3:
            return []
        return [replace(base, participants=tuple(members), mode="multilateral-meeting")]
    agents = _participants(sides.agent, resolver)
    office = sides.agent[0].title_key if sides.agent else ""
    if agents and agents[0].actor.kind == "person":
        office = _office_of(resolver, agents[0].actor) or office
    others = _participants(sides.other, resolver, office)
    if not others and discourse is not None and any(_both_parties(p) for p in sides.other):
        # «أجرى الوفد التركي مفاوضات مع كلا الطرفين»: the two sides named before
        mine = {side_of(a) for a in agents}
        phrase = next(p for p in sides.other if _both_parties(p))
        others = tuple(
            Participant(actor, phrase.text, phrase.char_start, phrase.char_end)
            for actor in discourse.two_parties(mine)
        )
    table = _distinct_sides((*agents, *others))
    # Coordinated subjects with a «مع» side each talk to it («واشنطن والدوحة تتواصلان
    # مع الهيئة»); without one they are all at the table.
    together = sides.joint or (len(_distinct_sides(agents)) >= 2 and not others)
    if together and len(table) >= 3 and base.mode in JOINT_MODES:
        # «بين X وY وZ», «شارك X وY وZ في الاجتماع»:
        # three or more sides at one table are one multilateral meeting.
        return [replace(base, participants=tuple(table), mode="multilateral-meeting")]
    meets = (*JOINT_MODES, "phone", "delegation")
    # (not after «ل»: «يلتقي X وY بزعيم الجماعة لمناقشة …» — they go to discuss with him)
    meet = base.mode in meets and trigger.mode in meets
    if not others and len(agents) >= 2 and meet and not purpose_noun(sentence, token, lexicon):
        # Coordinated subjects meet each other: «التقى الرئيس الفلسطيني … والعاهل الأردني»
        # (not around «اتفاق»: an agreement alone names no meeting).
        agents, others = agents[:1], agents[1:]
    couriers = _participants(sides.courier, resolver)
    if couriers and agents:
        sender_sides = {side_of(a) for a in agents}
        if side_of(couriers[0]) not in sender_sides:
            # A third party carried it: the message is mediated through the courier.
            base = replace(base, mediated=True, intermediaries=couriers[:1])
    if base.mode == "multilateral-meeting":
        base = replace(base, mode="meeting")  # a summit of two is a meeting
    out = []
    for a in agents:
        for b in others:
            if side_of(a) == side_of(b):
                continue
            out.append(replace(base, participants=(a, b)))
    for b in others if couriers and out else ():
        # The courier's audience with the recipient is a meeting of its own.
        courier = couriers[0]
        if courier.actor not in {a.actor for a in agents} and side_of(courier) != side_of(b):
            meeting = replace(base, mode="meeting", mediated=False, intermediaries=())
            out.append(replace(meeting, participants=(courier, b)))
    return out


BOTH_PARTIES = ("الطرفين", "الطرفان", "الجانبين", "الجانبان", "طرفي", "كلا الطرفين")


def _both_parties(phrase: Phrase) -> bool:
    return any(w in BOTH_PARTIES for w in plain(phrase.text).split())


def _sent_by_statement(sentence: Sentence, left: int, token: int, lexicon: Lexicon) -> bool:
    """A «message» whose carrier is a statement, speech or position is a figure of speech."""
    return any(
        lexicon.cue(form, "statement")
        for t in sentence.tokens[left:token]
        for form in clitic_variants(t.text)
    )


def _participants(
    phrases: Iterable[Phrase], resolver: Resolver, office: str = ""
) -> tuple[Participant, ...]:
    """Resolve a list of phrases; a bare state listed after a title takes that title
    («نظرائه الروسي والتركي», «وزراء خارجية كل من روسيا وتركيا»)."""
    out: list[Participant] = []
    head: Phrase | None = None  # the last phrase of the list that carried a title
    for phrase in phrases:
        actor = resolver.resolve(phrase, office)
        bare = not phrase.roles and not phrase.persons and phrase.hits
        if bare and head is not None and (phrase.conj or resolver.resolve(head) is None):
            wanted = office if head.has_role("counterpart") else head.title_key
            actor = resolver.counterpart(phrase, wanted)
        if actor is not None and resolved(actor) and all(p.actor != actor for p in out):
            acts_for = resolver.acts_for.get(actor.id)
            out.append(
                Participant(actor, phrase.text, phrase.char_start, phrase.char_end, acts_for)
            )
        if phrase.has_role("title", "counterpart"):
            head = phrase
        elif phrase.roles:
            head = None
    return tuple(out)


def resolved(actor: Actor) -> bool:
    """A side a reader can place: a known actor (English label) or one whose state or
    organisation the text gave. A bare Arabic string never becomes a side."""
    return bool(actor.label_en) or affiliation_of(actor).label_en is not None


def _mediators(phrases: Iterable[Phrase], resolver: Resolver) -> tuple[Participant, ...]:
    """Intermediaries; a lone demonym counts here («بوساطة عمانية» is Oman)."""
    out = []
    for phrase in phrases:
        actor = resolver.resolve(phrase) or resolver.counterpart(phrase, "")
        if actor is not None and resolved(actor):
            out.append(Participant(actor, phrase.text, phrase.char_start, phrase.char_end))
    return tuple(out)


def _distinct_sides(participants: tuple[Participant, ...]) -> list[Participant]:
    seen: set[str] = set()
    out = []
    for p in participants:
        side = side_of(p).id
        if side not in seen:
            seen.add(side)
            out.append(p)
    return out


def _office_of(resolver: Resolver, person: Actor) -> str:
    titles = [p.title for p in resolver.persons if p.actor == person and p.title]
    return titles[0] if titles else ""


def _merge(first: Contact, second: Contact) -> Contact:
    """Two triggers of one sentence naming the same participants: one contact."""
    mode = min((first.mode, second.mode), key=lambda m: MODE_RANK.index(m) if m in MODE_RANK else 9)
    method = "tree" if "tree" in (first.method, second.method) else "clause"
    return replace(
        first,
        mode=mode,
        method=method,
        mediated=first.mediated or second.mediated,
        date_text=tuple(dict.fromkeys(first.date_text + second.date_text)),
    )
