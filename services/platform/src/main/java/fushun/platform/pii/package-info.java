/**
 * Personal data (ID and phone numbers): masking for display, the keyed hash that travels on the
 * bus instead of the number, the GB 11643 check, and the audit of every full reveal. Nothing here
 * ever logs a number.
 */
package fushun.platform.pii;
