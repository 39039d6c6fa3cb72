#!/usr/bin/env bash
# Upload the built site to the web host with rsync (over SSH, or to a local folder).
#   scripts/deploy.sh SITE_DIR TARGET      TARGET: user@host:/path/ or /local/path/
#   DRY_RUN=1  only list what would change     DEPLOY_SSH="ssh -p 2222"  the remote shell to use
#   PREVIEW_PR=N  SITE_DIR is the preview of pull request N (make site PREVIEW_PR=N) and TARGET the previews
#              folder: it goes to TARGET/pr-N/, and empty company details are allowed
#   PYTHON     the project's Python (default .venv/bin/python), run in the project's folder
# Every upload first runs the publish gate: it refuses a preview uploaded as the site and the site uploaded
# as a preview, and, for the site, while any {{ company.x }} placeholder is still empty in extra.company
# (mkdocs.yml) it lists them with page and line; either way it uploads nothing.
# Changed files are written under temporary names and renamed into place together at the end
# (--delay-updates); files no longer in the site are deleted only after that (--delete-after),
# so visitors never see pages that point to assets not yet uploaded.
# Never deleted, though not in the site: previews/ (where a site served at its host's root is uploaded, the
# pull-request previews live inside it: como_site/previews.py) and the host's .well-known/ (ACME challenges).
set -euo pipefail
site="${1:?usage: deploy.sh SITE_DIR TARGET}"
target="${2:?usage: deploy.sh SITE_DIR TARGET (set DEPLOY_TARGET, e.g. user@host:/var/www/html/wissen/)}"
[ -f "$site/index.html" ] || { echo "$site holds no built site: run make site first" >&2; exit 2; }
gate=(-m como_site publish-gate "$site")
if [ -n "${PREVIEW_PR:-}" ]; then
  gate+=(--preview "$PREVIEW_PR")
  target="${target%/}/pr-$PREVIEW_PR/"
fi
"${PYTHON:-.venv/bin/python}" "${gate[@]}" || exit 1
options=(--recursive --links --times --perms --chmod=D755,F644 --compress --checksum
         --delay-updates --delete-after --filter="protect /previews/" --filter="protect /.well-known/"
         --itemize-changes --human-readable --stats)
[ "${DRY_RUN:-0}" = "1" ] && options+=(--dry-run) && echo "Dry run: nothing is changed on $target"
[ -n "${DEPLOY_SSH:-}" ] && options+=(--rsh "$DEPLOY_SSH")
exec rsync "${options[@]}" "${site%/}/" "$target"
