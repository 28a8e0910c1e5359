/** Appraisal tasks, appraisals graded A–D, renovations of C and D houses, the yearly screening. */
@OwnsTables({"appraisal_task", "appraisal", "renovation"})
package fushun.housingsafety.appraisal;

import fushun.platform.OwnsTables;
