-- The registry is live (动态调整): members join and leave, capacities and places change. A member
-- who leaves stays (status LEFT, with the date and the reason), so history keeps them; an ID number
-- is unique among the members still in a household (a daughter married out of one household may
-- marry into another).
alter table household_member add column status varchar(10) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'LEFT'));
alter table household_member add column joined_on date;
alter table household_member add column left_on date;
alter table household_member add column left_reason varchar(20);
alter table household_member drop constraint household_member_id_number_key;
alter table household_member drop constraint household_member_person_ref_key;
create unique index household_member_active_id_number on household_member (id_number) where status = 'ACTIVE';
create index household_member_id_number on household_member (id_number);
create index household_member_person_ref on household_member (person_ref);

-- Every change is a revision of the household: who recorded it, when it took effect, why (fixed
-- words, plus the cadre's own note that stays here), and each field's value before and after, so
-- the household as of any date is the current state with later-effective changes undone.
alter table household add column revision int not null default 1;

create table household_revision (
    id           bigserial primary key,
    household_id uuid         not null references household (id),
    revision     int          not null,
    kind         varchar(30)  not null,
    reason       varchar(30)  not null,
    effective_on date         not null,
    member_id    uuid,
    summary      varchar(300) not null,
    note         varchar(500),
    recorded_by  varchar(200) not null,
    recorded_at  timestamptz  not null,
    unique (household_id, revision)
);

create table household_revision_field (
    revision_id bigint      not null references household_revision (id),
    member_id   uuid,
    field       varchar(30) not null,
    old_value   varchar(100),
    new_value   varchar(100)
);
create index household_revision_field_revision on household_revision_field (revision_id);
