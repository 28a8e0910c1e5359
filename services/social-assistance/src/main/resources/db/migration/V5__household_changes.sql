-- Monitoring's HouseholdChanged: the roster follows the registry. A member who left stays (status
-- LEFT, the day, the reason) so decisions and payments keep them; the last applied revision makes a
-- replay under a new event id change nothing.
alter table household_roster add column revision int not null default 1;
alter table roster_member add column status varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'LEFT'));
alter table roster_member add column left_on date;
alter table roster_member add column left_reason varchar(20);

-- A covered member who left: their share stops from stop_month (the month after they left) while
-- the grant goes on for the others; the grant is listed for review with the reason.
alter table grant_person add column stop_month date check (stop_month is null or extract(day from stop_month) = 1);
alter table grant_person add column share numeric(12, 2);
alter table assistance_grant add column review_reason varchar(30);
