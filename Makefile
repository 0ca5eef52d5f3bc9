# namematch: two commands set everything up on a fresh machine.
#   make demo   -- create .venv, install, link the bundled example corpus
#   make test   -- create .venv, install test deps, ruff + pytest (doctests included)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: demo test lint bench docs clean venv

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test,spark,duckdb,docs]'
	# camel-tools utils only (its full install pulls torch): see README "Install".
	$(PIP) install -q --no-deps camel-tools==1.6.0
	$(PIP) install -q six emoji
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(VENV)/bin/namematch demo

test: venv
	$(VENV)/bin/ruff check src tests benchmarks
	$(PY) -m pytest

bench: venv
	$(PY) benchmarks/accuracy.py
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/resolution.py
	$(PY) benchmarks/linking.py

docs: venv
	$(VENV)/bin/mkdocs build --site-dir site

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis
