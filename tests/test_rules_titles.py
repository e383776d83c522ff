"""Titles and the names they belong to (sentences written for these tests)."""

from __future__ import annotations

from dataclasses import replace

from conftest import names, sides


def test_a_title_reaches_its_holder_over_a_body_name_the_lexicon_lacks(contacts_in):
    contacts = contacts_in(
        "استقبل وزير الخارجية الروسي، اليوم الخميس، رئيس مجلس نواب برلمان طبرق عقيلة صالح."
    )
    libya_house = "House of Representatives (Libya)"
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
    contacts = contacts_in("استقبل الرئيس اللبناني أمس وزير الخارجية التركي، الذي يزور الأردن غدا.")
    assert frozenset({"Turkey", "Jordan"}) in {sides(c) for c in contacts}
    assert frozenset({"Lebanon", "Jordan"}) not in {sides(c) for c in contacts}


def test_a_title_of_another_body_he_served_places_a_person_there(extractor):
    """«مبعوث الأمين العام للأمم المتحدة رمطان لعمامرة»: the knowledge base knows him as
    Algeria's minister and as UN envoy; the article's title says which he is here, in the
    contact record and through the RDF (tw:participation / tw:actsFor)."""
    from tawasul.extract.actors import side_of
    from tawasul.extract.records import Article
    from tawasul.graph.rdf import build_graph

    from tawasul.evaluate import predictions_from_graph

    text = "استقبل الرئيس المصري أمس مبعوث الأمين العام للأمم المتحدة، رمطان لعمامرة."
    result = extractor.extract(Article(id="env", text=text, source="env.txt"))
    [contact] = result.contacts
    envoy = next(p for p in contact.participants if p.actor.id == "ramtane-lamamra")
    assert side_of(envoy).label_en == "United Nations"
    assert envoy.actor.affiliation.label_en == "Algeria"  # the knowledge base is unchanged
    [doc] = predictions_from_graph(build_graph([result]), ["env"])["documents"]
    sides_read = {p["affiliation_en"] for c in doc["contacts"] for p in c["participants"]}
    assert sides_read == {"Egypt", "United Nations"}


def test_a_title_of_his_own_state_keeps_the_knowledge_base_side(contacts_in):
    [contact] = contacts_in("التقى الرئيس المصري أمس وزير الخارجية الجزائري رمطان لعمامرة.")
    assert sides(contact) == frozenset({"Egypt", "Algeria"})


def test_a_name_in_brackets_after_a_title_is_its_holder(contacts_in):
    contacts = contacts_in("التقى الرئيس الفلسطيني (محمود عباس) في رام الله المبعوث الأمريكي.")
    assert [sides(c) for c in contacts] == [frozenset({"Palestine", "United States"})]
    assert "Mahmoud Abbas" in names(contacts[0])


def test_the_head_of_the_regime_is_a_title(contacts_in):
    contacts = contacts_in(
        "وأرسل الرئيس الفلسطيني رسالة خطية إلى رأس النظام في سوريا “بشار الأسد”."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Palestine", "Syria"})]
    assert "Bashar al-Assad" in names(contacts[0])


def test_a_title_after_an_unknown_person_gives_him_his_state(contacts_in):
    """«السيد كوامي منساه، رئيس وزراء غانا» is one Ghanaian, not a man and a state."""
    for text in (
        "أجرى الرئيس التونسي محادثات في قرطاج مع السيد كوفي منساه، رئيس جمهورية غانا.",
        "استقبل وزير الخارجية التونسي أمس السيد كوفي منساه رئيس وزراء غانا.",
    ):
        contacts = contacts_in(text)
        assert [sides(c) for c in contacts] == [frozenset({"Tunisia", "Ghana"})], text
        ghanaian = next(p for p in contacts[0].participants if p.actor.kind == "person")
        assert ghanaian.actor.label_ar == "كوفي منساه"


def test_a_person_of_a_given_state_spelt_two_letters_off_is_still_known(extractor):
    """A state the text gives narrows the search: «ديمتري مديديف» of Russia is Medvedev;
    with no state, or another state, the same spelling stays unknown."""
    gazetteer = extractor.gazetteer
    russia = gazetteer.actors["russia"]
    assert gazetteer.person_like("ديمتري مديديف", russia).label_en == "Dmitry Medvedev"
    assert gazetteer.person_like("ديمتري مديديف") is None
    assert gazetteer.person_like("ديمتري مديديف", gazetteer.actors["france"]) is None


def _phrases_with_ner_span(extractor, text: str, first: str, length: int):
    """The phrases of `text` when NER tags `length` tokens from the word `first` as one
    person (the slips the offline tagger makes), its other spans dropped around them."""
    from tawasul.extract.mentions import find_phrases
    from tawasul.extract.nlp import Entity

    [sentence] = extractor.parse(text)
    start = next(i for i, t in enumerate(sentence.tokens) if t.text == first)
    span = " ".join(t.text for t in sentence.tokens[start : start + length])
    kept = [e for e in sentence.entities if e.end <= start or e.start >= start + length]
    slip = Entity("PER", start, start + length, span)
    sentence = replace(sentence, entities=(*kept, slip))
    return find_phrases(sentence, extractor.gazetteer, extractor.lexicon)


def test_a_state_the_tagger_ran_into_a_name_closes_the_title(extractor):
    """NER sometimes tags «قيرغيزستان محمد علي» as one person; after an office word the
    state ends the title and the rest is its holder."""
    phrases = _phrases_with_ner_span(
        extractor, "واستقبل الملك رئيس وزراء جمهورية قيرغيزستان محمد علي نورلان.", "قيرغيزستان", 4
    )
    [phrase] = [p for p in phrases if "قيرغيزستان" in p.text]
    assert [h.actor.id for h in phrase.hits] == ["kyrgyzstan"]
    assert phrase.persons == ("محمد علي نورلان",)


def test_the_custodian_of_the_two_holy_mosques_is_the_king_the_article_names(contacts_in):
    """An epithet names one office: its holder when the article names him, else the state."""
    contacts = contacts_in(
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبد العزيز اليوم وزير الخارجية الياباني. "
        "وأجرى خادم الحرمين الشريفين بعد ذلك اتصالا هاتفيا بالرئيس الفرنسي."
    )
    call = next(c for c in contacts if c.mode == "phone")
    assert names(call) == frozenset({"Salman of Saudi Arabia", "France"})
    [alone] = contacts_in("وأجرى خادم الحرمين الشريفين اتصالا هاتفيا بالرئيس الفرنسي.")
    assert names(alone) == frozenset({"Saudi Arabia", "France"})


def test_a_surname_alone_is_the_known_person_named_before(contacts_in):
    """«رايس» after «كوندوليزا رايس»: the knowledge base does not list the bare surname
    (a common word), but the article named her in full a sentence earlier."""
    contacts = contacts_in(
        "استقبل الرئيس اللبناني وزيرة الخارجية الأميركية كوندوليزا رايس. "
        "وذكرت الوكالة أن مسؤولين لبنانيين أبلغوا رايس أن أي لقاءات لن تجري."
    )
    assert [names(c) for c in contacts] == [frozenset({"Lebanon", "Condoleezza Rice"})] * 2


def test_a_ner_name_stops_at_a_lexicon_word_and_is_never_a_word_with_a_pronoun(extractor):
    """NER slips: «شكره للجانب العماني» («his thanks to the Omani side») tagged as one
    name; the lexicon word «للجانب» ends it, and «شكره» (a word with a pronoun) is none."""
    phrases = _phrases_with_ner_span(
        extractor, "ونقلت الوكالة عن السفير السعودي شكره للجانب العماني.", "شكره", 3
    )
    assert not [p for p in phrases if p.persons]


def test_one_unnamed_official_is_the_one_person_of_his_side_named_before(contacts_in):
    contacts = contacts_in(
        "وصل المبعوث الأوروبي جوزيب بوريل إلى الجزائر. "
        "وتم استقبال المسؤول الأوروبي من طرف الوزير الأول الجزائري."
    )
    reception = next(c for c in contacts if c.trigger == "استقبال")
    assert names(reception) == frozenset({"Algeria", "Josep Borrell"})
    plural = contacts_in(
        "وصل المبعوث الأوروبي جوزيب بوريل إلى الجزائر. "
        "واستقبل الوزير الأول الجزائري المسؤولين الأوروبيين."
    )
    assert frozenset({"Algeria", "European Union"}) in {names(c) for c in plural}


def test_a_known_person_s_own_title_after_his_name_describes_him(contacts_in):
    """«الرئيس قيس سعيد رئيس الجمهورية التونسية، … الوزير التركي»: the title after his
    name is his (same side), so the reception's object is the Turkish minister."""
    contacts = contacts_in(
        "استقبل الرئيس قيس سعيد رئيس الجمهورية التونسية، في قصر قرطاج، وزير الخارجية التركي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Tunisia", "Turkey"})]


def test_a_delegation_headed_by_a_named_person_is_his(contacts_in):
    """«وفد برئاسة X»: «برئاسة» is "headed by", not the presidency as a body."""
    for text in (
        "وأعلنت الحكومة التركية أن وفدا برئاسة وزير الخارجية التركي هاكان فيدان وصل إلى "
        "الدوحة للقاء مسؤولين قطريين.",
        "وقالت مصادر إن الوفد الأمني التركي، برئاسة وزير الخارجية هاكان فيدان، وصل إلى "
        "الدوحة للقاء مسؤولين قطريين.",
    ):
        [contact] = contacts_in(text)
        assert names(contact) == frozenset({"Hakan Fidan", "Qatar"}), text


def test_another_word_for_an_office_finds_its_known_holder(contacts_in):
    """«ملك الأردن» after «عاهل الأردن الملك عبد الله الثاني»: titles.tsv says both name
    the head of state, and the knowledge base says who held that office."""
    contacts = contacts_in(
        "تلقى عاهل الأردن الملك عبد الله الثاني اتصالا هاتفيا من الرئيس المصري. "
        "ويعد الاتصال بين ملك الأردن والرئيس المصري الأول من نوعه."
    )
    assert {names(c) for c in contacts} == {frozenset({"Abdullah II", "Egypt"})}


def test_a_bad_titles_row_names_the_file_and_the_office(tmp_path):
    import shutil

    import pytest
    from tawasul.extract.gazetteer import Gazetteer
    from tawasul.extract.lexicon import DataFileError
    from tawasul.extract.paths import DATA_DIR

    shutil.copytree(DATA_DIR / "gazetteer", tmp_path / "g")
    with open(tmp_path / "g" / "titles.tsv", "a", encoding="utf-8") as f:
        f.write("سلطان\tmonarch\n")
    with pytest.raises(DataFileError, match=r"titles\.tsv.*monarch"):
        Gazetteer.load(tmp_path / "g")
