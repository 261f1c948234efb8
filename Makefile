# The two commands of the README.
PY ?= .venv/bin/python

.PHONY: setup seeds test lint docs

setup:
	python3 -m venv .venv
	$(PY) -m pip install -q -e ".[test]"

seeds: setup
	.venv/bin/mideastnews parse seeds/

test: setup
	$(PY) -m pip install -q -e ".[test,docs,pandas]"
	$(PY) -m pip install -q ./examples/plugin_template
	$(PY) -m pytest -q
	$(PY) -m ruff check src tests benchmarks examples
	$(PY) -m mypy --strict
	$(PY) -m mypy --strict examples/*.py
	cd examples/plugin_template && ../../$(PY) -m mypy
	$(MAKE) docs

# The documentation: nitpicky and warning-free, then every code sample as a doctest.
docs:
	.venv/bin/sphinx-build -n -W --keep-going -b html docs docs/_build/html
	.venv/bin/sphinx-build -b doctest docs docs/_build/doctest
