"""Tawasul: who contacted whom, from Arabic news, as an RDF knowledge graph.

The library entry point is `tawasul.build.build`; the `tawasul` command wraps it.
"""

__version__ = "0.1.0"
