# Two commands for a new machine: `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: serve test build validate bench chromium clean

serve: $(READY)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(READY) chromium
	$(BIN)/python -m pytest

build: $(READY)
	$(BIN)/mkdocs build --strict --site-dir site

validate: $(READY)
	$(BIN)/python scripts/validate.py

bench: $(READY)
	$(BIN)/python scripts/bench.py

# The browser tests drive Debian's Chromium; Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install it (Debian: sudo apt-get install chromium)" >&2; exit 1; \
	  fi; }

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(READY)

clean:
	rm -rf site .pytest_cache
