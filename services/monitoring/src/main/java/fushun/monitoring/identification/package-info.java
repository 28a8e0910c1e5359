/**
 * Identification of monitoring objects (监测对象认定): village screening (村组每月摸排) → township
 * review (乡镇每季度审核) → county confirmation (县级及时确定), each a decision with reasons by a
 * person with that role working in that division, against a clock from the first clue.
 */
@OwnsTables({"identification", "identification_decision", "public_notice", "notice_objection"})
package fushun.monitoring.identification;

import fushun.platform.OwnsTables;
