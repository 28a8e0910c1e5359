/** Trace context across the outbox: captured when an event is written, sent in its record's headers. */
package fushun.platform.tracing;
