#!/usr/bin/env bash
# The city-scale benchmark (issue 16): builds what it needs, then starts the local platform on
# ports shifted by 20000 with its own data dir (or uses the running one: --platform running),
# drives a synthetic city through the gateway and prints one table; the CSV goes to
# deploy/bench/target/bench-<date>.csv (or --out).
#
#   deploy/bench/run.sh [--households 300000] [--seed 20261202] [--latency-seconds 300]
#                       [--instances 1|2] [--platform start|running] [--out file.csv]
#                       [--settlement-rows N] [--signals-per-second 100] [--producer-records 500000]
#                       [--senders 2] [--port-offset 20000] [--data-dir dir]
# Each flag also reads from the environment: BENCH_HOUSEHOLDS, BENCH_SEED, ...; SKIP_BUILD=1 skips
# the build. The platform takes about 3.5 GiB; the full size runs about 20 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # the services' jars, the gateway's and the launcher's (the platform it starts), then the harness
  ./mvnw -B -ntp -q -pl deploy/bench -am package -DskipTests
fi
exec java -Xmx1g -Dplatform.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.fushun=info -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
  -Dorg.slf4j.simpleLogger.showThreadName=false \
  -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)" fushun.bench.CityBenchmark "$@"
