/** Who is insured in which registered household: this service's copy of monitoring's registry. */
@OwnsTables({"insured_household", "insured_person"})
package fushun.medicalinsurance.insured;

import fushun.platform.OwnsTables;
