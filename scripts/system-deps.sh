#!/usr/bin/env bash
# Install the Debian packages the test suite drives (a real browser, real web servers, rsync, strace to
# kill or starve builds at chosen system calls, Java and npm for the W3C HTML checker, poppler-utils'
# pdftotext, pdffonts and pdfinfo to read the case-study PDFs, hunspell and its dictionaries for the spell
# check of the built pages, tests/spelling), when any is missing; and Pango, which WeasyPrint (the PDFs,
# `make site`) needs: Debian's Python images ship it, this installs it where missing, with HarfBuzz's
# subsetter, which WeasyPrint prefers for embedding fonts. Needs root (as on CI and the project machines);
# otherwise says what to install.
set -euo pipefail
packages=(chromium apache2 nginx-light rsync strace poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
          hunspell hunspell-de-de hunspell-en-gb hunspell-es hunspell-fr)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
