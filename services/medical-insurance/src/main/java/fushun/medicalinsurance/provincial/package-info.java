/**
 * The pull from the provincial medical-insurance platform's settlement API, behind Resilience4j
 * (time limit, retry with backoff, circuit breaker, bulkhead). A page's settlements and the cursor
 * after it are stored in one transaction, so a failed pull starts again from the same place and a
 * settlement seen twice is counted once.
 */
@OwnsTables({"provincial_cursor", "provincial_rejected"})
package fushun.medicalinsurance.provincial;

import fushun.platform.OwnsTables;
