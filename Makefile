# Every target works from a fresh clone: `install` builds .venv from the lock file
# and is a no-op while pyproject.toml and requirements.lock are unchanged.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install demo serve test test-app test-gate bench bench-quick lighthouse lint format lock

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $$(grep '^uv==' requirements.lock)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

demo: install
	$(BIN)/kronika demo --port $(PORT)

serve: install
	$(BIN)/kronika serve --port $(PORT)

# The app's tests on every core (pytest-xdist, a file per worker at a time, so a
# file's class fixtures are built once), then the browser gate on its own, so
# that Lighthouse's timings see a quiet machine.
TEST_WORKERS ?= auto

test: test-app test-gate

test-app: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile kronika

test-gate: install
	$(BIN)/pytest e2e

bench: install
	$(BIN)/python -m bench --articles 100000
	$(BIN)/python -m bench.wordpress --posts 50000

bench-quick: install
	$(BIN)/python -m bench --articles 10000 --seconds 5
	$(BIN)/python -m bench.wordpress --posts 2000

lighthouse: install
	$(BIN)/pytest -q e2e/tests/test_lighthouse.py
	cat var/lighthouse/summary.json

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive kronika bench e2e .ci --severity-level high

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock
