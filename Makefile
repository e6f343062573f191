# Every target creates and uses a local virtual environment in .venv,
# so a fresh machine needs only Python 3.11+ and access to the package index.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup report prepare validate lab test clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install the project with its test tools

report: setup  ## Regenerate data/processed and every report in reports/ from data/raw
	$(PY) -m analysis report

prepare: setup  ## Only validate data/raw and write data/processed (no notebooks)
	$(PY) -m analysis prepare

lab: setup  ## Start JupyterLab on the notebooks with the project's environment
	$(PY) -m jupyter lab --notebook-dir=notebooks

validate: setup  ## Check data/raw and say what is wrong, without writing anything
	$(PY) -m analysis validate

test: setup  ## Run the whole test suite
	$(PY) -m pytest

clean:  ## Remove the virtual environment, caches and reports/ (not data/processed)
	rm -rf $(VENV) .pytest_cache build src/*.egg-info reports
