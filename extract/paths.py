"""Where Tawasul's data files live: the checkout's `data/`, or a wheel's copy.

A checkout (or editable install) reads `data/` beside the packages; a regular
wheel installs the same files under `<prefix>/share/tawasul/data`.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_DATA = Path(__file__).resolve().parent.parent / "data"
INSTALLED_DATA = Path(sys.prefix) / "share" / "tawasul" / "data"


def data_dir() -> Path:
    """The first of the two places that holds the lexicons; the checkout's by default."""
    for candidate in (SOURCE_DATA, INSTALLED_DATA):
        if (candidate / "lexicon").is_dir():
            return candidate
    return SOURCE_DATA


DATA_DIR = data_dir()
