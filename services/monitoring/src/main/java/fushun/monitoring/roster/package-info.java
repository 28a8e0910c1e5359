/**
 * Bulk import of a household roster (农户花名册) from .xlsx or .csv, one row per member, rows of a
 * household together. Streamed (POI's SAX event API, Commons CSV), so a county's 300,000
 * households fit in little memory; valid households are registered, each refused row is reported
 * with its row, column and reason.
 */
@OwnsTables({"import_job", "import_row_error", "import_change"})
package fushun.monitoring.roster;

import fushun.platform.OwnsTables;
