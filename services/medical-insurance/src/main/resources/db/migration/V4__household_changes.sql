-- Monitoring's HouseholdChanged (动态调整). A member who left stays an insured person of the household
-- with their settlements, marked LEFT from the day they left: from the day after, a new settlement of
-- theirs no longer counts as the household's (no household tilt, not in its self-pay). The household
-- keeps the last revision applied, so a change replayed under a new event id changes nothing.
-- V4, not V3: another change to this service may take V3 in parallel.
alter table insured_person add column member_status varchar(6) not null default 'ACTIVE'
    check (member_status in ('ACTIVE', 'LEFT'));
alter table insured_person add column left_on date;
alter table insured_person add column left_reason varchar(20);
alter table insured_person add constraint insured_person_left_on check ((member_status = 'LEFT') = (left_on is not null));

-- 0 = as registered; HouseholdChanged revisions start at 1
alter table insured_household add column revision int not null default 0;
