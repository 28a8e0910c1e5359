#!/usr/bin/env bash
# Builds what is missing and starts the whole platform locally: PostgreSQL, Kafka (KRaft),
# Keycloak, every service, the console and the gateway. Ctrl-C stops everything.
# Settings (all optional): PLATFORM_DATA_DIR, PLATFORM_PORT_OFFSET, PLATFORM_DEMO_HOUSEHOLDS,
# PLATFORM_POSTGRES_URL (+ _USER, _PASSWORD) for an external PostgreSQL, PLATFORM_SKIP (modules
# not started, e.g. monitoring, or all for the infrastructure only: each gets an environment file
# to run it from the IDE).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B package -DskipTests
fi
exec java -Dplatform.root="$root" -cp "deploy/local/target/classes:$(cat deploy/local/target/classpath.txt)" \
  fushun.local.LocalPlatform
