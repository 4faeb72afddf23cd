# Two commands do all set-up on a fresh machine (Python 3.11+, Java 17, Maven, Node.js + npm):
#   make run   - install, start the local Neo4j, seed it, serve the API
#   make test  - install, lint, and run the tests against a throwaway Neo4j
# Everything lands in .venv/ and .local/ (both git-ignored).
# While working: `make unit` (the tests needing no database, seconds) and `make lint`.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The explorer's graph library (web/package.json, pinned by its lock file), copied
# where the API serves static files; node_modules/ and vendor/ are git-ignored.
WEB_VENDOR := web/vendor
VENDOR_FILES := web/node_modules/cytoscape/dist/cytoscape.esm.min.mjs \
	web/node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.mjs

.PHONY: install run test unit lint bench fuzz fuzz-annotations revision-property oracle reliability clean browser-deps compose-check

install: $(VENV)/.installed $(WEB_VENDOR)/.installed

$(WEB_VENDOR)/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(WEB_VENDOR)
	cp $(VENDOR_FILES) $(WEB_VENDOR)/
	cp web/node_modules/cytoscape/LICENSE $(WEB_VENDOR)/LICENSE.cytoscape
	cp web/node_modules/cytoscape-dagre/LICENSE $(WEB_VENDOR)/LICENSE.cytoscape-dagre
	touch $@

# Debian's chromium and its driver for tests/browser (the tests run as root in CI).
browser-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update && apt-get install -y chromium chromium-driver)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,fast]'
	touch $@

run: install
	$(BIN)/kb db start
	$(BIN)/kb seed
	$(BIN)/kb stats
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install lint browser-deps compose-check
	$(BIN)/python -m pytest

# The tests that need no database and no browser (markers set by tests/conftest.py);
# KB_UNIT_ONLY makes any attempt to start a Neo4j fail the test that made it.
unit: install
	KB_UNIT_ONLY=1 $(BIN)/python -m pytest -q -m "not db and not browser"

# docker compose validates docker-compose.yml where it exists (tests/unit/test_compose.py
# checks the file against the README everywhere).
compose-check:
	@if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then \
		docker compose config -q && echo "docker-compose.yml: valid (docker compose config)"; \
	else \
		echo "docker-compose.yml: docker compose config skipped: no docker binary with the compose plugin here"; \
	fi

lint: install
	$(BIN)/ruff check kb api tests bench
	$(BIN)/ruff format --check kb api tests bench
	$(BIN)/mypy kb api
	$(BIN)/basedpyright  # the Cypher rule: queries are LiteralString (see pyproject.toml)

# The fuzzing suite with a long budget (CI runs 50 examples per operation).
fuzz: install
	KB_FUZZ_EXAMPLES=500 $(BIN)/python -m pytest tests/api/test_fuzz.py -p no:randomly

# The corrupted-annotation-file fuzz test with a long budget (CI runs 30 per corruption).
fuzz-annotations: install
	KB_ANNOTATION_FUZZ_EXAMPLES=1000 $(BIN)/python -m pytest tests/unit/test_annotation_fuzz.py tests/integration/test_import_fuzz.py -p no:randomly

# Re-anchoring under random text edits with a long budget (CI: 60 examples, 3 re-imports).
revision-property: install
	KB_PROPERTY_EXAMPLES=5000 $(BIN)/python -m pytest tests/unit/test_reanchor.py tests/integration/test_revision_property.py -p no:randomly

# The stored-status property test with a long budget (CI runs 30 random write sequences).
oracle: install
	KB_ORACLE_EXAMPLES=500 $(BIN)/python -m pytest tests/integration/test_derived_oracle.py -p no:randomly

# The long reliability run (kill -9, stop/start, SIGSTOP, 16x500 idempotent writes, 60 s of
# mixed load, 10 backups under 4 writers, 5 restores killed with SIGKILL and run again) on its
# own Neo4j; `make test` runs a short version. Figures: .local/reliability/.
reliability: install
	KB_RELIABILITY_LONG=1 $(BIN)/python -m pytest tests/reliability -p no:randomly -v

# The scaling benchmark of issue 8 (docs/benchmarks/benchmarks.md); BENCH_SIZES=10000 for a short run.
# `python -m bench.run` still measures the article's graph (docs/benchmarks/benchmarks-article.md).
BENCH_SIZES ?= 10000,100000,1000000
bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench --sizes $(BENCH_SIZES)

clean:
	-$(BIN)/kb db stop
	rm -rf $(VENV) .local neo4j-local/target web/node_modules $(WEB_VENDOR)
