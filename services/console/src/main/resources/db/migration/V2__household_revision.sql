-- The registry's revision of each household, so an older HouseholdChanged replayed under a new
-- event id (a dead letter replayed, a republish) cannot move a household back on the dashboards.
alter table household_view add column revision int not null default 0;
