-- Monitoring's HouseholdChanged (动态调整): the 脱贫不享受政策户 flag (such a household is recorded but not
-- assisted: not low-income by its category), and the last revision applied, so a change replayed under
-- a new event id changes nothing. Open work follows a move (see Households.onChanged).
-- The flag's column came with V3 (from HouseholdRegistered) too: added here only if missing.
alter table household add column if not exists not_entitled_to_policy boolean not null default false;
-- 0 = as registered; HouseholdChanged revisions start at 1
alter table household add column if not exists revision int not null default 0;
