"""`tawasul eval`: score Tawasul against an annotated gold file, through the RDF contract.

The gold format is the one of `../shared/gold/*.json` (documents with `id`,
`text` and `contacts[].participants[].name_en / affiliation_en`). Predictions
are read back from the exported graph with SPARQL, not from contacts.json, so
what is scored is exactly what a SPARQL user gets. The scoring rules are those
of the project's reference scorer `score.py` (a test checks that both agree):

- per document, unordered pairs of participants, at two levels: normalised
  English names (`name`) and the sides they act for (`affiliation`);
- pairs of the same side and pairs of identical keys are skipped;
- counts are micro-averaged over documents; a missing document is all-missed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from rdflib import Graph

from tawasul.extract.records import STATUSES, Article
from tawasul.graph.vocab import MODE_TERMS, STATUS_TERMS

LEVELS = ("name", "affiliation")
#: Gold files call an unspecified mode `contact-unspecified`.
MODE_ALIASES = {"unspecified": "contact-unspecified"}


def basic_norm(text: str | None) -> str:
    """NFKD without marks, lower case, punctuation and symbols to spaces, no leading 'the '."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Normaliser:
    """`basic_norm` followed by the gold file's alias map {canonical: [alias, ...]}."""

    def __init__(self, aliases: dict[str, list[str]] | None):
        self.map: dict[str, str] = {}
        for canon, names in (aliases or {}).items():
            key = basic_norm(canon)
            if not key:
                continue
            self.map.setdefault(key, key)
            for alias in names or []:
                alias = basic_norm(alias)
                if alias and alias not in self.map:
                    self.map[alias] = key

    def __call__(self, text: str | None) -> str:
        key = basic_norm(text)
        return self.map.get(key, key)


Pair = tuple[str, str]


def contact_pairs(contact: dict[str, Any], norm: Normaliser) -> tuple[set[Pair], set[Pair]]:
    """(name pairs, affiliation pairs) of one contact, by the reference scorer's rules."""
    names: set[Pair] = set()
    sides: set[Pair] = set()
    parts = []
    for p in contact.get("participants") or []:
        name = norm(p.get("name_en"))
        side = norm(p.get("affiliation_en")) or name
        name = name or side
        if name or side:
            parts.append((name, side))
    for (n1, a1), (n2, a2) in combinations(parts, 2):
        if a1 == a2:
            continue
        sides.add((min(a1, a2), max(a1, a2)))
        if n1 != n2:
            names.add((min(n1, n2), max(n1, n2)))
    return names, sides


def _status(contact: dict[str, Any]) -> str:
    return (contact.get("status") or "occurred").strip().lower()


def _mode(contact: dict[str, Any]) -> str:
    mode = (contact.get("mode") or "contact-unspecified").strip().lower()
    return MODE_ALIASES.get(mode, mode)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Pair], pred: set[Pair]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1, with score.py's conventions for empty sets."""
        tp, fp, fn = self.tp, self.fp, self.fn
        p = tp / (tp + fp) if tp + fp else (1.0 if tp + fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else (1.0 if tp + fp == 0 else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class DocErrors:
    """Missed and spurious affiliation/name pairs of one document, with evidence."""

    doc_id: str
    missed: list[tuple[str, Pair, str]] = field(default_factory=list)
    spurious: list[tuple[str, Pair, str]] = field(default_factory=list)


@dataclass
class Score:
    """Everything `tawasul eval` prints: overall, per status, per mode, per document."""

    overall: dict[str, Counts]
    by_status: dict[str, dict[str, Counts]]
    by_mode: dict[str, dict[str, Counts]]
    errors: list[DocErrors]
    documents: int
    matched: int
    dates: tuple[int, int] = (0, 0)  # (date_text found, matched gold contacts with a date_text)


def _doc_pairs(
    doc: dict[str, Any] | None, norm: Normaliser, keep=lambda c: True
) -> dict[str, dict[Pair, str]]:
    """Pairs of a document per level, each with the evidence of the first contact giving it."""
    found: dict[str, dict[Pair, str]] = {level: {} for level in LEVELS}
    for contact in (doc or {}).get("contacts") or []:
        if not keep(contact):
            continue
        names, sides = contact_pairs(contact, norm)
        for level, pairs in (("name", names), ("affiliation", sides)):
            for pair in pairs:
                found[level].setdefault(pair, contact.get("evidence") or "")
    return found


def score(gold: dict[str, Any], pred: dict[str, Any]) -> Score:
    """Score predictions (gold format) against gold, like score.py, with breakdowns."""
    norm = Normaliser(gold.get("aliases"))
    gold_docs = gold.get("documents") or []
    by_id = {str(d.get("id")): d for d in pred.get("documents") or [] if d.get("id") is not None}
    by_src = {
        str(d.get("source")): d for d in pred.get("documents") or [] if d.get("source") is not None
    }
    overall = {level: Counts() for level in LEVELS}
    modes = sorted(
        {_mode(c) for d in gold_docs for c in d.get("contacts") or []}
        | {_mode(c) for d in pred.get("documents") or [] for c in d.get("contacts") or []}
    )
    by_status = {s: {level: Counts() for level in LEVELS} for s in STATUSES}
    by_mode = {m: {level: Counts() for level in LEVELS} for m in modes}
    errors = []
    matched = 0
    for gd in gold_docs:
        pd = by_id.get(str(gd.get("id"))) or by_src.get(str(gd.get("source")))
        matched += pd is not None
        g, p = _doc_pairs(gd, norm), _doc_pairs(pd, norm)
        doc_errors = DocErrors(str(gd.get("id")))
        for level in LEVELS:
            overall[level].add(set(g[level]), set(p[level]))
            doc_errors.missed += [(level, k, v) for k, v in g[level].items() if k not in p[level]]
            doc_errors.spurious += [(level, k, v) for k, v in p[level].items() if k not in g[level]]
        if doc_errors.missed or doc_errors.spurious:
            errors.append(doc_errors)
        for status in STATUSES:
            gs = _doc_pairs(gd, norm, lambda c, s=status: _status(c) == s)
            ps = _doc_pairs(pd, norm, lambda c, s=status: _status(c) == s)
            for level in LEVELS:
                by_status[status][level].add(set(gs[level]), set(ps[level]))
        for mode in modes:
            gm = _doc_pairs(gd, norm, lambda c, m=mode: _mode(c) == m)
            pm = _doc_pairs(pd, norm, lambda c, m=mode: _mode(c) == m)
            for level in LEVELS:
                by_mode[mode][level].add(set(gm[level]), set(pm[level]))
    dates = [date_matches(gd, _pred_doc(gd, by_id, by_src), norm) for gd in gold_docs]
    found = (sum(f for f, _ in dates), sum(m for _, m in dates))
    return Score(overall, by_status, by_mode, errors, len(gold_docs), matched, found)


def _pred_doc(gd: dict[str, Any], by_id: dict, by_src: dict) -> dict[str, Any] | None:
    return by_id.get(str(gd.get("id"))) or by_src.get(str(gd.get("source")))


#: Words two date phrases may share without naming the same date.
_DATE_FILLERS = frozenset(
    {
        *("في", "من", "يوم", "الى", "على", "خلال", "منذ", "بعد", "قبل", "مدار", "وقت", "شهر"),
        *("هذا", "الماضي", "الماضيه", "المقبل", "المقبله", "القادم", "القادمه", "الجاري"),
        *("الجاريه", "الحالي", "المنصرم"),
    }
)


def date_matches(
    gold_doc: dict[str, Any], pred_doc: dict[str, Any] | None, norm: Normaliser
) -> tuple[int, int]:
    """(found, matched): gold contacts of one document that have a `date_text` and that a
    predicted contact matches — an affiliation pair in common, from the same sentence —
    (matched), and those of them for which such a contact's date words overlap the gold
    ones (found)."""
    found = matched = 0
    predicted = [
        (contact_pairs(c, norm)[1], c.get("date_text") or "", c.get("evidence") or "")
        for c in (pred_doc or {}).get("contacts") or []
    ]
    for contact in gold_doc.get("contacts") or []:
        gold_text = contact.get("date_text")
        if not gold_text:
            continue
        sides = contact_pairs(contact, norm)[1]
        evidence = contact.get("evidence") or ""
        texts = [
            text
            for pairs, text, sentence in predicted
            if pairs & sides and _same_sentence(evidence, sentence)
        ]
        if not texts:
            continue
        matched += 1
        found += any(same_date_words(gold_text, text) for text in texts)
    return found, matched


def _same_sentence(gold: str, predicted: str) -> bool:
    """Gold evidence is a clip of a sentence, or several: either holds the other's start."""
    from tawasul.extract.arabic import norm

    a, b = norm(gold), norm(predicted)
    return bool(a and b) and (a[:40] in b or b[:40] in a)


def same_date_words(gold: str, predicted: str) -> bool:
    """Whether two date phrases overlap: one holds the other, or they share a date word
    or number («اليوم الثلاثاء» and «الثلاثاء»), fillers like «في», «الماضي» aside."""
    from tawasul.extract.arabic import plain

    a, b = plain(gold), plain(predicted)
    if not a or not b:
        return False
    if a in b or b in a:
        return True

    def words(text: str) -> set[str]:
        return {plain(w) for w in re.split(r"[\s/()؛;]+", text)} - _DATE_FILLERS - {""}

    return bool(words(a) & words(b))


# --- predictions read back from the RDF contract -------------------------------------------

# One row per report (attestation) and participant: an event merged across articles is
# scored once in each document that reports it, with the mode that document gave it.
_CONTACTS = """
SELECT ?report ?article ?actor ?status ?mode ?evidence WHERE {
  ?report oa:hasBody ?contact ; prov:wasDerivedFrom ?a .
  ?contact a tw:Contact ; sem:hasActor ?actor ; tw:status ?status ; tw:mode ?eventMode .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?report tw:reportedMode ?reported }
  BIND(COALESCE(?reported, ?eventMode) AS ?mode)
  OPTIONAL { ?report tw:evidence ?evidence }
}"""

_DATE_TEXTS = """
SELECT ?report ?text WHERE { ?report oa:hasBody ?contact . ?contact tw:dateText ?text }"""

_ACTING = """
SELECT ?report ?actor ?body WHERE {
  ?report tw:participation ?q . ?q tw:participant ?actor ; tw:actsFor ?body
}"""

_ACTORS = """
SELECT ?actor ?label ?affiliation WHERE {
  { ?actor a tw:Person } UNION { ?actor a tw:State } UNION { ?actor a tw:Organization }
  OPTIONAL { ?actor skos:prefLabel ?label }
  OPTIONAL { ?actor tw:affiliation ?affiliation }
}"""


def predictions_from_graph(graph: Graph, article_ids: Iterable[str]) -> dict[str, Any]:
    """The graph's contacts in the gold format, one document per article id.

    An actor's name is its English prefLabel, else its Arabic one (a side left
    unresolved is scored as what it is); its side is what the report's
    `tw:participation` says it acted for, else the top of its `tw:affiliation` chain.
    """
    status_of = {iri: name for name, iri in STATUS_TERMS.items()}
    mode_of = {iri: MODE_ALIASES.get(name, name) for name, iri in MODE_TERMS.items()}
    labels: dict[Any, dict[str, str]] = {}
    parent: dict[Any, Any] = {}
    for actor, label, affiliation in graph.query(_prefixed(_ACTORS)):
        if label is not None:
            labels.setdefault(actor, {}).setdefault(label.language or "", str(label))
        if affiliation is not None:
            parent[actor] = affiliation

    def name(actor: Any) -> str:
        found = labels.get(actor, {})
        return found.get("en") or found.get("ar") or str(actor)

    def side(actor: Any) -> Any:
        seen = {actor}
        while actor in parent and parent[actor] not in seen:
            actor = parent[actor]
            seen.add(actor)
        return actor

    # A report that titles a participant as another body's office holder places him there.
    acting = {(r, a): body for r, a, body in graph.query(_prefixed(_ACTING))}
    dates: dict[Any, set[str]] = {}
    for report_iri, text in graph.query(_prefixed(_DATE_TEXTS)):
        dates.setdefault(report_iri, set()).add(str(text))
    contacts: dict[Any, dict[str, Any]] = {}
    for contact, article, actor, status, mode, evidence in graph.query(_prefixed(_CONTACTS)):
        entry = contacts.setdefault(
            contact,
            {
                "article": str(article),
                "status": status_of.get(status, str(status)),
                "mode": mode_of.get(mode, str(mode)),
                "evidence": str(evidence) if evidence is not None else "",
                "date_text": "; ".join(sorted(dates.get(contact, ()))) or None,
                "actors": set(),
            },
        )
        entry["actors"].add(actor)
    docs: dict[str, list[dict[str, Any]]] = {str(i): [] for i in article_ids}
    for iri in sorted(contacts, key=str):
        entry = contacts[iri]
        participants = [
            {"name_en": name(a), "affiliation_en": name(side(acting.get((iri, a), a)))}
            for a in sorted(entry.pop("actors"), key=str)
        ]
        docs.setdefault(entry.pop("article"), []).append(
            {"participants": participants, **entry, "id": str(iri)}
        )
    return {"documents": [{"id": i, "contacts": c} for i, c in docs.items()]}


def _prefixed(query: str) -> str:
    from tawasul.graph.vocab import PREFIXES

    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return head + query


def gold_articles(gold: dict[str, Any], path: str = "gold") -> list[Article]:
    """The gold file's texts as articles, cleaned as ingest cleans any text (so the
    figures are what a researcher's own files would get); a document without text is
    a clear error."""
    from tawasul.extract.encoding import clean_text

    articles = []
    for n, doc in enumerate(gold.get("documents") or [], start=1):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise ValueError(f"{path}: document {n} has no text")
        doc_id = str(doc.get("id") if doc.get("id") is not None else n)
        articles.append(
            Article(
                doc_id, clean_text(doc["text"])[0], f"{path}#{doc_id}", None, doc.get("published")
            )
        )
    return articles


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file, naming the file and the problem when it is not gold JSON."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    if isinstance(data, list):
        data = {"documents": data}
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ValueError(f"{path}: no 'documents' list")
    return data


# --- the report ----------------------------------------------------------------------------


def _line(label: str, counts: dict[str, Counts]) -> str:
    cells = []
    for level in ("affiliation", "name"):
        c = counts[level]
        p, r, f = c.prf()
        cells.append(f"P={p:.3f} R={r:.3f} F1={f:.3f} (TP {c.tp} FP {c.fp} FN {c.fn})")
    return f"{label:<22} {cells[0]:<44} {cells[1]}"


def report(result: Score, errors: bool = True) -> str:
    """The text `tawasul eval` prints: figures first, then the per-document error list."""
    out = [
        f"documents: {result.documents} (matched {result.matched})",
        f"{'':<22} {'pairs-affiliation':<44} pairs-name",
    ]
    out.append(_line("all", result.overall))
    found, matched = result.dates
    share = 100 * found / matched if matched else 0.0
    out.append(
        f"date_text found for {share:.1f} % of matched contacts "
        f"({found} of {matched} gold contacts with a date_text, matched by pair and sentence)"
    )
    out.append("by status (gold and predictions filtered alike)")
    for status, counts in result.by_status.items():
        if any(c.tp + c.fp + c.fn for c in counts.values()):
            out.append(_line(f"  {status}", counts))
    out.append("by mode (a pair counts only when the modes agree)")
    for mode, counts in result.by_mode.items():
        if any(c.tp + c.fp + c.fn for c in counts.values()):
            out.append(_line(f"  {mode}", counts))
    for level in ("affiliation", "name"):
        p, r, f = result.overall[level].prf()
        out.append(f"pairs-{level} P={p:.3f} R={r:.3f} F1={f:.3f}")
    if errors and result.errors:
        out.append("")
        out.append("errors per document (affiliation level, then name level)")
        for doc in result.errors:
            out.append(f"[{doc.doc_id}]")
            for kind, items in (("missed  ", doc.missed), ("spurious", doc.spurious)):
                for level, (a, b), evidence in sorted(
                    items, key=lambda i: (-LEVELS.index(i[0]), i[1])
                ):
                    out.append(f"  {kind} {level:<11} {a} <-> {b}")
                    if evidence:
                        out.append(f"           « {evidence[:160]} »")
    return "\n".join(out)


def evaluate(
    gold_path: Path,
    extractor: Any,
    out: Path | None = None,
) -> tuple[Score, dict[str, Any]]:
    """Build the gold's texts, read the RDF back, score it; write files into `out` if given."""
    from tawasul.graph.rdf import build_graph
    from tawasul.graph.store import save_graph

    gold = load_gold(gold_path)
    articles = gold_articles(gold, str(gold_path))
    results = list(extractor.extract_all(articles))
    graph = build_graph(results)
    pred = predictions_from_graph(graph, [a.id for a in articles])
    for result in results:
        if result.error:
            pred.setdefault("errors", []).append(result.error)
    result = score(gold, pred)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        save_graph(graph, out / "graph.ttl")
        (out / "predictions.json").write_text(
            json.dumps(pred, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        (out / "report.txt").write_text(report(result) + "\n", "utf-8")
    return result, pred


def summary_figures(result: Score) -> dict[str, Sequence[float]]:
    """P, R, F1 per level, for scripts and tests."""
    return {level: result.overall[level].prf() for level in LEVELS}
