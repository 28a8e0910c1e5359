/**
 * The platform's published language: the event envelope, topic names and the event records each
 * service publishes. Plain Java records, no Spring, so any service (or an outside integrator) can
 * depend on it. Every event type has a JSON Schema and a sample under {@code contracts/} on the
 * classpath; {@link fushun.contracts.EventCatalog} lists them.
 */
package fushun.contracts;
