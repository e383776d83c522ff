"""`tawasul serve`: a store, read-only, over the SPARQL 1.1 protocol.

pyoxigraph answers the queries; this is only the HTTP layer the protocol asks for
(`GET /query?query=…`, `POST` as `application/sparql-query` or a form). It binds to
127.0.0.1 unless told otherwise, sends no CORS header unless `cors` is set, and
refuses every update (the store is opened read-only as well).
"""

from __future__ import annotations

import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tawasul.graph.store import ContactStore, query_error, sparql_prologue

#: Result media types by query form; the first is the default.
SELECT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
}
UPDATE_REFUSED = "this endpoint is read-only: SPARQL updates are refused"


def make_server(
    store: str | Path, host: str = "127.0.0.1", port: int = 7878, cors: bool = False
) -> ThreadingHTTPServer:
    """An HTTP server for `store` (not yet serving); port 0 picks a free one."""
    database = ContactStore(store, read_only=True).oxigraph

    class Handler(_Handler):
        pass

    Handler.database = database
    Handler.cors = cors
    try:
        return ThreadingHTTPServer((host, port), Handler)
    except OSError as exc:
        raise ValueError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 7878, cors: bool = False) -> None:
    """Serve until interrupted."""
    server = make_server(store, host, port, cors)
    where = f"http://{server.server_address[0]}:{server.server_address[1]}/query"
    print(f"SPARQL endpoint (read-only) at {where}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    database: Any = None
    cors = False
    server_version = "tawasul-sparql"

    def log_message(self, format: str, *args: Any) -> None:
        print(f"{self.address_string()} {format % args}", file=sys.stderr)

    def do_OPTIONS(self) -> None:
        self._reply(HTTPStatus.NO_CONTENT if self.cors else HTTPStatus.METHOD_NOT_ALLOWED, b"")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path.rstrip("/") == "/update" or "update" in params:
            return self._refuse()
        if url.path.rstrip("/") not in ("", "/query", "/sparql"):
            return self._text(HTTPStatus.NOT_FOUND, "not found: the endpoint is /query")
        if "query" not in params:
            return self._text(HTTPStatus.BAD_REQUEST, "missing the 'query' parameter")
        self._answer(params["query"][0])

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        if url.path.rstrip("/") == "/update" or kind == "application/sparql-update":
            return self._refuse()
        if kind == "application/sparql-query":
            return self._answer(body)
        if kind == "application/x-www-form-urlencoded":
            params = parse_qs(body)
            if "update" in params:
                return self._refuse()
            if "query" in params:
                return self._answer(params["query"][0])
        self._text(HTTPStatus.BAD_REQUEST, "send a 'query' (form or application/sparql-query)")

    def _refuse(self) -> None:
        self._text(HTTPStatus.FORBIDDEN, UPDATE_REFUSED)

    def _answer(self, query: str) -> None:
        import pyoxigraph

        try:
            result = self.database.query(sparql_prologue() + query)
        except SyntaxError as exc:
            return self._text(HTTPStatus.BAD_REQUEST, f"bad SPARQL query: {query_error(exc)}")
        except (OSError, ValueError) as exc:
            return self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
        accept = [a.split(";")[0].strip() for a in self.headers.get("Accept", "").split(",")]
        if isinstance(result, pyoxigraph.QueryTriples):
            media = next((a for a in accept if a in GRAPH_TYPES), "application/n-triples")
            data = result.serialize(format=getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media]))
        else:
            media = next((a for a in accept if a in SELECT_TYPES), next(iter(SELECT_TYPES)))
            fmt = getattr(pyoxigraph.QueryResultsFormat, SELECT_TYPES[media])
            data = result.serialize(format=fmt)
        self._reply(HTTPStatus.OK, data or b"", media)

    def _text(self, status: HTTPStatus, message: str) -> None:
        self._reply(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _reply(self, status: HTTPStatus, data: bytes, media: str | None = None) -> None:
        self.send_response(status)
        if media:
            self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()
        self.wfile.write(data)
