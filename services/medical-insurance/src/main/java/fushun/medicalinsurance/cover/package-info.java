/**
 * Who gets tilted critical-illness cover and medical assistance, and from when: dibao and 特困 from
 * civil affairs, households under an alert that names medical insurance from monitoring.
 */
@OwnsTables({"cover_status"})
package fushun.medicalinsurance.cover;

import fushun.platform.OwnsTables;
