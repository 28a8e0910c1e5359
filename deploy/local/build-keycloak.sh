#!/usr/bin/env bash
# Builds the unpacked Keycloak distribution (its Quarkus augmentation) once, for the options the
# launcher runs it with, so that no start of the platform pays for it: `start --optimized` then
# skips the build. Run by the Maven build after unpacking and by the launcher before each start;
# it returns at once when the distribution is already built for these options.
# Usage: build-keycloak.sh <the unpacked keycloak-<version> directory> [log file]
set -euo pipefail
dist="${1%/}"
if [ ! -f "$dist/bin/kc.sh" ]; then
  echo "no Keycloak distribution at $dist: build first (./mvnw -pl deploy/local -am package -DskipTests)" >&2
  exit 1
fi
log="${2:-/dev/stdout}"
# build-time options (https://www.keycloak.org/server/configuration#_optimize_the_keycloak_startup):
# PostgreSQL and health checks on the management port; the launcher gives the runtime ones
options="--db=postgres --health-enabled=true"
marker="$dist/lib/quarkus/fushun-build-options"
stamp() { echo "$options $(cksum < "$dist/lib/quarkus/generated-bytecode.jar" 2>/dev/null || true)"; }
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$(stamp)" ]; then
  exit 0
fi
echo "building Keycloak once for: $options (about a minute)"
# shellcheck disable=SC2086
JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" bash "$dist/bin/kc.sh" build $options >> "$log" 2>&1
stamp > "$marker"
