"""Real extraction records for the graph tests: four articles, five contacts, one failure.

Built by hand from the dataclasses in extract/records.py, so the graph tests do not
depend on Stanza. Offsets are computed from the article text, as extraction would.

The network these records make: Lavrov–Zarif (two contacts), Qatar–Hayat Tahrir
al-Sham (mediated by Turkey), Egypt–Jordan (evidence carrying a script tag) and a
Russia–Iran–Turkey trilateral meeting: 9 actors, 6 edges, 5 contacts, 4 components.
"""

from __future__ import annotations

from tawasul.extract.records import Actor, Article, ArticleResult, Contact, Participant

RUSSIA = Actor("russia", "state", "روسيا", "Russia", wikidata="Q159")
IRAN = Actor("iran", "state", "إيران", "Iran", wikidata="Q794")
TURKEY = Actor("turkey", "state", "تركيا", "Turkey", wikidata="Q43")
QATAR = Actor("qatar", "state", "قطر", "Qatar", wikidata="Q846")
EGYPT = Actor("egypt", "state", "مصر", "Egypt", wikidata="Q79")
JORDAN = Actor("jordan", "state", "الأردن", "Jordan", wikidata="Q810")
HTS = Actor("hayat-tahrir-al-sham", "organization", "هيئة تحرير الشام", "Hayat Tahrir al-Sham")
LAVROV = Actor(
    "sergei-lavrov",
    "person",
    "سيرغي لافروف",
    "Sergei Lavrov",
    alt_labels=("لافروف",),
    affiliation=RUSSIA,
)
ZARIF = Actor(
    "mohammad-javad-zarif",
    "person",
    "محمد جواد ظريف",
    "Mohammad Javad Zarif",
    alt_labels=("ظريف",),
    affiliation=IRAN,
)
# The same state as found by NER in another article, under another name.
RUSSIA_VARIANT = Actor("russia", "state", "روسيا الاتحادية", "Russian Federation")

LAVROV_ZARIF_EVIDENCE = (
    "بحث وزير الخارجية الروسي سيرغي لافروف في اتصال هاتفي مع نظيره الإيراني"
    " محمد جواد ظريف الوضع في سوريا"
)
SCRIPT_EVIDENCE = (
    "يزور وزير الخارجية المصري الأردن الأسبوع المقبل <script>alert(1)</script>"
    '<img src=x onerror="alert(2)">'
)


def participant(text: str, actor: Actor, surface: str, after: int = 0) -> Participant:
    """A participant whose offsets point at `surface` in `text` (searching from `after`)."""
    start = text.index(surface, after)
    return Participant(actor, surface, start, start + len(surface))


def contact(
    article: Article,
    evidence: str,
    people: tuple[tuple[Actor, str], ...],
    mode: str,
    status: str = "occurred",
    trigger: str = "",
    intermediaries: tuple[tuple[Actor, str], ...] = (),
    date_text: tuple[str, ...] = (),
    method: str = "tree",
) -> Contact:
    """A contact whose evidence, participant and intermediary offsets come from the text."""
    start = article.text.index(evidence)
    return Contact(
        article_id=article.id,
        participants=tuple(participant(article.text, a, s, start) for a, s in people),
        mode=mode,
        status=status,
        mediated=bool(intermediaries),
        evidence=evidence,
        evidence_start=start,
        evidence_end=start + len(evidence),
        trigger=trigger,
        method=method,
        intermediaries=tuple(participant(article.text, a, s, start) for a, s in intermediaries),
        date_text=date_text,
    )


def sample_results() -> list[ArticleResult]:
    """Four extraction results, the last of which failed."""
    first = Article(
        id="000_lavrov_zarif",
        text=(LAVROV_ZARIF_EVIDENCE + ". وكان لافروف قد التقى ظريف في موسكو الشهر الماضي."),
        source="000_lavrov_zarif.txt",
        url="https://arabic.example.org/news/lavrov-zarif",
        published="2020-01-05",
    )
    second = Article(
        id="001_qatar_hts",
        text="وأفادت مصادر بأن قطر أجرت اتصالات مع هيئة تحرير الشام عبر وسطاء من تركيا.",
        source="001_qatar_hts.txt",
    )
    third = Article(
        id="002 egypt/jordan",  # a space and a slash: the IRI must encode them
        text=(
            SCRIPT_EVIDENCE + ". وعقدت روسيا وإيران وتركيا اجتماعا ثلاثيا في أستانا يوم الثلاثاء."
        ),
        source="002.txt",
        published="2020-02-11T09:30:00Z",
    )
    failed = Article(id="003_broken", text="", source="003_broken.txt")
    return [
        ArticleResult(
            article=first,
            sentences=2,
            actors=(LAVROV, ZARIF),
            contacts=(
                contact(
                    first,
                    LAVROV_ZARIF_EVIDENCE,
                    ((LAVROV, "سيرغي لافروف"), (ZARIF, "محمد جواد ظريف")),
                    "phone",
                    trigger="اتصال هاتفي",
                ),
                contact(
                    first,
                    "وكان لافروف قد التقى ظريف في موسكو الشهر الماضي",
                    ((LAVROV, "لافروف"), (ZARIF, "ظريف")),
                    "meeting",
                    trigger="التقى",
                    date_text=("الشهر الماضي",),
                    method="clause",
                ),
            ),
        ),
        ArticleResult(
            article=second,
            sentences=1,
            actors=(QATAR, HTS, TURKEY),
            contacts=(
                contact(
                    second,
                    second.text.rstrip("."),
                    ((QATAR, "قطر"), (HTS, "هيئة تحرير الشام")),
                    "unspecified",
                    trigger="اتصالات",
                    intermediaries=((TURKEY, "تركيا"),),
                ),
            ),
        ),
        ArticleResult(
            article=third,
            sentences=2,
            actors=(EGYPT, JORDAN, RUSSIA_VARIANT, IRAN, TURKEY),
            contacts=(
                contact(
                    third,
                    SCRIPT_EVIDENCE,
                    ((EGYPT, "المصري"), (JORDAN, "الأردن")),
                    "visit",
                    status="planned",
                    trigger="يزور",
                    date_text=("الأسبوع المقبل",),
                ),
                contact(
                    third,
                    "وعقدت روسيا وإيران وتركيا اجتماعا ثلاثيا في أستانا يوم الثلاثاء",
                    ((RUSSIA, "روسيا"), (IRAN, "إيران"), (TURKEY, "تركيا")),
                    "multilateral-meeting",
                    trigger="اجتماعا",
                    date_text=("يوم الثلاثاء",),
                ),
            ),
        ),
        ArticleResult(article=failed, error="RuntimeError: tokenizer crashed"),
    ]
