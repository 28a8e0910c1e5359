/**
 * Dibao and 特困 support as civil affairs runs them: an application (from a case or a walk-in), the
 * determination and the decision with its reasons, the grant with its monthly payroll and payment
 * schedule, reviews (a negative one stops payment from the month after), and the status changes and
 * measures published to the other bureaus and to monitoring.
 */
package fushun.socialassistance.benefits;
