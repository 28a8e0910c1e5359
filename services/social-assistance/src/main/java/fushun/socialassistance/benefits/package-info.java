/**
 * Dibao and 特困 support as civil affairs runs them: an application (from a case or a walk-in) taken
 * down by an operator (受理), the township's review (审核), the determination and the county's decision
 * with its reasons (审批), three different people (职责分离), the grant with its monthly payroll and payment
 * schedule, reviews (a negative one stops payment from the month after), and the status changes and
 * measures published to the other bureaus and to monitoring.
 */
@OwnsTables({"assistance_application", "application_member", "assistance_grant", "grant_person", "grant_review", "grant_payment"})
package fushun.socialassistance.benefits;

import fushun.platform.OwnsTables;
