/** Listeners: one per consumed stream; each maps the event to a call on a feature's service. */
package fushun.monitoring.inbound;
