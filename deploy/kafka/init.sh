#!/bin/bash
# The bus's plan, applied by docker-compose's kafka-init job (and by a city's deployment job the
# same way): the topics, one SCRAM principal per service with its password, and its access lists.
# A service writes only its own topics ("<service>." prefixed), reads what it consumes, reads and
# writes those topics' dead-letter topics (its administrators replay them) and uses its own
# consumer group; nothing else. The launcher
# applies the same plan (deploy/local KafkaBroker); ComposeFileTest keeps this file in step with
# fushun.contracts.Topics. Re-running it changes nothing that is already there.
set -euo pipefail

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
BIN=/opt/kafka/bin
ADMIN=$(mktemp)
trap 'rm -f "$ADMIN"' EXIT
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="platform-admin" password="${KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES

TOPICS=(
  monitoring.household.v1
  monitoring.risk-alert.v1
  monitoring.feed.v1
  medical-insurance.signal.v1
  medical-insurance.measure.v1
  medical-insurance.feed.v1
  social-assistance.signal.v1
  social-assistance.measure.v1
  social-assistance.status.v1
  social-assistance.feed.v1
  housing-safety.signal.v1
  housing-safety.measure.v1
  housing-safety.feed.v1
  employment.signal.v1
  employment.measure.v1
  employment.feed.v1
  asset-management.measure.v1
)

for topic in "${TOPICS[@]}"; do
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "$topic" --partitions 3 --replication-factor 1
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "$topic.DLT" --partitions 1 --replication-factor 1
done

# principal <service> <password> <topics it consumes...>
principal() {
  local service="$1" password="$2"
  shift 2
  # the password goes in a private file, never on a command line
  local credential
  credential=$(mktemp)
  printf 'SCRAM-SHA-512=[iterations=8192,password=%s]\n' "${password:?}" > "$credential"
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
    --entity-type users --entity-name "$service" --add-config-file "$credential"
  rm -f "$credential"
  local acls=("$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add
    --allow-principal "User:$service")
  "${acls[@]}" --operation Write --topic "$service." --resource-pattern-type prefixed
  "${acls[@]}" --operation Read --group "$service"
  local read=() dead=()
  for topic in "$@"; do
    read+=(--topic "$topic")
    dead+=(--topic "$topic.DLT")
  done
  "${acls[@]}" --operation Read "${read[@]}"
  "${acls[@]}" --operation Write "${dead[@]}"
  "${acls[@]}" --operation Read "${dead[@]}"
}

principal monitoring "$MONITORING_KAFKA_PASSWORD" \
  medical-insurance.signal.v1 \
  social-assistance.signal.v1 \
  housing-safety.signal.v1 \
  employment.signal.v1 \
  medical-insurance.measure.v1 \
  social-assistance.measure.v1 \
  housing-safety.measure.v1 \
  employment.measure.v1 \
  asset-management.measure.v1 \
  social-assistance.status.v1
principal social-assistance "$SOCIAL_ASSISTANCE_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1
principal medical-insurance "$MEDICAL_INSURANCE_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1 \
  social-assistance.status.v1
principal housing-safety "$HOUSING_SAFETY_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1 \
  social-assistance.status.v1
principal employment "$EMPLOYMENT_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1 \
  social-assistance.status.v1
principal asset-management "$ASSET_MANAGEMENT_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1
principal console "$CONSOLE_KAFKA_PASSWORD" \
  monitoring.household.v1 \
  monitoring.risk-alert.v1 \
  monitoring.feed.v1 \
  medical-insurance.signal.v1 \
  medical-insurance.measure.v1 \
  medical-insurance.feed.v1 \
  social-assistance.signal.v1 \
  social-assistance.measure.v1 \
  social-assistance.status.v1 \
  social-assistance.feed.v1 \
  housing-safety.signal.v1 \
  housing-safety.measure.v1 \
  housing-safety.feed.v1 \
  employment.signal.v1 \
  employment.measure.v1 \
  employment.feed.v1 \
  asset-management.measure.v1
