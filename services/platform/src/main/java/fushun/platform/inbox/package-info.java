/**
 * Inbox: a consumer records {@code (consumer, event id)} first, in the same transaction as the
 * event's effect; a duplicate key means the effect is already there, so a redelivered event
 * changes nothing.
 */
package fushun.platform.inbox;
