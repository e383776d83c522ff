"""Attendance lists, topic openers and transliteration variants (sentences written for
these tests)."""

from __future__ import annotations

from conftest import names, sides
from tawasul.extract.gazetteer import _close


def test_those_who_attended_a_meeting_sit_at_its_table(contacts_in):
    contacts = contacts_in(
        "عقد أمس اجتماع تشاوري حضره كل من وزير الخارجية القطري والأمين العام لجامعة "
        "الدول العربية أحمد أبو الغيط ورئيس مفوضية الاتحاد الأفريقي."
    )
    assert [sides(c) for c in contacts] == [
        frozenset({"Qatar", "Arab League", "African Union"})
    ]
    assert contacts[0].mode == "multilateral-meeting"


def test_a_two_word_topic_opener_ends_the_previous_clause(contacts_in):
    contacts = contacts_in(
        "ويترأس الجلسات وزير الخارجية التركي، ومن جهة أخرى عقد اجتماع حضره كل من "
        "وزير الخارجية المصري ونظيره الأردني ووزير الخارجية السعودي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Egypt", "Jordan", "Saudi Arabia"})]


def test_spelling_variants_change_a_letter_for_a_similar_one():
    assert _close("بينغ", "بينج")  # g written غ or ج
    assert _close("جان", "جون")  # a long vowel
    assert _close("نتينياهو", "نتنياهو")  # a vowel dropped
    assert not _close("بينج", "بينر")  # another name, not another spelling


def test_a_foreign_name_spelled_otherwise_is_still_the_known_person(contacts_in):
    contacts = contacts_in("التقى وزير الخارجية القطري رئيس مفوضية الاتحاد الأفريقي جون بينج.")
    assert any("Jean Ping" in names(c) for c in contacts)


def test_a_dateline_before_the_first_sentence_is_no_subject(contacts_in):
    contacts = contacts_in("موسكو - التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي.")
    assert [sides(c) for c in contacts] == [frozenset({"Russia", "Turkey"})]
    contacts = contacts_in("القاهرة (وكالات) - استقبل الرئيس المصري وزير الخارجية الأمريكي.")
    assert [sides(c) for c in contacts] == [frozenset({"Egypt", "United States"})]


def test_a_dash_after_a_verb_is_an_aside_not_a_dateline(contacts_in):
    contacts = contacts_in(
        "وأشاد الرئيس الأمريكي -في اتصال أجراه مع أمير قطر- بدور الدوحة في الوساطة."
    )
    assert frozenset({"United States", "Qatar"}) in {sides(c) for c in contacts}
