"""Arabic news articles in, contact records out: ingest, Stanza, mentions, actors, contacts."""
