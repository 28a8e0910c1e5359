/**
 * Risk-alert intake for a bureau's service, written once for all of them: every alert monitoring
 * raises is recorded once (by alert id, in the transaction of the listener's inbox entry); one that
 * names the service's bureau is acknowledged on the service's measure topic in that same
 * transaction; the service's {@link fushun.platform.alert.AlertReaction} adds its own reaction
 * (open a case, tilt a cover); and the bureau's users read the alerts of their division under
 * {@code /api/<service>/alerts}. Switched on and set per service under {@code platform.alerts.*}.
 */
package fushun.platform.alert;
