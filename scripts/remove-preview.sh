#!/usr/bin/env bash
# Remove one pull request's preview from the web host with rsync alone (over SSH, or in rsync's local mode):
#   scripts/remove-preview.sh TARGET N     TARGET: the previews folder, user@host:/path/previews/ or /local/path/
#   DRY_RUN=1  only list what would be deleted     DEPLOY_SSH="ssh -p 2222"  the remote shell to use
# An empty folder is synced onto TARGET with --delete, and the filters let rsync see only pr-N/ and what
# it holds: that is deleted, every other preview (and anything else in TARGET) is excluded, so kept.
set -euo pipefail
target="${1:?usage: remove-preview.sh TARGET N (the previews folder, e.g. user@host:/var/www/html/previews/)}"
number="${2:?usage: remove-preview.sh TARGET N (N: the pull request number)}"
[[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "'$number' is no pull request number: give its number, e.g. 7" >&2; exit 2; }
empty="$(mktemp -d)"
trap 'rmdir "$empty"' EXIT
options=(--recursive --delete --itemize-changes --include="/pr-$number/***" --exclude="*")
[ "${DRY_RUN:-0}" = "1" ] && options+=(--dry-run) && echo "Dry run: nothing is changed on $target"
[ -n "${DEPLOY_SSH:-}" ] && options+=(--rsh "$DEPLOY_SSH")
rsync "${options[@]}" "$empty/" "${target%/}/"
[ "${DRY_RUN:-0}" = "1" ] || echo "Removed the preview of pull request $number: ${target%/}/pr-$number/"
