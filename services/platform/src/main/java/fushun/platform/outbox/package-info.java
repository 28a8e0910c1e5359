/**
 * Transactional outbox: a service writes its change and the event in one transaction; the relay
 * publishes rows in order and marks them sent, so an event leaves if and only if its change
 * committed, also when Kafka was down at the time.
 */
package fushun.platform.outbox;
