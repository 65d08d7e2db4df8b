# Two commands matter (see README): `make preview` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TODAY ?=

.PHONY: setup preview build validate test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

setup: $(STAMP)

validate: setup
	$(VENV)/bin/koryukai validate .

build: setup
	$(VENV)/bin/koryukai build . --out site $(if $(TODAY),--today $(TODAY))

preview: setup
	$(VENV)/bin/koryukai serve . $(if $(TODAY),--today $(TODAY))

lint: setup
	$(PY) -m ruff check generator tests bench

test: setup node_modules/.package-lock.json
	$(PY) -m ruff check generator tests bench
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/build_scale.py

clean:
	rm -rf $(VENV) site .build-tmp node_modules
