"""Rule families that make extraction hold on unseen news, one sentence each (written
for these tests, not taken from any evaluation text)."""

from __future__ import annotations

from conftest import names, sides
from tawasul.extract.arabic import noun_stems


def pairs(contacts) -> set[frozenset[str]]:
    return {sides(c) for c in contacts}


# ---- multilateral meetings: everyone listed together sits at one table


def test_genitive_list_after_a_gathering_noun_is_one_meeting(contacts_in):
    contacts = contacts_in("انطلق اجتماع وزراء خارجية مصر والسودان وإثيوبيا في واشنطن.")
    assert pairs(contacts) == {frozenset({"Egypt", "Sudan", "Ethiopia"})}
    assert contacts[0].mode == "multilateral-meeting"


def test_three_parties_after_bayn_are_one_meeting(contacts_in):
    contacts = contacts_in("جرت محادثات بين الولايات المتحدة وروسيا والصين في جنيف.")
    assert pairs(contacts) == {frozenset({"United States", "Russia", "China"})}


def test_coordinated_participants_without_a_counterpart_meet_together(contacts_in):
    contacts = contacts_in(
        "شارك وزير الخارجية الأمريكي ونظيره الروسي ووزير الخارجية الصيني في الاجتماع."
    )
    assert pairs(contacts) == {frozenset({"United States", "Russia", "China"})}


def test_coordinated_callers_with_one_counterpart_stay_separate(contacts_in):
    contacts = contacts_in("واشنطن والدوحة تتواصلان مع حركة حماس.")
    assert pairs(contacts) == {frozenset({"United States", "Hamas"}), frozenset({"Qatar", "Hamas"})}


def test_two_parties_stay_bilateral(contacts_in):
    contacts = contacts_in("التقى الرئيس المصري والعاهل الأردني في القاهرة.")
    assert pairs(contacts) == {frozenset({"Egypt", "Jordan"})}
    assert contacts[0].mode == "meeting"


# ---- trigger lexicon: summons, consultations, cables, suffixed and dual nouns


def test_summoning_an_ambassador_is_a_contact(contacts_in):
    contacts = contacts_in("استدعت وزارة الخارجية المصرية السفير الإسرائيلي في القاهرة.")
    assert pairs(contacts) == {frozenset({"Egypt", "Israel"})}


def test_consultations_are_talks(contacts_in):
    contacts = contacts_in("أجرى وزير الخارجية السعودي مشاورات مع نظيره الأردني.")
    assert pairs(contacts) == {frozenset({"Saudi Arabia", "Jordan"})}
    assert contacts[0].mode == "talks"


def test_suffixed_and_dual_nouns_find_their_lexicon_entry():
    assert "زياره" in noun_stems("زيارته")
    assert "مباحثات" in noun_stems("مباحثاتهما")
    assert "رساله" in noun_stems("الرسالتين") or "الرساله" in noun_stems("الرسالتين")
    assert "اجتماع" in noun_stems("اجتماعهما")


# ---- messages and couriers


def test_a_call_received_from_a_brother_president(contacts_in):
    contacts = contacts_in("تلقى الرئيس الجزائري اتصالا هاتفيا من أخيه الرئيس المصري.")
    assert pairs(contacts) == {frozenset({"Algeria", "Egypt"})}
    assert contacts[0].mode == "phone"


def test_a_message_carried_by_a_third_party_is_mediated_and_the_courier_meets_the_recipient(
    contacts_in,
):
    contacts = contacts_in(
        "نقل وزير الخارجية العماني رسالة من الرئيس الإيراني إلى المبعوث الأمريكي."
    )
    by_mode = {c.mode: c for c in contacts}
    assert sides(by_mode["message"]) == frozenset({"Iran", "United States"})
    assert by_mode["message"].mediated
    assert [p.actor.label_en for p in by_mode["message"].intermediaries] == ["Oman"]
    assert sides(by_mode["meeting"]) == frozenset({"Oman", "United States"})


def test_a_message_received_from_a_king(contacts_in):
    contacts = contacts_in("تسلم الرئيس السوري رسالة من العاهل السعودي.")
    assert pairs(contacts) == {frozenset({"Syria", "Saudi Arabia"})}


# ---- subjects far from the trigger


def test_pronoun_subject_after_anna_is_the_reporting_subject(contacts_in):
    contacts = contacts_in("أعلن الرئيس الروسي أنه سيلتقي الرئيس التركي الأسبوع المقبل.")
    assert pairs(contacts) == {frozenset({"Russia", "Turkey"})}
    assert contacts[0].status == "planned"


def test_haythu_clause_shares_the_subject_of_the_arrival(contacts_in):
    contacts = contacts_in("وصل وزير الخارجية التركي إلى طهران حيث التقى الرئيس الإيراني.")
    assert pairs(contacts) == {frozenset({"Turkey", "Iran"})}


# ---- phrase segmentation


def test_two_officials_side_by_side_are_two_phrases(contacts_in):
    contacts = contacts_in("استقبل الرئيس اللبناني وزير الخارجية الفرنسي.")
    assert pairs(contacts) == {frozenset({"Lebanon", "France"})}


def test_a_title_before_a_name_stays_with_it(contacts_in):
    contacts = contacts_in(
        "هاتف ولي العهد السعودي الأمير محمد بن سلمان الرئيس الإيراني مسعود بزشكيان."
    )
    assert {names(c) for c in contacts} == {frozenset({"Mohammed bin Salman", "Masoud Pezeshkian"})}


# ---- unresolved sides never reach the graph


def test_a_side_that_resolves_to_nothing_is_left_out(contacts_in):
    contacts = contacts_in("التقى وزير الخارجية القطري مع كريم منصور في الدوحة.")
    for contact in contacts:
        for p in contact.participants:
            assert p.actor.label_en or p.actor.affiliation is not None


# ---- persons unknown to the knowledge base


def test_an_unknown_person_gets_a_latin_reading_beside_the_arabic_label():
    from tawasul.extract.actors import ner_actor
    from tawasul.extract.romanise import romanise

    assert romanise("كريم منصور") == "Krim Mnsur"
    assert romanise("عبد المجيد") == "'bd al-Mjid"
    assert ner_actor("person", "كريم منصور", None).romanised == "Krim Mnsur"


# ---- argument positions: adverbials, venues


def test_dates_and_places_between_trigger_and_object_are_skipped(contacts_in):
    contacts = contacts_in(
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، ضيفيه في القاهرة، "
        "رئيس الوزراء العراقي ووزير الخارجية الأردني."
    )
    assert pairs(contacts) == {frozenset({"Egypt", "Iraq"}), frozenset({"Egypt", "Jordan"})}


def test_a_capital_after_a_venue_noun_is_where_not_who(contacts_in):
    contacts = contacts_in(
        "التقى الوزير الشيباني في العاصمة الأردنية عمان نظيره الأردني أيمن الصفدي."
    )
    assert pairs(contacts) == {frozenset({"Syria", "Jordan"})}


# ---- more tables: nationality adjectives, bracketed lists


def test_nationality_adjectives_on_a_meeting_are_its_parties(contacts_in):
    contacts = contacts_in("تستضيف القاهرة اجتماعا أردنيا عراقيا سعوديا الأسبوع المقبل.")
    assert pairs(contacts) == {frozenset({"Jordan", "Iraq", "Saudi Arabia"})}
    assert contacts[0].status == "planned"


def test_a_bracketed_list_after_a_meeting_names_its_members(contacts_in):
    contacts = contacts_in(
        "يعقد الاجتماع المقرر الخميس للدول الأربع (مصر والأردن والعراق وتونس) في بغداد."
    )
    assert pairs(contacts) == {frozenset({"Egypt", "Jordan", "Iraq", "Tunisia"})}


def test_a_subject_beyond_a_destination_and_a_date_still_acts(contacts_in):
    contacts = contacts_in(
        "وكان الرئيس الفرنسي قد سافر إلى القاهرة يوم السبت الماضي للاجتماع بالرئيس المصري."
    )
    assert pairs(contacts) == {frozenset({"France", "Egypt"})}


def test_a_coordinated_second_verb_shares_the_first_subject(contacts_in):
    contacts = contacts_in(
        "وصل هنية ووفد من حماس إلى بيروت يوم الأحد، والتقى رئيس الجمهورية اللبناني."
    )
    assert frozenset({"Hamas", "Lebanon"}) in pairs(contacts)


def test_a_meeting_noun_with_two_genitives_is_their_meeting(contacts_in):
    contacts = contacts_in("لقاء الرئيس المصري ونتنياهو عقد في القاهرة.")
    assert pairs(contacts) == {frozenset({"Egypt", "Israel"})}


def test_a_meeting_named_only_as_a_time_takes_no_subjects(contacts_in):
    contacts = contacts_in("قال مسؤول إن تركيا والسعودية وقطر عرضت المساعدة خلال اجتماع السبت.")
    assert not contacts


def test_a_person_spelt_one_letter_off_is_still_the_known_person(extractor):
    assert extractor.gazetteer.person_like("بنيامين نتينياهو").label_en == "Benjamin Netanyahu"
    assert extractor.gazetteer.person_like("أحمد محمد") is None  # no close, unique person


# ---- traps stay empty


TRAPS = [
    "يلتقي فريق الأهلي المصري بنظيره الترجي التونسي في نهائي البطولة.",
    "هدفت تصريحات الرئيس الإيراني لإيصال رسالة إلى الإدارة الأمريكية.",
    "أدان وزير الخارجية السعودي الهجوم على السفارة الأردنية.",
    "فرضت الولايات المتحدة عقوبات على شركات إيرانية.",
    "عين الرئيس المصري وزيرا جديدا للخارجية.",
    "وقعت شركة قطرية عقدا مع شركة تركية لبناء ميناء.",
    "احتفل السفير الفرنسي بزفاف ابنته في بيروت.",
    "قال المتحدث باسم الخارجية الروسية إن موسكو تتابع الوضع في سوريا.",
    "وقال الوزير الكيني في حديث لقناة الجزيرة إن بلاده ترفض التدخل.",
    "وفي حديث مع الصحفيين، قال الوزير الكيني إن بلاده ترفض التدخل.",
    "استضافت قطر كأس العالم لكرة القدم بحضور مشجعين من السعودية والإمارات.",
    "وشملت المساعدات الكويتية اليمن والسودان.",
]


def test_trap_sentences_yield_no_contact(contacts_in):
    found = {text: contacts_in(text) for text in TRAPS}
    assert {t: c for t, c in found.items() if c} == {}


def test_a_named_format_is_a_meeting_of_its_members(contacts_in):
    contacts = contacts_in("أدى ذلك إلى إجراء أول جولة للمحادثات السداسية منذ أشهر.")
    [contact] = contacts
    assert len(sides(contact)) == 6 and {"China", "Japan"} <= sides(contact)
    assert contact.method == "format"


def test_a_named_format_as_a_topic_is_no_meeting(contacts_in):
    assert not contacts_in("تركزت المباحثات على استئناف المفاوضات السداسية المتعثرة.")


def test_an_agreement_alone_pairs_no_coordinated_subjects(contacts_in):
    """The states the tour covers are visited by the envoy; the agreement sought does not
    make them meet each other."""
    contacts = contacts_in(
        "بدأ المبعوث الأممي جولة شملت السعودية واليمن وعمان للتوصل إلى اتفاق لتجديد الهدنة."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"United Nations", state}) for state in ("Saudi Arabia", "Yemen", "Oman")
    }


# ---- invitations and wishes are offered contacts


def test_an_invitation_to_a_counterpart_is_an_offered_contact(contacts_in):
    contacts = contacts_in("وجه الرئيس التركي دعوة إلى نظيره الروسي لزيارة أنقرة.")
    assert pairs(contacts) == {frozenset({"Turkey", "Russia"})}
    assert {c.status for c in contacts} == {"offered"}


def test_attendees_after_bihudur_are_not_parties(contacts_in):
    contacts = contacts_in("التقى وزير الخارجية المصري نظيره الأمريكي بحضور ممثل البنك الدولي.")
    assert pairs(contacts) == {frozenset({"Egypt", "United States"})}


def test_a_repeated_ma_goes_on_with_the_list(contacts_in):
    contacts = contacts_in(
        "بحث الرئيس الفرنسي الأزمة مع المستشار الألماني وكذلك مع رئيس الحكومة الإيطالية."
    )
    assert pairs(contacts) == {frozenset({"France", "Germany"}), frozenset({"France", "Italy"})}


def test_a_summit_of_two_is_a_meeting(contacts_in):
    contacts = contacts_in("عقدت قمة بين الرئيسين شي جين بينغ وجو بايدن في سان فرانسيسكو.")
    assert {names(c) for c in contacts} == {frozenset({"Xi Jinping", "Joe Biden"})}
    assert contacts[0].mode == "meeting"


def test_representatives_of_listed_states_attend_together(contacts_in):
    contacts = contacts_in("وحضر الاجتماع ممثلون عن السعودية وقطر والكويت.")
    assert pairs(contacts) == {frozenset({"Saudi Arabia", "Qatar", "Kuwait"})}


# ---- coreference across sentences


def test_both_parties_are_the_two_sides_named_before(contacts_in):
    contacts = contacts_in(
        "تتواصل المعارك بين الجيش السوداني وقوات الدعم السريع. "
        "وأجرى وفد تركي مفاوضات مع كلا الطرفين."
    )
    assert pairs(contacts) == {
        frozenset({"Turkey", "Sudanese Armed Forces"}),
        frozenset({"Turkey", "Rapid Support Forces"}),
    }


def test_tawasul_meaning_goes_on_is_no_contact(contacts_in):
    assert not contacts_in("تتواصل الاشتباكات بين الجيش السوداني وقوات الدعم السريع.")


def test_a_place_before_the_visitors_is_not_one_of_them(contacts_in):
    contacts = contacts_in(
        "استقبل رئيس المجلس السياسي لجماعة الحوثي مهدي المشاط في صنعاء الوفدين العماني والسعودي."
    )
    assert pairs(contacts) == {
        frozenset({"Houthis", "Oman"}),
        frozenset({"Houthis", "Saudi Arabia"}),
    }


def test_the_agent_of_a_passive_reception(contacts_in):
    contacts = contacts_in("وتم استقبال المسؤول الأوروبي من طرف الوزير الأول الجزائري يوم الأحد.")
    assert pairs(contacts) == {frozenset({"Algeria", "European Union"})}


def test_coordinated_subjects_after_the_verb_each_meet_the_object(contacts_in):
    contacts = contacts_in(
        "ومن المتوقع ان يلتقي السفير السعودي والوفد العماني بزعيم جماعة الحوثي لمناقشة الاتفاق."
    )
    assert pairs(contacts) == {
        frozenset({"Saudi Arabia", "Houthis"}),
        frozenset({"Oman", "Houthis"}),
    }
    assert {c.status for c in contacts} == {"planned"}


def test_quotation_marks_around_a_name_keep_the_phrase(contacts_in):
    contacts = contacts_in('يلتقي فيها مسؤولون أميركيون بممثلي "طالبان" خلال الأشهر الأخيرة.')
    assert pairs(contacts) == {frozenset({"United States", "Taliban"})}


def test_talked_with_is_a_contact_with_each_listed_partner(contacts_in):
    contacts = contacts_in(
        "وأوضح البيان أن الرئيس الفرنسي تحادث مطولا أمس مع الرئيس الروسي وكذلك مع رئيس "
        "الحكومة الإيطالية."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"France", "Russia"}),
        frozenset({"France", "Italy"}),
    }
    assert not contacts_in("تحادث اللاعبون مع المدرب بعد المباراة.")


def test_a_possessed_reception_noun_receives_every_phrase_after_it(contacts_in):
    """«نتائج استقباله X وY»: the pronoun is the host; what follows is received, not a
    genitive pair meeting each other."""
    contacts = contacts_in(
        "وأطلع العاهل الأردني الحكومة على نتائج استقباله الرئيس الفرنسي، "
        "ووزير الخارجية البرازيلي."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Jordan", "France"}),
        frozenset({"Jordan", "Brazil"}),
    }


def test_a_ma_or_bayn_past_another_verb_belongs_to_that_verb(contacts_in):
    """«عقب زيارة X لأنقرة، أجرى Y محادثات مع Z»: the visit goes to Ankara, and the
    talks' «مع» and a later «بين» are not the visit's."""
    contacts = contacts_in(
        "وعقب زيارة الرئيس الكيني لأنقرة الشهر الماضي، أجرى وزير الخارجية الكيني "
        "محادثات مع نظيره التركي بهدف حل الخلافات بين نيروبي وأديس أبابا."
    )
    found = {sides(c) for c in contacts}
    assert frozenset({"Kenya", "Turkey"}) in found
    assert frozenset({"Kenya", "Ethiopia"}) not in found


def test_a_relative_or_light_verb_after_the_noun_keeps_its_ma(contacts_in):
    for text in (
        "وجاء ذلك في اتصال أجراه الرئيس الكيني مع رئيس الوزراء الإثيوبي.",
        "وكان الرئيس الكيني قد أجرى مباحثات جرت مع رئيس الوزراء الإثيوبي في نيروبي.",
    ):
        assert frozenset({"Kenya", "Ethiopia"}) in {sides(c) for c in contacts_in(text)}, text


def test_the_source_of_a_report_is_no_side(contacts_in):
    """«وبحسب وزارة الخارجية الإثيوبية، التقى …»: the ministry says so; it does not meet."""
    contacts = contacts_in(
        "وبحسب وزارة الخارجية الإثيوبية، فقد التقى المبعوث الكيني خلال زيارته "
        "بالرئيس الصومالي ووزير الخارجية الصومالي."
    )
    assert {sides(c) for c in contacts} == {frozenset({"Kenya", "Somalia"})}


def test_a_longer_lineage_than_the_table_s_is_still_the_known_person(extractor):
    """«محمد بن عبد الرحمن بن جاسم بن محمد آل ثاني»: the news gives more «بن» links
    than the table; first and family name stay, so a bare «محمد بن سلمان» is never cut."""
    from tawasul.extract.gazetteer import _without_lineage

    found = extractor.gazetteer.person_like("محمد بن عبد الرحمن بن جاسم بن محمد آل ثاني")
    assert found.label_en == "Mohammed bin Abdulrahman Al Thani"
    assert _without_lineage(("محمد", "بن", "سلمان")) == []
    assert _without_lineage(("محمد", "بن", "عبد", "العزيز", "بن", "صالح", "الخليفي")) == [
        ("محمد", "بن", "عبد", "العزيز", "الخليفي"),
        ("محمد", "الخليفي"),
    ]


def test_lexicon_words_at_the_start_of_a_ner_person_are_no_name(contacts_in):
    """«اتصالا هاتفيا بالرئيس الفرنسي» with «هاتفيا بالرئيس» tagged PER is France."""
    contacts = contacts_in("وأجرى العاهل الأردني اتصالا هاتفيا بالرئيس الفرنسي.")
    assert [names(c) for c in contacts] == [frozenset({"Jordan", "France"})]


def test_an_invitation_taken_up_is_the_visit_it_brought(contacts_in):
    """«تلبية لدعوة», «بدعوة من» after a travel verb: a visit, in the verb's tense; an
    invitation only sent stays an offer."""
    cases = {
        "وتوجه وزير الخارجية الكيني إلى العاصمة الإثيوبية تلبية لدعوة الحكومة الإثيوبية.": (
            "occurred"
        ),
        "ووصل الرئيس الكيني إلى أنقرة بدعوة من الرئيس التركي.": "occurred",
        "وسيتوجه الرئيس الكيني إلى أنقرة الأسبوع المقبل تلبية لدعوة من الرئيس التركي.": (
            "planned"
        ),
    }
    for text, status in cases.items():
        [contact] = contacts_in(text)
        assert (contact.mode, contact.status) == ("visit", status), text
        assert "Kenya" in sides(contact)
    [sent] = contacts_in("وجه الرئيس التركي دعوة إلى الرئيس الكيني لزيارة أنقرة.")
    assert sent.status == "offered"


def test_a_host_meets_its_guests_but_is_only_the_place_of_hosted_talks(contacts_in):
    """«استضاف X وفدا من Y» is a meeting of X and Y; «استضافت الدوحة محادثات بين Y وZ»
    is Y and Z meeting in Doha; hosting a tournament is nothing."""
    [guest] = contacts_in("استضاف الرئيس الكيني في نيروبي وفدا من حركة طالبان.")
    assert sides(guest) == frozenset({"Kenya", "Taliban"})
    hosted = contacts_in("واستضافت الدوحة جولة محادثات بين الحكومة الأفغانية وحركة طالبان.")
    assert [sides(c) for c in hosted] == [frozenset({"Afghanistan", "Taliban"})]
    assert not contacts_in("استضافت قطر كأس العالم لكرة القدم.")


def test_an_accusative_delegation_from_a_body_is_that_body(contacts_in):
    [contact] = contacts_in("استقبل وزير الخارجية الكيني في نيروبي وفدا من حركة حماس.")
    assert sides(contact) == frozenset({"Kenya", "Hamas"})


def test_a_repeated_preposition_goes_on_with_the_list_of_recipients(contacts_in):
    contacts = contacts_in(
        "وبعث الرئيس الكيني رسائل إلى رئيس الوزراء الإثيوبي والرئيس الأوغندي "
        "وإلى الأمين العام للأمم المتحدة."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Kenya", "Ethiopia"}),
        frozenset({"Kenya", "Uganda"}),
        frozenset({"Kenya", "United Nations"}),
    }


def test_a_visit_named_as_the_time_of_a_meeting_between_others_is_only_its_place(
    contacts_in,
):
    """«التقى X بنظيره Y أثناء زيارة كل منهما لباريس»: X met Y in Paris; France is no party.
    A meeting during a visit is a meeting."""
    contacts = contacts_in(
        "والتقى وزير الخارجية الكيني بنظيره الأوغندي أثناء زيارة كل منهما لباريس."
    )
    assert [(sides(c), c.mode) for c in contacts] == [(frozenset({"Kenya", "Uganda"}), "meeting")]


def test_a_visit_dating_another_official_s_talks_is_still_a_visit(contacts_in):
    contacts = contacts_in(
        "وعقب زيارة الرئيس الكيني لأنقرة الشهر الماضي، أجرى وزير الخارجية الكيني "
        "محادثات مع نظيره الإثيوبي."
    )
    assert frozenset({"Kenya", "Turkey"}) in {sides(c) for c in contacts}


def test_the_foreign_and_expatriates_minister_is_one_title(contacts_in):
    contacts = contacts_in(
        "التقى وزير الخارجية والمغتربين، \"وليد المعلم\"، يوم أمس في العاصمة الفرنسية باريس "
        "وفدا أردنيا."
    )
    assert [names(c) for c in contacts] == [frozenset({"Walid Muallem", "Jordan"})]


def test_a_tour_visits_every_place_it_covers(contacts_in):
    contacts = contacts_in("ويقوم وزير الخارجية الكيني بجولة خليجية تشمل السعودية والإمارات وقطر.")
    assert {sides(c) for c in contacts} == {
        frozenset({"Kenya", "Saudi Arabia"}),
        frozenset({"Kenya", "United Arab Emirates"}),
        frozenset({"Kenya", "Qatar"}),
    }
    assert {c.mode for c in contacts} == {"visit"}
    assert not contacts_in("وشملت المساعدات الكويتية اليمن والسودان.")
    assert not contacts_in("وانطلقت جولة مفاوضات تشمل الحكومة اليمنية وجماعة الحوثي.")


def test_a_capital_after_a_verb_of_travel_is_the_destination_not_the_subject(contacts_in):
    """«أن وسيطا كينيا وصل القاهرة ليلتقي …»: the mediator (an accusative title and its
    nisba) travels; Cairo is where. A capital after another verb still acts."""
    [met] = contacts_in("وذكر البيان أن وسيطا كينيا وصل القاهرة أمس ليلتقي مسؤولين مصريين.")
    assert sides(met) == frozenset({"Kenya", "Egypt"})
    [summit] = contacts_in("واتفقت نيروبي وكمبالا على عقد قمة في أديس أبابا.")
    assert sides(summit) == frozenset({"Kenya", "Uganda"})


def test_a_purpose_noun_meets_its_genitive_not_a_later_ma(contacts_in):
    """«وصل وفد … للقاء قيادة حركة حماس، بعد يوم من لقاء عقده الوفد مع قيادات فتح»: the
    delegation goes to meet Hamas; the later «مع» belongs to the other meeting."""
    contacts = contacts_in(
        "ووصل إلى غزة اليوم وفد من الاستخبارات الكينية للقاء قيادة حركة حماس، "
        "بعد يوم من لقاء عقده الوفد مع مسؤولين إسرائيليين."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Kenya", "Hamas"}),
        frozenset({"Kenya", "Israel"}),  # «الوفد» is the Kenyan delegation named before
    }


def test_plural_past_forms_of_meeting_verbs_are_triggers(contacts_in):
    contacts = contacts_in(
        "وقال الوزير الكيني إن الوفد الكيني والوفد الإثيوبي التقوا أمس في نيروبي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Kenya", "Ethiopia"})]


def test_a_denial_or_offer_governing_the_trigger_sets_its_status(contacts_in):
    [denied] = contacts_in(
        "نفى المتحدث باسم الخارجية الكينية وجود مفاوضات مباشرة بين كينيا وإثيوبيا."
    )
    assert (sides(denied), denied.status) == (frozenset({"Kenya", "Ethiopia"}), "denied")
    [hoped] = contacts_in("وأعرب الرئيس الكيني عن تطلعه إلى عقد لقاء جديد مع الرئيس الأوغندي.")
    assert (sides(hoped), hoped.status) == (frozenset({"Kenya", "Uganda"}), "offered")


def test_the_one_offered_a_meeting_would_hold_it(contacts_in):
    """«عرض X على Y عقد اجتماع مع Z»: an offer to Y to meet Z; X is no party."""
    [offer] = contacts_in(
        "وعرض الرئيس التركي على الرئيس الكيني عقد اجتماع مع رئيس الوزراء الإثيوبي."
    )
    assert (sides(offer), offer.status) == (frozenset({"Kenya", "Ethiopia"}), "offered")


def test_a_reception_noun_s_genitive_receives_the_phrase_after_it(contacts_in):
    """«انتقد X استقبال Y وفد حماس»: Y received Hamas; X only criticised it."""
    [contact] = contacts_in(
        "وانتقد وزير الدولة للشؤون الخارجية الكيني استقبال وزير الخارجية الأوغندي وفد حركة حماس."
    )
    assert sides(contact) == frozenset({"Uganda", "Hamas"})


def test_a_briefing_and_informing_are_contacts(contacts_in):
    """«قدم X لـY إحاطة», «أطلع X Y على …»: X told Y in person."""
    for text in (
        "وقدم المبعوث الأممي لرئيس الوزراء الليبي إحاطة حول زيارته.",
        "وأطلع المبعوث الأممي رئيس الوزراء الليبي على نتائج الاجتماع.",
    ):
        assert [sides(c) for c in contacts_in(text)] == [
            frozenset({"United Nations", "Libya"})
        ], text


def test_a_proposal_carried_to_someone_is_a_message(contacts_in):
    [carried] = contacts_in("ونقل وزير الخارجية العماني هذا الطرح إلى المبعوث الأمريكي.")
    assert (sides(carried), carried.mode) == (frozenset({"Oman", "United States"}), "message")
    [put] = contacts_in("وقدم الوسيط القطري مقترحا جديدا إلى حركة حماس.")
    assert sides(put) == frozenset({"Qatar", "Hamas"})
    assert not contacts_in("ورحب الرئيس الكيني بالمقترح الأمريكي.")  # a proposal as a topic


def test_coordinated_subjects_of_a_purpose_noun_do_not_meet_each_other(contacts_in):
    contacts = contacts_in(
        "ومن المتوقع أن يلتقي السفير الكيني والوفد الأوغندي بزعيم حركة حماس لمناقشة "
        "تفاصيل اتفاق الهدنة."
    )
    assert frozenset({"Kenya", "Uganda"}) not in {sides(c) for c in contacts}
    assert frozenset({"Kenya", "Hamas"}) in {sides(c) for c in contacts}


def test_a_cancelled_visit_was_planned(contacts_in):
    [visit] = contacts_in("وألغى وزير الخارجية الكيني زيارته إلى أديس أبابا.")
    assert (sides(visit), visit.status) == (frozenset({"Kenya", "Ethiopia"}), "planned")


def test_a_name_the_tagger_cut_short_is_the_known_person(extractor):
    """«باصيرو ديوماي» is «باسيرو ديوماي فاي» cut by the tagger; a short name of common
    words alone («محمد علي») is no one in particular."""
    gazetteer = extractor.gazetteer
    assert gazetteer.person_like("باصيرو ديوماي").label_en == "Bassirou Diomaye Faye"
    assert gazetteer.person_like("محمد علي") is None


def test_greetings_conveyed_to_a_recipient_named_first(contacts_in):
    """«نقل X إلى Z تحيات Y»: the recipient may come before the message; Y greets Z
    through X, who meets Z."""
    contacts = contacts_in("ونقل وزير الخارجية العماني إلى الرئيس الأوغندي تحيات الرئيس الكيني.")
    found = {(sides(c), c.mode) for c in contacts}
    assert (frozenset({"Kenya", "Uganda"}), "message") in found
    assert (frozenset({"Oman", "Uganda"}), "meeting") in found
