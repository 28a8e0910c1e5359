/** The households this bureau looks after, from monitoring and civil affairs. */
package fushun.housingsafety.household;
