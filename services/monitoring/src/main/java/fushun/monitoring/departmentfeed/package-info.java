/**
 * Department data feeds (部门筛查预警) of the bureaus without a service of their own: 教育局's pupil
 * roster, 水务局's drinking-water census, 残联's disability register and any later kind. A feed kind
 * is effective-dated data ({@link FeedKind}: the file's column headers, the risk it raises and a
 * condition from a closed vocabulary, ADR 0040); one importer applies any kind. A row that meets the
 * condition becomes a department-comparison signal for the member's household, through discovery's
 * rules like any bureau's signal; a kind may also publish a fact per person found (its
 * {@code person_event}: 残联's register publishes {@code DisabilityRegistered} for employment's pension
 * roster). An import is idempotent by file, reports row errors and counts as the bureau's arrival for
 * its county and month (ADR 0036).
 */
@OwnsTables({"department_feed_kind", "department_feed_import", "department_feed_signal", "department_feed_row_error",
        "department_feed_person_event"})
package fushun.monitoring.departmentfeed;

import fushun.platform.OwnsTables;
