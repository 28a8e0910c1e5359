-- Monitoring's HouseholdChanged (动态调整): the 脱贫不享受政策户 flag (recorded but not assisted: no plan
-- serves such a household), and the last revision applied, so a change replayed under a new event id
-- changes nothing. A household that moved is in its new village's list; confirmed plans keep their lines.
-- V4, not V3: another change to this service may take V3 in parallel.
alter table village_household add column not_entitled_to_policy boolean not null default false;
-- 0 = as registered; HouseholdChanged revisions start at 1
alter table village_household add column revision int not null default 0;
