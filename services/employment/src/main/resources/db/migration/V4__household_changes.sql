-- Monitoring's HouseholdChanged (动态调整). A member who left (death, marriage out, moved, 户口迁出) stays
-- with their history (posts, attendance, trainings), marked LEFT from the day they left; the household
-- keeps the last revision applied, so a change replayed under a new event id changes nothing.
-- V4, not V3: another change to this service may take V3 in parallel.
alter table person add column member_status varchar(6) not null default 'ACTIVE'
    check (member_status in ('ACTIVE', 'LEFT'));
alter table person add column left_on date;
alter table person add column left_reason varchar(20);
alter table person add constraint person_left_on check ((member_status = 'LEFT') = (left_on is not null));

-- 0 = as registered; HouseholdChanged revisions start at 1
alter table household_category add column revision int not null default 0;
