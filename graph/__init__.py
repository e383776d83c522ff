"""RDF export, SPARQL access, network analysis and the offline HTML page for Tawasul contacts."""
