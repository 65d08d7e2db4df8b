# Two commands matter (see README): `make preview` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TODAY ?=
# make bench SIZE=today|tenth|nation [BENCH_ARGS="--timeout 900"]: see bench/run.py and docs/scale.md
SIZE ?= today
BENCH_ARGS ?=

.PHONY: setup preview build validate test test-dates mutate lint bench clean

$(STAMP): pyproject.toml
	@echo "==> 仮想環境を作成しています（$(VENV)） / creating the virtual environment"
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@echo "==> 依存パッケージを入れています（初回は数分かかります） / installing dependencies (a few minutes the first time)"
	$(PY) -m pip install --progress-bar on -e '.[test]'
	touch $(STAMP)
	@echo "==> 準備ができました / setup done"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts  # vnu-jar's postinstall would try to download Java

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
	$(PY) -m pytest -q -n auto

# The whole suite with the machine clock moved (a leap day, a later year): no test may read the real clock.
TEST_DATES ?= 2028-02-29T10:00:00 2030-01-15T10:00:00
test-dates: setup node_modules/.package-lock.json
	@command -v faketime >/dev/null || { echo "faketime がありません: sudo apt-get install faketime (faketime missing)"; exit 1; }
	@for d in $(TEST_DATES); do \
	  echo "==> 時計を $$d にして全テスト / whole suite with the clock at $$d"; \
	  faketime "$$(echo $$d | tr T ' ')" $(PY) -m pytest -q -n auto -p no:cacheprovider || exit 1; \
	done

# Mutation testing of the core rule modules (see [tool.mutmut] in pyproject.toml); not in CI: it takes long.
mutate: setup
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m mutmut run || true
	$(PY) -m tests.mutation_report

bench: setup
	$(PY) bench/run.py --size $(SIZE) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site .build-tmp node_modules mutants
