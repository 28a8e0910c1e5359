-- 脱贫不享受政策户 (from monitoring's HouseholdRegistered): no share of asset income for such a household
-- (§2(1)1: 不再享受帮扶政策). Households registered before this column existed read as entitled until
-- registered again.
alter table village_household add column not_entitled_to_policy boolean not null default false;
