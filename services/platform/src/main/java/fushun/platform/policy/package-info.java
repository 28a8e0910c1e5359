/**
 * Effective-dated policy parameters (monitoring line, thresholds, clocks) stored as data. The
 * values are each service's own, seeded by its migrations; only the lookup is shared.
 */
package fushun.platform.policy;
