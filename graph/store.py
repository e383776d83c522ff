"""Save and load Tawasul graphs, choosing the RDF syntax from the file extension."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph
from tawasul.graph.vocab import PREFIXES, bind_prefixes

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def graph_format(path: str | Path) -> str:
    """rdflib format name for a path, or a ValueError that names the path."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown RDF file extension {suffix!r} (use one of {known})")
    return FORMATS[suffix]


def jsonld_context() -> dict[str, str]:
    """Compact JSON-LD @context: one term per project prefix, so keys read as `tw:mode`."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def save_graph(graph: Graph, path: str | Path) -> Path:
    """Write the graph to `path` (.ttl, .nt or .jsonld), creating parent folders."""
    fmt = graph_format(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    bind_prefixes(graph)
    if fmt == "json-ld":
        data = graph.serialize(format=fmt, context=jsonld_context(), auto_compact=True)
        data = json.dumps(_sorted_jsonld(json.loads(data)), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "nt":
        # "\n" only: rdflib writes U+2028 and U+0085 raw inside literals, splitlines would cut them
        lines = sorted(line for line in graph.serialize(format=fmt).split("\n") if line)
        data = "\n".join(lines) + "\n"
    else:
        data = graph.serialize(format=fmt)
    target.write_text(data, encoding="utf-8")
    return target


def _sorted_jsonld(value: Any, key: str | None = None) -> Any:
    """Order nodes and multi-values so the same graph always writes the same file.

    Array order carries no meaning in JSON-LD except inside @list, which is left alone.
    """
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_jsonld(item) for item in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def load_graph(path: str | Path) -> Graph:
    """Read a graph saved by `save_graph` (or any file in the same three syntaxes)."""
    fmt = graph_format(path)
    graph = bind_prefixes(Graph())
    try:
        graph.parse(Path(path), format=fmt)
    except FileNotFoundError as exc:
        raise ValueError(f"{path}: no such file") from exc
    except Exception as exc:  # rdflib parsers raise many unrelated exception types
        raise ValueError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    return graph
