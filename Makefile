# Every target works from a fresh clone: `install` builds .venv from the lock file
# and is a no-op while pyproject.toml and requirements.lock are unchanged.
# The libraries' bytecode is compiled at install: where PYTHONDONTWRITEBYTECODE is
# set (CI, containers), Python would otherwise compile Django and Wagtail from
# source in every process it starts, 2 s of CPU before a worker or a
# `kronika` command does anything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: install demo serve messages test test-tools test-app test-without-features test-gate bench bench-quick bench-wordpress bench-stemmers lighthouse screenshots newsroom-screenshots lint format lock

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $$(grep '^uv==' requirements.lock)
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

demo: install
	$(BIN)/kronika demo --port $(PORT)

serve: install
	$(BIN)/kronika serve --port $(PORT)

# The interface's catalogues (kronika/locale) brought up to date with the strings
# marked in the code and templates, then compiled; the suite fails while any
# lacks a translation (kronika/catalogues.py).
messages: install
	$(BIN)/python -m kronika.catalogues update

# The app's tests on every core (pytest-xdist, a file per worker at a time, so a
# file's class fixtures are built once), the news tests again on a paper without
# comments, ratings and Telegram, then the browser gate on its own, so that
# Lighthouse's timings see a quiet machine. Each run logs the tests it skipped
# for want of a program (kronika/missing_tools.py), and the last line of all
# names them and the commands that bring them; with CI=true they fail the run.
TEST_WORKERS ?= auto
MISSING_TOOLS_LOG := var/missing-tools.log

test: test-tools
	@rm -f $(MISSING_TOOLS_LOG)
	@KRONIKA_MISSING_TOOLS_LOG=$(MISSING_TOOLS_LOG) $(MAKE) --no-print-directory \
		TEST_TOOLS_DONE=1 test-app test-without-features test-gate; status=$$?; \
	$(BIN)/python -m kronika.missing_tools $(MISSING_TOOLS_LOG) || status=1; \
	exit $$status

# What the suite needs beyond .venv: the gate's npm tools from e2e/package-lock.json,
# and, as root, Chromium, Java, nginx and the rest through apt (one script, which
# .ci/run uses too).
test-tools: install
	.ci/install_test_tools

test-app: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile kronika bench

# News knows none of the features that plug into it (KRONIKA_FEATURES), so its
# tests pass with only feeds and search installed.
test-without-features: install
	KRONIKA_FEATURES=feeds,search $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile kronika/news

# The gate's pinned tools (axe, vnu, Lighthouse) come from npm; a fresh clone
# gets them here, where npm is at hand, rather than skipping the gate.
test-gate: $(if $(TEST_TOOLS_DONE),install,test-tools)
	$(BIN)/pytest e2e

# Both stages always run, so a missed goal or a regression in the first still
# leaves the second's figures; the target fails if either stage did. The
# import streams, so a few thousand posts show its memory bound as 50,000 do,
# in the 20 minutes `make bench` may take. On a quiet machine the paper of
# 100,000 articles and its timings took 12.3 minutes on SQLite, and 10,000
# posts another 8.5 (21.3 in all, over the bound): 5,000 take half that. On
# PostgreSQL the import goes at half the pace and the paper takes longer to
# build, so 2,000. 50,000 take 21 minutes on their own: `make bench-wordpress`.
BENCH_POSTS ?= $(if $(DATABASE_URL),2000,5000)

bench: install
	status=0; \
	$(BIN)/python -m bench --articles 100000 || status=1; \
	$(BIN)/python -m bench.wordpress --posts $(BENCH_POSTS) || status=1; \
	exit $$status

bench-wordpress: install
	$(BIN)/python -m bench.wordpress --posts 50000

# Search's stemmer against the hand-written one it replaced, on a checked-in
# word list (bench/stemmer_words.txt): forms that meet, false merges, speed.
bench-stemmers: install
	$(BIN)/python -m bench.stemmers

bench-quick: install
	status=0; \
	$(BIN)/python -m bench --articles 10000 --seconds 5 || status=1; \
	$(BIN)/python -m bench.wordpress --posts 2000 || status=1; \
	exit $$status

lighthouse: install
	$(BIN)/pytest -q e2e/tests/test_lighthouse.py
	cat var/lighthouse/summary.json

# The reader pages at 390, 768 and 1280 px, full length, from a fresh demo paper,
# with var/screenshots/index.html setting them side by side for review.
# SCREENSHOTS_FROM=http://127.0.0.1:8000 photographs a paper already running.
screenshots: install
	$(BIN)/python -m e2e.screenshots $(if $(SCREENSHOTS_FROM),--base-url $(SCREENSHOTS_FROM))

# The README's tour of the newsroom: the dashboard, the article editor and the
# comment queue as the demo's editor sees them, from a fresh demo paper.
newsroom-screenshots: install
	$(BIN)/python -m e2e.newsroom_screenshots

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/bandit --quiet --recursive kronika bench e2e .ci --severity-level high

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock
