/** Residents pension premiums paid on behalf, a roster per county and year. */
package fushun.employment.pension;
