/**
 * Risk alerts as this bureau receives them: each is recorded; one that names the bureau is
 * acknowledged back to monitoring and waits in the bureau's list. Screening, appraisal grades A–D and renovation come with issue 7.
 */
package fushun.housingsafety.alert;
