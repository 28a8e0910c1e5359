-- Medical insurance's feed deadline moves to the platform's parameter (ADR 0036): one deadline for
-- this service's own check and the platform's. Every value of medical.feed.deadline-day is carried
-- over as feed.deadline-day for MEDICAL_INSURANCE; the old parameter stays as history, read no more.
insert into policy_parameter (name, scope, effective_from, value, unit, source)
select 'feed.deadline-day', 'MEDICAL_INSURANCE', effective_from, value, unit, source
from policy_parameter where name = 'medical.feed.deadline-day' and scope = '*'
on conflict do nothing;
