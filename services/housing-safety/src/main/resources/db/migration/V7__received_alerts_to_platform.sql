-- Received alerts are the platform's now (platform.received_alert, kept by fushun.platform.alert).
-- This service's rows go there first: a local data folder keeps its alerts, and an alert received
-- before this migration that comes again is still known, so it is neither recorded nor
-- acknowledged twice.
insert into platform.received_alert (alert_id, household_id, division_code, risk_types, explanation, named,
                                     assignment_id, due_date, status, received_at)
select alert_id, household_id, division_code, risk_types, explanation, named, assignment_id, due_date, status,
       received_at
from public.received_alert
on conflict (alert_id) do nothing;

drop table public.received_alert;
