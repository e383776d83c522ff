"""Events across articles: one call reported by several outlets is one tw:Contact."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from conftest_graph import LAVROV, LAVROV_ZARIF_EVIDENCE, ZARIF, contact, sample_results
from rdflib import Graph, Literal
from tawasul.extract.records import Article, ArticleResult, ContactDate
from tawasul.graph.events import merge_events
from tawasul.graph.rdf import build_graph
from tawasul.graph.vocab import OA, PREFIXES, RDF, TW

HEADER = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
ROOT = Path(__file__).resolve().parents[1]

CALL = "اتصل وزير الخارجية الروسي سيرغي لافروف بنظيره الإيراني محمد جواد ظريف"


def day(value: str, text: str = "أمس") -> ContactDate:
    granularity = {10: "day", 7: "month", 4: "year"}[len(value)]
    return ContactDate(text, value, granularity, resolved=True)


def report(
    article_id: str,
    date: ContactDate | None = None,
    mode: str = "phone",
    status: str = "occurred",
    sentence: str = CALL,
    prefix: str = "",
) -> ArticleResult:
    """One article whose only contact is Lavrov–Zarif, dated `date`."""
    article = Article(article_id, prefix + sentence + ".", f"{article_id}.txt")
    found = contact(
        article,
        sentence,
        ((LAVROV, "سيرغي لافروف"), (ZARIF, "محمد جواد ظريف")),
        mode,
        status=status,
        trigger="اتصل",
        date_text=(date.text,) if date else (),
    )
    return ArticleResult(article, contacts=(replace(found, date=date),), actors=(LAVROV, ZARIF))


def select(graph: Graph, body: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(HEADER + body)]


def contacts(graph: Graph) -> set:
    return set(graph.subjects(RDF.type, TW.Contact))


def test_two_articles_reporting_the_same_call_make_one_event_with_two_attestations() -> None:
    graph = build_graph([report("a", day("2024-05-03")), report("b", day("2024-05-03", "اليوم"))])
    [event] = contacts(graph)
    rows = select(
        graph,
        f"""SELECT ?n (GROUP_CONCAT(DISTINCT ?id; separator=" ") AS ?ids)
                   (COUNT(DISTINCT ?report) AS ?reports) WHERE {{
          <{event}> tw:attestations ?n ; prov:wasDerivedFrom/dcterms:identifier ?id .
          ?report oa:hasBody <{event}> .
        }} GROUP BY ?n""",
    )
    assert [(n.toPython(), sorted(str(ids).split()), r.toPython()) for n, ids, r in rows] == [
        (2, ["a", "b"], 2)
    ]


def test_two_calls_between_the_same_pair_on_different_days_stay_two_events() -> None:
    graph = build_graph([report("a", day("2024-05-03")), report("b", day("2024-05-04"))])
    assert len(contacts(graph)) == 2


def test_unresolved_date_words_never_merge_across_articles() -> None:
    undated = ContactDate("أمس")  # no publication date: «yesterday» of what?
    graph = build_graph([report("a", undated), report("b", undated)])
    assert len(contacts(graph)) == 2


def test_two_calls_in_one_article_on_different_days_stay_two_events() -> None:
    first = report("a", day("2024-05-03"))
    second = report("a", day("2024-05-01", "الأربعاء"), prefix=CALL + " الأربعاء. ")
    both = ArticleResult(first.article, contacts=(*first.contacts, *second.contacts))
    assert len(merge_events(both.contacts)) == 2


def test_a_month_and_an_unspecified_report_join_the_one_dated_call() -> None:
    results = [
        report("a", day("2024-05-03")),
        report("b", day("2024-05", "الشهر الجاري")),
        report("c", day("2024-05-03"), mode="unspecified"),
    ]
    [event] = merge_events(c for r in results for c in r.contacts)
    assert (event.mode, event.date.value) == ("phone", "2024-05-03")
    assert event.articles == ("a", "b", "c")


def test_a_month_report_stays_apart_when_two_calls_that_month_could_take_it() -> None:
    results = [
        report("a", day("2024-05-03")),
        report("b", day("2024-05-20")),
        report("c", day("2024-05", "الشهر الجاري")),
    ]
    assert len(merge_events(c for r in results for c in r.contacts)) == 3


def test_a_planned_and_the_occurred_meeting_are_two_linked_events() -> None:
    planned = report("a", day("2024-05-03", "غدا"), mode="meeting", status="planned")
    held = report("b", day("2024-05-03", "أمس"), mode="meeting")
    graph = build_graph([planned, held])
    rows = select(
        graph,
        "SELECT ?held ?plan WHERE { ?held tw:fulfils ?plan ; tw:status tw:Occurred . "
        "?plan tw:status tw:Planned }",
    )
    assert len(contacts(graph)) == 2 and len(rows) == 1


def test_the_event_iri_depends_only_on_its_content_not_on_input_order() -> None:
    results = [report("a", day("2024-05-03")), report("b", day("2024-05-03")), report("c")]
    forward = build_graph(results).serialize(format="nt")
    backward = build_graph(results[::-1]).serialize(format="nt")
    assert sorted(forward.splitlines()) == sorted(backward.splitlines())


def test_each_attestation_is_a_web_annotation_whose_selectors_point_into_the_article() -> None:
    result = sample_results()[0]
    graph = build_graph([result])
    rows = select(
        graph,
        """SELECT ?exact ?start ?end ?trigger WHERE {
          ?report a oa:Annotation ; oa:hasBody ?e ; tw:trigger ?trigger ;
              oa:hasTarget [ oa:hasSource ?article ;
                  oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                                 [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ] .
          ?e a tw:Contact ; prov:wasDerivedFrom ?article .
        } ORDER BY ?start""",
    )
    assert len(rows) == len(result.contacts) == 2
    text = result.article.text
    for exact, start, end, trigger in rows:
        assert text[start.toPython() : end.toPython()] == str(exact)
        assert str(trigger) in str(exact)
    assert str(rows[0][0]) == LAVROV_ZARIF_EVIDENCE
    assert (None, RDF.type, OA.TextQuoteSelector) in graph


def test_a_resolved_date_is_a_typed_timestamp_on_the_event() -> None:
    graph = build_graph([report("a", day("2024-05-03")), report("b", day("2024-05", "مايو"))])
    rows = select(graph, "SELECT ?t WHERE { ?e a tw:Contact ; sem:hasTimeStamp ?t }")
    assert rows == [(Literal("2024-05-03", datatype=PREFIXES["xsd"].date),)]


def test_the_same_input_twice_gives_byte_identical_turtle(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from test_events import day, report\n"
        "from tawasul.graph.rdf import build_graph\n"
        "from tawasul.graph.store import save_graph\n"
        "rs = [report('a', day('2024-05-03')), report('b', day('2024-05-03')), report('c')]\n"
        "save_graph(build_graph(rs), sys.argv[1])\n"
    )
    env_path = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": env_path}
        target = str(tmp_path / f"{seed}.ttl")
        subprocess.run([sys.executable, "-c", script, target], check=True, env=env, cwd=ROOT)
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()


def test_extracted_reports_of_one_call_in_two_articles_merge(extractor) -> None:
    """Stanza end to end: «أمس» on the 5th and «اليوم» on the 4th are the same day."""
    articles = [
        Article(
            "x1",
            "بحث وزير الخارجية الروسي سيرغي لافروف أمس في اتصال هاتفي مع نظيره الإيراني"
            " محمد جواد ظريف الوضع في سوريا.",
            "x1.txt",
            published="2020-01-05",
        ),
        Article(
            "x2",
            "أجرى وزير الخارجية الإيراني محمد جواد ظريف اتصالا هاتفيا اليوم مع نظيره الروسي"
            " سيرغي لافروف.",
            "x2.txt",
            published="2020-01-04",
        ),
    ]
    graph = build_graph(list(extractor.extract_all(articles)))
    rows = select(
        graph,
        """SELECT ?e (COUNT(DISTINCT ?report) AS ?n) WHERE {
          ?e a tw:Contact ; sem:hasActor actor:sergei-lavrov, actor:mohammad-javad-zarif .
          ?report oa:hasBody ?e .
        } GROUP BY ?e""",
    )
    assert [n.toPython() for _, n in rows] == [2]
