/**
 * Cases (救助个案) in the county operators' queue: one per household and risk alert that names
 * civil affairs, acknowledged back to monitoring. Dibao, 特困 and temporary aid come with issue 4.
 */
@OwnsTables({"assistance_case"})
package fushun.socialassistance.casework;

import fushun.platform.OwnsTables;
