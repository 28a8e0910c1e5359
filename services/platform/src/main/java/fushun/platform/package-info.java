/**
 * The small shared starter every service depends on. Mechanisms only, never domain rules:
 * transactional outbox and relay, inbox de-duplication, Kafka retries and dead letters, the
 * Keycloak JWT adapter with jurisdiction, RFC 9457 problem details, PII masking and reveal audit,
 * the lookup of effective-dated policy parameters (the values are each service's data), and the
 * intake of monitoring's risk alerts that every bureau's service shares (its reaction is its own).
 */
package fushun.platform;
