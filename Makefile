# namematch: two commands set everything up on a fresh machine.
#   make demo   -- create .venv, install, link the bundled example corpus
#   make test   -- create .venv, install test deps, ruff + pytest (doctests included)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: demo test lint bench docs clean venv ext

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test,spark,duckdb,docs]'
	# camel-tools utils only (its full install pulls torch): see README "Install".
	$(PIP) install -q --no-deps camel-tools==1.6.0
	$(PIP) install -q six emoji
	touch $@

venv: $(VENV)/.installed

# keeps the compiled modules in step with their sources after edits (pip install -e
# built them once; a no-op build takes under a second); NAMEMATCH_PURE_PYTHON=1 skips
# compiling (see setup.py)
ext: venv
	$(PY) setup.py -q build_ext --inplace

demo: ext
	$(VENV)/bin/namematch demo

test: ext
	$(VENV)/bin/ruff check src tests benchmarks setup.py conftest.py
	$(PY) -m pytest

bench: ext
	$(PY) benchmarks/accuracy.py --holdout
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/resolution.py
	$(PY) benchmarks/linking.py

docs: venv
	$(VENV)/bin/mkdocs build --site-dir site

clean:
	rm -rf $(VENV) build dist src/*.egg-info src/namematch/*.so .pytest_cache .ruff_cache .hypothesis
