#!/usr/bin/env bash
# Installs the browsers the end-to-end tests drive (Debian's chromium and firefox-esr), unless
# they are already there. Idempotent and quiet; prints apt's output only if it fails.
# Usage: bash scripts/install-browsers.sh    (as root, or with sudo available)
set -euo pipefail

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_bin="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

missing=()
[[ -x "$chromium_bin" ]] || missing+=(chromium)
[[ -x "$firefox_bin" ]] || missing+=(firefox-esr)

if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-browsers: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  log=$(mktemp)
  echo "install-browsers: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-qq -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! { "${sudo[@]}" apt-get "${apt_opts[@]}" update &&
         "${sudo[@]}" apt-get "${apt_opts[@]}" install -y "${missing[@]}"; } >"$log" 2>&1; then
    echo "install-browsers: apt-get failed:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

# Debian's chromium wrapper prints a harmless "[: unexpected operator" first: keep the last line.
echo "install-browsers: $("$chromium_bin" --version 2>/dev/null | tail -n1)"
echo "install-browsers: $("$firefox_bin" --version 2>/dev/null | tail -n1)"
