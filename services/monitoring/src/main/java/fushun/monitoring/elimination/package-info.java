/**
 * Risk elimination (风险消除): the preconditions checked by the service, the same village →
 * township → county procedure to confirm it, and rollback with re-entry, the history kept.
 */
@OwnsTables({"elimination_rollback"})
package fushun.monitoring.elimination;

import fushun.platform.OwnsTables;
