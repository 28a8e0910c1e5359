/** Risk alerts as this bureau receives them, and its acknowledgement of the ones that name it. */
package fushun.medicalinsurance.alert;
