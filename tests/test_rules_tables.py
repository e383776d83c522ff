"""Who sits at one table: gathering verbs, companions, and places that are no party
(sentences written for these tests)."""

from __future__ import annotations

from conftest import sides


def test_talks_that_gather_two_parties_are_their_contact(contacts_in):
    contacts = contacts_in(
        "تستضيف العاصمة القطرية الدوحة غدا مفاوضات تجمع الحكومة الأفغانية وحركة طالبان."
    )
    # the hosting city is where the talks are, not a party to them
    assert [sides(c) for c in contacts] == [frozenset({"Afghanistan", "Taliban"})]
    assert contacts[0].mode == "talks"
    assert contacts[0].status == "planned"


def test_the_meeting_that_brought_two_ministers_together(contacts_in):
    contacts = contacts_in("انتهى اللقاء الذي جمع وزير الخارجية الأردني ونظيره المصري في القاهرة.")
    assert [sides(c) for c in contacts] == [frozenset({"Jordan", "Egypt"})]


def test_talks_that_include_three_delegations_are_one_multilateral_meeting(contacts_in):
    contacts = contacts_in("وتجري في جنيف محادثات تضم ممثلين عن روسيا وأوكرانيا وتركيا.")
    assert [sides(c) for c in contacts] == [frozenset({"Russia", "Ukraine", "Turkey"})]
    assert contacts[0].mode == "multilateral-meeting"


def test_a_capital_named_after_its_nationality_is_the_place_not_a_party(contacts_in):
    # «عمّان» is spelled like Oman; after «في العاصمة الأردنية» it is only where they met
    contacts = contacts_in(
        "وكان الوزير السوري قد التقى في العاصمة الأردنية عمّان يوم الأحد نظيره الأردني."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Syria", "Jordan"})]


def test_a_party_beside_the_counterpart_sits_at_the_same_table(contacts_in):
    contacts = contacts_in(
        "التقى وزير الخارجية السوري نظيره الأردني، إلى جانب المبعوث الأمريكي الخاص إلى سوريا."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Syria", "Jordan", "United States"})]


def test_a_party_in_company_of_another_joins_the_meeting(contacts_in):
    contacts = contacts_in(
        "قال إن السفير الأمريكي سيشارك في اجتماع ثلاثي بمعية نظيره الإيراني ووزارة "
        "الخارجية العراقية."
    )
    assert [sides(c) for c in contacts] == [frozenset({"United States", "Iran", "Iraq"})]
    assert contacts[0].status == "planned"


def test_beside_in_a_phone_call_adds_no_party(contacts_in):
    contacts = contacts_in(
        "أجرى الرئيس المصري اتصالا هاتفيا بالعاهل الأردني، إلى جانب لقائه وزير الخارجية السعودي."
    )
    assert frozenset({"Egypt", "Jordan", "Saudi Arabia"}) not in {sides(c) for c in contacts}


def test_a_title_set_off_by_commas_after_a_name_leaves_the_name_the_subject(contacts_in):
    contacts = contacts_in(
        "وذكرت الوكالة أن الرئيس إيمانويل ماكرون، الرئيس الدوري لمجموعة السبع، سيستقبل "
        "الأربعاء المستشار الألماني ثم يتوجه إلى روما للقاء رئيسة الحكومة الإيطالية."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"France", "Germany"}),
        frozenset({"France", "Italy"}),
    }
    # «ثم» goes on in the future of «سيستقبل»
    assert {c.status for c in contacts} == {"planned"}


def test_after_then_the_traveller_is_the_one_who_holds_the_talks(contacts_in):
    contacts = contacts_in(
        "وصل وزير الخارجية التركي إلى طهران ثم توجه إلى بغداد لإجراء محادثات مع نظيره العراقي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Turkey", "Iraq"})]
    assert contacts[0].status == "occurred"


def test_a_two_word_nationality_carries_the_article_on_both_words(contacts_in):
    contacts = contacts_in(
        "وقال إن المبعوث الكوري الشمالي ونظيره الأمريكي أجريا مناقشات في السفارة."
    )
    assert [sides(c) for c in contacts] == [frozenset({"North Korea", "United States"})]
    assert contacts[0].mode == "talks"


def test_the_genitive_of_a_visit_is_the_visitor(contacts_in):
    contacts = contacts_in("بحث الوزيران نتائج زيارة الرئيس المصري لواشنطن.")
    assert [sides(c) for c in contacts] == [frozenset({"Egypt", "United States"})]
    assert contacts[0].mode == "visit"


def test_what_talks_are_about_is_not_who_holds_them(contacts_in):
    contacts = contacts_in(
        "أجرى الرئيس الصيني محادثات بشأن البرنامج النووي لإيران مع نظيره الفرنسي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"China", "France"})]


def test_the_visited_state_is_not_a_second_contact_beside_its_leader(contacts_in):
    contacts = contacts_in(
        "التقى الرئيس الصيني شي جين بينغ السبت نظيره البرازيلي الذي يزور بكين حاليا."
    )
    assert [sides(c) for c in contacts] == [frozenset({"China", "Brazil"})]
    assert all("Xi Jinping" in {p.actor.label_en for p in c.participants} for c in contacts)


def test_a_possessive_trigger_noun_is_done_by_the_sentence_subject(contacts_in):
    contacts = contacts_in(
        "أطلع الرئيس المصري الحكومة على نتائج الاتصال الهاتفي الذي أجراه بالعاهل الأردني، "
        "ونتائج استقباله رئيس الوزراء العراقي."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Egypt", "Jordan"}),
        frozenset({"Egypt", "Iraq"}),
    }


def test_the_custodian_of_the_two_holy_mosques_is_saudi_arabia(contacts_in):
    contacts = contacts_in(
        "وأطلع خادم الحرمين الشريفين المجلس على فحوى الاتصال الهاتفي الذي أجراه بالرئيس الفرنسي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Saudi Arabia", "France"})]


def test_the_visitor_named_in_apposition_still_visits(contacts_in):
    contacts = contacts_in(
        "وجاء ذلك عقب زيارة الرئيس الإيراني، إبراهيم رئيسي، لبكين في شباط الماضي."
    )
    assert [sides(c) for c in contacts] == [frozenset({"Iran", "China"})]


def test_a_summit_between_two_leaders_is_their_meeting(contacts_in):
    contacts = contacts_in(
        "وبينما تعمل الصين والولايات المتحدة على إصلاح العلاقات، بما في ذلك قمة هذا الشهر "
        "بين الرئيسين شي جين بينغ وجو بايدن، تشعر بكين بالقلق."
    )
    assert [sides(c) for c in contacts] == [frozenset({"China", "United States"})]
    assert contacts[0].mode == "meeting"
    assert {"Xi Jinping", "Joe Biden"} <= {p.actor.label_en for p in contacts[0].participants}


def test_a_sentence_opening_with_a_subjectless_verb_continues_the_last_subject(contacts_in):
    contacts = contacts_in(
        "وصلت وزيرة الخارجية الأمريكية إلى القدس أمس. وأجرت مباحثات مع المسؤولين "
        "الإسرائيليين في مكتب رئيس الوزراء."
    )
    assert [sides(c) for c in contacts] == [frozenset({"United States", "Israel"})]


def test_a_subjectless_sentence_after_one_with_no_actor_subject_stays_empty(contacts_in):
    contacts = contacts_in(
        "وارتفعت أسعار النفط في الأسواق أمس. وأجرت مباحثات مع المسؤولين الإسرائيليين."
    )
    assert not contacts


def test_senior_officials_after_with_are_still_the_other_side(contacts_in):
    contacts = contacts_in(
        "وعقد الوزير الإيراني سلسلة لقاءات مع كبار المسؤولين العمانيين وممثلين عن الأمم المتحدة."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Iran", "Oman"}),
        frozenset({"Iran", "United Nations"}),
    }


def test_a_delegation_after_a_complete_title_is_another_party(contacts_in):
    contacts = contacts_in("واستقبل وزير الخارجية العراقي وفد جماعة الحوثي في بغداد.")
    assert [sides(c) for c in contacts] == [frozenset({"Iraq", "Houthis"})]


def test_the_members_of_a_delegation_face_the_host_not_each_other(contacts_in):
    """«التقى X بوفد من Y … وضم ممثلين عن Z وW»: X meets Y, Z and W; they are one side."""
    contacts = contacts_in(
        "التقى وزير الخارجية الكيني أمس بوفد من الاتحاد الأفريقي يزور نيروبي، "
        "وضم ممثلين عن أوغندا ورواندا."
    )
    assert {sides(c) for c in contacts} == {
        frozenset({"Kenya", "African Union"}),
        frozenset({"Kenya", "Uganda"}),
        frozenset({"Kenya", "Rwanda"}),
    }


def test_those_who_attend_talks_already_reported_are_observers(contacts_in):
    """«مسؤولين من X وY وZ حضروا المحادثات»: they watch others' talks; attending «الاجتماع»
    as its members is still a meeting of theirs."""
    assert not contacts_in(
        "وأوضحت المصادر أن مسؤولين من كينيا وأوغندا وإثيوبيا حضروا المحادثات غير المعلنة."
    )
    [meeting] = contacts_in("وحضر وزراء خارجية كينيا وأوغندا وإثيوبيا الاجتماع في نيروبي.")
    assert sides(meeting) == frozenset({"Kenya", "Uganda", "Ethiopia"})


def test_beside_names_one_more_counterpart_and_a_classifier_links_a_quoted_body(contacts_in):
    """«حيث عقد لقاءات مع X وY، إلى جانب ممثل حركة «حماس» Z»: «إلى جانب» is "beside" (not
    «الجانب», the side), the quoted body after «حركة» is the representative's, and with no
    subject yet Z is one more counterpart of whoever acts."""
    contacts = contacts_in(
        "وزار نائب وزير الخارجية الكيني العاصمة الأوغندية، حيث عقد سلسلة لقاءات مع كبار "
        "المسؤولين الأوغنديين، إلى جانب ممثل حركة «حماس» في كمبالا."
    )
    found = {sides(c) for c in contacts}
    assert frozenset({"Kenya", "Hamas"}) in found
    assert frozenset({"Uganda", "Hamas"}) not in found
