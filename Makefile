# The two commands of the README.
PY ?= .venv/bin/python

.PHONY: setup seeds test lint

setup:
	python3 -m venv .venv
	$(PY) -m pip install -q -e ".[test]"

seeds: setup
	.venv/bin/mideastnews parse seeds/

test: setup
	$(PY) -m pip install -q ./examples/plugin_template
	$(PY) -m pytest -q
	$(PY) -m ruff check src tests benchmarks examples
	$(PY) -m mypy --strict
