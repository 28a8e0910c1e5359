/** Listeners for monitoring's topics. */
package fushun.medicalinsurance.inbound;
