-- Monitoring's HouseholdChanged (动态调整): the 脱贫不享受政策户 flag (such a household is recorded but not
-- assisted: not low-income by its category), and the last revision applied, so a change replayed under
-- a new event id changes nothing. Open work follows a move (see Households.onChanged).
-- V4, not V3: another change to this service may take V3 in parallel.
alter table household add column not_entitled_to_policy boolean not null default false;
-- 0 = as registered; HouseholdChanged revisions start at 1
alter table household add column revision int not null default 0;
