#!/usr/bin/env bash
# The fault run: the whole platform under a steady load of settlements that raise alerts, while
# each service in turn and then the Kafka broker is killed with SIGKILL and started again; then it
# checks that every case, acknowledgement and measure happened exactly once, that every outbox is
# empty, no dead letter was written, and that the console's dashboard equals monitoring's figures.
# It prints the counts. About 15 minutes on 2 cores; the platform takes about 3.5 GiB.
#
#   deploy/local/chaos.sh [households]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
households="${1:-200}"
./mvnw -B -ntp -pl deploy/local -am verify -Dtest=NONE -Dit.test=ChaosRun \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dchaos.households="$households" -De2e.portOffset="${CHAOS_PORT_OFFSET:-25000}"
report=deploy/local/target/failsafe-reports/fushun.local.ChaosRun-output.txt
if [[ -f "$report" ]]; then
  sed -n '/==== fault run/,$p' "$report"
fi
