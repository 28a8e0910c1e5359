/** Who is insured in which registered household: this service's copy of monitoring's registry. */
package fushun.medicalinsurance.insured;
