#!/usr/bin/env bash
# Install the Debian packages the test suite drives (a real browser, real web servers, rsync, strace to
# kill or starve builds at chosen system calls, Java and npm for the W3C HTML checker, poppler-utils'
# pdftotext, pdffonts and pdfinfo to read the case-study PDFs, hunspell and its dictionaries for the spell
# check of the built pages, tests/spelling), when any is missing; and Pango, which WeasyPrint (the PDFs,
# `make site`) needs: Debian's Python images ship it, this installs it where missing, with HarfBuzz's
# subsetter, which WeasyPrint prefers for embedding fonts. Needs root (as on CI and the project machines);
# otherwise says what to install.
#
# `system-deps.sh site` (what `make site` runs): only what the build itself uses, Pango and HarfBuzz's
# subsetter. Without the subsetter WeasyPrint falls back to fontTools, which makes each PDF some ten times
# slower to typeset (measured: a cold build of the benchmark's small corpus 10.7 s instead of 5.5 s); the
# build still works, so without root this only says what to install, and never stops the build.
set -euo pipefail
build_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
mode=${1:-all}
if [ "$mode" = site ]; then
  packages=("${build_packages[@]}")
else
  packages=(chromium apache2 nginx-light rsync strace poppler-utils "${build_packages[@]}"
            hunspell hunspell-de-de hunspell-en-gb hunspell-es hunspell-fr)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "$mode" != site ]; then
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  [ "$mode" = site ] && exit 0   # the build works without them (slower, or it names Pango itself)
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
