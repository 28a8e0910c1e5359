/** Labourers per household, employment status, training; the job-loss signal. */
@OwnsTables({"person", "household_category", "assisted_person", "training", "severe_disability"})
package fushun.employment.labour;

import fushun.platform.OwnsTables;
