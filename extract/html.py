"""A saved news page → its article: main text, title, date and URL (trafilatura).

Menus, scripts, comments and footers would otherwise reach extraction as if they
were the article, so every HTML input — an .html file, HTML saved as .txt, or a
JSONL `html` field — goes through `trafilatura`, which keeps the main text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b|<(?:html|body)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = re.compile(r"</?(?:p|div|span|a|script|article|section|br|h[1-6])\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """What trafilatura found in a page; `text` is empty when it found no article."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True for a page (doctype, <html>/<body>) or text dense with block tags."""
    head = text[:5000]
    return bool(_HTML.search(head)) or len(_TAGS.findall(head)) >= 5


def read_page(html: str) -> Page:
    """Main text of a page, the title first when the page body does not start with it."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        return Page("")
    text = doc.text.strip()
    title = (doc.title or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(text, title, doc.date or None, doc.url or None)
