/**
 * Monthly screening (村组每月摸排): the evaluation rule run over every household of a division for a
 * month, in one streamed pass, keeping the households found at risk with their explanations.
 */
@OwnsTables({"screening_run", "screening_result"})
package fushun.monitoring.screening;

import fushun.platform.OwnsTables;
