-- Civil affairs' status changes (social-assistance.status.v1): dibao and 特困 granted or stopped,
-- temporary aid paid. One row per change (its changeId), so a replay under a new event id is kept
-- once; the summary is what the household's timeline shows.
create table assistance_change (
    change_id      uuid primary key,
    household_id   uuid           not null,
    programme      varchar(15)    not null check (programme in ('DIBAO', 'TEKUN', 'TEMPORARY_AID')),
    status         varchar(10)    not null check (status in ('GRANTED', 'STOPPED', 'PAID')),
    persons        int            not null,
    amount         numeric(14, 2),
    effective_from date           not null,
    summary        varchar(300)   not null,
    recorded_at    timestamptz    not null,
    received_at    timestamptz    not null default now()
);
create index assistance_change_household on assistance_change (household_id, recorded_at);

-- Who is on dibao or 特困, per person and programme, over time: from the first paid month to the first
-- unpaid one (valid_to exclusive; null while it lasts).
create table assistance_period (
    id             uuid primary key,
    household_id   uuid        not null,
    person_id      uuid        not null,
    programme      varchar(10) not null check (programme in ('DIBAO', 'TEKUN')),
    valid_from     date        not null,
    valid_to       date,
    check (valid_to is null or valid_to >= valid_from)
);
create index assistance_period_household on assistance_period (household_id);
create unique index assistance_period_open on assistance_period (person_id, programme) where valid_to is null;
