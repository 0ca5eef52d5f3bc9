# namematch: two commands set everything up on a fresh machine.
#   make demo   -- create .venv with the runtime dependencies only (pure Python, no compiler
#                  needed), link the bundled example corpus and write its HTML report
#   make test   -- add the test, docs, Spark and DuckDB dependencies and the compiled build
#                  (setup.py), then ruff, mypy --strict, the strict docs build and pytest
#                  (doctests included, the slow tests too: CI runs everything)
#   make test-fast -- the same without the tests marked slow (pytest -m "not slow")
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# -qq: pip prints errors only (this machine's index settings add a warning per package)
PIP    := $(PY) -m pip -qq
DEMO_HTML := build/demo/namematch-demo.html

.PHONY: demo test test-fast fuzz lint typecheck docs bench dist-check screenshot clean venv ext

# runtime only: what `make demo` needs
$(VENV)/.runtime: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	touch $@

# everything `make test` needs (the runtime included); camel-tools goes last and alone:
# --no-deps skips its torch dependencies (see README "Install"), and pip would list those
# as conflicts after any later install
$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	NAMEMATCH_COMPILE=1 $(PIP) install -e '.[test,spark,duckdb,docs]' six emoji
	$(PIP) install --no-deps camel-tools==1.6.0
	touch $(VENV)/.runtime $@

venv: $(VENV)/.installed

# keeps the compiled modules in step with their sources after edits (pip install -e
# built them once; a no-op build takes under a second); see setup.py
ext: venv
	NAMEMATCH_COMPILE=1 $(PY) setup.py -q build_ext --inplace

demo: $(VENV)/.runtime
	$(VENV)/bin/namematch demo --html $(DEMO_HTML)

lint: venv
	$(VENV)/bin/ruff check src tests benchmarks tools setup.py conftest.py docs/hooks.py

typecheck: venv
	$(VENV)/bin/mypy --strict src/namematch

docs: venv
	$(VENV)/bin/mkdocs build --strict --quiet --site-dir build/site

# extra pytest arguments, e.g. make test PYTEST_ARGS=--durations=25 (the slowest tests)
PYTEST_ARGS ?=

test: ext lint typecheck docs
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: ext lint typecheck docs
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

# fresh random examples for every property test (the default run is derandomised)
fuzz: ext
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS) $(shell grep -l "@given" tests/*.py)

bench: ext
	$(PY) benchmarks/accuracy.py --holdout
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/resolution.py
	$(PY) benchmarks/linking.py

# sdist and wheel (the wheel built from the sdist), installed in a fresh venv and tried
dist-check: venv
	rm -rf build/dist build/dist-venv
	$(PY) -m build --outdir build/dist . > build/dist.log 2>&1 || (cat build/dist.log; exit 1)
	$(PYTHON) -m venv build/dist-venv
	build/dist-venv/bin/python -m pip -qq install build/dist/namematch-*.whl
	cd build && dist-venv/bin/python ../tools/check_install.py dist/namematch-*.tar.gz dist/namematch-*.whl

# the report screenshot shown in the docs (needs Chromium)
screenshot: $(VENV)/.runtime
	$(VENV)/bin/namematch demo --html $(DEMO_HTML) > /dev/null
	$(PY) tools/screenshot.py $(DEMO_HTML) docs/img/demo-report.png

clean:
	rm -rf $(VENV) build dist src/*.egg-info src/namematch/*.so .pytest_cache .ruff_cache .hypothesis
