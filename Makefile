# Entry points: `make demo` (install, check and build the Amsterdam site into site/),
# `make serve` (the same site on http://127.0.0.1:8000, rebuilt on every change),
# `make test` (install everything, lint, type-check and run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install demo check site serve test lint browser-deps

$(BIN)/speelveld: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q generator
	touch $@

install: $(BIN)/speelveld

check: install
	$(BIN)/speelveld check .

site: check
	$(BIN)/mkdocs build --strict --site-dir site
	@echo "De site staat in site/ (open site/index.html of draai: make serve)"

demo: site

serve: install
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

browser-deps:
	scripts/install-browser-deps

lint: install
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

test: lint browser-deps
	$(BIN)/python -m pytest
