# Two commands for a newcomer:  `make out` (build the graph of the bundled articles)
# and `make test` (lint + the whole test suite). Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STANZA_RESOURCES_DIR ?= $(abspath ../shared/stanza_resources)
export STANZA_RESOURCES_DIR

.PHONY: out test setup browser clean

out: $(VENV)/.installed
	$(BIN)/tawasul build --out out

test: $(VENV)/.installed browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

# torch first, pinned: that takes the local CPU wheel instead of gigabytes of CUDA packages.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# The page test drives a real headless Chromium (Debian's package).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Chromium first: sudo apt-get install chromium" >&2; exit 1; fi; }

clean:
	rm -rf out $(VENV) *.egg-info
