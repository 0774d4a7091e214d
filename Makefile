# The two commands of the README: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app portal
PORT   ?= 5000
# One process, several threads: with the default in-memory rate-limit store every limit then holds
# as configured (two processes would each count on their own and double it). Several processes
# need PORTAL_RATELIMIT_STORAGE_URL=redis://… (README, Deploy).
SERVE_ARGS := --workers 1 --threads 8
# `make test` runs the suite in this many processes (pytest-xdist; "auto": one per CPU), a test
# file per process at a time; each process gets its own PostgreSQL database (tests/conftest.py).
TEST_WORKERS ?= auto
# `make fuzz`: examples per endpoint (the short run inside `make test` uses a few).
FUZZ_EXAMPLES ?= 2000

.PHONY: run test fuzz translations messages bench clean

$(VENV)/.base:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.base
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Compiled catalogues (.mo) are build products, never committed; compiling rewrites only what changed.
translations: $(VENV)/.installed
	$(PY) -m portal.catalogs compile

# After changing user-visible text: refresh messages.pot and every language's .po file.
messages: $(VENV)/.installed
	$(PY) -m portal.catalogs extract
	$(PY) -m portal.catalogs update

# umask 077: instance/ and everything in it is readable by you alone (the portal also sees to it).
run: $(VENV)/.installed translations
	umask 077; $(FLASK) db upgrade
	umask 077; $(FLASK) seed --demo
	umask 077; $(FLASK) demo-accounts
	@echo
	@echo "  portal is starting: open http://127.0.0.1:$(PORT)/"
	@echo
	umask 077; PORTAL_DEMO=true $(VENV)/bin/gunicorn --bind 127.0.0.1:$(PORT) $(SERVE_ARGS) --log-level error 'portal:create_app()'

test: $(VENV)/.installed-test translations
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# Every form and query string fuzzed with FUZZ_EXAMPLES generated inputs each (long: minutes).
fuzz: $(VENV)/.installed-test translations
	PORTAL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/fuzz -p no:randomly $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) portal/translations/*/LC_MESSAGES/messages.mo

# Throughput, latency and memory against a bare WSGI app on this machine (wrk on loopback), the
# crash and scale-out runs; knobs and what it starts in tests/bench/bench.py. Not part of `make test`.
bench: $(VENV)/.installed translations
	bash tests/bench/run.sh
