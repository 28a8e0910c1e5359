/** Events only civil affairs publishes, on {@code social-assistance.status.v1}. */
package fushun.contracts.socialassistance;
