/**
 * The household registry (户与人口): registration with GB 11643-checked ID numbers inside
 * Fushun, published to every bureau as {@code HouseholdRegistered} without raw ID numbers.
 */
@OwnsTables({"household", "household_member", "household_revision", "household_revision_field"})
package fushun.monitoring.household;

import fushun.platform.OwnsTables;
