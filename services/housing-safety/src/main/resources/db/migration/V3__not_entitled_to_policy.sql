-- 脱贫不享受政策户 (from monitoring's HouseholdRegistered): such a household is not low-income by its
-- category, so its C/D house is signalled but gets no subsidised renovation (unless civil affairs
-- assists it). Households registered before this column existed read as entitled until registered again.
alter table household add column not_entitled_to_policy boolean not null default false;
