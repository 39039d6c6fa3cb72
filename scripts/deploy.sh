#!/usr/bin/env bash
# Upload the built site to the web host with rsync (over SSH, or to a local folder).
#   scripts/deploy.sh SITE_DIR TARGET      TARGET: user@host:/path/ or /local/path/
#   DRY_RUN=1  only list what would change     DEPLOY_SSH="ssh -p 2222"  the remote shell to use
#   PREVIEW=1  a preview: empty company details are allowed (also when SITE_URL lies under /previews/)
#   PYTHON     the project's Python (default .venv/bin/python), run in the project's folder
# A production deploy first runs the publish gate: while any {{ company.x }} placeholder is still empty
# in extra.company (mkdocs.yml), it lists them with page and line and uploads nothing.
# Changed files are written under temporary names and renamed into place together at the end
# (--delay-updates); files no longer in the site are deleted only after that (--delete-after),
# so visitors never see pages that point to assets not yet uploaded.
set -euo pipefail
site="${1:?usage: deploy.sh SITE_DIR TARGET}"
target="${2:?usage: deploy.sh SITE_DIR TARGET (set DEPLOY_TARGET, e.g. user@host:/var/www/html/wissen/)}"
[ -f "$site/index.html" ] || { echo "$site holds no built site: run make site first" >&2; exit 2; }
gate=(-m como_site publish-gate)
[ "${PREVIEW:-0}" = "1" ] && gate+=(--preview)
"${PYTHON:-.venv/bin/python}" "${gate[@]}" || exit 1
options=(--recursive --links --times --perms --chmod=D755,F644 --compress --checksum
         --delay-updates --delete-after --itemize-changes --human-readable --stats)
[ "${DRY_RUN:-0}" = "1" ] && options+=(--dry-run) && echo "Dry run: nothing is changed on $target"
[ -n "${DEPLOY_SSH:-}" ] && options+=(--rsh "$DEPLOY_SSH")
exec rsync "${options[@]}" "${site%/}/" "$target"
