#!/usr/bin/env bash
# Writes a new secret for every variable docker-compose.yml requires, in .env format:
#   deploy/compose-secrets.sh > .env && chmod 600 .env
# Each value is 32 random bytes from the kernel, URL-safe base64 (fine in a JAAS line and a URL).
# Keep the file private and out of version control (.gitignore lists .env); a city's deployment
# takes the same names from its secret store instead.
set -euo pipefail
cd "$(dirname "$0")/.."
secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
grep -o '\${[A-Z0-9_]*:?' docker-compose.yml | sed 's/^\${//; s/:?$//' | sort -u | while read -r name; do
  printf '%s=%s\n' "$name" "$(secret)"
done
