/**
 * Risk alerts as this bureau receives them: each is recorded; one that names the bureau is
 * acknowledged back to monitoring and waits in the bureau's list. Job matching, training, public-welfare posts and pension premiums come with issue 7.
 */
package fushun.employment.alert;
