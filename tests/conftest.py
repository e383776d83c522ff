"""Shared fixtures: one real Stanza pipeline (the offline Arabic models) per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_MODELS = ROOT.parent / "shared" / "stanza_resources"

# Tests and CI use the models trained offline beside the checkout unless told otherwise.
if "STANZA_RESOURCES_DIR" not in os.environ and SHARED_MODELS.is_dir():
    os.environ["STANZA_RESOURCES_DIR"] = str(SHARED_MODELS)


@pytest.fixture(scope="session")
def extractor():
    from tawasul.extract.pipeline import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def seed_results(extractor):
    """The bundled seed articles, extracted once per test session (the page tests use them)."""
    from tawasul.extract.ingest import read_articles
    from tawasul.extract.paths import DATA_DIR

    return list(extractor.extract_all(read_articles([DATA_DIR / "articles"])))


@pytest.fixture(scope="session")
def contacts_in(extractor):
    """Extract one text and return its contacts as plain comparable tuples."""
    from tawasul.extract.records import Article

    def run(text: str):
        result = extractor.extract(Article(id="t", text=text, source="t.txt"))
        assert result.error is None, result.error
        return result.contacts

    return run


def names(contact) -> frozenset[str]:
    """The participants of a contact by English label (Arabic when unknown)."""
    return frozenset(p.actor.label_en or p.actor.label_ar for p in contact.participants)


def sides(contact) -> frozenset[str]:
    """The participants of a contact by the state or body they act for."""
    from tawasul.extract.actors import affiliation_of

    return frozenset(
        affiliation_of(p.actor).label_en or affiliation_of(p.actor).label_ar
        for p in contact.participants
    )
