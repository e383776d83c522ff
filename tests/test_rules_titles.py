"""Titles and the names they belong to (sentences written for these tests)."""

from __future__ import annotations

from conftest import names, sides


def test_a_title_reaches_its_holder_over_a_body_name_the_lexicon_lacks(contacts_in):
    contacts = contacts_in(
        "استقبل وزير الخارجية الروسي، اليوم الخميس، رئيس مجلس نواب برلمان طبرق عقيلة صالح."
    )
    libya_house = "House of Representatives of Libya"
    assert {sides(c) for c in contacts} == {frozenset({"Russia", libya_house})}
    assert "Aguila Saleh" in names(contacts[0])


def test_titles_in_apposition_end_in_the_name_they_describe(contacts_in):
    contacts = contacts_in(
        "استقبل رئيس مجلس السيادة الانتقالي، القائد العام للقوات المسلحة، الفريق أول ركن "
        "عبدالفتاح البرهان اليوم وزير الخارجية المصري."
    )
    assert len(contacts) == 1
    assert "Abdel Fattah al-Burhan" in names(contacts[0])
    assert "Egypt" in sides(contacts[0])


def test_a_title_of_another_state_before_a_named_person_stays_another_person(contacts_in):
    contacts = contacts_in(
        "استقبل وزير الخارجية القطري، الأمين العام لجامعة الدول العربية أحمد أبو الغيط."
    )
    assert {sides(c) for c in contacts} == {frozenset({"Qatar", "Arab League"})}


def test_a_classifier_behind_the_genitive_l_links_a_title_to_its_body(contacts_in):
    contacts = contacts_in(
        "استقبل الأمين العام لتنظيم حزب الله حسن نصر الله رئيس المكتب السياسي لحركة حماس."
    )
    assert {sides(c) for c in contacts} == {frozenset({"Hezbollah", "Hamas"})}


def test_adjectives_of_a_delegation_stand_between_it_and_its_nationality(contacts_in):
    contacts = contacts_in("اجتمع الوفد الأمني المصري أمس برئيس الوزراء الإسرائيلي في القدس.")
    assert {sides(c) for c in contacts} == {frozenset({"Egypt", "Israel"})}


def test_a_relative_clause_takes_the_phrase_it_describes_as_subject(contacts_in):
    contacts = contacts_in(
        "استقبل الرئيس اللبناني أمس وزير الخارجية التركي، الذي يزور الأردن غدا."
    )
    assert frozenset({"Turkey", "Jordan"}) in {sides(c) for c in contacts}
    assert frozenset({"Lebanon", "Jordan"}) not in {sides(c) for c in contacts}
