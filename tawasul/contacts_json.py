"""contacts.json: the extracted contacts in the evaluation (gold) file format.

One document per article with its contacts; each participant carries its
English name and affiliation (what `score.py` compares), plus the Arabic label,
type, surface form and Wikidata id for people reading the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tawasul.extract.actors import side_of
from tawasul.extract.records import ArticleResult, Contact, ContactDate, Participant

TYPES = {"state": "STATE", "organization": "ORG", "person": "PERSON"}


def participant_json(participant: Participant) -> dict[str, Any]:
    actor = participant.actor
    side = side_of(participant)
    return {
        "name_en": actor.label_en,
        "name_ar": actor.label_ar,
        "type": TYPES[actor.kind],
        "affiliation_en": side.label_en,
        "affiliation_ar": side.label_ar,
        "wikidata": actor.wikidata,
        "surface": participant.surface,
        "start": participant.start,
        "end": participant.end,
    }


def contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "participants": [participant_json(p) for p in contact.participants],
        "mode": contact.mode,
        "status": contact.status,
        "mediated": contact.mediated,
        "intermediary": [participant_json(p) for p in contact.intermediaries],
        "evidence": contact.evidence,
        "evidence_start": contact.evidence_start,
        "evidence_end": contact.evidence_end,
        "trigger": contact.trigger,
        "method": contact.method,
        "date_text": "; ".join(contact.date_text) or None,
        "date": date_json(contact.date),
    }


def date_json(date: ContactDate | None) -> dict[str, Any] | None:
    """The resolved date: the words, the ISO value and its granularity, or None."""
    if date is None:
        return None
    return {
        "text": date.text,
        "value": date.value,
        "granularity": date.granularity,
        "resolved": date.resolved,
    }


def to_json(results: Iterable[ArticleResult]) -> dict[str, Any]:
    documents = []
    for result in results:
        doc: dict[str, Any] = {
            "id": result.article.id,
            "source": result.article.source,
            "contacts": [contact_json(c) for c in result.contacts],
        }
        if result.article.url:
            doc["url"] = result.article.url
        if result.error:
            doc["error"] = result.error
        documents.append(doc)
    return {"schema_version": "1.0", "generator": "tawasul", "documents": documents}


def write_contacts(results: Iterable[ArticleResult], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path
