"""Tawasul: who contacted whom, from Arabic news, as an RDF knowledge graph.

The library entry point is `tawasul.build.build`; the `tawasul` command wraps it.
The stages are the sub-packages `tawasul.extract` (articles → contact records) and
`tawasul.graph` (records → RDF, store, SPARQL, networkx, page).
"""

from pathlib import Path as _Path

__version__ = "0.1.0"

# In a checkout the two stages sit at the top of the repository (extract/, graph/), the
# layout the project fixes; an installed wheel maps them under tawasul/ (pyproject's
# package-dir). Let the checkout resolve `tawasul.extract` the same way.
_checkout = _Path(__file__).resolve().parent.parent
if (_checkout / "extract" / "__init__.py").is_file() and not (
    _Path(__file__).resolve().parent / "extract"
).is_dir():
    __path__.append(str(_checkout))
