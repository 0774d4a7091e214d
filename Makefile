# The two commands of the README: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app portal
PORT   ?= 5000

.PHONY: run test translations messages bench clean

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

run: $(VENV)/.installed translations
	$(FLASK) db upgrade
	$(FLASK) seed --demo
	$(FLASK) demo-accounts
	@echo
	@echo "  portal is starting: open http://127.0.0.1:$(PORT)/"
	@echo
	$(VENV)/bin/gunicorn --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --log-level error 'portal:create_app()'

test: $(VENV)/.installed-test translations
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) portal/translations/*/LC_MESSAGES/messages.mo

# Throughput against a bare WSGI app on this machine (wrk on loopback); see tests/bench/run.sh.
bench: $(VENV)/.installed translations
	bash tests/bench/run.sh
