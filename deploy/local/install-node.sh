#!/usr/bin/env bash
# Node.js (18 or later, for its built-in test runner) for the console's JavaScript unit tests: Debian's
# nodejs when node is missing or too old. Needs root or sudo; without them, or without the package,
# the tests are skipped and say why; in CI (CI=true) that is a failure instead.
# With a command after it (install-node.sh node --test), runs the command once node is there.
set -euo pipefail
REQUIRED=18

major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
fits() { command -v node >/dev/null 2>&1 && [ "$(major)" -ge "$REQUIRED" ] 2>/dev/null; }

cannot() {
  if [ "${CI:-}" = "true" ]; then
    echo "install-node: $1; in CI the console's JavaScript tests must run" >&2
    exit 1
  fi
  echo "install-node: $1; the console's JavaScript tests are skipped" >&2
  exit 0
}

if ! fits; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      cannot "node $REQUIRED+ is missing and there is neither root nor sudo to install Debian's nodejs"; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends nodejs >/dev/null; } \
    || cannot "apt-get could not install Debian's nodejs"
  fits || cannot "node $REQUIRED+ is still missing after installing Debian's nodejs ($(node --version 2>/dev/null || echo none))"
  echo "install-node: installed node $(node --version)"
fi

if [ $# -gt 0 ]; then
  exec "$@"
fi
