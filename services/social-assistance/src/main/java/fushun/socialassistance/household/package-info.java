/** This bureau's copy of the household registry, kept from monitoring's events. */
@OwnsTables({"household_roster", "roster_member"})
package fushun.socialassistance.household;

import fushun.platform.OwnsTables;
