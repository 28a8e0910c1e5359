/**
 * Who must help with what by when (压实责任): the bureaus' answers to their assignments
 * (acknowledged, measure applied, case closed) over Kafka or, for bureaus without a service of
 * their own, through the API; overdue assignments escalated once; the league table per bureau
 * and county; the typed measure catalogues of the bureaus that answer through the API
 * (帮扶措施类型目录, effective-dated rows) and the count of their measures per bureau and type.
 */
@OwnsTables({"assignment", "measure", "measure_type"})
package fushun.monitoring.assignment;

import fushun.platform.OwnsTables;
