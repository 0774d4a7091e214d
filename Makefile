# The two commands of the README: `make run` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app portal
PORT   ?= 5000
PO     := $(wildcard portal/translations/*/LC_MESSAGES/messages.po)
MO     := $(PO:.po=.mo)

.PHONY: run test translations extract-messages update-messages bench clean

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

# Compiled catalogues are build products, never committed.
translations: $(MO)

portal/translations/%/LC_MESSAGES/messages.mo: portal/translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(PY) -m babel.messages.frontend compile -i $< -o $@

extract-messages: $(VENV)/.installed
	$(FLASK) translate extract

update-messages: extract-messages
	$(FLASK) translate update

run: $(VENV)/.installed translations
	$(FLASK) db upgrade
	$(FLASK) seed --demo
	$(FLASK) demo-accounts
	@echo
	@echo "  portal is starting: open http://127.0.0.1:$(PORT)/"
	@echo
	$(VENV)/bin/gunicorn --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 'portal:create_app()'

test: $(VENV)/.installed-test translations
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) $(MO)
