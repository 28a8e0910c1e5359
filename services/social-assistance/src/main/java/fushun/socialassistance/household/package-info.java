/** This bureau's copy of the household registry, kept from monitoring's events. */
package fushun.socialassistance.household;
