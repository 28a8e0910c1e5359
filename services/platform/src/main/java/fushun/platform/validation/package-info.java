/**
 * Bean Validation constraints every service's request records share: dates and years that could
 * have happened, or are about to. Domain rules (a hire after the exit, a payroll of a closed month)
 * stay in the services.
 */
package fushun.platform.validation;
