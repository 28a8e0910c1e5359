-- Received alerts are the platform's now (platform.received_alert, kept by fushun.platform.alert).
-- This service's rows go there first: a local data folder keeps its alerts, and an alert received
-- before this migration that comes again is still known, so it neither opens a case nor is
-- acknowledged twice. This service kept the assignment, due date and explanation with the alert's
-- case; a named alert was acknowledged when its case opened.
insert into platform.received_alert (alert_id, household_id, division_code, risk_types, explanation, named,
                                     assignment_id, due_date, status, received_at)
select r.alert_id, r.household_id, r.division_code, r.risk_types, coalesce(c.explanation, ''), r.named,
       c.assignment_id, c.due_date, case when c.id is not null then 'ACKNOWLEDGED' else 'NOTED' end, r.received_at
from public.received_alert r
left join public.assistance_case c on c.household_id = r.household_id and c.alert_id = r.alert_id
on conflict (alert_id) do nothing;

drop table public.received_alert;
