"""Contact extraction, rule by rule, each on a real Arabic news sentence and real Stanza."""

from __future__ import annotations

from conftest import names, sides


def pairs(contacts) -> set[frozenset[str]]:
    return {sides(c) for c in contacts}


def test_subject_trigger_and_mae_phrase(contacts_in):
    contacts = contacts_in(
        "قال وزير الخارجية البريطاني، ديفيد لامي، اليوم الأحد، إن لندن أجرت اتصالات "
        'دبلوماسية مع "هيئة تحرير الشام" في سوريا.'
    )
    assert pairs(contacts) == {frozenset({"United Kingdom", "Hayat Tahrir al-Sham"})}
    assert contacts[0].status == "occurred"


def test_the_tree_path_reads_subject_and_mae_from_the_parse(contacts_in):
    contacts = contacts_in(
        "وجاء ذلك بعدما أعلن وزير الخارجية الأمريكي أنتوني بلينكن، يوم السبت، أن الولايات "
        'المتحدة أجرت اتصالات مباشرة مع "هيئة تحرير الشام".'
    )
    assert [c.method for c in contacts] == ["tree"]
    assert pairs(contacts) == {frozenset({"United States", "Hayat Tahrir al-Sham"})}


def test_the_clause_path_takes_over_when_the_tree_does_not_connect(contacts_in):
    contacts = contacts_in("الجيش اللبناني: اتصالات مع سوريا للحفاظ على استقرار الحدود")
    assert pairs(contacts) == {frozenset({"Lebanon", "Syria"})}
    assert contacts[0].method == "clause"


def test_capitals_stand_for_states_and_coordinated_subjects_are_separate_sides(contacts_in):
    contacts = contacts_in("واشنطن والدوحة تتواصلان مع هيئة تحرير الشام والجماعات المسلحة في سوريا")
    assert pairs(contacts) == {
        frozenset({"United States", "Hayat Tahrir al-Sham"}),
        frozenset({"Qatar", "Hayat Tahrir al-Sham"}),
    }


def test_counterparts_with_demonym_and_name_are_each_a_contact(contacts_in):
    contacts = contacts_in(
        "قالت وزارة الخارجية الروسية في بيان اليوم إن وزير الخارجية الروسي سيرغي لافروف "
        "بحث في اتصالات هاتفية مع نظيريه التركي مولود جاويش أوغلو والإيراني محمد جواد ظريف "
        "الوضع في سوريا"
    )
    assert {names(c) for c in contacts} == {
        frozenset({"Sergei Lavrov", "Mevlut Cavusoglu"}),
        frozenset({"Sergei Lavrov", "Mohammad Javad Zarif"}),
    }
    assert {c.mode for c in contacts} == {"phone"}


def test_a_name_split_by_mwt_stays_one_participant(contacts_in):
    contacts = contacts_in(
        "وزير الخارجية الروسي سيرغي لافروف بحث هاتفيا مع نظيره الأمريكي جون كيري الوضع في حلب"
    )
    lavrov = [p for c in contacts for p in c.participants if p.actor.label_en == "Sergei Lavrov"]
    assert lavrov and lavrov[0].surface.endswith("سيرغي لافروف")


def test_one_call_to_three_counterparts_is_three_contacts(contacts_in):
    contacts = contacts_in(
        "وأوردت وزارة الدفاع الروسية في بيان ، أن الاتصالات الثنائية التي أجراها شويغو مع "
        "نظيريه وزير دفاع النظام السوري فهد جاسم الفريج، والإيراني حسين دهقان، ورئيس جهاز "
        "المخابرات التركي هاكان فيدان، تناولت سبل تطبيع الأوضاع"
    )
    assert pairs(contacts) == {
        frozenset({"Russia", "Syria"}),
        frozenset({"Russia", "Iran"}),
        frozenset({"Russia", "Turkey"}),
    }


def test_counterpart_demonyms_resolve_to_the_minister_named_in_the_article(contacts_in):
    contacts = contacts_in(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن بلاده تدعم الحل السياسي. "
        "وقال وزير الخارجية التركي مولود جاويش أوغلو إن الاتصالات مستمرة. "
        "وقال المتحدث باسم وزارة الخارجية الأمريكية جون كيربي إن وزير الخارجية الأمريكي "
        "جون كيري تحدث هاتفيا يوم الأربعاء مع نظرائه الروسي والتركي"
    )
    assert {names(c) for c in contacts} == {
        frozenset({"John Kerry", "Sergei Lavrov"}),
        frozenset({"John Kerry", "Mevlut Cavusoglu"}),
    }
    assert {c.date_text for c in contacts} == {("يوم الأربعاء",)}


def test_received_a_call_from(contacts_in):
    contacts = contacts_in(
        "تلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون"
    )
    assert pairs(contacts) == {frozenset({"Egypt", "France"})}
    assert contacts[0].mode == "phone"


def test_contacts_between_x_and_y(contacts_in):
    contacts = contacts_in(
        "ويعد بلينكن أول مسؤول أمريكي يؤكد علنا وجود اتصالات بين إدارة الرئيس جو بايدن "
        "و”هيئة تحرير الشام”"
    )
    assert pairs(contacts) == {frozenset({"United States", "Hayat Tahrir al-Sham"})}
    # «إدارة الرئيس جو بايدن» is the administration, i.e. the state, not Biden himself
    assert {names(c) for c in contacts} == {frozenset({"United States", "Hayat Tahrir al-Sham"})}


def test_demonym_gives_unnamed_officials_their_state(contacts_in):
    contacts = contacts_in(
        "أكد مسؤول مطلع أن دبلوماسيين قطريين أجروا محادثات مع هيئة تحرير الشام يوم الاثنين"
    )
    assert pairs(contacts) == {frozenset({"Qatar", "Hayat Tahrir al-Sham"})}
    assert contacts[0].mode == "talks"
    assert contacts[0].date_text == ("يوم الاثنين",)


def test_a_lone_adjectival_demonym_is_not_an_actor(contacts_in):
    contacts = contacts_in(
        "وأوضح الأنصاري أن الوفد القطري ناقش أيضا مع الجانب السوري سبل تسهيل تدفق "
        "المساعدات الإنسانية القطرية"
    )
    assert pairs(contacts) == {frozenset({"Qatar", "Syria"})}
    assert contacts[0].mode == "delegation"


def test_future_tense_makes_a_planned_contact(contacts_in):
    contacts = contacts_in(
        "أوضح المسؤول أن قطر ستجري محادثات اليوم الثلاثاء مع محمد البشير، القيادي في هيئة "
        "تحرير الشام"
    )
    assert {c.status for c in contacts} == {"planned"}
    assert frozenset({"Qatar", "Mohammed al-Bashir"}) in {names(c) for c in contacts}


def test_an_offer_to_open_channels_is_offered(contacts_in):
    contacts = contacts_in(
        "أفاد مسؤول إيراني كبير بأن تركيا والسعودية وقطر عرضت فتح قنوات للتواصل مع قيادة "
        "المعارضة السورية خلال اجتماع السبت."
    )
    assert pairs(contacts) == {
        frozenset({"Turkey", "Syrian opposition"}),
        frozenset({"Saudi Arabia", "Syrian opposition"}),
        frozenset({"Qatar", "Syrian opposition"}),
    }
    assert {c.status for c in contacts} == {"offered"}


def test_a_denial_makes_a_denied_contact(contacts_in):
    contacts = contacts_in(
        "ونفت الخارجية الإيرانية إجراء أي محادثات مع الولايات المتحدة خلال الأسبوع الماضي"
    )
    assert pairs(contacts) == {frozenset({"Iran", "United States"})}
    assert contacts[0].status == "denied"


def test_talks_through_intermediaries_are_mediated(contacts_in):
    contacts = contacts_in(
        "أجرت الولايات المتحدة محادثات غير مباشرة مع إيران عبر وسطاء عمانيين في مسقط"
    )
    assert pairs(contacts) == {frozenset({"United States", "Iran"})}
    assert contacts[0].mediated is True


def test_an_offer_to_mediate_between_two_sides(contacts_in):
    contacts = contacts_in("تركيا: مستعدون للتوسط بين واشنطن والسلطة الجديدة في سوريا")
    assert pairs(contacts) == {frozenset({"United States", "Syria"})}
    contact = contacts[0]
    assert contact.mediated is True
    assert contact.status == "offered"
    assert [p.actor.label_en for p in contact.intermediaries] == ["Turkey"]


def test_a_multilateral_meeting_is_one_contact_of_all_members(contacts_in):
    contacts = contacts_in(
        "يأتي ذلك بعد اجتماع استضافه رئيس الوزراء القطري يوم السبت، بمشاركة وزراء خارجية من "
        "السعودية ومصر وتركيا والأردن والعراق، إضافة إلى دبلوماسيين من إيران وروسيا، الحليفة "
        "التقليدية للأسد"
    )
    assert len(contacts) == 1
    assert contacts[0].mode == "multilateral-meeting"
    assert sides(contacts[0]) == {
        "Qatar",
        "Saudi Arabia",
        "Egypt",
        "Turkey",
        "Jordan",
        "Iraq",
        "Iran",
        "Russia",
    }


def test_a_planned_trilateral_meeting_between_named_states(contacts_in):
    contacts = contacts_in(
        "وكذلك التحضير للاجتماع الثلاثي الذي سيجمع وزراء خارجية كل من روسيا وتركيا وإيران"
    )
    assert [(sides(c), c.status) for c in contacts] == [
        (frozenset({"Russia", "Turkey", "Iran"}), "planned")
    ]


def test_a_visit_names_its_host(contacts_in):
    contacts = contacts_in("الوزير الشيباني يلتقي بنظيره الإيطالي في العاصمة الإيطالية روما")
    assert pairs(contacts) == {frozenset({"Syria", "Italy"})}
    assert contacts[0].mode == "meeting"


def test_an_actor_outside_the_gazetteer_is_kept_with_its_arabic_name(contacts_in):
    contacts = contacts_in(
        "بحث وزير الخارجية السوداني كمال عثمان الطيب مع نظيره المصري في القاهرة العلاقات الثنائية"
    )
    assert pairs(contacts) == {frozenset({"Sudan", "Egypt"})}
    person = next(p.actor for p in contacts[0].participants if p.actor.kind == "person")
    assert person.label_en is None and "عثمان" in person.label_ar
    assert person.affiliation.label_en == "Sudan"


def test_the_evidence_is_the_exact_sentence_with_offsets(extractor):
    from tawasul.extract.records import Article

    text = "خبر أول لا صلة له.\nقطر بدأت اليوم اتصالات مباشرة مع هيئة تحرير الشام."
    result = extractor.extract(Article("t", text, "t.txt"))
    contact = result.contacts[0]
    assert text[contact.evidence_start : contact.evidence_end] == contact.evidence
    assert contact.evidence.startswith("قطر بدأت")
    assert contact.date_text == ("اليوم",)


def test_a_definite_trigger_takes_the_caller_of_the_previous_sentence(contacts_in):
    contacts = contacts_in(
        "ومساء الجمعة ، أجرى وزير الخارجية التركي مولود جاويش أوغلو سلسلة اتصالات هاتفية مع "
        "عدد من نظرائه في المنطقة. وأفادت المصادر أن الاتصالات جرت مع وزراء الخارجية، "
        "الإماراتي عبدالله بن زايد آل نهيان، والقطري محمد بن عبد الرحمن آل ثاني"
    )
    assert {names(c) for c in contacts} == {
        frozenset({"Mevlut Cavusoglu", "Abdullah bin Zayed"}),
        frozenset({"Mevlut Cavusoglu", "Mohammed bin Abdulrahman Al Thani"}),
    }


def test_verb_subject_object_order_of_a_transitive_trigger(contacts_in):
    contacts = contacts_in(
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الاثنين، وزير الخارجية الأمريكي "
        "أنتوني بلينكن في القاهرة."
    )
    assert {names(c) for c in contacts} == {frozenset({"Abdel Fattah el-Sisi", "Antony Blinken"})}
    assert (contacts[0].mode, contacts[0].date_text) == ("meeting", ("اليوم الاثنين",))


def test_a_courtesy_title_does_not_cut_a_name(contacts_in):
    contacts = contacts_in(
        "وتلقى أمير قطر الشيخ تميم بن حمد آل ثاني رسالة خطية من الرئيس الإيراني مسعود بزشكيان."
    )
    assert {names(c) for c in contacts} == {
        frozenset({"Tamim bin Hamad Al Thani", "Masoud Pezeshkian"})
    }
    assert contacts[0].mode == "message"


def test_min_al_muqarrar_an_makes_the_following_clause_planned(contacts_in):
    contacts = contacts_in(
        "ومن المقرر أن يلتقي المبعوث الأمريكي ستيف ويتكوف مع مسؤولين إسرائيليين الأسبوع المقبل."
    )
    assert pairs(contacts) == {frozenset({"United States", "Israel"})}
    assert (contacts[0].status, contacts[0].date_text) == ("planned", ("الأسبوع المقبل",))


def test_an_ambassador_belongs_to_his_demonym_not_to_his_post(contacts_in):
    contacts = contacts_in(
        "وبحث رئيس الوزراء العراقي محمد شياع السوداني مع السفير الفرنسي في بغداد سبل تعزيز التعاون."
    )
    assert pairs(contacts) == {frozenset({"Iraq", "France"})}


def test_a_plural_title_lends_its_office_to_each_listed_state(contacts_in):
    contacts = contacts_in(
        "وقال وزير الخارجية الروسي سيرغي لافروف إن الوضع في حلب صعب. وقال وزير الدفاع الروسي "
        "سيرغي شويغو إن الهدنة صامدة. ويجري التحضير للاجتماع الثلاثي الذي سيجمع وزراء خارجية "
        "كل من روسيا وتركيا وإيران"
    )
    assert [names(c) for c in contacts] == [frozenset({"Sergei Lavrov", "Turkey", "Iran"})]


def test_a_meeting_noun_with_a_possessive_takes_a_direct_object(contacts_in):
    contacts = contacts_in("أكد الرئيس الفرنسي خلال لقائه نظيره المصري في باريس على أهمية التعاون.")
    assert pairs(contacts) == {frozenset({"France", "Egypt"})}
    assert contacts[0].mode == "meeting"


def test_a_trigger_split_by_mwt_is_still_found(contacts_in):
    # the offline MWT model splits «بحث» into «ب + حث»
    contacts = contacts_in(
        "وقالت الرئاسة التركية إن أردوغان بحث مع بوتين في اتصال هاتفي الحرب في أوكرانيا."
    )
    assert {names(c) for c in contacts} == {frozenset({"Recep Tayyip Erdogan", "Vladimir Putin"})}
    assert contacts[0].mode == "phone"


def test_a_lexicon_word_tagged_as_a_person_is_no_actor(contacts_in):
    # NER tags «هاتفيا» as PER here; it must not stand between the trigger and «من نظيره»
    contacts = contacts_in(
        "تلقى وزير الخارجية العماني بدر البوسعيدي اتصالا هاتفيا من نظيره الأمريكي ماركو روبيو."
    )
    assert {names(c) for c in contacts} == {frozenset({"Badr Albusaidi", "Marco Rubio"})}


def test_a_government_named_after_its_head_is_the_state(contacts_in):
    contacts = contacts_in(
        "بحث وزير الدفاع الروسي سيرغي شويغو هاتفيا مع نظيره الإيراني ووزير الدفاع في حكومة الأسد"
    )
    assert {names(c) for c in contacts} == {
        frozenset({"Sergei Shoigu", "Iran"}),
        frozenset({"Sergei Shoigu", "Syria"}),
    }


def test_a_refusal_to_negotiate_is_denied(contacts_in):
    contacts = contacts_in("رفضت حركة حماس الدخول في مفاوضات مع إسرائيل.")
    assert [(sides(c), c.status) for c in contacts] == [(frozenset({"Hamas", "Israel"}), "denied")]


def test_the_mediator_after_a_mediation_cue_is_the_intermediary(contacts_in):
    contacts = contacts_in(
        "وشهدت العاصمة العمانية مسقط جولة جديدة من المحادثات غير المباشرة بين إيران والولايات "
        "المتحدة بوساطة عمانية."
    )
    assert pairs(contacts) == {frozenset({"Iran", "United States"})}
    assert contacts[0].mediated is True
    assert [p.actor.label_en for p in contacts[0].intermediaries] == ["Oman"]


def test_a_counterpart_right_after_a_title_is_another_person(contacts_in):
    contacts = contacts_in(
        "أبلغ وزير الخارجية المصري نظيره الإسرائيلي رفض القاهرة أي تهجير للفلسطينيين."
    )
    assert pairs(contacts) == {frozenset({"Egypt", "Israel"})}


def test_a_sentence_initial_verb_tagged_as_noun_still_takes_its_object(contacts_in):
    # the offline tagger reads «هاتف» (he phoned) as the noun «telephone»
    contacts = contacts_in(
        "هاتف ولي العهد السعودي الأمير محمد بن سلمان الرئيس الإيراني مسعود بزشكيان."
    )
    assert {names(c) for c in contacts} == {frozenset({"Mohammed bin Salman", "Masoud Pezeshkian"})}
    assert contacts[0].mode == "phone"


def test_talks_between_two_delegations_named_by_demonyms(contacts_in):
    contacts = contacts_in("وجرت المحادثات بين الوفدين الروسي والأوكراني في إسطنبول.")
    assert pairs(contacts) == {frozenset({"Russia", "Ukraine"})}


def test_a_verbal_noun_takes_its_object_and_negation_denies_it(contacts_in):
    contacts = contacts_in(
        "وأكد المتحدث باسم الكرملين أن بوتين لا يعتزم لقاء زيلينسكي في الوقت الحالي."
    )
    assert [(names(c), c.status) for c in contacts] == [
        (frozenset({"Vladimir Putin", "Volodymyr Zelenskyy"}), "denied")
    ]


def test_a_national_football_team_is_no_diplomatic_actor(contacts_in):
    assert contacts_in("التقى المنتخب المصري نظيره المغربي في نهائي البطولة.") == ()


def test_ordinary_uses_of_trigger_words_make_no_contact(contacts_in):
    text = (
        "أعلنت شركة الاتصالات السعودية عن أرباحها الفصلية. "
        "وتواصل القوات الروسية قصف مدينة حلب. "
        "وأدانت الخارجية القطرية الغارات الإسرائيلية على سوريا."
    )
    assert contacts_in(text) == ()


def test_a_visit_to_a_capital_is_a_visit_to_its_state(contacts_in):
    contacts = contacts_in("زار وزير الخارجية الإيراني عباس عراقجي الرياض يوم الأحد.")
    assert [(names(c), c.mode, c.date_text) for c in contacts] == [
        (frozenset({"Abbas Araghchi", "Saudi Arabia"}), "visit", ("يوم الأحد",))
    ]


def test_a_visit_dated_next_week_is_planned(contacts_in):
    contacts = contacts_in("ويزور الرئيس التركي رجب طيب أردوغان موسكو الأسبوع المقبل.")
    assert [(sides(c), c.status) for c in contacts] == [
        (frozenset({"Turkey", "Russia"}), "planned")
    ]


def test_an_invitation_to_visit_is_an_offered_visit_between_host_and_guest(contacts_in):
    contacts = contacts_in("ودعا الرئيس الأمريكي نظيره الروسي إلى زيارة واشنطن.")
    assert [(sides(c), c.mode, c.status) for c in contacts] == [
        (frozenset({"United States", "Russia"}), "visit", "offered")
    ]


def test_coordinated_subjects_meet_each_other(contacts_in):
    contacts = contacts_in(
        "والتقى الرئيس الفلسطيني محمود عباس والعاهل الأردني الملك عبد الله الثاني في عمان."
    )
    assert {names(c) for c in contacts} == {frozenset({"Mahmoud Abbas", "Abdullah II"})}


def test_a_dual_title_with_two_demonyms_is_two_sides(contacts_in):
    contacts = contacts_in("وبحث الرئيسان المصري والفرنسي في اتصال هاتفي مستجدات الأوضاع في غزة.")
    assert [(sides(c), c.mode) for c in contacts] == [(frozenset({"Egypt", "France"}), "phone")]


def test_a_second_verb_shares_the_subject_of_the_first(contacts_in):
    contacts = contacts_in(
        "وزار وزير الخارجية الإيراني عباس عراقجي العاصمة السعودية الرياض حيث التقى ولي العهد "
        "الأمير محمد بن سلمان."
    )
    assert frozenset({"Abbas Araghchi", "Mohammed bin Salman"}) in {names(c) for c in contacts}


def test_a_place_after_ila_is_where_not_who(contacts_in):
    contacts = contacts_in(
        "وصل وزير الخارجية القطري إلى طهران في زيارة رسمية يلتقي خلالها كبار المسؤولين الإيرانيين."
    )
    assert pairs(contacts) == {frozenset({"Qatar", "Iran"})}
    assert {c.mode for c in contacts} <= {"visit", "meeting"}
    assert all(p.surface != "طهران" for c in contacts for p in c.participants)


def test_a_future_word_outside_a_date_phrase_does_not_make_a_contact_planned(contacts_in):
    # a news ticker run together: the weather item's «القادمة» is not about the meeting
    contacts = contacts_in(
        "حالة الطقس: الحرارة إلى انخفاض وأجواء غير مستقرة خلال الـ 48 ساعة القادمة "
        "2025-03-18الوزير الشيباني يلتقي المدير العام للمفوضية الأوربية لشؤون الشرق الأوسط "
        "في بروكسل"
    )
    assert [(sides(c), c.status) for c in contacts] == [
        (frozenset({"Syria", "European Union"}), "occurred")
    ]
