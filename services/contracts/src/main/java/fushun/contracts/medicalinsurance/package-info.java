/** Events only medical insurance publishes, on {@code medical-insurance.feed.v1}. */
package fushun.contracts.medicalinsurance;
