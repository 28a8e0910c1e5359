#!/usr/bin/env bash
# Spectral (Stoplight's OpenAPI linter, a pinned version from the npm registry) for the API contract
# check (fushun.platform.testsupport.ApiContract): installs node first when missing, the way
# install-node.sh does, then the CLI into a cache folder outside the repository, once.
# With a command after it (install-spectral.sh lint doc.json ...), runs spectral with those arguments.
# Without node or the registry: says why; CI=true makes that a failure, elsewhere the check is skipped.
set -euo pipefail
VERSION=6.16.3
HOME_DIR="${SPECTRAL_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/fushun/spectral-$VERSION}"
BIN="$HOME_DIR/node_modules/.bin/spectral"
HERE="$(cd "$(dirname "$0")" && pwd)"

cannot() {
  if [ "${CI:-}" = "true" ]; then
    echo "install-spectral: $1; in CI the API contract check must run" >&2
    exit 1
  fi
  echo "install-spectral: $1; the API contract check is skipped" >&2
  exit 3
}

if [ ! -x "$BIN" ]; then
  "$HERE/install-node.sh" >&2 || cannot "node could not be installed"
  command -v node >/dev/null 2>&1 || cannot "node is missing"
  if ! command -v npm >/dev/null 2>&1; then
    # Debian's nodejs comes without npm (NodeSource's has it): Debian's npm package, as root or with sudo
    SUDO=""
    if [ "$(id -u)" != "0" ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        cannot "npm is missing and there is neither root nor sudo to install Debian's npm"; fi
    fi
    { DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null \
        || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null; }; } \
      || cannot "apt-get could not install Debian's npm"
    command -v npm >/dev/null 2>&1 || cannot "npm is still missing after installing Debian's npm"
  fi
  mkdir -p "$HOME_DIR"
  npm install --silent --no-audit --no-fund --no-save --prefix "$HOME_DIR" "@stoplight/spectral-cli@$VERSION" >&2 \
    || cannot "npm could not install @stoplight/spectral-cli@$VERSION"
  [ -x "$BIN" ] || cannot "spectral is still missing after npm install"
  echo "install-spectral: installed spectral $VERSION in $HOME_DIR" >&2
fi

if [ $# -gt 0 ]; then
  exec "$BIN" "$@"
fi
echo "$BIN"
