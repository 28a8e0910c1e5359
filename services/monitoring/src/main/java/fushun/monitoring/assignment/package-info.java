/**
 * Who must help with what by when (压实责任): the bureaus' answers to their assignments
 * (acknowledged, measure applied, case closed) over Kafka or, for bureaus without a service of
 * their own, through the API; overdue assignments escalated once; the league table per bureau
 * and county.
 */
@OwnsTables({"assignment", "measure"})
package fushun.monitoring.assignment;

import fushun.platform.OwnsTables;
