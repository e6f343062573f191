# Every target creates and uses a local virtual environment in .venv,
# so a fresh machine needs only Python 3.11+ and access to the package index.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# What a fresh machine installs is pinned (constraints.txt, renewed by `make lock`); each command installs the
# extra it needs: core (the report run), pdf, extract, lab, test (all of them and the test tools).
CONSTRAINTS := constraints.txt
VENV_MADE := $(VENV)/.made
# pytest rewrites every test module's asserts; with PYTHONDONTWRITEBYTECODE set (as some machines do) it would
# do so in every process of every run. The bytecode is kept in the venv instead, outside the source tree.
PYTEST := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(abspath $(VENV))/pycache $(PY) -m pytest

.DEFAULT_GOAL := help
.PHONY: help setup setup-extract setup-test lock git-filter browser spelling spreadsheets validators report pdf prepare validate lab lint test test-fast bench bench-extract bench-site clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(VENV_MADE):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.installed-core: pyproject.toml $(CONSTRAINTS) | $(VENV_MADE)
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.installed-%: pyproject.toml $(CONSTRAINTS) | $(VENV_MADE)
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e '.[$*]'
	@touch $@

setup: $(VENV)/.installed-core  ## Create .venv and install what the report run needs (pinned by constraints.txt)

setup-extract: $(VENV)/.installed-extract  ## Install what extract needs to read PDF and HTML documents

setup-test: $(VENV)/.installed-test git-filter  ## Install everything, with the test tools

lock: $(VENV_MADE)  ## Resolve the dependencies anew (uv) and write constraints.txt
	$(PY) tools/lock.py --write

# Notebooks are committed without outputs and with only the metadata the project keeps (the kernelspec, cell
# tags): nbstripout as the git filter for *.ipynb (.gitattributes), stripping also what JupyterLab adds on save.
NBSTRIPOUT_EXTRA_KEYS := metadata.language_info metadata.vscode metadata.toc cell.metadata.trusted \
  cell.metadata.editable cell.metadata.deletable cell.metadata.slideshow cell.metadata.jp-MarkdownHeadingCollapsed
git-filter: $(VENV)/.installed-lab  ## Install nbstripout as this clone's git filter for notebooks (make lab and make test do)
	@# installed once per clone: nbstripout --install costs a second of CPU at every make test-fast
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && \
	  ! { git config filter.nbstripout.clean | grep -qF '$(abspath $(VENV))/bin/python' && \
	      [ "$$(git config filter.nbstripout.extrakeys)" = "$(NBSTRIPOUT_EXTRA_KEYS)" ]; }; then \
	  $(VENV)/bin/nbstripout --install --attributes .gitattributes && \
	  git config filter.nbstripout.extrakeys "$(NBSTRIPOUT_EXTRA_KEYS)"; fi

report: setup  ## Regenerate data/processed and every report in reports/ from data/raw
	$(PY) -m analysis report

pdf: $(VENV)/.installed-pdf browser  ## Regenerate the reports and print every report and the index to PDF (needs Chromium)
	$(PY) -m analysis report --pdf

prepare: setup  ## Only validate data/raw and write data/processed (no notebooks)
	$(PY) -m analysis prepare

lab: $(VENV)/.installed-lab git-filter  ## Start JupyterLab in this folder with the project's environment (notebooks/ holds the notebooks)
	$(PY) -m jupyter lab notebooks/explore.ipynb $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# The browser tests use Debian's chromium; it is installed when missing and we may (root with apt-get).
browser:  ## Install Debian's chromium for the browser tests, if missing and possible
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "could not install chromium with apt-get: browser tests will be skipped (they fail under CI=true)"; \
	  else echo "chromium is missing and cannot be installed here: browser tests will be skipped (they fail under CI=true)"; fi; }

# The language test reads every page with Debian's hunspell dictionaries (Dutch and American English).
spelling:  ## Install hunspell with its Dutch and English dictionaries for the language test, if missing and possible
	@[ -f /usr/share/hunspell/nl_NL.dic ] && [ -f /usr/share/hunspell/en_US.dic ] && command -v hunspell >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell hunspell-nl hunspell-en-us >/dev/null; } \
	      || echo "could not install hunspell with apt-get: the language test will be skipped (it fails under CI=true)"; \
	  else echo "hunspell is missing and cannot be installed here: the language test will be skipped (it fails under CI=true)"; fi; }

# The spreadsheet test opens the dataset in LibreOffice under Dutch settings, as a colleague does.
spreadsheets:  ## Install LibreOffice Calc (no GUI) for the spreadsheet test, if missing and possible
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null; } \
	      || echo "could not install LibreOffice with apt-get: the spreadsheet test will be skipped (it fails under CI=true)"; \
	  else echo "LibreOffice is missing and cannot be installed here: the spreadsheet test will be skipped (it fails under CI=true)"; fi; }

# The validators colleagues run on what we publish: the W3C Nu HTML checker (vnu.jar, needs Java) and
# HTML_CodeSniffer, from the npm registry into .venv/validators (pinned); Debian's Java where it is missing.
VALIDATORS := $(VENV)/validators
VALIDATOR_PACKAGES := vnu-jar@26.9.27 html_codesniffer@2.5.1
validators: $(VALIDATORS)/.installed  ## Install the HTML validators the tests run (Java from Debian if missing)
$(VALIDATORS)/.installed: Makefile
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } \
	      || echo "could not install Java with apt-get: the Nu validator test will be skipped (it fails under CI=true)"; \
	  else echo "Java is missing and cannot be installed here: the Nu validator test will be skipped (it fails under CI=true)"; fi; }
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix $(VALIDATORS) --no-audit --no-fund --silent $(VALIDATOR_PACKAGES) && touch $@; \
	else echo "npm is missing: the validator tests will be skipped (they fail under CI=true)"; fi

validate: setup  ## Check data/raw and say what is wrong, without writing anything
	$(PY) -m analysis validate

lint: setup-test  ## Check the code with ruff (lint rules and formatting) and the package's layers with import-linter
	$(VENV)/bin/ruff check src tests benchmarks notebooks tools
	$(VENV)/bin/ruff format --check src tests benchmarks notebooks tools
	$(VENV)/bin/lint-imports

# Three workers on two cores, each taking whole test files (and whole notebooks, whose cells share one kernel):
# a worker often waits (on a report run's own processes, a kernel, a browser, a test's deliberate pause), and a
# third keeps the cores busy meanwhile (benchmarks/RESULTS.md: the suite on 2, 3 and 4 workers).
# The real Dutch and English sites are made by the workers that run tests/test_site.py and test_site_en.py.
# Files start in the order of tests/conftest.py (longest first), not xdist's (most tests first).
# TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= 3
test: setup-test browser spelling spreadsheets validators lint  ## Check the code (make lint), then run the whole test suite
	$(PYTEST) -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The tests that need no kernel, browser, report run or real process (the others are marked slow): for a loop
# while developing. In one process by default: each pytest-xdist worker imports the stack and collects every test
# again, so two workers finish sooner on an idle machine but cost more CPU, and on a busy one gain nothing
# (benchmarks/RESULTS.md); `make test-fast FAST_WORKERS=2` for the quicker loop where two cores are free.
FAST_WORKERS ?= 0
test-fast: setup-test  ## Run the tests that need no kernel, browser, report run or real process (a loop while developing)
	$(PYTEST) -n $(FAST_WORKERS) -m "not slow" --hypothesis-profile=fast tests

bench: setup-test  ## Benchmark the report run (naive loop, cold, no change, floor) and prepare at scale
	$(PY) benchmarks/bench_reports.py

bench-extract: setup-test  ## Score extract on its corpus (recall, precision per part) and keep the run in benchmarks/extract/RESULTS.md
	$(PY) benchmarks/extract/bench_extract.py --record

# Lighthouse (pinned) from the npm registry into .venv/lighthouse; 12.x is the last that runs on Debian's Node 20
LIGHTHOUSE := $(VENV)/lighthouse
bench-site: setup-test browser  ## Lighthouse on a phone: index and two sector pages of a fresh run, kept in benchmarks/lighthouse/RESULTS.md
	@test -f $(LIGHTHOUSE)/node_modules/lighthouse/cli/index.js || npm install --prefix $(LIGHTHOUSE) --no-audit --no-fund --silent lighthouse@12.8.2
	$(PY) benchmarks/lighthouse/bench_lighthouse.py

clean:  ## Remove the virtual environment, caches and reports/ (not data/processed)
	rm -rf $(VENV) .pytest_cache build src/*.egg-info reports
