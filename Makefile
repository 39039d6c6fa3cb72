# Two commands on a fresh machine: `make site` builds the site into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LANG_ONLY ?=

.PHONY: site test serve deploy new-case i18n-status i18n-stamp i18n-diff check bench lighthouse lock system-deps clean

$(VENV)/.site-deps: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.test-deps: requirements-test.lock $(VENV)/.site-deps
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-test.lock
	touch $@

site: $(VENV)/.site-deps
	$(PY) -m como_site build

test: $(VENV)/.test-deps system-deps tools/vnu/node_modules/.installed
	$(PY) -m pytest

# The W3C Nu HTML Checker (vnu.jar from npm, run with Java) for the HTML validity test
tools/vnu/node_modules/.installed: tools/vnu/package-lock.json
	cd tools/vnu && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the browser and server tests drive (installed when missing and we may).
system-deps:
	@bash scripts/system-deps.sh

serve: $(VENV)/.site-deps
	$(PY) -m como_site serve $(if $(LANG_ONLY),--lang $(LANG_ONLY))

# Build, then upload site/ with rsync: make deploy DEPLOY_TARGET=user@host:/var/www/html/wissen/ [DRY_RUN=1]
# A production deploy refuses while company details are empty; PREVIEW=1 (or SITE_URL under /previews/) allows it.
deploy: site
	@test -n "$(DEPLOY_TARGET)" || { echo "Set DEPLOY_TARGET, e.g. make deploy DEPLOY_TARGET=user@host:/var/www/html/wissen/"; exit 2; }
	DRY_RUN=$(DRY_RUN) PREVIEW=$(PREVIEW) PYTHON=$(PY) bash scripts/deploy.sh site "$(DEPLOY_TARGET)"

# Build speed and size against the stock set-up (prints figures; see BENCHMARKS.md)
bench: $(VENV)/.site-deps
	$(PY) -m como_site.bench

# Lighthouse scores of key pages in every language through Apache (a script, not a test)
lighthouse: site system-deps
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(PY) scripts/lighthouse.py

# What needs translating (missing, outdated); ALL=1 lists every page and field
i18n-status: $(VENV)/.site-deps
	$(PY) -m como_site i18n-status $(if $(ALL),--all)

# After checking a translation against its updated source: make i18n-stamp FILES="docs/de/about.md ..."
i18n-stamp: $(VENV)/.site-deps
	@test -n "$(FILES)" || { echo 'Usage: make i18n-stamp FILES="docs/de/about.md case_studies/mireck.yml"'; exit 2; }
	$(PY) -m como_site i18n-stamp $(FILES)

# What changed in the English original since a translation was stamped: make i18n-diff FILES=docs/de/about.md
i18n-diff: $(VENV)/.site-deps
	@test -n "$(FILES)" || { echo 'Usage: make i18n-diff FILES="docs/de/about.md case_studies/mireck.yml"'; exit 2; }
	$(PY) -m como_site i18n-diff $(FILES)

# The fast content checks (pages, case studies, links to files) without building; CI runs them first
check: $(VENV)/.site-deps
	$(PY) -m como_site check

new-case: $(VENV)/.site-deps
	@test -n "$(ID)" || { echo "Usage: make new-case ID=my-cluster"; exit 2; }
	$(PY) -m como_site new-case $(ID)

lock: $(VENV)/.test-deps
	$(VENV)/bin/pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements.lock requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements-test.lock requirements-test.in

clean:
	rm -rf site site.previous .site-build-* docs/*/case-studies/[!i]*.md
